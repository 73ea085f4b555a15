// Simultaneous creation of agencies with one 网址标识, or of accounts with one username,
// through the whole app: exactly one is created and every other request gets the same
// Chinese form error as a request made after it, never a 500. On PostgreSQL (CI runs this
// tier there too) the requests really overlap on separate connections and the unique
// constraint decides; on SQLite they queue for the single writer.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp, type TestClient } from '../support/app.js';
import { oneWinnerRace } from '../support/races.js';

const RACERS = 10;

describe('unique names under concurrent requests', () => {
  let t: TestApp;
  let admin: TestClient;
  before(async () => {
    t = await createTestApp({ demo: true });
    admin = await t.signIn('lsw-admin');
  });
  after(() => t.close());

  test(`${RACERS} simultaneous agency creations with one slug: one created, the rest the form error`, async () => {
    const post = (i: number) =>
      admin.post('/console/agencies', {
        parentId: t.demo!.agency.id,
        fullName: `灵山卫街道第${i}社区居民委员会`,
        shortName: `第${i}社区`,
        slug: 'race-slug',
        code: '00001333-8',
        level: 'township',
        kind: 'government',
        officeName: '',
        officeAddress: '',
        officeHours: '',
        officePhone: '',
        officeFax: '',
        officeEmail: '',
        officeWebsite: '',
      });
    const sequential = await oneWinnerRace(post, 'slug', RACERS);
    assert.equal(sequential, '该网址标识已被其他机关使用，请换一个');

    const rows = await t.db.kysely
      .selectFrom('agencies')
      .select('id')
      .where('slug', '=', 'race-slug')
      .execute();
    assert.equal(rows.length, 1);
    const events = await t.db.kysely
      .selectFrom('audit_events')
      .select('subject_id')
      .where('action', '=', 'agency.create')
      .execute();
    assert.deepEqual(
      events.map((e) => e.subject_id),
      [rows[0]?.id],
      'only the agency that exists has a creation event',
    );
  });

  test(`${RACERS} simultaneous account creations with one username: one created, the rest the form error`, async () => {
    const post = (i: number) =>
      admin.post('/console/accounts', {
        username: 'Race.User',
        displayName: `并发${i}`,
        agencyId: t.demo!.agency.id,
        roles: ['handler'],
        password: 'a-good-pass-1',
      });
    const eventsBefore = await t.db.kysely
      .selectFrom('audit_events')
      .select('seq')
      .where('chain_id', '=', t.demo!.agency.id)
      .execute();
    const sequential = await oneWinnerRace(post, 'username', RACERS);
    assert.equal(sequential, '该用户名已被使用，请换一个');

    const rows = await t.db.kysely
      .selectFrom('accounts')
      .select(['id', 'display_name'])
      .where('username', '=', 'race.user')
      .execute();
    assert.equal(rows.length, 1);
    const roles = await t.db.kysely.selectFrom('account_roles').select('account_id').execute();
    const accountIds = new Set(
      (await t.db.kysely.selectFrom('accounts').select('id').execute()).map((r) => r.id),
    );
    assert.ok(
      roles.every((r) => accountIds.has(r.account_id)),
      'no roles of a rolled-back account',
    );
    const eventsAfter = await t.db.kysely
      .selectFrom('audit_events')
      .select(['seq', 'action', 'subject_id'])
      .where('chain_id', '=', t.demo!.agency.id)
      .orderBy('seq')
      .execute();
    const added = eventsAfter.slice(eventsBefore.length);
    assert.deepEqual(
      added.map((e) => [e.action, e.subject_id]),
      [['account.create', rows[0]?.id]],
      'one creation event, for the account that exists',
    );
    // A clean chain: no gaps left by the rolled-back transactions.
    const verify = await admin.post('/console/audit/verify', { chain: t.demo!.agency.id });
    assert.match(await verify.text(), /校验通过/);
  });
});
