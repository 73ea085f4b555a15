import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDb, testDialect, type TestDb } from '../../test/support/db.js';
import { openDatabase } from '../db/database.js';
import { fixedClock } from '../db/time.js';
import {
  ADDRESS_LIMIT,
  recordFailure,
  recordSuccess,
  releaseAttempt,
  reserveAttempt,
  throttleKeys,
  USERNAME_LIMIT,
  type ReserveResult,
  type ThrottleKey,
} from './throttle.js';

async function attempts(db: TestDb, key: string | undefined): Promise<number | null> {
  const row = await db.kysely
    .selectFrom('login_throttle')
    .select('attempts')
    .where('key', '=', key ?? '')
    .executeTakeFirst();
  return row ? Number(row.attempts) : null;
}

/** One wrong sign-in done the way the route does it: reserve, then record the failure. */
async function failOnce(db: TestDb, keys: ThrottleKey[], now: Date): Promise<Date | null> {
  const r = await reserveAttempt(db.kysely, keys, now);
  assert.ok(r.ok, 'reserved');
  return db.kysely.transaction().execute((trx) => recordFailure(trx, r.reservations, now));
}

test(`throttle: reserved attempts count per key, lock at the limit, and start again after the lock (${testDialect})`, async () => {
  const db = await createTestDb();
  try {
    const clock = fixedClock('2024-09-27T08:00:00.000Z');
    const keys = throttleKeys('Someone', '203.0.113.9');
    assert.equal(keys[0]?.key, 'user:someone');
    assert.doesNotMatch(keys[1]?.key ?? '', /203\.0\.113\.9/, 'addresses are stored hashed');

    for (let i = 1; i < USERNAME_LIMIT; i++) {
      assert.equal(await failOnce(db, keys, clock.now()), null, `failure ${i} does not lock`);
      clock.advance(1000);
    }
    assert.equal(await attempts(db, keys[0]?.key), USERNAME_LIMIT - 1);
    const lock = await failOnce(db, keys, clock.now());
    assert.equal(lock?.toISOString(), '2024-09-27T08:15:04.000Z', '15 minutes from the last');

    clock.advance(60_000);
    const refused = await reserveAttempt(db.kysely, keys, clock.now());
    assert.deepEqual(refused, { ok: false, lockedUntil: lock });
    assert.equal(await attempts(db, keys[1]?.key), USERNAME_LIMIT, 'a refusal counts nowhere');

    clock.set('2024-09-27T08:15:04.000Z');
    const again = await reserveAttempt(db.kysely, keys, clock.now());
    assert.ok(again.ok, 'the lock has run out');
    assert.equal(await attempts(db, keys[0]?.key), 1, 'the count starts again');
    assert.equal(await attempts(db, keys[1]?.key), 1, 'the address window ran out too');

    await recordSuccess(db.kysely, again.reservations);
    assert.equal(await attempts(db, keys[0]?.key), null, 'a success clears the username');
    // The address's only attempt in its window was this success: nothing is left of it.
    assert.equal(await attempts(db, keys[1]?.key), null, 'and hands back its address attempt');
  } finally {
    await db.destroy();
  }
});

