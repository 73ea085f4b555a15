// Composing from given sources: tables from records, sections drafted from them, checks clean.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  publicationsSource,
  requestsSource,
  reviewSource,
  SEED_SOURCES,
  workRecordsSource,
} from '../../test/support/annual-report-sources.js';
import { checkReport } from '../reports/checks/index.js';
import { FORMAT_2021 } from '../reports/format/index.js';
import type { Finding } from '../reports/model.js';
import { compose, type LabelledContribution } from './compose.js';
import { diffTables } from './tables.js';
import type { ReportSource } from './year-sources.js';

async function ask(sources: readonly ReportSource[], year = 2021): Promise<LabelledContribution[]> {
  const db = null as never; // the test sources read no database
  return Promise.all(
    sources.map(async (s) => ({
      label: s.label,
      contribution: await s.contribute({ db, agencyId: 'a', year }),
    })),
  );
}

const errors = (fs: Finding[]) => fs.filter((f) => f.severity === 'error');
const codes = (fs: Finding[]) => fs.map((f) => f.code);

describe('compose', () => {
  test('the seed year from records: table 三 as the seed should have printed it, no error finding', async () => {
    const { report, computed } = compose({
      agencyName: '灵山卫街道办事处',
      year: 2021,
      contributions: await ask(SEED_SOURCES),
    });
    assert.deepEqual(computed, ['proactive', 'requests', 'review']);
    const received = report.tables.requests.received!;
    assert.equal(received.natural_person, 8);
    assert.equal(received.commercial_enterprise, 1);
    assert.equal(received.total, 9);
    assert.equal(report.tables.review.reconsideration!.upheld, 1);
    assert.equal(report.tables.review.reconsideration!.corrected, 1);
    const findings = checkReport(report);
    assert.deepEqual(errors(findings), []);
    assert.ok(!codes(findings).includes('NARRATIVE_MISMATCH'), JSON.stringify(findings));
  });

  test('the draft speaks of the records: requests, channels, accounts, open days, suggestions', async () => {
    const { report } = compose({
      agencyName: '灵山卫街道办事处',
      year: 2021,
      contributions: await ask(SEED_SOURCES),
    });
    const text = (key: string) => report.sections.find((s) => s.key === key)!.text;
    assert.match(text('requests'), /2021年共办理依申请公开件9件/);
    assert.match(
      text('proactive'),
      /通过政府网站公开179条，通过政务微信公开1050条，通过政务微博公开122条/,
    );
    assert.match(text('proactive'), /“卫 您好”微信公众号/);
    assert.match(text('overview'), /政府开放日活动3次/);
    assert.match(text('overview'), /创城创卫 成果共享/);
    assert.match(text('review'), /行政复议2件（结果维持1件、结果纠正1件）/);
    assert.match(text('other'), /人大代表建议2件（协办2件），已办结2件/);
    assert.equal(text('problems'), '', 'no record speaks of problems: the office writes them');
    assert.deepEqual(
      report.sections.map((s) => s.heading),
      FORMAT_2021.sections.map((s) => `${s.numeral}、${s.title}`),
    );
  });

  test('with no source at all: blank typed tables, no figure invented in the prose', () => {
    const { report, computed } = compose({ agencyName: '某局', year: 2023, contributions: [] });
    assert.deepEqual(computed, []);
    assert.equal(report.tables.requests.received!.total, null);
    for (const s of report.sections) assert.doesNotMatch(s.text, /\d+件/, s.key);
  });

  test('any subset of sources composes; a table without a source is the typed one', async () => {
    const subsets: ReportSource[][] = [
      [requestsSource()],
      [publicationsSource(), workRecordsSource()],
      [reviewSource([])],
      [requestsSource(), reviewSource(['pending'])],
    ];
    for (const subset of subsets) {
      const { report } = compose({
        agencyName: '灵山卫街道办事处',
        year: 2021,
        contributions: await ask(subset),
      });
      assert.ok(!codes(checkReport(report)).includes('NARRATIVE_MISMATCH'));
      assert.ok(
        !codes(checkReport(report)).some((c) => c.startsWith('T')),
        subset.map((s) => s.label).join(),
      );
    }
  });

  test('an edited sentence that contradicts the tables is flagged, and the tables stay computed', async () => {
    const contributions = await ask(SEED_SOURCES);
    const first = compose({ agencyName: '灵山卫街道办事处', year: 2021, contributions });
    const sections = first.report.sections.map((s) =>
      s.key === 'requests' ? { ...s, text: '2021年共办理依申请公开件12件。' } : s,
    );
    const edited = compose({ agencyName: '灵山卫街道办事处', year: 2021, contributions, sections });
    const mismatch = checkReport(edited.report).filter((f) => f.code === 'NARRATIVE_MISMATCH');
    assert.equal(mismatch.length, 1);
    assert.equal(mismatch[0]!.section, 'requests');
    assert.equal(mismatch[0]!.actual, 12);
  });

  test('two sources giving the same row: the first is kept and the clash reported', async () => {
    const { merged, report } = compose({
      agencyName: 'x',
      year: 2021,
      contributions: await ask([requestsSource(), requestsSource([])]),
    });
    assert.equal(report.tables.requests.received!.total, 9);
    assert.ok(merged.conflicts.some((c) => c.table === 'requests' && c.row === 'received'));
  });

  test('recomputing after a record changes lists the changed cells', async () => {
    const before = compose({ agencyName: 'x', year: 2021, contributions: await ask(SEED_SOURCES) });
    const after = compose({
      agencyName: 'x',
      year: 2021,
      contributions: await ask([reviewSource(['upheld', 'corrected', 'pending'])]),
    });
    const changes = diffTables(FORMAT_2021, before.report.tables, after.report.tables).filter(
      (c) => c.table === 'review',
    );
    assert.deepEqual(
      changes.map((c) => [c.row, c.column, c.before, c.after]),
      [
        ['reconsideration', 'pending', 0, 1],
        ['reconsideration', 'total', 2, 3],
      ],
    );
  });
});
