// The jobs table: scheduling, claiming under a lease, and recording how a run ended.
// All SQL for jobs is here; the runner (job-runner.ts) decides when to call what.
// See docs/decisions/0013-jobs-and-files.md.
import { randomBytes } from 'node:crypto';
import { PostgresAdapter, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Database, JobRow } from '../db/schema.js';
import type { Clock } from '../db/time.js';

type Q = Kysely<Database>;

export type JobStatus = 'pending' | 'running' | 'done' | 'failed';

export const DEFAULT_MAX_ATTEMPTS = 5;

export interface ScheduleJobInput {
  type: string;
  /** Anything JSON can hold; the handler validates it when the job runs. */
  payload?: unknown;
  /** Not before this instant (default: now). */
  runAt?: Date;
  maxAttempts?: number;
  /**
   * At most one job with this key waits to run at a time: scheduling again while one is
   * pending does nothing. The key is released when the job is claimed, so a change made
   * while the job runs schedules a fresh one.
   */
  uniqueKey?: string;
  /** Marks an instance of a recurring job (set by the runner). */
  recurringKey?: string;
}

/**
 * Schedules a job. Pass the caller's transaction: the job is committed if and only if the
 * change that asked for it is. Returns the job's id, or null when a pending job with the
 * same `uniqueKey` already exists.
 */
export async function scheduleJob(
  db: Q,
  input: ScheduleJobInput,
  clock: Clock,
): Promise<string | null> {
  const maxAttempts = input.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1)
    throw new RangeError(`maxAttempts must be a positive integer, got ${maxAttempts}`);
  const now = clock.now().toISOString();
  const id = randomBytes(16).toString('hex');
  const result = await db
    .insertInto('jobs')
    .values({
      id,
      type: input.type,
      payload_json: JSON.stringify(input.payload ?? null),
      status: 'pending',
      run_at: (input.runAt ?? clock.now()).toISOString(),
      attempts: 0,
      max_attempts: maxAttempts,
      locked_until: null,
      locked_by: null,
      unique_key: input.uniqueKey ?? null,
      recurring_key: input.recurringKey ?? null,
      result_json: null,
      last_error: null,
      created_at: now,
      updated_at: now,
      finished_at: null,
    })
    .onConflict((oc) => oc.column('unique_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0 ? id : null;
}

/** A job as the runner sees it after claiming it. */
export interface ClaimedJob {
  id: string;
  type: string;
  payload: unknown;
  /** 1 for the first run. */
  attempt: number;
  maxAttempts: number;
  recurringKey: string | null;
  lockedBy: string;
  lockedUntil: string;
}

function toClaimed(row: JobRow): ClaimedJob {
  return {
    id: row.id,
    type: row.type,
    payload: JSON.parse(row.payload_json) as unknown,
    attempt: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    recurringKey: row.recurring_key,
    lockedBy: row.locked_by ?? '',
    lockedUntil: row.locked_until ?? '',
  };
}

/**
 * Claims one job that is due — pending with run_at reached, or running under a lease that
 * has ended (its worker died) — and not out of attempts, among `types`. One statement, so
 * two pollers never claim the same job: on PostgreSQL the candidate row is locked with
 * FOR UPDATE SKIP LOCKED (a concurrent poller takes the next one instead of waiting); SQLite
 * runs one writing statement at a time, and the outer WHERE repeats the condition so the
 * row is only taken if it is still claimable when the UPDATE runs.
 */
export async function claimNextJob(
  db: Q,
  options: { types: readonly string[]; workerId: string; leaseMs: number; now: Date },
): Promise<ClaimedJob | null> {
  if (options.types.length === 0) return null;
  const now = options.now.toISOString();
  const leaseEnd = new Date(options.now.getTime() + options.leaseMs).toISOString();
  const claimable = (eb: ExpressionBuilder<Database, 'jobs'>) =>
    eb.and([
      eb('type', 'in', options.types),
      eb('attempts', '<', eb.ref('max_attempts')),
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', now)]),
        eb.and([eb('status', '=', 'running'), eb('locked_until', '<=', now)]),
      ]),
    ]);
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const row = await db
    .updateTable('jobs')
    .set((eb) => ({
      status: 'running',
      attempts: eb('attempts', '+', 1),
      locked_by: options.workerId,
      locked_until: leaseEnd,
      unique_key: null,
      updated_at: now,
    }))
    .where((eb) =>
      eb(
        'id',
        '=',
        eb
          .selectFrom('jobs')
          .select('id')
          .where(claimable)
          .orderBy('run_at')
          .orderBy('id')
          .limit(1)
          .$if(postgres, (q) => q.forUpdate().skipLocked()),
      ),
    )
    .where(claimable)
    .returningAll()
    .executeTakeFirst();
  return row ? toClaimed(row) : null;
}

