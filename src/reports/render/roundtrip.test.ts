// What is rendered reads back to the same report: render → parseReport for HTML, .docx and
// JSON, on a sample, on the seed as the parser reads it, and on random balanced reports.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { balancedReport } from '../checks/fixtures/balanced-report.js';
import type { AnnualReport } from '../model.js';
import { parseReport } from '../parse/index.js';
import { renderReport } from './index.js';
import { sampleReport, zeroReport } from './test-support.js';

const FORMATS_READ_BACK = [
  { to: 'html', filename: 'report.html' },
  { to: 'docx', filename: 'report.docx' },
  { to: 'json', filename: 'report.json' },
] as const;

async function roundTrip(
  report: AnnualReport,
  to: 'html' | 'docx' | 'json',
  filename: string,
): Promise<AnnualReport> {
  const rendered = await renderReport(report, to);
  const bytes = typeof rendered === 'string' ? new TextEncoder().encode(rendered) : rendered;
  const parsed = await parseReport({ bytes, filename });
  if (!parsed.ok) assert.fail(`${to} did not parse back: ${parsed.error}`);
  return parsed.report;
}

function assertSameReport(back: AnnualReport, report: AnnualReport, to: string): void {
  assert.deepEqual(back.tables, report.tables, `${to}: tables`);
  assert.equal(back.format, report.format, `${to}: format`);
  assert.equal(back.year, report.year, `${to}: year`);
  assert.equal(back.agency, report.agency, `${to}: agency`);
  assert.equal(back.publishedOn, report.publishedOn, `${to}: date`);
  assert.equal(back.preamble, report.preamble, `${to}: preamble`);
  assert.deepEqual(
    back.sections.map((s) => s.heading !== null),
    report.sections.map((s) => s.heading !== null),
    `${to}: which sections are present`,
  );
}

describe('render → parse round trip', () => {
  for (const { to, filename } of FORMATS_READ_BACK) {
    it(`${to}: a filled-in 2021 report and an all-zero 2019 report read back unchanged`, async () => {
      const withPreamble: AnnualReport = {
        ...sampleReport(),
        preamble:
          '本报告根据《中华人民共和国政府信息公开条例》编制。\n如对本报告有任何疑问，请与综合办公室联系。',
      };
      for (const report of [sampleReport(), zeroReport('2019'), withPreamble]) {
        assertSameReport(await roundTrip(report, to, filename), report, to);
      }
    });
  }

  it('the seed, as read from its text, reads back the same from its HTML and .docx', async () => {
    const seed = await parseReport({
      bytes: readFileSync(
        new URL('../../../test/fixtures/reports/seed-2021-lingshanwei.txt', import.meta.url),
      ),
      filename: 'seed.txt',
    });
    assert.ok(seed.ok);
    // The seed's 「3.其他」 row lacks its 总计 (an empty cell): empty must stay empty.
    assert.equal(seed.report.tables.requests['other.other']?.total, null);
    assert.match(
      seed.report.preamble ?? '',
      /^本报告根据《中华人民共和国政府信息公开条例》.*0532-83185761）。$/u,
    );
    for (const { to, filename } of FORMATS_READ_BACK) {
      const back = await roundTrip(seed.report, to, filename);
      assert.deepEqual(back.tables, seed.report.tables, to);
      assert.equal(back.year, 2021);
      assert.equal(back.preamble, seed.report.preamble, `${to}: preamble`);
    }
  });

  it('any balanced report reads back unchanged from HTML and JSON (property)', async () => {
    await fc.assert(
      fc.asyncProperty(balancedReport(), async (report) => {
        for (const { to, filename } of FORMATS_READ_BACK.filter((f) => f.to !== 'docx')) {
          assertSameReport(await roundTrip(report, to, filename), report, to);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('any balanced report reads back unchanged from .docx (property)', async () => {
    await fc.assert(
      fc.asyncProperty(balancedReport(), async (report) => {
        assertSameReport(await roundTrip(report, 'docx', 'report.docx'), report, 'docx');
      }),
      { numRuns: 12 },
    );
  });
});
