// Review cases against the database: each command writes the case and its event together,
// a refused one changes nothing; table 四 of the demo's 2021 is the seed's and passes the
// checks; a case pending on 31 December is pending that year and decided the next.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDb, testDialect, type TestDb } from '../../test/support/db.js';
import { systemActor } from '../commands/actor.js';
import { fixedClock } from '../db/time.js';
import { seedDemo } from '../demo/seed-demo.js';
import { checkReviewSums } from '../reports/checks/review.js';
import { seedReport } from '../reports/checks/fixtures/seed-report.js';
import { createCase, recordDecision, updateCase } from './commands.js';
import { getCase } from './repository.js';
import { reviewCasesReportSource } from './report-source.js';
import { caseInputSchema, decisionInputSchema } from './review-case.js';

const actor = systemActor('测试');
const fast = { N: 2 ** 10, r: 8, p: 1 };

async function withDemo(
  now: string,
  fn: (db: TestDb, agencyId: string, clock: ReturnType<typeof fixedClock>) => Promise<void>,
) {
  const db = await createTestDb();
  const clock = fixedClock(now);
  try {
    const demo = await seedDemo({ db, clock, passwordParams: fast });
    await fn(db, demo.agency.id, clock);
  } finally {
    await db.destroy();
  }
}

const count = async (db: TestDb, table: 'review_cases' | 'audit_events', action?: string) => {
  const rows =
    table === 'audit_events'
      ? await db.kysely
          .selectFrom('audit_events')
          .select('seq')
          .where('action', '=', action ?? '')
          .execute()
      : await db.kysely.selectFrom('review_cases').select('id').execute();
  return rows.length;
};

const input = (over: Record<string, string> = {}) =>
  caseInputSchema.parse({
    kind: 'reconsideration',
    trackingNumber: '',
    reconsiderationId: '',
    body: '青岛市黄岛区人民政府',
    caseNumber: '青黄政复字〔2024〕第3号',
    receivedOn: '2024-05-06',
    notes: '',
    ...over,
  });

test(`the demo's 2021 table 四 is the seed's and passes the check (${testDialect})`, async () => {
  await withDemo('2024-09-27T08:00:00.000Z', async (db, agencyId) => {
    const c2021 = await reviewCasesReportSource.contribute({ db: db.kysely, agencyId, year: 2021 });
    assert.deepEqual(c2021.tables?.review, seedReport().tables.review);
    assert.deepEqual(c2021.facts, { reconsiderations: 2, lawsuits: 0 });
    const report = {
      ...seedReport(),
      tables: { ...seedReport().tables, review: c2021.tables!.review! },
    };
    assert.deepEqual(checkReviewSums(report), []);
    // Both were about demo 2021 requests, linked by their tracking numbers.
    const linked = await db.kysely
      .selectFrom('review_cases')
      .innerJoin('requests', 'requests.id', 'review_cases.request_id')
      .select('requests.tracking_number')
      .orderBy('requests.tracking_number')
      .execute();
    assert.deepEqual(
      linked.map((r) => r.tracking_number),
      ['GK-DEM0-2021-01', 'GK-DEM0-2021-03'],
    );
    // Decided in 2021, they are not counted in 2022.
    const c2022 = await reviewCasesReportSource.contribute({ db: db.kysely, agencyId, year: 2022 });
    assert.equal(c2022.facts?.reconsiderations, 0);
  });
});

test(`the demo is reset, not duplicated, by a second run (${testDialect})`, async () => {
  await withDemo('2024-09-27T08:00:00.000Z', async (db) => {
    await seedDemo({ db, clock: fixedClock('2024-09-28T08:00:00.000Z'), passwordParams: fast });
    assert.equal(await count(db, 'review_cases'), 2);
    assert.equal(await count(db, 'audit_events', 'demo.review_case.refresh'), 2);
  });
});

test(`a case pending on 31 December stays pending into the next year (${testDialect})`, async () => {
  await withDemo('2021-12-20T02:00:00.000Z', async (db, agencyId, clock) => {
    const deps = { db, clock };
    const made = await createCase(
      deps,
      agencyId,
      input({
        kind: 'litigation_direct',
        body: '青岛市黄岛区人民法院',
        caseNumber: '（2021）鲁0211行初88号',
        receivedOn: '2021-12-01',
      }),
      actor,
    );
    assert.ok(made.ok);
    const year = (y: number) =>
      reviewCasesReportSource.contribute({ db: db.kysely, agencyId, year: y });
    assert.deepEqual((await year(2021)).tables?.review?.litigation_direct, {
      upheld: 0,
      corrected: 0,
      other: 0,
      pending: 1,
      total: 1,
    });
    clock.set('2022-03-15T02:00:00.000Z');
    const decided = await recordDecision(
      deps,
      made.value.id,
      decisionInputSchema.parse({ result: 'upheld', decidedOn: '2022-03-10', decisionNote: '' }),
      actor,
    );
    assert.ok(decided.ok);
    // 2021 keeps it pending (decided after its end); 2022 counts it with its result.
    assert.equal((await year(2021)).tables?.review?.litigation_direct?.pending, 1);
    assert.deepEqual((await year(2022)).tables?.review?.litigation_direct, {
      upheld: 1,
      corrected: 0,
      other: 0,
      pending: 0,
      total: 1,
    });
    assert.equal((await year(2022)).facts?.lawsuits, 1);
    assert.equal((await year(2023)).facts?.lawsuits, 0);
  });
});