/** Only the worker that holds this attempt's lease may record its outcome. */
function ownedBy(job: ClaimedJob) {
  return (eb: ExpressionBuilder<Database, 'jobs'>) =>
    eb.and([
      eb('id', '=', job.id),
      eb('status', '=', 'running'),
      eb('locked_by', '=', job.lockedBy),
      eb('attempts', '=', job.attempt),
    ]);
}

/** Records success. False when the lease was lost (another worker took the job over). */
export async function markJobDone(
  db: Q,
  job: ClaimedJob,
  result: unknown,
  now: Date,
): Promise<boolean> {
  const t = now.toISOString();
  const r = await db
    .updateTable('jobs')
    .set({
      status: 'done',
      result_json: result === undefined ? null : JSON.stringify(result),
      locked_by: null,
      locked_until: null,
      finished_at: t,
      updated_at: t,
    })
    .where(ownedBy(job))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/**
 * Records a failed attempt: back to pending at `retryAt`, or — when `retryAt` is null (no
 * attempts left, or a failure that retrying cannot cure) — failed for good. Returns the new
 * status, or null when the lease was lost.
 */
export async function markJobFailed(
  db: Q,
  job: ClaimedJob,
  error: string,
  retryAt: Date | null,
  now: Date,
): Promise<'pending' | 'failed' | null> {
  const t = now.toISOString();
  const r = await db
    .updateTable('jobs')
    .set(
      retryAt
        ? {
            status: 'pending',
            run_at: retryAt.toISOString(),
            last_error: error,
            locked_by: null,
            locked_until: null,
            updated_at: t,
          }
        : {
            status: 'failed',
            last_error: error,
            locked_by: null,
            locked_until: null,
            finished_at: t,
            updated_at: t,
          },
    )
    .where(ownedBy(job))
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) return null;
  return retryAt ? 'pending' : 'failed';
}

/**
 * Jobs whose last attempt's lease ended without an outcome and that have no attempts left
 * are failed with `error`; returns them (the runner schedules the next run of recurring
 * ones). The condition is in the UPDATE itself, so two pollers cannot both fail one job.
 */
export async function failAbandonedJobs(
  db: Q,
  types: readonly string[],
  error: (attempts: number) => string,
  now: Date,
): Promise<{ id: string; type: string; recurringKey: string | null }[]> {
  if (types.length === 0) return [];
  const t = now.toISOString();
  const abandoned = await db
    .selectFrom('jobs')
    .select(['id', 'attempts'])
    .where('type', 'in', types)
    .where('status', '=', 'running')
    .where('locked_until', '<=', t)
    .where((eb) => eb('attempts', '>=', eb.ref('max_attempts')))
    .execute();
  const failed: { id: string; type: string; recurringKey: string | null }[] = [];
  for (const a of abandoned) {
    const row = await db
      .updateTable('jobs')
      .set({
        status: 'failed',
        last_error: error(Number(a.attempts)),
        locked_by: null,
        locked_until: null,
        finished_at: t,
        updated_at: t,
      })
      .where('id', '=', a.id)
      .where('status', '=', 'running')
      .where('locked_until', '<=', t)
      .returning(['id', 'type', 'recurring_key'])
      .executeTakeFirst();
    if (row) failed.push({ id: row.id, type: row.type, recurringKey: row.recurring_key });
  }
  return failed;
}

/** Finished jobs are history for a while, then clutter: removes those finished before the cut-offs. */
export async function purgeFinishedJobs(
  db: Q,
  cutoffs: { doneBefore: Date; failedBefore: Date },
): Promise<number> {
  const r = await db
    .deleteFrom('jobs')
    .where((eb) =>
      eb.or([
        eb.and([
          eb('status', '=', 'done'),
          eb('finished_at', '<', cutoffs.doneBefore.toISOString()),
        ]),
        eb.and([
          eb('status', '=', 'failed'),
          eb('finished_at', '<', cutoffs.failedBefore.toISOString()),
        ]),
      ]),
    )
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
