// The guide's draft and versions: saving writes the office and the draft with one event;
// publishing is refused while a fact is missing (nothing written), numbers versions per
// agency without duplicates even when two publish at once, and never changes an old one.
// The demo street has published two versions (src/guide/demo.ts); tests that need an agency
// with none use the demo district, 黄岛区.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDb, testDialect, type TestDb } from '../../test/support/db.js';
import { getAgencyById } from '../agencies/agency-repository.js';
import { systemActor } from '../commands/actor.js';
import { fixedClock } from '../db/time.js';
import { seedDemo } from '../demo/seed-demo.js';
import { guideInputSchema, type GuideInput } from './guide.js';
import { getVersion, listVersions } from './guide-repository.js';
import { portalGuide, publishGuide, saveGuideDraft } from './guide-service.js';

const actor = systemActor('测试');
const fast = { N: 2 ** 10, r: 8, p: 1 };

const COMPLETE = {
  officeName: '综合办公室',
  officeAddress: '青岛市西海岸新区灵岩路77号',
  officeHours: '法定工作日 上午9:00—12:00，下午13:30—17:00',
  officePhone: '0532-83185761',
  officeFax: '',
  officeEmail: 'lsw-xxgk@example.gov.cn',
  officeWebsite: '',
  postcode: '266400',
  onlineFormUrl: '',
  competentOffice: '青岛市黄岛区人民政府办公室',
  reconsiderationBody: '青岛市黄岛区人民政府',
  arrangementNote: '',
  otherNote: '',
};

function input(values: Partial<typeof COMPLETE> = {}): GuideInput {
  return guideInputSchema.parse({ ...COMPLETE, ...values });
}

async function withDemo(
  fn: (
    db: TestDb,
    agencyId: string,
    clock: ReturnType<typeof fixedClock>,
    /** An agency with no guide published. */
    districtId: string,
  ) => Promise<void>,
) {
  const db = await createTestDb();
  const clock = fixedClock('2024-09-27T08:00:00.000Z');
  try {
    const demo = await seedDemo({ db, clock, passwordParams: fast });
    await fn(db, demo.agency.id, clock, demo.parent.id);
  } finally {
    await db.destroy();
  }
}

const events = async (db: TestDb, action: string) =>
  (await db.kysely.selectFrom('audit_events').select('seq').where('action', '=', action).execute())
    .length;

test(`saving the draft writes the office on the agency and the guide's fields, with one event (${testDialect})`, async () => {
  await withDemo(async (db, agencyId) => {
    const saves = await events(db, 'guide.draft.save');
    const r = await saveGuideDraft(
      { db, clock: fixedClock('2024-09-28T08:00:00.000Z') },
      agencyId,
      input(),
      actor,
    );
    assert.ok(r.ok);
    const agency = await getAgencyById(db.kysely, agencyId);
    assert.equal(agency?.office.email, 'lsw-xxgk@example.gov.cn');
    assert.equal(r.value.draft.postcode, '266400');
    assert.equal(await events(db, 'guide.draft.save'), saves + 1);
    // Saving publishes nothing: the demo's two versions are all there is.
    assert.deepEqual(
      (await listVersions(db.kysely, agencyId)).map((v) => v.version),
      [2, 1],
    );
  });
});

test(`the demo publishes two dated versions through the guide's commands, once (${testDialect})`, async () => {
  const db = await createTestDb();
  try {
    const deps = { db, clock: fixedClock('2024-09-27T08:00:00.000Z'), passwordParams: fast };
    const { agency } = await seedDemo(deps);
    const versions = await listVersions(db.kysely, agency.id);
    assert.deepEqual(versions, [
      { version: 2, publishedAt: '2021-10-15T02:00:00.000Z' },
      { version: 1, publishedAt: '2020-03-16T02:00:00.000Z' },
    ]);
    const [first, current] = [
      await getVersion(db.kysely, agency.id, 1),
      await getVersion(db.kysely, agency.id, 2),
    ];
    // The earlier guide named no 行政复议机关; the current one does.
    assert.equal(first?.content.draft.reconsiderationBody, null);
    assert.equal(current?.content.draft.reconsiderationBody, '青岛市黄岛区人民政府');
    assert.equal(current?.content.office.name, '综合办公室');
    assert.deepEqual(current?.content.newMedia.map((m) => m.name).sort(), [
      '卫 您好',
      '美丽灵山卫',
    ]);
    assert.equal(await events(db, 'guide.publish'), 2);
    // A second run keeps the history as published, and the draft is the current guide.
    await seedDemo(deps);
    assert.deepEqual(await listVersions(db.kysely, agency.id), versions);
    assert.equal(await events(db, 'guide.publish'), 2);
    const shown = await portalGuide(db.kysely, (await getAgencyById(db.kysely, agency.id))!);
    assert.equal(shown?.version?.version, 2);
    assert.deepEqual(shown?.missing, []);
  } finally {
    await db.destroy();
  }
});

