import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { z } from 'zod';
import { createTestDb, testDialect, type TestDb } from '../../test/support/db.js';
import { openDatabase, type Db } from '../db/database.js';
import { fixedClock } from '../db/time.js';
import { scheduleJob } from './job-queue.js';
import {
  createJobRunner,
  defineJob,
  PermanentJobError,
  type JobRunnerOptions,
  type RegisteredJob,
} from './job-runner.js';

const LEASE_MS = 60_000;

function deferred<T = void>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const numbered = z.object({ n: z.number().int() });

describe(`job runner (${testDialect})`, () => {
  let db: TestDb;
  // A second connection (pool) to the same database, as another instance would have. On
  // SQLite both runners share one connection: better-sqlite3 waits for a lock
  // synchronously, so two connections in one process would block each other's progress —
  // separate processes (which is what several instances are) do not have that problem.
  let other: Db;
  const clock = fixedClock('2025-03-03T01:00:00.000Z');
  const logs: string[] = [];

  before(async () => {
    db = await createTestDb();
    other = testDialect === 'postgres' ? openDatabase(db.url, { poolSize: 4 }) : db;
  });
  after(async () => {
    if (other !== db) await other.close();
    await db.destroy();
  });
  beforeEach(async () => {
    await db.kysely.deleteFrom('jobs').execute();
    logs.length = 0;
  });

  function runner(on: Db, handlers: RegisteredJob[], extra: Partial<JobRunnerOptions> = {}) {
    return createJobRunner(
      { db: on, clock },
      { handlers, leaseMs: LEASE_MS, log: (m) => logs.push(m), ...extra },
    );
  }

  async function job(id: string) {
    return db.kysely.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  }

  test('a job scheduled in a transaction that rolls back does not exist; a committed one does', async () => {
    await assert.rejects(
      db.kysely.transaction().execute(async (trx) => {
        await scheduleJob(trx, { type: 'test.x', payload: { n: 1 } }, clock);
        throw new Error('the change fails');
      }),
      /the change fails/,
    );
    assert.equal((await db.kysely.selectFrom('jobs').select('id').execute()).length, 0);

    const id = await db.kysely
      .transaction()
      .execute((trx) => scheduleJob(trx, { type: 'test.x', payload: { n: 2 } }, clock));
    const row = await job(id!);
    assert.equal(row.status, 'pending');
    assert.deepEqual(JSON.parse(row.payload_json), { n: 2 });
    assert.equal(row.run_at, clock.now().toISOString());
  });

  test('one pending job per unique key; the key is free again once the job is claimed', async () => {
    const first = await scheduleJob(db.kysely, { type: 'test.k', uniqueKey: 'k' }, clock);
    const second = await scheduleJob(db.kysely, { type: 'test.k', uniqueKey: 'k' }, clock);
    assert.ok(first);
    assert.equal(second, null);
    const started = deferred();
    const release = deferred();
    const r = runner(db, [
      defineJob({
        type: 'test.k',
        payload: z.unknown(),
        run: async () => {
          started.resolve();
          await release.promise;
        },
      }),
    ]);
    const run = r.runOnce();
    await started.promise;
    // While the first one runs, a change must be able to ask for another run.
    const third = await scheduleJob(db.kysely, { type: 'test.k', uniqueKey: 'k' }, clock);
    assert.ok(third && third !== first);
    release.resolve();
    const reports = await run;
    assert.deepEqual(
      reports.map((x) => [x.jobId, x.outcome]),
      [
        [first, 'done'],
        [third, 'done'],
      ],
    );
  });

  test('two runners polling the same jobs in turn: every job runs once and is done once', async () => {
    const N = 40;
    for (let n = 0; n < N; n++)
      await scheduleJob(db.kysely, { type: 'test.count', payload: { n } }, clock);
    const calls = new Map<number, string[]>();
    const counting = (name: string) =>
      defineJob({
        type: 'test.count',
        payload: numbered,
        run: async ({ n }) => {
          calls.set(n, [...(calls.get(n) ?? []), name]);
          // Let the other runner claim while this one is busy.
          await new Promise((r) => setImmediate(r));
          return { n, by: name };
        },
      });
    const a = runner(db, [counting('a')], { batchSize: 3, workerId: 'a' });
    const b = runner(other, [counting('b')], { batchSize: 3, workerId: 'b' });
    const done = { a: 0, b: 0 };
    for (let round = 0; round < N; round++) {
      const [ra, rb] = await Promise.all([a.runOnce(), b.runOnce()]);
      done.a += ra.filter((x) => x.outcome === 'done').length;
      done.b += rb.filter((x) => x.outcome === 'done').length;
      if (ra.length + rb.length === 0) break;
    }
    assert.equal(calls.size, N);
    for (const [n, by] of calls) assert.equal(by.length, 1, `job ${n} ran ${by.length} times`);
    assert.equal(done.a + done.b, N);
    assert.ok(done.a > 0 && done.b > 0, `both runners worked (a ${done.a}, b ${done.b})`);
    const rows = await db.kysely.selectFrom('jobs').selectAll().execute();
    assert.equal(rows.length, N);
    for (const row of rows) {
      assert.equal(row.status, 'done');
      assert.equal(Number(row.attempts), 1);
      assert.equal(row.locked_by, null);
      const result = JSON.parse(row.result_json ?? 'null') as { n: number; by: string };
      assert.deepEqual(calls.get(result.n), [result.by]);
    }
  });

  test('a worker that dies mid-run: once its lease ends another runner runs the job; the late outcome is ignored', async () => {
    const id = await scheduleJob(db.kysely, { type: 'test.slow', payload: { n: 7 } }, clock);
    const started = deferred();
    const hung = deferred<string>();
    const dying = runner(
      db,
      [
        defineJob({
          type: 'test.slow',
          payload: numbered,
          run: async () => {
            started.resolve();
            return hung.promise;
          },
        }),
      ],
      { workerId: 'dying' },
    );
    const healthy = runner(
      other,
      [
        defineJob({
          type: 'test.slow',
          payload: numbered,
          run: async ({ n }) => ({ n, ok: true }),
        }),
      ],
      { workerId: 'healthy' },
    );
    const deadRun = dying.runOnce();
    await started.promise;
    assert.equal((await job(id!)).locked_by, 'dying');

    // Within the lease the job is not anyone else's.
    clock.advance(LEASE_MS - 1);
    assert.deepEqual(await healthy.runOnce(), []);
    clock.advance(1);
    const taken = await healthy.runOnce();
    assert.deepEqual(
      taken.map((x) => [x.jobId, x.attempt, x.outcome]),
      [[id, 2, 'done']],
    );
    const row = await job(id!);
    assert.equal(row.status, 'done');
    assert.equal(Number(row.attempts), 2);
    assert.deepEqual(JSON.parse(row.result_json!), { n: 7, ok: true });

    // The first worker comes back to life and finishes: its outcome must not overwrite.
    hung.resolve('stale');
    assert.deepEqual(
      (await deadRun).map((x) => x.outcome),
      ['lost'],
    );
    assert.deepEqual(JSON.parse((await job(id!)).result_json!), { n: 7, ok: true });
  });

  test('a job whose every attempt was cut off fails once its attempts are used up', async () => {
    const id = await scheduleJob(
      db.kysely,
      { type: 'test.slow', payload: { n: 1 }, maxAttempts: 1 },
      clock,
    );
    const started = deferred();
    const hung = deferred();
    const dying = runner(db, [
      defineJob({
        type: 'test.slow',
        payload: numbered,
        run: async () => {
          started.resolve();
          await hung.promise;
        },
      }),
    ]);
    const deadRun = dying.runOnce();
    await started.promise;
    clock.advance(LEASE_MS);
    let ran = false;
    const next = runner(other, [
      defineJob({
        type: 'test.slow',
        payload: numbered,
        run: async () => {
          ran = true;
        },
      }),
    ]);
    assert.deepEqual(await next.runOnce(), []);
    assert.equal(ran, false);
    const row = await job(id!);
    assert.equal(row.status, 'failed');
    assert.match(row.last_error ?? '', /执行中断（共尝试 1 次/);
    assert.ok(row.finished_at);
    hung.resolve();
    assert.deepEqual(
      (await deadRun).map((x) => x.outcome),
      ['lost'],
    );
  });

  test('a failing handler is retried after growing delays, then failed with its error', async () => {
    const id = await scheduleJob(
      db.kysely,
      { type: 'test.fail', payload: { n: 1 }, maxAttempts: 3 },
      clock,
    );
    let calls = 0;
    const r = runner(db, [
      defineJob({
        type: 'test.fail',
        payload: numbered,
        run: async () => {
          calls++;
          throw new Error(`第${calls}次：服务暂不可用`);
        },
      }),
    ]);
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 2; attempt++) {
      const before = clock.now().getTime();
      assert.deepEqual(
        (await r.runOnce()).map((x) => [x.attempt, x.outcome]),
        [[attempt, 'retry']],
      );
      const row = await job(id!);
      assert.equal(row.status, 'pending');
      assert.equal(row.last_error, `第${attempt}次：服务暂不可用`);
      const delay = new Date(row.run_at).getTime() - before;
      delays.push(delay);
      // Not due before the delay has passed.
      clock.advance(delay - 1);
      assert.deepEqual(await r.runOnce(), []);
      clock.advance(1);
    }
    assert.ok(delays[0]! > 0 && delays[1]! > delays[0]!, `delays grow: ${delays.join(', ')}`);
    assert.deepEqual(
      (await r.runOnce()).map((x) => [x.attempt, x.outcome]),
      [[3, 'failed']],
    );
    const row = await job(id!);
    assert.equal(row.status, 'failed');
    assert.equal(Number(row.attempts), 3);
    assert.equal(row.last_error, '第3次：服务暂不可用');
    clock.advance(24 * 3600_000);
    assert.deepEqual(await r.runOnce(), []);
    assert.equal(calls, 3);
    assert.ok(logs.some((l) => /test\.fail.*已停止重试.*第3次/.test(l)));
  });

  test('a payload the handler refuses, or a permanent error, fails the job without retrying', async () => {
    const bad = await scheduleJob(db.kysely, { type: 'test.p', payload: { n: 'x' } }, clock);
    const gone = await scheduleJob(db.kysely, { type: 'test.p', payload: { n: 2 } }, clock);
    const r = runner(db, [
      defineJob({
        type: 'test.p',
        payload: numbered,
        run: async () => {
          throw new PermanentJobError('该记录已删除');
        },
      }),
    ]);
    const reports = await r.runOnce();
    assert.deepEqual(reports.map((x) => x.outcome).sort(), ['failed', 'failed']);
    assert.match((await job(bad!)).last_error ?? '', /任务数据格式不正确/);
    assert.equal((await job(gone!)).last_error, '该记录已删除');
  });

  test('recurring jobs: one pending instance per key; the next is scheduled when one ends', async () => {
    const every = 10 * 60_000;
    let runs = 0;
    const tick = defineJob({
      type: 'test.tick',
      payload: z.object({}),
      run: async () => ({ run: ++runs }),
    });
    const recurring = [{ key: 'tick', type: 'test.tick', everyMs: every }];
    const a = runner(db, [tick], { recurring });
    const b = runner(other, [tick], { recurring });
    // Several instances starting at once.
    await Promise.all([a.ensureRecurring(), b.ensureRecurring(), a.ensureRecurring()]);
    const pending = () =>
      db.kysely.selectFrom('jobs').selectAll().where('status', '=', 'pending').execute();
    assert.equal((await pending()).length, 1);

    assert.deepEqual(
      (await a.runOnce()).map((x) => x.outcome),
      ['done'],
    );
    const [next] = await pending();
    assert.equal(next?.recurring_key, 'tick');
    assert.equal(next?.run_at, new Date(clock.now().getTime() + every).toISOString());
    await b.ensureRecurring();
    assert.equal((await pending()).length, 1);
    assert.deepEqual(await b.runOnce(), []);
    clock.advance(every);
    assert.deepEqual(
      (await b.runOnce()).map((x) => x.outcome),
      ['done'],
    );
    assert.equal(runs, 2);
    assert.equal((await pending()).length, 1);
  });

  test('a runner only claims the types it was given', async () => {
    const id = await scheduleJob(db.kysely, { type: 'test.unknown' }, clock);
    const r = runner(db, [
      defineJob({ type: 'test.other', payload: z.unknown(), run: async () => 1 }),
    ]);
    assert.deepEqual(await r.runOnce(), []);
    assert.equal((await job(id!)).status, 'pending');
    assert.throws(
      () =>
        runner(db, [
          defineJob({ type: 'test.dup', payload: z.unknown(), run: async () => 1 }),
          defineJob({ type: 'test.dup', payload: z.unknown(), run: async () => 2 }),
        ]),
      /registered twice/,
    );
    assert.throws(
      () => runner(db, [], { recurring: [{ key: 'x', type: 'test.none', everyMs: 1000 }] }),
      /no handler/,
    );
  });

  test('start polls in the background; stop waits for the job in progress to be recorded', async () => {
    const started = deferred();
    const release = deferred();
    const r = runner(
      db,
      [
        defineJob({
          type: 'test.bg',
          payload: z.unknown(),
          run: async () => {
            started.resolve();
            await release.promise;
            return 'finished';
          },
        }),
      ],
      { pollIntervalMs: 5 },
    );
    await r.start();
    const id = await scheduleJob(db.kysely, { type: 'test.bg' }, clock);
    await started.promise;
    const stopped = r.stop();
    release.resolve();
    await stopped;
    const row = await job(id!);
    assert.equal(row.status, 'done');
    assert.equal(row.result_json, '"finished"');
  });
});
