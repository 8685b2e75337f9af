/** Jobs a report's life queues, in the transaction of the write that causes them. */

/** A new report reached the inbox: tell the category's team (payload { reportId }). */
export const NOTIFY_TEAM_JOB = 'defects.notify-team';
/** A report's status changed: tell the reporter by push and e-mail if they asked (payload { reportId, updateId }). */
export const STATUS_NOTICE_JOB = 'defects.status-notice';
