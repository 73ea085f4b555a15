// A mixed load on a real `gongkai serve`: applicants submitting applications through the API
// and readers opening the catalogue, all at once, for a fixed time, each client on its own
// kept-alive connection (autocannon, bench/http-load.ts). Reports requests, errors (any status
// other than the expected one, any failed or timed-out request) and exact latency
// percentiles over every request. Used by `npm run bench` (bench/run.ts) and, shorter, by
// test/http/load.test.ts. Only ever pointed at servers started on 127.0.0.1 by the caller.
import { randomUUID } from 'node:crypto';
import { cannon, summarize } from './http-load.js';

export interface MixedLoadOptions {
  base: string;
  applicants: number;
  readers: number;
  seconds: number;
  /** The application JSON to submit (a fresh Idempotency-Key each time). */
  application: unknown;
}

export interface MixedLoadResult {
  requests: number;
  submissions: number;
  reads: number;
  errors: number;
  /** Error descriptions, at most 10, for the report. */
  samples: string[];
  p50: number;
  p95: number;
  p99: number;
  perSecond: number;
}

/**
 * How long the readers' connections are given to be accepted before the applicants start.
 * Started together, the applicants' connections were accepted first and their submissions
 * then kept the server's one thread busy; the readers' connections, asked a moment later,
 * waited in the kernel's accept queue (121 of 150 still there after 7 s) and in some runs none
 * was answered at all — on two cores shared with the load generator, a saturated Node process
 * accepts new connections only as its load eases (docs/reliability.md, "Load").
 * What this load proves is how the platform answers many clients at once; accepting new ones
 * under saturation is a separate matter.
 */
const READERS_HEAD_START_MS = 300;

export async function mixedLoad(o: MixedLoadOptions): Promise<MixedLoadResult> {
  const reading = cannon({
    url: `${o.base}/agencies/lingshanwei/catalogue`,
    connections: o.readers,
    seconds: o.seconds,
    expectedStatus: 200,
  });
  await new Promise((resolve) => setTimeout(resolve, READERS_HEAD_START_MS));
  const [apply, read] = await Promise.all([
    cannon({
      url: `${o.base}/api/v1/agencies/lingshanwei/requests`,
      connections: o.applicants,
      seconds: o.seconds,
      expectedStatus: 201,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(o.application),
      perRequestHeaders: () => ({ 'idempotency-key': randomUUID() }),
    }),
    reading,
  ]);
  const all = summarize([
    { ...apply, ms: Math.max(apply.ms, read.ms) },
    { ...read, ms: 0 },
  ]);
  const samples: string[] = [];
  for (const [kind, run, expected] of [
    ['apply', apply, 201],
    ['read', read, 200],
  ] as const) {
    for (const [status, count] of run.statuses)
      if (status !== expected) samples.push(`${kind}: ${count} × HTTP ${status}`);
    for (const f of run.failures) samples.push(`${kind}: ${f}`);
  }
  return {
    requests: all.requests,
    submissions: apply.statuses.get(201) ?? 0,
    reads: read.statuses.get(200) ?? 0,
    errors: all.errors,
    samples: samples.slice(0, 10),
    p50: all.p50,
    p95: all.p95,
    p99: all.p99,
    perSecond: all.perSecond,
  };
}

/** The bench's clients and time: a few hundred at once, for a minute. */
const BENCH_APPLICANTS = 150;
const BENCH_READERS = 150;
const BENCH_SECONDS = 60;

async function benchOn(pgUrl: string | undefined): Promise<void> {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { createTestDb } = await import('../test/support/db.js');
  const { startServe } = await import('../test/support/server-process.js');
  const { seedDemo } = await import('../src/demo/seed-demo.js');
  const { systemClock } = await import('../src/db/time.js');
  const { PERSON } = await import('../test/support/requests.js');
  // createTestDb picks the database from TEST_DATABASE_URL when it is called.
  const saved = process.env.TEST_DATABASE_URL;
  if (pgUrl) process.env.TEST_DATABASE_URL = pgUrl;
  else delete process.env.TEST_DATABASE_URL;
  const db = await createTestDb().finally(() => {
    if (saved === undefined) delete process.env.TEST_DATABASE_URL;
    else process.env.TEST_DATABASE_URL = saved;
  });
  const files = mkdtempSync(join(tmpdir(), 'gongkai-bench-load-'));
  try {
    await seedDemo({ db, clock: systemClock, passwordParams: { N: 2 ** 10, r: 8, p: 1 } });
    const server = await startServe({
      env: { ...db.env, FILE_STORE_DIR: files, APPLICATION_RATE_LIMIT: '1000000' },
    });
    try {
      const r = await mixedLoad({
        base: server.base,
        applicants: BENCH_APPLICANTS,
        readers: BENCH_READERS,
        seconds: BENCH_SECONDS,
        application: PERSON,
      });
      const locked = /database is locked|SQLITE_BUSY/.test(server.log())
        ? '；日志中有数据库锁等待错误'
        : '';
      console.log(
        `混合负载（${BENCH_APPLICANTS} 名申请人 + ${BENCH_READERS} 名目录读者，${BENCH_SECONDS} 秒，${db.dialect}，autocannon）：${r.requests} 次请求，${r.perSecond.toFixed(0)} 次/秒，提交 ${r.submissions} 份，阅读 ${r.reads} 次，错误 ${r.errors}${locked}；p50 ${r.p50.toFixed(0)} 毫秒，p95 ${r.p95.toFixed(0)} 毫秒，p99 ${r.p99.toFixed(0)} 毫秒`,
      );
      for (const s of r.samples) console.log(`  错误示例：${s}`);
    } finally {
      await server.stop();
    }
  } finally {
    await db.destroy();
    rmSync(files, { recursive: true, force: true });
  }
}

/**
 * The bench's mixed load: a fresh database with the demo data, a real server, a few hundred
 * applicants and readers for a minute — on SQLite, and on PostgreSQL when BENCH_DATABASE_URL
 * or TEST_DATABASE_URL names one. Prints the figures; never fails.
 */
export async function benchMixedLoad(): Promise<void> {
  await benchOn(undefined);
  const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (pgUrl) await benchOn(pgUrl);
}