test(`throttle: a window that runs out starts a new count; releasing only touches its own window (${testDialect})`, async () => {
  const db = await createTestDb();
  try {
    const clock = fixedClock('2024-09-27T08:00:00.000Z');
    const keys = throttleKeys('someone', '203.0.113.9');
    for (let i = 0; i < USERNAME_LIMIT - 1; i++) await failOnce(db, keys, clock.now());
    const held = await reserveAttempt(db.kysely, keys, clock.now());
    assert.ok(held.ok);
    assert.equal(await attempts(db, keys[0]?.key), USERNAME_LIMIT);
    // A busy server hands the attempt back: the next one is allowed again.
    await releaseAttempt(db.kysely, held.reservations);
    assert.equal(await attempts(db, keys[0]?.key), USERNAME_LIMIT - 1);

    const old = await reserveAttempt(db.kysely, keys, clock.now());
    assert.ok(old.ok);
    clock.advance(15 * 60_000);
    const fresh = await reserveAttempt(db.kysely, keys, clock.now());
    assert.ok(fresh.ok, 'a new window');
    assert.equal(await attempts(db, keys[0]?.key), 1);
    await releaseAttempt(db.kysely, old.reservations);
    assert.equal(await attempts(db, keys[0]?.key), 1, 'the new window keeps its attempt');
    // A failure reserved in the old window is counted in the new one.
    assert.equal(
      await db.kysely
        .transaction()
        .execute((trx) => recordFailure(trx, old.reservations, clock.now())),
      null,
    );
    assert.equal(await attempts(db, keys[0]?.key), 2);
  } finally {
    await db.destroy();
  }
});

/**
 * Sends `count` reservations at once, split over two independent connections (pools) to the
 * same database, as two server processes would.
 */
async function burst(
  db: TestDb,
  count: number,
  keysFor: (i: number) => ThrottleKey[],
  now: Date,
): Promise<ReserveResult[]> {
  const other = openDatabase(db.url, { poolSize: 4 });
  try {
    return await Promise.all(
      Array.from({ length: count }, (_, i) =>
        reserveAttempt((i % 2 === 0 ? db : other).kysely, keysFor(i), now),
      ),
    );
  } finally {
    await other.close();
  }
}

test(`throttle: 200 simultaneous attempts on one username get exactly the limit, none once it is locked (${testDialect})`, async () => {
  const db = await createTestDb();
  try {
    const now = new Date('2024-09-27T08:00:00.000Z');
    // Every attempt from another address, so only the username's limit applies.
    const results = await burst(
      db,
      200,
      (i) => throttleKeys('lsw-handler', `198.51.100.${i}`),
      now,
    );
    assert.equal(results.filter((r) => r.ok).length, USERNAME_LIMIT);
    assert.equal(await attempts(db, 'user:lsw-handler'), USERNAME_LIMIT);
    const rows = await db.kysely.selectFrom('login_throttle').select('key').execute();
    assert.equal(rows.length, 1 + USERNAME_LIMIT, 'refused attempts leave no address rows');

    // The granted ones fail: the username is locked, and a second burst gets nothing.
    const lock = await db.kysely.transaction().execute(async (trx) => {
      let until: Date | null = null;
      for (const r of results) if (r.ok) until = await recordFailure(trx, r.reservations, now);
      return until;
    });
    assert.ok(lock);
    const later = new Date(now.getTime() + 60_000);
    const second = await burst(db, 200, (i) => throttleKeys('lsw-handler', `192.0.2.${i}`), later);
    assert.equal(second.filter((r) => r.ok).length, 0);
    assert.ok(second.every((r) => !r.ok && r.lockedUntil?.getTime() === lock.getTime()));
  } finally {
    await db.destroy();
  }
});

test(`throttle: 200 simultaneous attempts from one address get exactly its limit (${testDialect})`, async () => {
  const db = await createTestDb();
  try {
    const now = new Date('2024-09-27T08:00:00.000Z');
    const results = await burst(db, 200, (i) => throttleKeys(`nobody-${i}`, '203.0.113.7'), now);
    const granted = results.filter((r) => r.ok);
    assert.equal(granted.length, ADDRESS_LIMIT);
    assert.equal(await attempts(db, throttleKeys('x', '203.0.113.7')[1]?.key), ADDRESS_LIMIT);
    // The refused ones were rolled back on their usernames too: only granted usernames count.
    const counted = await db.kysely
      .selectFrom('login_throttle')
      .select('key')
      .where('key', 'like', 'user:%')
      .execute();
    assert.equal(counted.length, ADDRESS_LIMIT);
  } finally {
    await db.destroy();
  }
});
