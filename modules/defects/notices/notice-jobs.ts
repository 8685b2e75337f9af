import type { JobHandler } from '../../../core/jobs/job-queue.ts';
import { STATUS_NOTICE_JOB } from '../reports/report-jobs.ts';
import { statusNoticeJob } from './status-notice-job.ts';

/** The jobs this part of the module handles. */
export const defectsApiJobs: Record<string, JobHandler> = { [STATUS_NOTICE_JOB]: statusNoticeJob };
