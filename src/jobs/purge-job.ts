// Housekeeping, every ten minutes on whichever instance claims it: expired sessions and
// check results, finished jobs past their keeping time, and what a crash left staged in the
// file store. Each step is idempotent, so a retry after a crash is harmless.
import { purgeExpiredSessions } from '../auth/sessions.js';
import type { FileStore } from '../files/file-store.js';
import { purgeExpiredCheckResults } from '../reports/check-console/result-store.js';
import { z } from 'zod';
import { purgeFinishedJobs } from './job-queue.js';
import { defineJob, type RecurringJob, type RegisteredJob } from './job-runner.js';

export const PURGE_JOB = 'maintenance.purge';

export const PURGE_RECURRING: RecurringJob = {
  key: 'purge',
  type: PURGE_JOB,
  everyMs: 10 * 60_000,
};

const DAY_MS = 24 * 60 * 60_000;
/** Done jobs are kept a week, failed ones a month: long enough for someone to look. */
const KEEP_DONE_MS = 7 * DAY_MS;
const KEEP_FAILED_MS = 30 * DAY_MS;

export function purgeJob(deps: { files: FileStore | null }): RegisteredJob {
  return defineJob({
    type: PURGE_JOB,
    payload: z.object({}),
    async run(_payload, { db, clock }) {
      const now = clock.now();
      await purgeExpiredSessions(db.kysely, now);
      const checkResults = await purgeExpiredCheckResults(db.kysely, now);
      const finishedJobs = await purgeFinishedJobs(db.kysely, {
        doneBefore: new Date(now.getTime() - KEEP_DONE_MS),
        failedBefore: new Date(now.getTime() - KEEP_FAILED_MS),
      });
      const stagedFiles = deps.files ? await deps.files.sweep(now) : null;
      return { checkResults, finishedJobs, stagedFiles };
    },
  });
}
