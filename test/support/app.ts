// Builds the real app on a fresh test database (SQLite, or PostgreSQL when
// TEST_DATABASE_URL is set), optionally with the demo data, and signs in as any account
// through the real sign-in form. Requests go through `app.request()`: no port, no server.
//
//   const t = await createTestApp({ demo: true });
//   const handler = await t.signIn('lsw-handler');
//   const res = await handler.post('/console/x', { title: '…' });   // _csrf added for you
//   await t.close();
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import type { Config } from '../../src/config.js';
import { hashToken } from '../../src/auth/sessions.js';
import type { ScryptParams } from '../../src/auth/password.js';
import { createApp } from '../../src/app.js';
import type { ReportReader } from '../../src/reports/read/reader-pool.js';
import { fixedClock } from '../../src/db/time.js';
import { DEMO_PASSWORD } from '../../src/demo/demo-data.js';
import { seedDemo, type DemoResult } from '../../src/demo/seed-demo.js';
import type { AppDeps, AppEnv } from '../../src/web/env.js';
import { createTestDb, type TestDb } from './db.js';

/** Cheap scrypt parameters for test accounts only (the stored hash names them). */
export const TEST_PASSWORD_PARAMS: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };

export const TEST_ORIGIN = 'http://localhost';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    databaseUrl: 'sqlite::memory:',
    sessionSecret: 'test-session-secret-0123456789abcdef0123456789',
    secureCookies: false,
    sessionIdleMinutes: 120,
    publicUrl: undefined,
    // Tests that store files make their own folder; nothing may land in the checkout.
    fileStoreDir: join(tmpdir(), 'gongkai-test-files-unused'),
    nodeEnv: 'test',
    ...overrides,
  };
}

export type FormFields = Record<string, string | readonly string[]>;

export interface RequestOptions {
  /** Leave out the `_csrf` field / header (to test the rejection). */
  csrf?: false | string;
  headers?: Record<string, string>;
}

/** A browser-like client: keeps cookies and the CSRF token between requests. */
export class TestClient {
  readonly cookies = new Map<string, string>();
  csrfToken = '';

  constructor(private readonly app: Hono<AppEnv>) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set('cookie', this.cookieHeader());
    const res = await this.app.request(`${TEST_ORIGIN}${path}`, {
      ...init,
      headers,
      redirect: 'manual',
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some(
        (a) => /max-age=0/i.test(a.trim()) || /expires=thu, 01 jan 1970/i.test(a.trim()),
      );
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  async get(path: string, options: RequestOptions = {}): Promise<Response> {
    const res = await this.fetch(path, { headers: options.headers });
    // Pages carry the current token in their forms; remember it like a browser would.
    if ((res.headers.get('content-type') ?? '').startsWith('text/html')) {
      const html = await res.clone().text();
      const m = /name="_csrf" value="([^"]*)"/.exec(html);
      if (m?.[1]) this.csrfToken = m[1];
    }
    return res;
  }

  /** Posts a form (application/x-www-form-urlencoded), with `_csrf` unless told not to. */
  async post(
    path: string,
    fields: FormFields = {},
    options: RequestOptions = {},
  ): Promise<Response> {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) {
      if (typeof v === 'string') body.append(k, v);
      else for (const item of v) body.append(k, item);
    }
    if (options.csrf !== false) body.set('_csrf', options.csrf ?? this.csrfToken);
    return this.fetch(path, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...options.headers },
    });
  }

  /** Sends JSON with the `X-CSRF-Token` header (as API clients with a session must). */
  async json(
    method: string,
    path: string,
    value: unknown,
    options: RequestOptions = {},
  ): Promise<Response> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      ...options.headers,
    };
    if (options.csrf !== false) headers['x-csrf-token'] = options.csrf ?? this.csrfToken;
    return this.fetch(path, { method, body: JSON.stringify(value), headers });
  }
}

export interface TestApp {
  app: Hono<AppEnv>;
  db: TestDb;
  deps: AppDeps;
  clock: ReturnType<typeof fixedClock>;
  /** Present when created with `demo: true`. */
  demo: DemoResult | null;
  /** A new anonymous client (a visitor). */
  client(): TestClient;
  /** Signs in through the login form; throws if sign-in fails. Demo accounts use the demo password. */
  signIn(username: string, password?: string): Promise<TestClient>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  demo?: boolean;
  config?: Partial<Config>;
  /** Start time of the controllable clock. */
  now?: string;
  /** scrypt parameters for hashes the app makes (default: the cheap test ones). */
  passwordParams?: ScryptParams;
  /** The report reader (worker threads) uploads are read with; the process-wide one if absent. */
  reportReader?: ReportReader;
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const db = await createTestDb();
  const clock = fixedClock(options.now ?? '2024-09-27T08:00:00.000Z');
  const deps: AppDeps = {
    db,
    config: testConfig({ databaseUrl: db.url, ...options.config }),
    clock,
    passwordParams: options.passwordParams ?? TEST_PASSWORD_PARAMS,
    ...(options.reportReader ? { reportReader: options.reportReader } : {}),
  };
  const demo = options.demo
    ? await seedDemo({ ...deps, passwordParams: TEST_PASSWORD_PARAMS })
    : null;
  const app = createApp(deps);
  return {
    app,
    db,
    deps,
    clock,
    demo,
    client: () => new TestClient(app),
    async signIn(username: string, password = DEMO_PASSWORD) {
      const client = new TestClient(app);
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
    },
    close: () => db.destroy(),
  };
}
