// A mixed load on a real `gongkai serve`: applicants submitting applications through the API
// and readers opening the catalogue, all at once, for a fixed time. Reports requests, errors
// (any status other than the expected one, any failed request) and latency percentiles.
// Used by `npm run bench` (bench/run.ts) and, shorter, by test/http/load.test.ts.
// Only ever pointed at servers started on 127.0.0.1 by the caller.
import { randomUUID } from 'node:crypto';

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
  errors: number;
  /** Error descriptions, at most 10, for the report. */
  samples: string[];
  p50: number;
  p95: number;
  p99: number;
  perSecond: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[
    Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  ]!;
}

export async function mixedLoad(o: MixedLoadOptions): Promise<MixedLoadResult> {
  const latencies: number[] = [];
  const samples: string[] = [];
  let errors = 0;
  let submissions = 0;
  const end = performance.now() + o.seconds * 1000;
  const body = JSON.stringify(o.application);
  const one = async (kind: 'apply' | 'read') => {
    const start = performance.now();
    try {
      const res =
        kind === 'apply'
          ? await fetch(`${o.base}/api/v1/agencies/lingshanwei/requests`, {
              method: 'POST',
              body,
              headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
            })
          : await fetch(`${o.base}/agencies/lingshanwei/catalogue`);
      const text = await res.text();
      const expected = kind === 'apply' ? 201 : 200;
      if (res.status !== expected) {
        errors++;
        if (samples.length < 10) samples.push(`${kind} ${res.status} ${text.slice(0, 120)}`);
      } else if (kind === 'apply') submissions++;
    } catch (e) {
      errors++;
      if (samples.length < 10)
        samples.push(`${kind} ${(e as Error).message} ${String((e as { cause?: unknown }).cause)}`);
    }
    latencies.push(performance.now() - start);
  };
  const loop = async (kind: 'apply' | 'read') => {
    while (performance.now() < end) await one(kind);
  };
  const started = performance.now();
  await Promise.all([
    ...Array.from({ length: o.applicants }, () => loop('apply')),
    ...Array.from({ length: o.readers }, () => loop('read')),
  ]);
  const ms = performance.now() - started;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    submissions,
    errors,
    samples,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    perSecond: (latencies.length / ms) * 1000,
  };
}

/**
 * The bench's mixed load: a fresh SQLite database with the demo data, a real server, 200
 * applicants and 200 readers for 30 s. Prints the figures; never fails.
 */
export async function benchMixedLoad(): Promise<void> {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { createTestDb } = await import('../test/support/db.js');
  const { startServe } = await import('../test/support/server-process.js');
  const { seedDemo } = await import('../src/demo/seed-demo.js');
  const { systemClock } = await import('../src/db/time.js');
  const { PERSON } = await import('../test/support/requests.js');
  const db = await createTestDb();
  const files = mkdtempSync(join(tmpdir(), 'gongkai-bench-load-'));
  try {
    await seedDemo({ db, clock: systemClock, passwordParams: { N: 2 ** 10, r: 8, p: 1 } });
    const server = await startServe({
      env: { ...db.env, FILE_STORE_DIR: files, APPLICATION_RATE_LIMIT: '1000000' },
    });
    try {
      const r = await mixedLoad({
        base: server.base,
        applicants: 200,
        readers: 200,
        seconds: 30,
        application: PERSON,
      });
      console.log(
        `混合负载（200 名申请人 + 200 名目录读者，30 秒，${db.dialect}）：${r.requests} 次请求，${r.perSecond.toFixed(0)} 次/秒，提交 ${r.submissions} 份，错误 ${r.errors}；p50 ${r.p50.toFixed(0)} 毫秒，p95 ${r.p95.toFixed(0)} 毫秒，p99 ${r.p99.toFixed(0)} 毫秒`,
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
