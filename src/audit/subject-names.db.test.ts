// Every feature's audit subject namer runs against the real schema, names the subjects of
// the demo it owns, and never names a request case by its applicant.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDb, testDialect } from '../../test/support/db.js';
import { fixedClock } from '../db/time.js';
import { seedDemo } from '../demo/seed-demo.js';
import { FEATURES, platformOf } from '../features.js';

test(`the audit log names every kind of demo subject (${testDialect})`, async () => {
  const db = await createTestDb();
  try {
    await seedDemo({
      db,
      clock: fixedClock('2026-11-20T02:00:00.000Z'),
      passwordParams: { N: 2 ** 10, r: 8, p: 1 },
    });
    const k = db.kysely;
    const agency = await k
      .selectFrom('agencies')
      .select(['id', 'full_name'])
      .where('full_name', '=', '灵山卫街道办事处')
      .executeTakeFirstOrThrow();
    const account = await k
      .selectFrom('accounts')
      .select('id')
      .where('username', '=', 'lsw-handler')
      .executeTakeFirstOrThrow();
    const request = await k
      .selectFrom('requests')
      .innerJoin('request_applicants', 'request_applicants.request_id', 'requests.id')
      .select(['requests.id', 'requests.tracking_number', 'request_applicants.name'])
      .executeTakeFirstOrThrow();
    const firstId = async (table: 'publications' | 'review_cases' | 'work_records') =>
      (await k.selectFrom(table).select('id').executeTakeFirstOrThrow()).id;
    const ids = {
      agency: agency.id,
      agencyYear: `${agency.id}:2021`,
      account: account.id,
      request: request.id,
      publication: await firstId('publications'),
      reviewCase: await firstId('review_cases'),
      workRecord: await firstId('work_records'),
    };
    const names = new Map(
      await platformOf(FEATURES).auditSubjectNames(k, [...Object.values(ids), 'unknown-id', '']),
    );
    assert.equal(names.get(ids.agency), '灵山卫街道办事处');
    assert.equal(names.get(ids.agencyYear), '灵山卫街道办事处 2021年');
    assert.match(names.get(ids.account) ?? '', /（lsw-handler）$/);
    assert.equal(names.get(ids.request), request.tracking_number);
    for (const key of ['publication', 'reviewCase', 'workRecord'] as const)
      assert.ok((names.get(ids[key]) ?? '').length > 0, key);
    assert.equal(names.has('unknown-id'), false);
    assert.ok(![...names.values()].some((n) => n.includes(request.name)));
  } finally {
    await db.destroy();
  }
});
