// A report published here reaches the parent agency's supervision dashboard by itself, in
// the publication's own transaction; a correction, published later, replaces it there.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDb, testDialect, type TestDb } from '../../test/support/db.js';
import { insertTestAccount } from '../../test/support/accounts.js';
import { SEED_SOURCES } from '../../test/support/annual-report-sources.js';
import { systemActor } from '../commands/actor.js';
import { fixedClock } from '../db/time.js';
import { reportOf } from '../supervision/repository.js';
import { loadDashboard } from '../supervision/views.js';
import {
  approveReport,
  composeDraft,
  publishReport,
  saveDraft,
  startCorrection,
} from './annual-report-service.js';

const actor = systemActor('测试');

const unwrap = <T>(r: { ok: true; value: T } | { ok: false; errors: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};

async function parentAndChild(db: TestDb) {
  const { agencyId: parentId } = await insertTestAccount(db, 'parent');
  const { agencyId: childId } = await insertTestAccount(db, 'child');
  await db.kysely
    .updateTable('agencies')
    .set({ parent_id: parentId, full_name: '测试街道办事处' })
    .where('id', '=', childId)
    .execute();
  return { parentId, childId };
}

const at = (iso: string) => ({ clock: fixedClock(iso) });

test(`publication puts the report on the parent's dashboard; a correction replaces it (${testDialect})`, async () => {
  const db = await createTestDb();
  try {
    const { parentId, childId } = await parentAndChild(db);
    const first = { db, ...at('2022-01-18T02:00:00.000Z') };
    const draft = unwrap(await composeDraft(first, SEED_SOURCES, childId, 2021, actor));
    unwrap(await approveReport(first, draft.id, actor));

    const before = await loadDashboard(db.kysely, parentId, 2021, '2022-01-18');
    assert.equal(before.rows.find((r) => r.agency.id === childId)!.report, null);

    unwrap(await publishReport(first, draft.id, null, actor));
    const shown = (await loadDashboard(db.kysely, parentId, 2021, '2022-01-18')).rows.find(
      (r) => r.agency.id === childId,
    )!;
    assert.ok(shown.report, 'the published report counts for the child agency');
    assert.equal(shown.report.source, 'platform');
    assert.equal(shown.report.errors, 0);
    assert.equal(reportOf(shown.report)!.publishedOn, '2022-01-18');

    const later = { db, ...at('2022-02-10T02:00:00.000Z') };
    const v2 = unwrap(await startCorrection(later, draft.id, actor));
    unwrap(
      await saveDraft(
        later,
        v2.id,
        { sections: { problems: '更正后的问题和改进情况。' }, typed: {} },
        actor,
      ),
    );
    unwrap(await approveReport(later, v2.id, actor));
    // A failed publication (no change note) sends nothing.
    assert.equal((await publishReport(later, v2.id, null, actor)).ok, false);
    const received = () =>
      db.kysely
        .selectFrom('supervision_reports')
        .select('id')
        .where('agency_id', '=', childId)
        .execute();
    assert.equal((await received()).length, 1);

    unwrap(await publishReport(later, v2.id, '补写第五部分。', actor));
    assert.equal((await received()).length, 2);
    const replaced = (await loadDashboard(db.kysely, parentId, 2021, '2022-02-10')).rows.find(
      (r) => r.agency.id === childId,
    )!;
    assert.notEqual(replaced.report!.id, shown.report.id);
    assert.equal(
      reportOf(replaced.report!)!.sections.find((s) => s.key === 'problems')!.text,
      '更正后的问题和改进情况。',
    );

    const events = await db.kysely
      .selectFrom('audit_events')
      .select('action')
      .where('action', 'in', ['annual_report.publish', 'supervision.report.receive'])
      .execute();
    assert.deepEqual(events.map((e) => e.action).sort(), [
      'annual_report.publish',
      'annual_report.publish',
      'supervision.report.receive',
      'supervision.report.receive',
    ]);
  } finally {
    await db.destroy();
  }
});
