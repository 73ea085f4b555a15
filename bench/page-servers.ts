// The servers the page benchmark loads, in a process of their own so that the load
// generator does not share their thread: a bare Hono hello-world and the real app on a
// temporary SQLite database with the demo data (twice: as served, and without the page
// cache so that every page is rendered), all served by @hono/node-server on 127.0.0.1
// (ports chosen by the system). With GONGKAI_BENCH_SERVE_DB (a database URL, and
// GONGKAI_BENCH_SERVE_PG_SCHEMA for PostgreSQL) the app serves that generated database
// instead of demo data (bench/catalogue.ts). Tells the parent its ports over IPC, answers
// `cpu` with the CPU time it has used so far and its memory, and stops when the parent
// disconnects. Started by bench/page-server-client.ts; not a command of its own.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { createApp } from '../src/app.js';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { systemClock } from '../src/db/time.js';
import { seedDemo } from '../src/demo/seed-demo.js';

export interface PageServerPorts {
  hello: number;
  /** The app as it is served (public pages kept while the database is unchanged). */
  app: number;
  /** The same app on the same database without the page cache: every page rendered. */
  rendered: number;
}

export type PageServerMessage =
  | { type: 'ports'; ports: PageServerPorts; itemPath: string | null }
  /** CPU time used so far (µs); resident memory now and at its peak, V8's heap now (bytes). */
  | { type: 'cpu'; micros: number; rss: number; maxRss: number; heap: number };

function listen(fetch: (req: Request) => Response | Promise<Response>): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' });
    server.once('listening', () => resolve(server));
    server.once('error', reject);
  });
}

const port = (s: ServerType) => (s.address() as AddressInfo).port;

const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-'));
const given = process.env.GONGKAI_BENCH_SERVE_DB;
const pgSchema = process.env.GONGKAI_BENCH_SERVE_PG_SCHEMA;
const databaseUrl = given ?? `sqlite:${join(dir, 'bench.db')}`;
const db = openDatabase(databaseUrl, pgSchema ? { pgSchema } : {});
await migrateToLatest(db);
// Nobody signs in during the benchmark: cheap hashes keep the set-up short.
if (!given) await seedDemo({ db, clock: systemClock, passwordParams: { N: 2 ** 10, r: 8, p: 1 } });

// A published item of the demo street, for the item page (its URL key comes from the seed).
const item = await db.kysely
  .selectFrom('publications')
  .innerJoin('agencies', 'agencies.id', 'publications.agency_id')
  .select('publications.url_key')
  .where('agencies.slug', '=', 'lingshanwei')
  .where('publications.state', '=', 'published')
  .where('publications.url_key', 'is not', null)
  .orderBy('publications.url_key')
  .executeTakeFirst();
const itemPath = item?.url_key ? `/agencies/lingshanwei/catalogue/${item.url_key}` : null;

const hello = new Hono();
hello.get('/', (c) => c.text('Hello Hono!'));

const deps = {
  db,
  clock: systemClock,
  config: {
    port: 0,
    host: '127.0.0.1',
    databaseUrl,
    sessionSecret: randomBytes(32).toString('hex'),
    secureCookies: false,
    sessionIdleMinutes: 120,
    publicUrl: undefined,
    fileStoreDir: join(dir, 'files'),
    nodeEnv: 'production',
  },
} as const;
const app = createApp(deps);
const rendered = createApp(deps, { pageCache: false });

const servers = [
  await listen(hello.fetch),
  await listen(app.fetch),
  await listen(rendered.fetch),
] as const;
const ports: PageServerPorts = {
  hello: port(servers[0]),
  app: port(servers[1]),
  rendered: port(servers[2]),
};
const send = (m: PageServerMessage) => process.send?.(m);
send({ type: 'ports', ports, itemPath });
// CPU time is what a page costs even when other work on the machine slows the wall clock.
process.on('message', (m) => {
  if (m !== 'cpu') return;
  const used = process.cpuUsage();
  send({
    type: 'cpu',
    micros: used.user + used.system,
    rss: process.memoryUsage.rss(),
    maxRss: process.resourceUsage().maxRSS * 1024,
    heap: process.memoryUsage().heapTotal,
  });
});

/** Stops listening and resolves once every connection has ended (requests in flight answered). */
const closed = (s: ServerType) =>
  new Promise<void>((resolve) => {
    s.close(() => resolve());
    // Kept-alive connections with no request in flight would hold the close open until their
    // timeout; those still answering end when they are done.
    if ('closeIdleConnections' in s) s.closeIdleConnections();
    // A client that never finishes its request does not keep the process alive.
    setTimeout(() => 'closeAllConnections' in s && s.closeAllConnections(), 5000).unref();
  });

process.once('disconnect', () => {
  // The database only after the servers: a request still being answered would otherwise
  // query a closed database ("driver has already been destroyed").
  void Promise.all(servers.map(closed))
    .then(() => db.close())
    .finally(() => {
      rmSync(dir, { recursive: true, force: true });
      // Exit normally, so that --cpu-prof (see bench/run.ts) writes its profile.
      process.exit(0);
    });
});
