// A small HTTP load generator for the page benchmarks: N concurrent loops, each sending
// one GET at a time over a keep-alive connection and reading the whole body, for a fixed
// time after a warm-up. Node's own http client only, so the bench needs no extra package.
// Only ever pointed at servers this bench started on 127.0.0.1.
import { Agent, request } from 'node:http';

export interface LoadOptions {
  /** Concurrent clients (each with its own kept-alive connection). */
  concurrency?: number;
  /** Measured time. */
  seconds?: number;
  /** Unmeasured time first, so the server's JIT and caches are warm. */
  warmupSeconds?: number;
  headers?: Record<string, string>;
}

/** One measured run against one URL. */
export interface LoadSample {
  requests: number;
  ms: number;
  /** Each request's time from sending to the last byte of the body, in milliseconds. */
  latencies: number[];
  /** Responses with a status other than 200, and failed requests. */
  errors: number;
  /** Bytes of the last body read (to show what a page weighs). */
  bodyBytes: number;
}

export interface LoadResult {
  requests: number;
  perSecond: number;
  /** Latency percentiles in milliseconds. */
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  bodyBytes: number;
}

function get(
  agent: Agent,
  url: URL,
  headers: Record<string, string>,
): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: 'GET',
        headers,
      },
      (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

/** Throughput over all the samples' measured time, percentiles over all their requests. */
export function summarize(samples: readonly LoadSample[]): LoadResult {
  const ms = samples.reduce((a, s) => a + s.ms, 0);
  const requests = samples.reduce((a, s) => a + s.requests, 0);
  const sorted = Float64Array.from(samples.flatMap((s) => s.latencies)).sort();
  return {
    requests,
    perSecond: ms > 0 ? (requests / ms) * 1000 : 0,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    errors: samples.reduce((a, s) => a + s.errors, 0),
    bodyBytes: samples.at(-1)?.bodyBytes ?? 0,
  };
}

/** Loads `target` with `concurrency` keep-alive clients for a while and records every request. */
export async function loadTest(target: string, options: LoadOptions = {}): Promise<LoadSample> {
  const concurrency = options.concurrency ?? 16;
  const url = new URL(target);
  if (url.hostname !== '127.0.0.1') throw new Error('load tests only target 127.0.0.1');
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const headers = options.headers ?? {};
  const latencies: number[] = [];
  let errors = 0;
  let bodyBytes = 0;
  let measuring = false;

  const loop = async (until: number) => {
    while (performance.now() < until) {
      const start = performance.now();
      try {
        const r = await get(agent, url, headers);
        if (r.status !== 200) errors++;
        bodyBytes = r.bytes;
      } catch {
        errors++;
      }
      if (measuring) latencies.push(performance.now() - start);
    }
  };
  const run = (seconds: number) => {
    const until = performance.now() + seconds * 1000;
    return Promise.all(Array.from({ length: concurrency }, () => loop(until)));
  };

  try {
    if (options.warmupSeconds) await run(options.warmupSeconds);
    errors = 0;
    measuring = true;
    const start = performance.now();
    await run(options.seconds ?? 3);
    return {
      requests: latencies.length,
      ms: performance.now() - start,
      latencies,
      errors,
      bodyBytes,
    };
  } finally {
    agent.destroy();
  }
}
