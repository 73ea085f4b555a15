// Composition root: configuration → database → app → HTTP server, and the job poller.
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import type { Config } from './config.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { systemClock } from './db/time.js';
import { countAgencies } from './agencies/agency-repository.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo/demo-data.js';
import { seedDemo } from './demo/seed-demo.js';
import { localBlobStorage } from './files/blob-storage.js';
import { createFileStore } from './files/file-store.js';
import { FEATURES, jobsOf } from './features.js';
import { createJobRunner } from './jobs/job-runner.js';

/** How long an idle kept-alive connection stays open (see below). */
export const KEEP_ALIVE_MS = 65_000;

export interface StartOptions {
  /** Fill a freshly created embedded database with demo data. */
  demoIfNew?: boolean;
}

export async function startServer(
  config: Config,
  options: StartOptions = {},
): Promise<{ close(): Promise<void> }> {
  const db = openDatabase(config.databaseUrl);
  await migrateToLatest(db);
  // Demo accounts only ever go into a NEW embedded database (no agency yet). A PostgreSQL
  // (production) database gets them only through an explicit `gongkai demo`.
  if (options.demoIfNew && db.dialect === 'sqlite' && (await countAgencies(db.kysely)) === 0) {
    const files = createFileStore({
      db,
      clock: systemClock,
      blobs: localBlobStorage(config.fileStoreDir),
    });
    await seedDemo({ db, clock: systemClock, files, supervision: true });
    console.log(
      `新建的数据库已填入演示数据。演示账号（密码均为 ${DEMO_PASSWORD}）：${DEMO_ACCOUNTS.map((a) => a.username).join('、')}`,
    );
  }
  const app = createApp({ db, config, clock: systemClock });
  const files = createFileStore({
    db,
    clock: systemClock,
    blobs: localBlobStorage(config.fileStoreDir),
  });
  // Each feature brings the handlers of the jobs it schedules (src/features.ts).
  const jobs = createJobRunner({ db, clock: systemClock }, jobsOf(FEATURES, { files, config }));
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
  // Node closes an idle kept-alive connection after 5 s. A client (a reverse proxy's upstream
  // pool, undici) that reuses the connection just then gets a reset: `fetch failed` under
  // load, a 502 behind nginx. The server must outlast its clients' idle timeouts (nginx's
  // upstream keepalive_timeout is 60 s), and headers must be allowed a little longer still.
  if ('keepAliveTimeout' in server) {
    server.keepAliveTimeout = KEEP_ALIVE_MS;
    server.headersTimeout = KEEP_ALIVE_MS + 1000;
  }
  // A port already in use is reported as an 'error' event after serve() returns: wait for
  // either, so the caller can explain it instead of the process dying on an unhandled event.
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('listening', () => resolve());
      server.once('error', reject);
    });
  } catch (e) {
    await db.close();
    throw e;
  }
  // Several instances may poll the same database; each job is claimed by one of them.
  await jobs.start();
  console.log(`Gongkai 已启动：http://localhost:${config.port}/ （数据库：${db.describe}）`);
  return {
    // SIGTERM/SIGINT (gongkai serve): no new requests or jobs; the job in progress may
    // finish before the database closes (otherwise its lease runs out and it is retried).
    close: async () => {
      await Promise.all([
        new Promise<void>((resolve) => server.close(() => resolve())),
        jobs.stop(),
      ]);
      await db.close();
    },
  };
}
