// The session use cases: each sign-in outcome commits its throttle count, session and audit
// event together; sign-out and the agency switch are recorded with their change.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDb, testDialect, type TestDb } from '../../test/support/db.js';
import { fixedClock } from '../db/time.js';
import { DEMO_PASSWORD } from '../demo/demo-data.js';
import { seedDemo } from '../demo/seed-demo.js';
import { loadSession } from './sessions.js';
import { Semaphore } from './semaphore.js';
import { signIn, signOut, switchAgency } from './sign-in-service.js';
import { throttleKeys } from './throttle.js';

const fast = { N: 2 ** 10, r: 8, p: 1 };
const ADDRESS = '203.0.113.9';

async function withDemo(
  fn: (db: TestDb, demo: Awaited<ReturnType<typeof seedDemo>>) => Promise<void>,
) {
  const db = await createTestDb();
  try {
    await fn(
      db,
      await seedDemo({ db, clock: fixedClock('2024-09-27T08:00:00.000Z'), passwordParams: fast }),
    );
  } finally {
    await db.destroy();
  }
}

const authEvents = async (db: TestDb) =>
  db.kysely
    .selectFrom('audit_events')
    .select(['action', 'actor_label', 'after_json'])
    .where('action', 'like', 'auth.%')
    .orderBy('seq')
    .execute();

const attempts = async (db: TestDb, key: string | undefined) =>
  (
    await db.kysely
      .selectFrom('login_throttle')
      .select('attempts')
      .where('key', '=', key ?? '')
      .executeTakeFirst()
  )?.attempts;

test(`a failed sign-in commits its count and its event; a good one clears the count and opens a session (${testDialect})`, async () => {
  await withDemo(async (db) => {
    const deps = { db, clock: fixedClock('2024-09-27T08:00:00.000Z'), passwordParams: fast };
    const [userKey, addressKey] = throttleKeys('lsw-head', ADDRESS);
    const wrong = await signIn(deps, {
      username: ' LSW-Head ',
      password: 'nope',
      address: ADDRESS,
    });
    assert.deepEqual(wrong, {
      ok: false,
      errors: { _form: '用户名或密码不正确。' },
      refusal: 'wrong',
    });
    assert.equal(Number(await attempts(db, userKey?.key)), 1);
    const unknown = await signIn(deps, { username: 'nobody', password: 'x', address: ADDRESS });
    assert.equal(!unknown.ok && unknown.refusal, 'wrong');
    // Two chains (the account's agency, and the system's for the unknown name): sorted.
    assert.deepEqual(
      (await authEvents(db)).map((e) => [e.action, e.actor_label, e.after_json]).sort(),
      [
        ['auth.login_failed', 'lsw-head', '{"reason":"wrong_password"}'],
        ['auth.login_failed', '未知用户名', '{"reason":"unknown_user"}'],
      ],
    );

    const good = await signIn(deps, {
      username: 'lsw-head',
      password: DEMO_PASSWORD,
      address: ADDRESS,
    });
    assert.ok(good.ok);
    assert.equal(await attempts(db, userKey?.key), undefined, "the username's count is cleared");
    assert.equal(
      Number(await attempts(db, addressKey?.key)),
      2,
      'only failures count on the address',
    );
    const session = await loadSession(db.kysely, good.value.token, deps.clock.now(), 30);
    assert.equal(session?.staff.username, 'lsw-head');
    assert.deepEqual(
      (await authEvents(db)).filter((e) => e.action === 'auth.login').map((e) => e.actor_label),
      ['演示负责人（lsw-head）'],
    );
  });
});

test(`a name that cannot be an account, and a full queue of checks, are refused without counting (${testDialect})`, async () => {
  await withDemo(async (db) => {
    const deps = { db, clock: fixedClock('2024-09-27T08:00:00.000Z'), passwordParams: fast };
    const invalid = await signIn(deps, {
      username: 'lsw\u0000head',
      password: 'x',
      address: ADDRESS,
    });
    assert.equal(!invalid.ok && invalid.refusal, 'invalid');
    const full = new Semaphore(1, 0);
    let release!: () => void;
    const held = full.run(() => new Promise<void>((resolve) => (release = resolve)));
    const busy = await signIn(
      deps,
      { username: 'lsw-head', password: DEMO_PASSWORD, address: ADDRESS },
      full,
    );
    assert.equal(!busy.ok && busy.refusal, 'busy');
    release();
    await held;
    assert.deepEqual(await db.kysely.selectFrom('login_throttle').selectAll().execute(), []);
    assert.deepEqual(await authEvents(db), []);
  });
});

test(`sign-out ends the session and the agency switch moves it, each recorded (${testDialect})`, async () => {
  await withDemo(async (db, demo) => {
    const deps = { db, clock: fixedClock('2024-09-27T08:00:00.000Z'), passwordParams: fast };
    const signed = await signIn(deps, {
      username: 'hd-supervisor',
      password: DEMO_PASSWORD,
      address: ADDRESS,
    });
    assert.ok(signed.ok);
    const staff = (await loadSession(db.kysely, signed.value.token, deps.clock.now(), 30))?.staff;
    assert.ok(staff);
    assert.ok((await switchAgency(deps, staff, demo.agency.id)).ok);
    const moved = await loadSession(db.kysely, signed.value.token, deps.clock.now(), 30);
    assert.equal(moved?.staff.currentAgencyId, demo.agency.id);
    assert.ok((await signOut(deps, staff)).ok);
    assert.equal(await loadSession(db.kysely, signed.value.token, deps.clock.now(), 30), null);
    assert.deepEqual(
      (await authEvents(db)).map((e) => e.action),
      ['auth.login', 'auth.switch_agency', 'auth.logout'],
    );
  });
});
