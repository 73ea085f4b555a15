// The recurring retention job (hourly, on whichever instance claims it): purges the personal
// data of request cases whose period has run out, one case per transaction, and expires the
// idempotency keys and rate-limit counters past their keeping time. Each step is idempotent:
// a case already purged is skipped, so a retry after a crash only finishes the rest.
import { z } from 'zod';
import type { Kysely } from 'kysely';
import { systemActor } from '../commands/actor.js';
import type { Database } from '../db/schema.js';
import type { FileStore } from '../files/file-store.js';
import { defineJob, type RecurringJob, type RegisteredJob } from '../jobs/job-runner.js';
import { purgeCasePersonalData } from './purge-case.js';
import {
  DEFAULT_CASE_RETENTION_YEARS,
  IDEMPOTENCY_KEEP_DAYS,
  retentionCutoff,
  THROTTLE_KEEP_HOURS,
} from './retention.js';

export const RETENTION_JOB = 'privacy.retention';

export const RETENTION_RECURRING: RecurringJob = {
  key: 'privacy-retention',
  type: RETENTION_JOB,
  everyMs: 60 * 60_000,
};

/** Cases purged per run at most, so one run stays short; the next run takes the rest. */
export const PURGE_BATCH = 200;

export const RETENTION_ACTOR = systemActor('个人信息保存期限清理');

/** Today in China Standard Time (the day the agency sees). */
export function cstToday(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * Closed, unpurged cases closed on or before `cutoff`, oldest first — except those with a
 * review case over them still open or decided after the cutoff: its file is still live.
 */
export async function casesDueForPurge(
  db: Kysely<Database>,
  cutoff: string,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('requests')
    .select('id')
    .where('personal_data_purged_on', 'is', null)
    .where('closed_on', 'is not', null)
    .where('closed_on', '<=', cutoff)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('review_cases')
            .select('review_cases.id')
            .whereRef('review_cases.request_id', '=', 'requests.id')
            .where((w) =>
              w.or([
                w('review_cases.decided_on', 'is', null),
                w('review_cases.decided_on', '>', cutoff),
              ]),
            ),
        ),
      ),
    )
    .orderBy('closed_on')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Idempotency keys and throttle counters past their keeping time. */
export async function expireShortLived(db: Kysely<Database>, now: Date) {
  const keysBefore = new Date(now.getTime() - IDEMPOTENCY_KEEP_DAYS * 86_400_000).toISOString();
  const keys = await db
    .deleteFrom('request_idempotency')
    .where('created_at', '<', keysBefore)
    .executeTakeFirst();
  const countersBefore = new Date(now.getTime() - THROTTLE_KEEP_HOURS * 3600_000).toISOString();
  const counters = await db
    .deleteFrom('login_throttle')
    .where('window_started_at', '<', countersBefore)
    .where((eb) =>
      eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now.toISOString())]),
    )
    .executeTakeFirst();
  return {
    idempotencyKeys: Number(keys.numDeletedRows),
    throttleCounters: Number(counters.numDeletedRows),
  };
}

export function retentionJob(deps: {
  files: FileStore | null;
  retentionYears: number | undefined;
}): RegisteredJob {
  const years = deps.retentionYears ?? DEFAULT_CASE_RETENTION_YEARS;
  return defineJob({
    type: RETENTION_JOB,
    payload: z.object({}),
    async run(_payload, { db, clock, signal }) {
      const now = clock.now();
      const expired = await expireShortLived(db.kysely, now);
      let purged = 0;
      let failed = 0;
      if (deps.files) {
        const today = cstToday(now);
        for (const id of await casesDueForPurge(
          db.kysely,
          retentionCutoff(today, years),
          PURGE_BATCH,
        )) {
          if (signal.aborted) break;
          try {
            const r = await purgeCasePersonalData(
              { db: db.kysely, files: deps.files, clock },
              RETENTION_ACTOR,
              id,
              today,
            );
            if (r.status === 'purged') purged++;
          } catch (e) {
            // One case that cannot be redacted must not hold up the others; it stays due and
            // is tried again next run. The message names no personal value.
            failed++;
            console.error(`申请 ${id} 的个人信息未能清除：${(e as Error).message}`);
          }
        }
      }
      return { ...expired, purged, failed };
    },
  });
}
