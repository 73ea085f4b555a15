// The poller that `gongkai serve` runs: claims due jobs one at a time under a lease, runs
// the handler registered for the job's type, and records the outcome. Several instances may
// poll the same database; each claim is one atomic statement (job-queue.ts). Handlers come
// from the list given at start-up — nothing registers itself by being imported.
//
// A job runs at least once and its outcome is recorded exactly once: when a worker dies (or
// overruns its lease) another one runs the job again, so handlers must be idempotent.
// See docs/decisions/0013-jobs-and-files.md.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { z } from 'zod';
import type { Db } from '../db/database.js';
import type { Clock } from '../db/time.js';
import {
  claimNextJob,
  failAbandonedJobs,
  markJobDone,
  markJobFailed,
  scheduleJob,
  type ClaimedJob,
} from './job-queue.js';

export interface JobContext {
  db: Db;
  clock: Clock;
  /** Aborted when the run outlasts its lease or the runner stops before it ends. */
  signal: AbortSignal;
  job: { id: string; type: string; attempt: number; maxAttempts: number };
}

export interface JobDefinition<P> {
  type: string;
  /** Validates the stored payload; a payload it refuses fails the job without retrying. */
  payload: z.ZodType<P>;
  /** Does the work; what it returns (JSON) is recorded as the job's result. */
  run(payload: P, ctx: JobContext): Promise<unknown>;
}

/** A handler as the runner holds it: the payload type is checked inside. */
export interface RegisteredJob {
  readonly type: string;
  run(payload: unknown, ctx: JobContext): Promise<unknown>;
}

/** A failure that retrying cannot cure (a malformed payload, a deleted subject). */
export class PermanentJobError extends Error {}

export function defineJob<P>(def: JobDefinition<P>): RegisteredJob {
  return {
    type: def.type,
    async run(raw, ctx) {
      const parsed = def.payload.safeParse(raw);
      if (!parsed.success) {
        throw new PermanentJobError(
          `任务数据格式不正确，无法执行：${parsed.error.issues.map((i) => i.message).join('；')}`,
        );
      }
      return def.run(parsed.data, ctx);
    },
  };
}

export interface RecurringJob {
  /** Stable name; one pending instance per key exists at any time. */
  key: string;
  type: string;
  everyMs: number;
  payload?: unknown;
}

export interface JobRunnerOptions {
  handlers: readonly RegisteredJob[];
  recurring?: readonly RecurringJob[];
  /** Names this runner in the lease (default: host, process and a random suffix). */
  workerId?: string;
  /** How long a claimed job is ours; after that another runner may take it over. */
  leaseMs?: number;
  /** Pause between polls when nothing was due. */
  pollIntervalMs?: number;
  /** At most this many jobs per poll, so a stop request is honoured between batches. */
  batchSize?: number;
  /** Delay before attempt n+1 after attempt n failed. */
  retryDelayMs?: (attempt: number) => number;
  log?: (message: string) => void;
}

export type RunOutcome = 'done' | 'retry' | 'failed' | 'lost';

export interface RunReport {
  jobId: string;
  type: string;
  attempt: number;
  outcome: RunOutcome;
}

export interface JobRunner {
  readonly workerId: string;
  /** Schedules the first instance of every recurring job that has no pending one. */
  ensureRecurring(): Promise<void>;
  /** One poll: fails abandoned jobs, then claims and runs due jobs (up to the batch size). */
  runOnce(): Promise<RunReport[]>;
  /** Schedules the recurring jobs, then polls in the background until stop(). */
  start(): Promise<void>;
  /** Stops polling and waits up to `graceMs` for the job in progress to finish. */
  stop(graceMs?: number): Promise<void>;
}

export const DEFAULT_LEASE_MS = 5 * 60_000;
const DEFAULT_POLL_MS = 2_000;
const DEFAULT_BATCH = 10;
const MAX_ERROR_LENGTH = 2_000;

/** 30 s, 1 min, 2 min, … at most an hour: a fault that needs a person gets time to be fixed. */
export function defaultRetryDelayMs(attempt: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 60 * 60_000);
}

export function recurringUniqueKey(key: string): string {
  return `recurring:${key}`;
}

class LeaseExceeded extends Error {}

function messageOf(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.length > MAX_ERROR_LENGTH ? `${m.slice(0, MAX_ERROR_LENGTH)}…` : m;
}

