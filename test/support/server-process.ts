// A real `gongkai serve` in a child process, for the tests that kill it, run two of it, or
// load it: the same binary an agency runs, on a port of its own, against a test database.
// HttpClient is TestClient over a real socket (same cookies and CSRF handling).
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';
import type { AppEnv } from '../../src/web/env.js';
import { hashToken } from '../../src/auth/sessions.js';
import { DEMO_PASSWORD } from '../../src/demo/demo-data.js';
import type { Db } from '../../src/db/database.js';
import { TEST_ORIGIN, TestClient } from './app.js';

export const GONGKAI_BIN = fileURLToPath(new URL('../../bin/gongkai.js', import.meta.url));

/** A port nobody listens on right now (the kernel's choice, released at once). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  base: string;
  port: number;
  /** Everything the process printed (stdout and stderr), for leak and error checks. */
  log(): string;
  /** SIGKILL: no shutdown handler runs, as in a power cut or OOM kill. */
  kill(): Promise<void>;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
}

export interface ServeOptions {
  env: Record<string, string>;
  port?: number;
  /** Shared across restarts so the log of every run can be checked together. */
  logSink?: string[];
}

export async function startServe(options: ServeOptions): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, [GONGKAI_BIN, 'serve'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      SESSION_SECRET: 'test-session-secret-0123456789abcdef0123456789',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const sink = options.logSink ?? [];
  const chunks: string[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`serve did not start in 60 s:\n${chunks.join('')}`)),
      60_000,
    );
    const onData = (b: Buffer) => {
      const text = b.toString('utf8');
      chunks.push(text);
      sink.push(text);
      if (chunks.join('').includes('Gongkai 已启动')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code} before starting:\n${chunks.join('')}`));
    });
  });
  return {
    child,
    base: `http://127.0.0.1:${port}`,
    port,
    log: () => chunks.join(''),
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** TestClient whose requests go to a real server (same cookie and CSRF handling). */
export class HttpClient extends TestClient {
  constructor(public base: string) {
    const remote = {
      request: (url: string, init: RequestInit) =>
        fetch(url.replace(TEST_ORIGIN, base), { ...init, signal: AbortSignal.timeout(30_000) }),
    };
    super(remote as unknown as Hono<AppEnv>);
  }

  /** The same browser (same cookies and token) talking to another server. */
  to(base: string): HttpClient {
    const moved = new HttpClient(base);
    for (const [k, v] of this.cookies) moved.cookies.set(k, v);
    moved.csrfToken = this.csrfToken;
    return moved;
  }
}

/** Signs in through the real sign-in form of a running server. */
export async function signInOver(
  base: string,
  db: Db,
  username: string,
  password = DEMO_PASSWORD,
): Promise<HttpClient> {
  const client = new HttpClient(base);
  await client.get('/console/login');
  const res = await client.post('/console/login', { username, password });
  const token = client.cookies.get('gk_session');
  if (res.status !== 303 || !token)
    throw new Error(`sign-in as ${username} failed with status ${res.status}`);
  const row = await db.kysely
    .selectFrom('sessions')
    .select('csrf_token')
    .where('id', '=', hashToken(token))
    .executeTakeFirstOrThrow();
  client.csrfToken = row.csrf_token;
  return client;
}