test(`commands write the case and its event together; refusals change nothing (${testDialect})`, async () => {
  await withDemo('2024-09-27T08:00:00.000Z', async (db, agencyId, clock) => {
    const deps = { db, clock };
    const cases = await count(db, 'review_cases');
    const unknown = await createCase(
      deps,
      agencyId,
      input({ trackingNumber: 'GK-NONE-2024-01' }),
      actor,
    );
    assert.deepEqual(unknown, {
      ok: false,
      errors: { trackingNumber: '本机关没有查询号为 GK-NONE-2024-01 的申请，请核对' },
    });
    const early = await createCase(
      deps,
      agencyId,
      input({ trackingNumber: 'GK-DEM0-2021-05', receivedOn: '2021-01-01' }),
      actor,
    );
    assert.match(
      early.ok ? '' : (early.errors.receivedOn ?? ''),
      /不能早于所关联申请的提交日期（2021-06-17）/,
    );
    const future = await createCase(deps, agencyId, input({ receivedOn: '2024-09-28' }), actor);
    assert.equal(future.ok ? '' : future.errors.receivedOn, '收到或立案日期不能晚于今天');
    assert.equal(await count(db, 'review_cases'), cases);
    assert.equal(await count(db, 'audit_events', 'review_case.create'), 0);

    const made = await createCase(
      deps,
      agencyId,
      input({ trackingNumber: 'GK-DEM0-2021-05' }),
      actor,
    );
    assert.ok(made.ok);
    assert.equal(made.value.trackingNumber, 'GK-DEM0-2021-05');
    assert.equal(made.value.result, 'pending');
    assert.equal(await count(db, 'audit_events', 'review_case.create'), 1);
    const taken = await createCase(deps, agencyId, input(), actor);
    assert.deepEqual(taken, {
      ok: false,
      errors: { caseNumber: '本机关已登记过该复议机关或法院的这一案号' },
    });

    // The audit event says the tracking number and nothing else of the request.
    const event = await db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'review_case.create')
      .executeTakeFirstOrThrow();
    assert.doesNotMatch(JSON.stringify(event), /演示/);

    const decide = (over: Record<string, string>) =>
      recordDecision(
        deps,
        made.value.id,
        decisionInputSchema.parse({ result: 'upheld', decidedOn: '', decisionNote: '', ...over }),
        actor,
      );
    assert.deepEqual(await decide({ decidedOn: '2024-05-01' }), {
      ok: false,
      errors: { decidedOn: '结案日期不能早于收到或立案日期（2024-05-06）' },
    });
    assert.equal((await getCase(db.kysely, made.value.id))?.result, 'pending');
    const upheld = await decide({
      decidedOn: '2024-07-01',
      decisionNote: '维持原答复',
      version: '1',
    });
    assert.ok(upheld.ok);
    assert.equal(upheld.value.version, 2);
    // A form opened before that decision is stale now.
    assert.deepEqual(await decide({ result: 'corrected', decidedOn: '2024-07-02', version: '1' }), {
      ok: false,
      errors: { _form: '该案件已被他人修改，请重新打开后再提交' },
    });
    // A decided case cannot change kind, nor be received after its decision.
    const kind = await updateCase(deps, made.value.id, input({ kind: 'litigation_direct' }), actor);
    assert.match(kind.ok ? '' : (kind.errors.kind ?? ''), /已结案的案件不能改变类型/);
    const late = await updateCase(deps, made.value.id, input({ receivedOn: '2024-07-05' }), actor);
    assert.match(
      late.ok ? '' : (late.errors.receivedOn ?? ''),
      /不能晚于已登记的结案日期（2024-07-01）/,
    );
    // Taking the decision back clears its date and note.
    const reopened = await decide({ result: 'pending' });
    assert.ok(reopened.ok);
    assert.equal(reopened.value.decidedOn, null);
    assert.equal(reopened.value.decisionNote, null);
    assert.equal(await count(db, 'audit_events', 'review_case.decide'), 1);
    assert.equal(await count(db, 'audit_events', 'review_case.reopen'), 1);
  });
});
