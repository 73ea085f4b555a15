// The report's life through its commands: compose from sources, edit, approve (refused
// while a typed table does not balance), publish, never changed after, corrected as a new
// version that keeps the old one; recompute shows the changed cells.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDb, testDialect, type TestDb } from '../../test/support/db.js';
import { insertTestAccount } from '../../test/support/accounts.js';
import {
  requestsSource,
  reviewSource,
  SEED_SOURCES,
} from '../../test/support/annual-report-sources.js';
import { systemActor } from '../commands/actor.js';
import { fixedClock } from '../db/time.js';
import { getReport, listVersions } from './annual-report-repository.js';
import {
  approveReport,
  composeDraft,
  findingsOf,
  publishReport,
  recomputeTables,
  saveDraft,
  startCorrection,
} from './annual-report-service.js';
import type { ReportSource } from './year-sources.js';

const actor = systemActor('测试');

async function withDb(fn: (db: TestDb, agencyId: string) => Promise<void>) {
  const db = await createTestDb();
  try {
    const { agencyId } = await insertTestAccount(db, 'acc1');
    await fn(db, agencyId);
  } finally {
    await db.destroy();
  }
}

const deps = (db: TestDb) => ({ db, clock: fixedClock('2022-01-18T02:00:00.000Z') });

const unwrap = <T>(r: { ok: true; value: T } | { ok: false; errors: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};

test(`compose from records, approve, publish; the published version cannot change (${testDialect})`, async () => {
  await withDb(async (db, agencyId) => {
    const draft = unwrap(await composeDraft(deps(db), SEED_SOURCES, agencyId, 2021, actor));
    assert.equal(draft.status, 'draft');
    assert.deepEqual(draft.computed, ['proactive', 'requests', 'review']);
    // Section 五 has no record: the office must write it, or approval is refused? It is
    // present (heading) with empty text, so no error: the draft is approvable as composed.
    assert.deepEqual(
      (await findingsOf(db.kysely, draft)).filter((f) => f.severity === 'error'),
      [],
    );
    const edited = unwrap(
      await saveDraft(
        deps(db),
        draft.id,
        { sections: { problems: '信息公开业务能力有待加强。' }, typed: {} },
        actor,
      ),
    );
    assert.equal(
      edited.report.sections.find((s) => s.key === 'problems')!.text,
      '信息公开业务能力有待加强。',
    );
    unwrap(await approveReport(deps(db), draft.id, actor));
    const published = unwrap(await publishReport(deps(db), draft.id, null, actor));
    assert.equal(published.report.publishedOn, '2022-01-18');
    const again = await saveDraft(
      deps(db),
      draft.id,
      { sections: { problems: '改了' }, typed: {} },
      actor,
    );
    assert.equal(again.ok, false);
    assert.equal(
      (await getReport(db.kysely, draft.id))!.report.sections.find((s) => s.key === 'problems')!
        .text,
      '信息公开业务能力有待加强。',
    );
    assert.equal((await recomputeTables(deps(db), SEED_SOURCES, draft.id, actor)).ok, false);
    assert.equal((await composeDraft(deps(db), SEED_SOURCES, agencyId, 2021, actor)).ok, false);
    const actions = await db.kysely
      .selectFrom('audit_events')
      .select('action')
      .where('subject_type', '=', 'annual_report')
      .execute();
    assert.deepEqual(
      actions.map((a) => a.action),
      [
        'annual_report.compose',
        'annual_report.save',
        'annual_report.approve',
        'annual_report.publish',
      ],
    );
  });
});

test(`a typed table that does not balance cannot be approved (${testDialect})`, async () => {
  await withDb(async (db, agencyId) => {
    // No requests source: table 三 is typed by the office.
    const draft = unwrap(await composeDraft(deps(db), [reviewSource([])], agencyId, 2021, actor));
    assert.ok(!draft.computed.includes('requests'));
    const requests = structuredClone(draft.report.tables.requests);
    for (const row of Object.values(requests)) for (const col of Object.keys(row)) row[col] = 0;
    requests.received!.natural_person = 3;
    requests.received!.total = 3; // 一 + 二 = 3, but 三（七）+ 四 = 0
    unwrap(await saveDraft(deps(db), draft.id, { sections: {}, typed: { requests } }, actor));
    const refused = await approveReport(deps(db), draft.id, actor);
    assert.equal(refused.ok, false);
    assert.match(String(!refused.ok && refused.errors._form), /错误/);
    assert.equal((await getReport(db.kysely, draft.id))!.status, 'draft');
    requests.carried_out!.natural_person = 3;
    requests.carried_out!.total = 3;
    unwrap(await saveDraft(deps(db), draft.id, { sections: {}, typed: { requests } }, actor));
    assert.equal(unwrap(await approveReport(deps(db), draft.id, actor)).status, 'approved');
  });
});

test(`a correction is a new version with its change note; the old stays (${testDialect})`, async () => {
  await withDb(async (db, agencyId) => {
    const v1 = unwrap(await composeDraft(deps(db), SEED_SOURCES, agencyId, 2021, actor));
    unwrap(await approveReport(deps(db), v1.id, actor));
    unwrap(await publishReport(deps(db), v1.id, null, actor));
    const v2 = unwrap(await startCorrection(deps(db), v1.id, actor));
    assert.equal(v2.version, 2);
    unwrap(
      await saveDraft(
        deps(db),
        v2.id,
        { sections: { problems: '更正后的问题表述。' }, typed: {} },
        actor,
      ),
    );
    unwrap(await approveReport(deps(db), v2.id, actor));
    const noNote = await publishReport(deps(db), v2.id, '  ', actor);
    assert.equal(noNote.ok, false);
    assert.ok(!noNote.ok && noNote.errors.changeNote);
    unwrap(await publishReport(deps(db), v2.id, '补写第五部分', actor));
    const versions = await listVersions(db.kysely, agencyId, 2021);
    assert.deepEqual(
      versions.map((v) => [v.version, v.status, v.changeNote]),
      [
        [2, 'published', '补写第五部分'],
        [1, 'published', null],
      ],
    );
    assert.equal(versions[1]!.report.sections.find((s) => s.key === 'problems')!.text, '');
  });
});

test(`recompute after a record changed shows the changed cells and withdraws approval (${testDialect})`, async () => {
  await withDb(async (db, agencyId) => {
    let results: ('upheld' | 'corrected' | 'pending')[] = ['upheld', 'corrected'];
    const live: ReportSource = {
      label: '复议',
      contribute: (q) => reviewSource(results).contribute(q),
    };
    const sources = [requestsSource(), live];
    const draft = unwrap(await composeDraft(deps(db), sources, agencyId, 2021, actor));
    unwrap(await approveReport(deps(db), draft.id, actor));
    results = ['upheld', 'corrected', 'pending'];
    const { report, changes } = unwrap(await recomputeTables(deps(db), sources, draft.id, actor));
    assert.deepEqual(
      changes.map((c) => `${c.table}.${c.row}.${c.column}:${c.before}→${c.after}`),
      ['review.reconsideration.pending:0→1', 'review.reconsideration.total:2→3'],
    );
    assert.equal(report.status, 'draft');
    // The prose still says 2 reconsiderations: the checks now say so.
    const mismatch = (await findingsOf(db.kysely, report)).filter(
      (f) => f.code === 'NARRATIVE_MISMATCH',
    );
    assert.equal(mismatch.length, 1);
  });
});

test(`the preamble is drafted, edited and kept when a save leaves it out (${testDialect})`, async () => {
  await withDb(async (db, agencyId) => {
    const draft = unwrap(await composeDraft(deps(db), SEED_SOURCES, agencyId, 2021, actor));
    assert.match(draft.report.preamble ?? '', /^本报告由测试机关根据/u);
    unwrap(
      await saveDraft(
        deps(db),
        draft.id,
        { preamble: '本机关改写的说明。', sections: {}, typed: {} },
        actor,
      ),
    );
    unwrap(
      await saveDraft(deps(db), draft.id, { sections: { problems: '问题。' }, typed: {} }, actor),
    );
    assert.equal((await getReport(db.kysely, draft.id))!.report.preamble, '本机关改写的说明。');
    unwrap(await saveDraft(deps(db), draft.id, { preamble: '', sections: {}, typed: {} }, actor));
    assert.equal((await getReport(db.kysely, draft.id))!.report.preamble, undefined);
  });
});
