import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDb, testDialect, type TestDb } from '../../test/support/db.js';
import { fixedClock } from '../db/time.js';
import { seedDemo } from '../demo/seed-demo.js';
import { createSession, hashToken, loadSession, touchIntervalMs } from './sessions.js';

const IDLE_MINUTES = 1;
const IDLE_MS = IDLE_MINUTES * 60_000;
/** How much earlier than the idle time a session may end: 5 % of it, as sessions.ts documents. */
const TOLERANCE_MS = 3_000;

async function withSessions(
  run: (
    db: TestDb,
    clock: ReturnType<typeof fixedClock>,
    newSession: () => Promise<string>,
  ) => Promise<void>,
): Promise<void> {
  const db = await createTestDb();
  try {
    const clock = fixedClock('2024-09-27T08:00:00.000Z');
    const demo = await seedDemo({ db, clock, passwordParams: { N: 2 ** 10, r: 8, p: 1 } });
    const accountId = demo.accounts['lsw-handler'] ?? '';
    await run(
      db,
      clock,
      async () => (await createSession(db.kysely, accountId, demo.agency.id, clock.now())).token,
    );
  } finally {
    await db.destroy();
  }
}

test('the idle tolerance is a small part of the idle time, and never more than a minute', () => {
  assert.equal(touchIntervalMs(1), 3_000);
  assert.equal(touchIntervalMs(2), 6_000);
  assert.equal(touchIntervalMs(20), 60_000);
  assert.equal(touchIntervalMs(120), 60_000);
});

test(`idle expiry: with 1 idle minute, a request every 50 s keeps a session for 5 minutes; 61 s without one ends it (${testDialect})`, async () => {
  await withSessions(async (db, clock, newSession) => {
    const token = await newSession();
    for (let t = 50; t <= 300; t += 50) {
      clock.advance(50_000);
      assert.ok(await loadSession(db.kysely, token, clock.now(), IDLE_MINUTES), `alive at ${t} s`);
    }
    clock.advance(61_000);
    assert.equal(await loadSession(db.kysely, token, clock.now(), IDLE_MINUTES), null);
    const row = await db.kysely
      .selectFrom('sessions')
      .select('id')
      .where('id', '=', hashToken(token))
      .executeTakeFirst();
    assert.equal(row, undefined, 'the ended session is deleted');
  });
});

test(`idle expiry: a session never ends earlier than the idle time minus the tolerance after the last request, and always by the idle time (${testDialect})`, async () => {
  // Gaps below, at and above the touch interval, so some requests write last_seen_at and some do not.
  const patterns = [
    [1_000, 1_000, 1_000, 1_000, 1_000],
    [2_999, 2_999, 2_999, 2_999],
    [3_000, 1_500, 1_499, 2_000],
    [500, 4_000, 2_500, 2_999, 100],
    [50_000, 2_000, 50_000, 2_999],
  ];
  await withSessions(async (db, clock, newSession) => {
    for (const gaps of patterns) {
      // Two sessions used in step; one is checked just inside the tolerance, one at the idle time.
      const early = await newSession();
      const late = await newSession();
      for (const gap of gaps) {
        clock.advance(gap);
        for (const token of [early, late])
          assert.ok(await loadSession(db.kysely, token, clock.now(), IDLE_MINUTES));
      }
      const lastRequest = clock.now().getTime();
      const stored = await db.kysely
        .selectFrom('sessions')
        .select('last_seen_at')
        .where('id', '=', hashToken(early))
        .executeTakeFirstOrThrow();
      assert.ok(lastRequest - new Date(stored.last_seen_at).getTime() < TOLERANCE_MS, `${gaps}`);

      clock.set(new Date(lastRequest + IDLE_MS - TOLERANCE_MS));
      assert.ok(
        await loadSession(db.kysely, early, clock.now(), IDLE_MINUTES),
        `alive ${IDLE_MS - TOLERANCE_MS} ms after the last request (${gaps})`,
      );
      clock.set(new Date(lastRequest + IDLE_MS));
      assert.equal(
        await loadSession(db.kysely, late, clock.now(), IDLE_MINUTES),
        null,
        `ended ${IDLE_MS} ms after the last request (${gaps})`,
      );
    }
  });
});