export function createJobRunner(
  deps: { db: Db; clock: Clock },
  options: JobRunnerOptions,
): JobRunner {
  const handlers = new Map<string, RegisteredJob>();
  for (const h of options.handlers) {
    if (handlers.has(h.type)) throw new Error(`job type ${h.type} is registered twice`);
    handlers.set(h.type, h);
  }
  const recurring = new Map<string, RecurringJob>();
  for (const r of options.recurring ?? []) {
    if (!handlers.has(r.type)) throw new Error(`recurring job ${r.key} has no handler (${r.type})`);
    if (!(r.everyMs > 0)) throw new Error(`recurring job ${r.key} needs a positive interval`);
    recurring.set(r.key, r);
  }
  const types = [...handlers.keys()];
  const workerId =
    options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const pollMs = options.pollIntervalMs ?? DEFAULT_POLL_MS;
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const retryDelay = options.retryDelayMs ?? defaultRetryDelayMs;
  const log = options.log ?? ((m: string) => console.error(m));
  const { db, clock } = deps;

  let stopping = false;
  let loop: Promise<void> | null = null;
  let wake: (() => void) | null = null;
  const inflight = new Set<AbortController>();

  /** The next instance of a recurring job, in the transaction that ends the current one. */
  async function scheduleNext(trx: Db['kysely'], recurringKey: string | null, now: Date) {
    const def = recurringKey ? recurring.get(recurringKey) : undefined;
    if (!def) return;
    await scheduleJob(
      trx,
      {
        type: def.type,
        payload: def.payload ?? {},
        runAt: new Date(now.getTime() + def.everyMs),
        uniqueKey: recurringUniqueKey(def.key),
        recurringKey: def.key,
      },
      clock,
    );
  }

  async function execute(job: ClaimedJob): Promise<RunOutcome> {
    const handler = handlers.get(job.type)!;
    const controller = new AbortController();
    inflight.add(controller);
    let timer: NodeJS.Timeout | undefined;
    let result: unknown;
    let failure: unknown = null;
    try {
      const run = Promise.resolve().then(() =>
        handler.run(job.payload, {
          db,
          clock,
          signal: controller.signal,
          job: { id: job.id, type: job.type, attempt: job.attempt, maxAttempts: job.maxAttempts },
        }),
      );
      // A handler that never settles must not hold the runner: past the lease another
      // runner may already be running the job again.
      run.catch(() => {});
      const overrun = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new LeaseExceeded()), leaseMs);
        timer.unref();
      });
      result = await Promise.race([run, overrun]);
      if (result !== undefined) JSON.stringify(result); // a result that cannot be stored is a failure
    } catch (e) {
      failure = e;
      if (e instanceof LeaseExceeded) controller.abort();
    } finally {
      clearTimeout(timer);
      inflight.delete(controller);
    }

    const now = clock.now();
    if (failure === null) {
      const owned = await db.kysely.transaction().execute(async (trx) => {
        const ok = await markJobDone(trx, job, result, now);
        if (ok) await scheduleNext(trx, job.recurringKey, now);
        return ok;
      });
      return owned ? 'done' : 'lost';
    }

    const error =
      failure instanceof LeaseExceeded
        ? `执行超过 ${Math.round(leaseMs / 1000)} 秒仍未结束，已中止`
        : messageOf(failure);
    const permanent = failure instanceof PermanentJobError;
    const retryAt =
      permanent || job.attempt >= job.maxAttempts
        ? null
        : new Date(now.getTime() + retryDelay(job.attempt));
    const status = await db.kysely.transaction().execute(async (trx) => {
      const s = await markJobFailed(trx, job, error, retryAt, now);
      if (s === 'failed') await scheduleNext(trx, job.recurringKey, now);
      return s;
    });
    if (status === null) return 'lost';
    log(
      status === 'pending'
        ? `后台任务 ${job.type}（${job.id}）第 ${job.attempt} 次执行失败，将于 ${retryAt!.toISOString()} 重试：${error}`
        : `后台任务 ${job.type}（${job.id}）执行失败，已停止重试（共 ${job.attempt} 次）：${error}`,
    );
    return status === 'pending' ? 'retry' : 'failed';
  }

  async function failAbandoned(): Promise<void> {
    const now = clock.now();
    const failed = await db.kysely.transaction().execute(async (trx) => {
      const rows = await failAbandonedJobs(
        trx,
        types,
        (n) => `执行中断（共尝试 ${n} 次，每次都在完成前中断），已停止重试`,
        now,
      );
      for (const r of rows) await scheduleNext(trx, r.recurringKey, now);
      return rows;
    });
    for (const f of failed) log(`后台任务 ${f.type}（${f.id}）多次执行中断，已停止重试`);
  }

  async function runOnce(): Promise<RunReport[]> {
    await failAbandoned();
    const reports: RunReport[] = [];
    while (!stopping && reports.length < batchSize) {
      const job = await claimNextJob(db.kysely, { types, workerId, leaseMs, now: clock.now() });
      if (!job) break;
      const outcome = await execute(job);
      reports.push({ jobId: job.id, type: job.type, attempt: job.attempt, outcome });
    }
    return reports;
  }

  async function ensureRecurring(): Promise<void> {
    for (const def of recurring.values()) {
      await scheduleJob(
        db.kysely,
        {
          type: def.type,
          payload: def.payload ?? {},
          uniqueKey: recurringUniqueKey(def.key),
          recurringKey: def.key,
        },
        clock,
      );
    }
  }

  function pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(resolve, ms);
      t.unref();
      wake = () => {
        clearTimeout(t);
        resolve();
      };
    });
  }

  async function pollLoop(): Promise<void> {
    while (!stopping) {
      let processed = 0;
      try {
        processed = (await runOnce()).length;
      } catch (e) {
        log(`后台任务轮询出错，稍后重试：${messageOf(e)}`);
      }
      if (!stopping && processed < batchSize) await pause(pollMs);
    }
  }

  return {
    workerId,
    ensureRecurring,
    runOnce,
    async start() {
      if (loop) return;
      stopping = false;
      await ensureRecurring();
      loop = pollLoop();
    },
    async stop(graceMs = 10_000) {
      stopping = true;
      wake?.();
      if (!loop) return;
      let timer: NodeJS.Timeout | undefined;
      const finished = await Promise.race([
        loop.then(() => true),
        new Promise<false>((resolve) => {
          timer = setTimeout(() => resolve(false), graceMs);
          timer.unref();
        }),
      ]);
      clearTimeout(timer);
      if (!finished) {
        for (const c of inflight) c.abort();
        log('停止时仍有后台任务未完成：租约到期后会由其他实例或下次启动时重新执行');
      }
      loop = null;
    },
  };
}
