import type { JobHandler } from '../../../core/jobs/job-queue.ts';
import { STATUS_NOTICE_JOB } from '../reports/report-jobs.ts';
import { STATUS_MAIL_JOB, STATUS_PUSH_JOB, statusMailJob, statusNoticeJob, statusPushJob } from './status-notice-job.ts';

/** The jobs this part of the module handles. */
export const defectsApiJobs: Record<string, JobHandler> = { [STATUS_NOTICE_JOB]: statusNoticeJob, [STATUS_PUSH_JOB]: statusPushJob, [STATUS_MAIL_JOB]: statusMailJob };
