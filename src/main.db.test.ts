import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDb, testDialect } from '../test/support/db.js';
import { testConfig } from '../test/support/app.js';
import { DEMO_SUBORDINATES } from './demo/demo-data.js';
import { startServer } from './main.js';

test(`serve --demo-if-new fills demo data only into a new embedded database (${testDialect})`, async () => {
  const db = await createTestDb({ migrate: false });
  const log = console.log;
  console.log = () => {};
  try {
    const config = testConfig({ databaseUrl: db.url, port: 0, host: '127.0.0.1' });
    await (await startServer(config, { demoIfNew: true })).close();
    const agencies = await db.kysely
      .selectFrom('agencies')
      .select('slug')
      .orderBy('slug')
      .execute();
    const events = await db.kysely.selectFrom('audit_events').select('seq').execute();
    if (testDialect === 'sqlite') {
      assert.deepEqual(
        agencies.map((a) => a.slug),
        ['huangdao', 'lingshanwei', ...DEMO_SUBORDINATES.map((s) => s.slug)].sort(),
      );
      // The second start finds agencies and leaves the data alone.
      await (await startServer(config, { demoIfNew: true })).close();
      assert.equal(
        (await db.kysely.selectFrom('audit_events').select('seq').execute()).length,
        events.length,
      );
    } else {
      // PostgreSQL is production: never demo accounts without `gongkai demo`.
      assert.deepEqual(agencies, []);
      assert.deepEqual(await db.kysely.selectFrom('accounts').select('id').execute(), []);
    }
  } finally {
    console.log = log;
    await db.destroy();
  }
});

test(`serve without --demo-if-new leaves a new database empty (${testDialect})`, async () => {
  const db = await createTestDb({ migrate: false });
  const log = console.log;
  console.log = () => {};
  try {
    await (await startServer(testConfig({ databaseUrl: db.url, port: 0 }), {})).close();
    assert.deepEqual(await db.kysely.selectFrom('agencies').select('id').execute(), []);
  } finally {
    console.log = log;
    await db.destroy();
  }
});

test(`serve runs the job poller: the recurring purge is scheduled at start (${testDialect})`, async () => {
  const db = await createTestDb({ migrate: false });
  const log = console.log;
  console.log = () => {};
  try {
    const server = await startServer(testConfig({ databaseUrl: db.url, port: 0 }), {});
    // The poller may already have run it (and scheduled the next one) by now.
    const purge = await db.kysely
      .selectFrom('jobs')
      .select(['recurring_key', 'status'])
      .where('type', '=', 'maintenance.purge')
      .execute();
    await server.close();
    assert.ok(purge.length >= 1, 'a purge job exists');
    assert.ok(purge.every((j) => j.recurring_key === 'purge'));
    assert.ok(purge.filter((j) => j.status === 'pending').length <= 1);
  } finally {
    console.log = log;
    await db.destroy();
  }
});
