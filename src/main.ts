// Composition root: configuration → database → app → HTTP server.
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import type { Config } from './config.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { systemClock } from './db/time.js';

export interface StartOptions {
  /** Fill a freshly created embedded database with demo data. */
  demoIfNew?: boolean;
}

export async function startServer(config: Config, _options: StartOptions = {}): Promise<{ close(): Promise<void> }> {
  const db = openDatabase(config.databaseUrl);
  await migrateToLatest(db);
  const app = createApp({ db, config, clock: systemClock });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
  console.log(`Gongkai 已启动：http://localhost:${config.port}/ （数据库：${db.describe}）`);
  return {
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}
