import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FORMATS, type FormatId } from '../format/index.js';
import { CSV_HEADER, csvField, renderCsv } from './csv.js';
import { renderReport } from './index.js';
import { sampleReport, zeroReport } from './test-support.js';

/** Splits our CSV (no embedded newlines in these reports) into fields, honouring quotes. */
function rowsOf(csv: string): string[][] {
  return csv
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter((l) => l !== '')
    .map((line) =>
      [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)]
        .slice(0, -1)
        .map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"')),
    );
}

function cellCount(id: FormatId): number {
  const f = FORMATS[id];
  const t2 = f.proactive.blocks.reduce((n, b) => n + b.rows.length * b.columns.length, 0);
  return (
    t2 +
    f.requests.rows.length * f.requests.columns.length +
    f.review.groups.length * f.review.columns.length
  );
}

describe('CSV renderer', () => {
  it('starts with a UTF-8 byte-order mark and the header, and ends lines with CRLF', async () => {
    const csv = await renderReport(sampleReport(), 'csv');
    assert.equal(csv.charCodeAt(0), 0xfeff);
    assert.ok(csv.startsWith(`\uFEFF${CSV_HEADER.join(',')}\r\n`));
    assert.ok(!/[^\r]\n/.test(csv));
  });

  it('has one row per cell of the format, for both formats', () => {
    for (const id of ['2021', '2019'] as const) {
      const rows = rowsOf(renderCsv(zeroReport(id)));
      assert.equal(rows.length - 1, cellCount(id), id);
      assert.ok(rows.every((r) => r.length === CSV_HEADER.length));
    }
  });

  it('gives keys, value and Chinese names of each cell', () => {
    const report = sampleReport();
    const rows = rowsOf(renderCsv(report));
    const find = (t: string, r: string, c: string) =>
      rows.find((x) => x[0] === t && x[1] === r && x[2] === c);
    assert.deepEqual(find('requests', 'unavailable.not_held', 'natural_person'), [
      'requests',
      'unavailable.not_held',
      'natural_person',
      String(report.tables.requests['unavailable.not_held']!.natural_person),
      '表三 收到和处理政府信息公开申请情况',
      '三、本年度办理结果 （四）无法提供 1.本机关不掌握相关政府信息',
      '自然人',
    ]);
    assert.deepEqual(find('requests', 'received', 'commercial_enterprise')?.slice(5), [
      '一、本年新收政府信息公开申请数量',
      '法人或其他组织 商业企业',
    ]);
    assert.deepEqual(find('review', 'litigation_direct', 'upheld')?.slice(3), [
      '0',
      '表四 政府信息公开行政复议、行政诉讼情况',
      '行政诉讼 未经复议直接起诉',
      '结果维持',
    ]);
    assert.deepEqual(find('proactive', 'fees', 'amount_wan_yuan')?.slice(3, 4), ['1.25']);
  });

  it('writes an empty cell as an empty field and quotes text that needs it', () => {
    const report = sampleReport();
    report.tables.review.reconsideration!.upheld = null;
    report.tables.review.reconsideration!.other = '1,5';
    const csv = renderCsv(report);
    assert.ok(csv.includes('review,reconsideration,upheld,,'));
    assert.ok(csv.includes('review,reconsideration,other,"1,5",'));
  });

  it('quotes fields and defuses spreadsheet formulas', () => {
    assert.equal(csvField('a"b'), '"a""b"');
    assert.equal(csvField('x\ny'), '"x\ny"');
    assert.equal(csvField('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(csvField('-3'), '-3');
    assert.equal(csvField('+86 0532'), "'+86 0532");
    assert.equal(csvField('自然人'), '自然人');
  });
});

describe('JSON renderer', () => {
  it('writes the report with every table and section, readable back as the same data', async () => {
    const report = sampleReport();
    const json = JSON.parse(await renderReport(report, 'json'));
    assert.equal(json.format, '2021');
    assert.equal(json.year, 2021);
    assert.equal(json.agency, report.agency);
    assert.deepEqual(json.tables, report.tables);
    assert.deepEqual(json.sections, report.sections);
  });
});