test(`a demo run before a version's date publishes only the versions due (${testDialect})`, async () => {
  const db = await createTestDb();
  try {
    const clock = fixedClock('2021-06-01T02:00:00.000Z');
    const { agency } = await seedDemo({ db, clock, passwordParams: fast });
    assert.deepEqual(
      (await listVersions(db.kysely, agency.id)).map((v) => v.publishedAt),
      ['2020-03-16T02:00:00.000Z'],
    );
    const shown = await portalGuide(db.kysely, (await getAgencyById(db.kysely, agency.id))!);
    assert.equal(shown?.version?.version, 1);
  } finally {
    await db.destroy();
  }
});

test(`the demo guide, as the 2021 report gives it, is complete: the platform's form is its internet contact (${testDialect})`, async () => {
  await withDemo(async (db, agencyId) => {
    const shown = await portalGuide(db.kysely, (await getAgencyById(db.kysely, agencyId))!);
    assert.deepEqual(shown?.missing, []);
  });
});

test(`a guide with a missing fact is not published, and nothing is written (${testDialect})`, async () => {
  await withDemo(async (db, _street, clock, agencyId) => {
    // Without the office that handles complaints (第五十一条) the guide is incomplete.
    await saveGuideDraft({ db, clock }, agencyId, input({ competentOffice: '' }), actor);
    const refused = await publishGuide({ db, clock }, agencyId, actor);
    assert.ok(!refused.ok);
    assert.match(refused.errors._form ?? '', /政府信息公开工作主管部门/);
    // Only the demo street's two.
    assert.equal(await events(db, 'guide.publish'), 2);
    assert.deepEqual(await listVersions(db.kysely, agencyId), []);
    const shown = await portalGuide(db.kysely, (await getAgencyById(db.kysely, agencyId))!);
    assert.equal(shown?.version, null);
    assert.deepEqual(
      shown?.missing.map((m) => m.field),
      ['competentOffice'],
    );
    // A generic office name is a missing name.
    await saveGuideDraft(
      { db, clock },
      agencyId,
      input({ officeName: '政府信息公开工作机构' }),
      actor,
    );
    const generic = await publishGuide({ db, clock }, agencyId, actor);
    assert.ok(!generic.ok);
    assert.match(generic.errors._form ?? '', /工作机构的名称/);
  });
});

test(`versions are numbered per agency, dated, and an old one stays as published (${testDialect})`, async () => {
  await withDemo(async (db, street, clock, agencyId) => {
    await saveGuideDraft({ db, clock }, agencyId, input(), actor);
    const v1 = await publishGuide({ db, clock }, agencyId, actor);
    assert.ok(v1.ok);
    assert.equal(v1.value.version, 1);
    assert.equal(v1.value.publishedAt, '2024-09-27T08:00:00.000Z');
    clock.set('2025-03-01T02:00:00.000Z');
    await saveGuideDraft({ db, clock }, agencyId, input({ officePhone: '0532-83185762' }), actor);
    const v2 = await publishGuide({ db, clock }, agencyId, actor);
    assert.ok(v2.ok);
    assert.equal(v2.value.version, 2);
    const old = await getVersion(db.kysely, agencyId, 1);
    assert.equal(old?.content.office.phone, '0532-83185761');
    assert.equal((await getVersion(db.kysely, agencyId))?.content.office.phone, '0532-83185762');
    assert.deepEqual(
      (await listVersions(db.kysely, agencyId)).map((v) => v.version),
      [2, 1],
    );
    // Two here, beside the demo street's own two.
    assert.equal(await events(db, 'guide.publish'), 4);
    assert.deepEqual(
      (await listVersions(db.kysely, street)).map((v) => v.version),
      [2, 1],
    );
    // The public page shows the latest; the old number is readable and knows it is old.
    const agency = (await getAgencyById(db.kysely, agencyId))!;
    const first = await portalGuide(db.kysely, agency, 1);
    assert.equal(first?.version?.version, 1);
    assert.equal(first?.currentVersion, 2);
    assert.equal(await portalGuide(db.kysely, agency, 3), null);
  });
});

test(`two publications at once never share a number (${testDialect})`, async () => {
  await withDemo(async (db, _street, clock, agencyId) => {
    await saveGuideDraft({ db, clock }, agencyId, input(), actor);
    const results = await Promise.all(
      Array.from({ length: 4 }, () => publishGuide({ db, clock }, agencyId, actor)),
    );
    const numbers = results.flatMap((r) => (r.ok ? [r.value.version] : []));
    const refused = results.filter((r) => !r.ok);
    for (const r of refused) assert.match(r.ok ? '' : (r.errors._form ?? ''), /刚刚有人发布/);
    assert.equal(new Set(numbers).size, numbers.length);
    const stored = (await listVersions(db.kysely, agencyId)).map((v) => v.version);
    assert.deepEqual([...stored].sort(), [...numbers].sort());
    // Beside the demo street's two.
    assert.equal(await events(db, 'guide.publish'), 2 + numbers.length);
  });
});
