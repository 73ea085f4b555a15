// HTTP load on loopback through autocannon (a pinned, well-kept load tool): every request's
// status and time are recorded, so the figures are exact percentiles over all requests and
// any status other than the expected one — or a failed connection, a timeout, a reset —
// counts as an error. Used by the page benchmarks (bench/run.ts), the mixed load
// (bench/load.ts) and test/http/load.test.ts. Only ever pointed at servers on 127.0.0.1.
import autocannon from 'autocannon';

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
  /** Responses with a status other than the expected one, and failed requests. */
  errors: number;
  /** Bytes of the last response read (to show what a page weighs). */
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

/** What one autocannon run saw, request by request. */
export interface CannonRun extends LoadSample {
  /** Responses by status code. */
  statuses: Map<number, number>;
  /** Descriptions of failed requests (connection errors, timeouts), at most 10. */
  failures: string[];
}

export interface CannonOptions {
  url: string;
  connections: number;
  seconds: number;
  expectedStatus: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Headers made afresh for every request (an Idempotency-Key, say). */
  perRequestHeaders?: () => Record<string, string>;
  /** A request still unanswered after this long is a failure (default 30 s). */
  timeoutSeconds?: number;
}

/** Runs autocannon once and records every response. */
export function cannon(o: CannonOptions): Promise<CannonRun> {
  const url = new URL(o.url);
  if (url.hostname !== '127.0.0.1') throw new Error('load tests only target 127.0.0.1');
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const failures: string[] = [];
  let bodyBytes = 0;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const fresh = o.perRequestHeaders;
    const request: autocannon.Request = {
      method: o.method ?? 'GET',
      path: url.pathname + url.search,
      ...(o.headers ? { headers: o.headers } : {}),
      ...(o.body !== undefined ? { body: o.body } : {}),
      ...(fresh
        ? {
            setupRequest: (req: autocannon.Request) => ({
              ...req,
              headers: { ...req.headers, ...fresh() },
            }),
          }
        : {}),
    };
    const instance = autocannon(
      {
        url: url.origin,
        connections: o.connections,
        duration: o.seconds,
        timeout: o.timeoutSeconds ?? 30,
        requests: [request],
      },
      (err: unknown, result: autocannon.Result) => {
        if (err) return reject(err instanceof Error ? err : new Error(String(err)));
        const unexpected = [...statuses].reduce(
          (n, [status, count]) => (status === o.expectedStatus ? n : n + count),
          0,
        );
        resolve({
          requests: latencies.length + result.errors,
          ms: performance.now() - started,
          latencies,
          // Errors and timeouts of autocannon are requests that never got an answer.
          errors: unexpected + result.errors,
          bodyBytes,
          statuses,
          failures,
        });
      },
    );
    instance.on('response', (_client, statusCode, resBytes, responseTime) => {
      latencies.push(responseTime);
      statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
      bodyBytes = resBytes;
    });
    instance.on('reqError', (e: unknown) => {
      if (failures.length < 10) failures.push(String((e as Error)?.message ?? e));
    });
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
  const base = {
    url: target,
    connections: options.concurrency ?? 16,
    expectedStatus: 200,
    ...(options.headers ? { headers: options.headers } : {}),
  };
  if (options.warmupSeconds) await cannon({ ...base, seconds: options.warmupSeconds });
  const {
    statuses: _s,
    failures: _f,
    ...sample
  } = await cannon({
    ...base,
    seconds: options.seconds ?? 3,
  });
  return sample;
}
