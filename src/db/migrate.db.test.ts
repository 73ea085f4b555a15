import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { createTestDb, testDialect } from '../../test/support/db.js';
import { migrateToLatest } from './migrate.js';
import { migrations } from './migrations/index.js';

test(`migrations apply from empty, and again as a no-op (${testDialect})`, async () => {
  const db = await createTestDb({ migrate: false });
  try {
    const applied = await migrateToLatest(db);
    assert.deepEqual(applied, Object.keys(migrations));
    assert.deepEqual(await migrateToLatest(db), []);
    const tables = await db.kysely.introspection.getTables();
    const names = tables.map((t) => t.name);
    for (const t of [
      'agencies',
      'accounts',
      'account_roles',
      'sessions',
      'login_throttle',
      'audit_events',
      'audit_heads',
      'calendar_days',
      'jobs',
      'files',
      'check_results',
    ]) {
      assert.ok(names.includes(t), `table ${t} exists`);
    }
  } finally {
    await db.destroy();
  }
});

test(`ISO timestamps compare alike on both databases (${testDialect})`, async () => {
  const db = await createTestDb();
  try {
    const rows = [
      '2024-09-27T08:00:00.000Z',
      '2024-10-12T00:00:00.000Z',
      '2024-01-01T23:59:59.999Z',
    ];
    // The calendar migration seeds official years; this test needs the table to itself.
    await db.kysely.deleteFrom('calendar_years').execute();
    for (const [i, t] of rows.entries()) {
      await db.kysely
        .insertInto('calendar_years')
        .values({ year: 2000 + i, source: 'test', loaded_at: t })
        .execute();
    }
    const later = await db.kysely
      .selectFrom('calendar_years')
      .select('year')
      .where('loaded_at', '>', '2024-09-27T08:00:00.000Z')
      .execute();
    assert.deepEqual(
      later.map((r) => r.year),
      [2001],
    );
    const ordered = await db.kysely
      .selectFrom('calendar_years')
      .select('loaded_at')
      .orderBy('loaded_at')
      .execute();
    assert.deepEqual(
      ordered.map((r) => r.loaded_at),
      [...rows].sort(),
    );
    const count = await sql<{
      n: number | string;
    }>`select count(*) as n from calendar_years`.execute(db.kysely);
    assert.equal(Number(count.rows[0]?.n), 3);
  } finally {
    await db.destroy();
  }
});
