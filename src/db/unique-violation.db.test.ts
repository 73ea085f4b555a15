import assert from 'node:assert/strict';
import { test } from 'node:test';
import { agencyInput } from '../../test/support/agencies.js';
import { createTestDb, testDialect } from '../../test/support/db.js';
import { AGENCY_UNIQUE_KEYS } from '../agencies/agency-repository.js';
import { createAgency } from '../agencies/agency-service.js';
import type { AgencyInput } from '../agencies/agency.js';
import { ACCOUNT_UNIQUE_KEYS } from '../auth/account-repository.js';
import { createAccount, USERNAME_TAKEN } from '../auth/account-service.js';
import { verifyAuditChain } from '../audit/audit-verify.js';
import { fixedClock } from './time.js';
import { mapUniqueViolation, uniqueViolationField } from './unique-violation.js';

const actor = { id: null, label: '测试' };
const cheap = { N: 2 ** 10, r: 8, p: 1 };

function agencyRow(id: string, slug: string) {
  return {
    id,
    parent_id: null,
    slug,
    full_name: '测试机关',
    short_name: '测试',
    code: '11100000000013338W',
    level: 'county',
    kind: 'government',
    created_at: '2024-01-01T00:00:00.000Z',
    updated_at: '2024-01-01T00:00:00.000Z',
  };
}

const countyInput = (slug: string): AgencyInput =>
  agencyInput({ slug, fullName: '上级人民政府', shortName: '上级政府', level: 'county' });

async function thrown(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  assert.fail('expected the statement to fail');
}

test(`the real unique-constraint errors map to their form fields; other errors do not (${testDialect})`, async () => {
  const db = await createTestDb();
  try {
    await db.kysely.insertInto('agencies').values(agencyRow('a1', 'same')).execute();
    const slugClash = await thrown(
      db.kysely.insertInto('agencies').values(agencyRow('a2', 'same')).execute(),
    );
    assert.equal(uniqueViolationField(slugClash, AGENCY_UNIQUE_KEYS), 'slug');
    // The same error is not about a username.
    assert.equal(uniqueViolationField(slugClash, ACCOUNT_UNIQUE_KEYS), null);
    // A primary-key clash is no person's typing: it is not mapped (the caller rethrows it).
    const idClash = await thrown(
      db.kysely.insertInto('agencies').values(agencyRow('a1', 'other')).execute(),
    );
    assert.equal(uniqueViolationField(idClash, AGENCY_UNIQUE_KEYS), null);
    const account = (id: string, agencyId: string) => ({
      id,
      agency_id: agencyId,
      username: 'zhang.san',
      display_name: '张三',
      password_hash: 'x',
      is_active: 1,
      created_at: '2024-01-01T00:00:00.000Z',
      updated_at: '2024-01-01T00:00:00.000Z',
    });
    await db.kysely.insertInto('accounts').values(account('u1', 'a1')).execute();
    const userClash = await thrown(
      db.kysely.insertInto('accounts').values(account('u2', 'a1')).execute(),
    );
    assert.equal(uniqueViolationField(userClash, ACCOUNT_UNIQUE_KEYS), 'username');
    // A foreign-key failure is a different error altogether.
    const fk = await thrown(
      db.kysely
        .insertInto('accounts')
        .values({ ...account('u3', 'missing'), username: 'li.si' })
        .execute(),
    );
    assert.equal(uniqueViolationField(fk, ACCOUNT_UNIQUE_KEYS), null);
    assert.equal(uniqueViolationField(new Error('duplicate'), ACCOUNT_UNIQUE_KEYS), null);
    assert.equal(uniqueViolationField(null, ACCOUNT_UNIQUE_KEYS), null);
  } finally {
    await db.destroy();
  }
});

test(`mapUniqueViolation rolls back the whole transaction and rethrows anything else (${testDialect})`, async () => {
  const db = await createTestDb();
  try {
    await db.kysely.insertInto('agencies').values(agencyRow('a1', 'same')).execute();
    const result = await mapUniqueViolation(
      AGENCY_UNIQUE_KEYS,
      () =>
        db.kysely.transaction().execute(async (trx) => {
          await trx.insertInto('agencies').values(agencyRow('a2', 'fresh')).execute();
          await trx.insertInto('agencies').values(agencyRow('a3', 'same')).execute();
          return 'written';
        }),
      (field) => `taken:${field}`,
    );
    assert.equal(result, 'taken:slug');
    const slugs = await db.kysely.selectFrom('agencies').select('slug').execute();
    assert.deepEqual(
      slugs.map((r) => r.slug),
      ['same'],
      'the earlier insert of the same transaction is gone too',
    );
    await assert.rejects(
      mapUniqueViolation(
        AGENCY_UNIQUE_KEYS,
        () =>
          db.kysely
            .insertInto('agencies')
            .values(agencyRow('a1', 'again'))
            .execute()
            .then(() => 'written'),
        () => 'taken',
      ),
      'a primary-key clash is rethrown',
    );
  } finally {
    await db.destroy();
  }
});

test(`simultaneous creations of one slug or one username: one succeeds, the rest get the form error, no audit event is left behind (${testDialect})`, async () => {
  const db = await createTestDb();
  try {
    const clock = fixedClock('2024-01-01T00:00:00.000Z');
    const deps = { db, clock, passwordParams: cheap };
    const agencies = await Promise.all(
      Array.from({ length: 8 }, () => createAgency(deps, countyInput('race'), actor)),
    );
    const created = agencies.filter((r) => r.ok);
    assert.equal(created.length, 1);
    for (const r of agencies.filter((x) => !x.ok))
      assert.deepEqual(r, { ok: false, errors: { slug: '该网址标识已被其他机关使用，请换一个' } });
    const agencyId = created[0]?.ok ? created[0].value.id : '';
    const agencyEvents = await db.kysely
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'agency.create')
      .execute();
    assert.equal(agencyEvents.length, 1, 'only the agency that exists was audited');

    const accounts = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        createAccount(
          deps,
          {
            agencyId,
            username: 'wang.wu',
            displayName: `王五${i}`,
            password: 'good-pass-1',
            roles: ['handler'],
          },
          actor,
        ),
      ),
    );
    assert.equal(accounts.filter((r) => r.ok).length, 1);
    for (const r of accounts.filter((x) => !x.ok))
      assert.deepEqual(r, { ok: false, errors: { username: USERNAME_TAKEN } });
    const rows = await db.kysely.selectFrom('accounts').select('username').execute();
    assert.deepEqual(
      rows.map((r) => r.username),
      ['wang.wu'],
    );
    const accountEvents = await db.kysely
      .selectFrom('audit_events')
      .select(['seq', 'action'])
      .where('chain_id', '=', agencyId)
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      accountEvents.map((e) => e.action),
      ['agency.create', 'account.create'],
    );
    assert.equal((await verifyAuditChain(db.kysely, agencyId)).ok, true, 'no gap in the chain');
  } finally {
    await db.destroy();
  }
});
