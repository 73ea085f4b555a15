// Importing a read report file into a draft: typed tables filled, computed ones kept, a
// file in another national format refused, the reader's doubts kept until the office saves
// (and approval refused meanwhile); a refusal changes nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDb, testDialect } from '../../test/support/db.js';
import { insertTestAccount } from '../../test/support/accounts.js';
import { requestsSource } from '../../test/support/annual-report-sources.js';
import { systemActor } from '../commands/actor.js';
import { fixedClock } from '../db/time.js';
import type { Finding } from '../reports/model.js';
import { sampleReport, zeroReport } from '../reports/render/test-support.js';
import { getReport } from './annual-report-repository.js';
import { approveReport, composeDraft, saveDraft } from './annual-report-service.js';
import { importReportFile } from './import-service.js';

const actor = systemActor('测试');
const unwrap = <T>(r: { ok: true; value: T } | { ok: false; errors: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};

const doubt = (table: Finding['table'], row: string, column: string): Finding => ({
  code: 'CELL_AMBIGUOUS',
  severity: 'warning',
  table,
  row,
  column,
  section: null,
  expected: null,
  actual: null,
  message: '该单元格读取时不能确定',
});

test(`import fills the typed tables only, keeps doubts until saved (${testDialect})`, async () => {
  const db = await createTestDb();
  try {
    const { agencyId } = await insertTestAccount(db, 'acc1');
    const deps = { db, clock: fixedClock('2022-01-10T02:00:00.000Z') };
    // Requests are kept here (table 三 computed); tables 二 and 四 are typed.
    const draft = unwrap(await composeDraft(deps, [requestsSource()], agencyId, 2021, actor));
    assert.deepEqual(draft.computed, ['requests']);
    const file = sampleReport();

    const wrongFormat = await importReportFile(
      deps,
      draft.id,
      { file: 'old.docx', report: zeroReport('2019'), findings: [], withText: false },
      actor,
    );
    assert.equal(wrongFormat.ok, false);
    assert.match(JSON.stringify(wrongFormat), /国办公开办函〔2019〕60号/);
    assert.deepEqual(await getReport(db.kysely, draft.id), draft);

    const imported = unwrap(
      await importReportFile(
        deps,
        draft.id,
        {
          file: 'report.docx',
          report: file,
          findings: [
            doubt('review', 'reconsideration', 'upheld'),
            doubt('requests', 'received', 'total'),
          ],
          withText: false,
        },
        actor,
      ),
    );
    assert.deepEqual(imported.report.tables.review, file.tables.review);
    assert.deepEqual(imported.report.tables.proactive, file.tables.proactive);
    assert.deepEqual(
      imported.report.tables.requests,
      draft.report.tables.requests,
      'computed kept',
    );
    assert.deepEqual(imported.report.sections, draft.report.sections, 'text kept unless asked');
    // Only the doubt about a typed table is kept for the office.
    assert.deepEqual(
      imported.readingNotes?.findings.map((f) => f.table),
      ['review'],
    );
    const refused = await approveReport(deps, draft.id, actor);
    assert.equal(refused.ok, false);
    assert.match(JSON.stringify(refused), /读取时不能确定/);

    unwrap(await saveDraft(deps, draft.id, { sections: {}, typed: {} }, actor));
    assert.equal((await getReport(db.kysely, draft.id))!.readingNotes, null);

    const events = await db.kysely
      .selectFrom('audit_events')
      .select(['action', 'after_json'])
      .where('action', '=', 'annual_report.import')
      .execute();
    assert.equal(events.length, 1);
    assert.match(events[0]!.after_json ?? '', /report\.docx/);
  } finally {
    await db.destroy();
  }
});
