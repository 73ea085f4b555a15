// PDF: the two real reports of 淮安市洪泽区人民政府 (text layer) read to their published
// numbers, cell by cell; a PDF without a text layer and a broken PDF are refused clearly.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseReport, PARSE_ERRORS } from './index.js';
import { NO_TEXT_LAYER } from './from-pdf.js';
import { expectRows, fixture, parseFixture, rowsOf } from './test-support.js';

// （六）其他处理 is printed as one row: its values go to 3.其他, and the two rows the report
// never printed count 0 — a guess, reported once as CELL_AMBIGUOUS.
const SINGLE_ROW_OTHER = {
  'other.correction_overdue': Array(7).fill(0),
  'other.fee_unpaid': Array(7).fill(0),
};

function assertSingleRowOtherGuess(
  findings: readonly { code: string; row: string | null; message: string }[],
) {
  assert.deepEqual(
    findings.map((f) => [f.code, f.row]),
    [['CELL_AMBIGUOUS', 'other.other']],
  );
  assert.match(findings[0]!.message, /“（六）其他处理”只印了一行.*计入“3\.其他”.*这2行，按0计/);
}

test('2023 洪泽区 PDF: every cell as published, table 四 errors read as printed', async () => {
  const { report, findings } = await parseFixture('2023-hongze-district-government.pdf');
  assert.equal(report.agency, '淮安市洪泽区人民政府');
  assert.equal(report.year, 2023);
  assert.equal(report.format, '2021');
  assert.equal(report.publishedOn, null);
  assert.deepEqual(
    report.sections.map((s) => s.heading),
    [
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ],
  );
  assert.deepEqual(rowsOf(report.tables.proactive), {
    rules: [0, 0, 0],
    normative_documents: [0, 5, 5],
    licensing: [550],
    penalty: [4119],
    enforcement: [195],
    fees: [7730.28],
  });
  assert.deepEqual(
    rowsOf(report.tables.requests),
    expectRows(report.tables.requests, 0, {
      received: [21, 0, 0, 0, 0, 0, 21],
      partially_disclosed: [4, 0, 0, 0, 0, 0, 4],
      'withheld.state_secret': [1, 0, 0, 0, 0, 0, 1],
      'withheld.process_information': [1, 0, 0, 0, 0, 0, 1],
      'withheld.enforcement_files': [1, 0, 0, 0, 0, 0, 1],
      'unavailable.not_held': [10, 0, 0, 0, 0, 0, 10],
      'unavailable.needs_creation': [3, 0, 0, 0, 0, 0, 3],
      'not_processed.petition_complaint': [1, 0, 0, 0, 0, 0, 1],
      ...SINGLE_ROW_OTHER,
      outcome_total: [21, 0, 0, 0, 0, 0, 21],
    }),
  );
  assert.deepEqual(rowsOf(report.tables.review), {
    reconsideration: [10, 1, 0, 0, 0],
    litigation_direct: [0, 0, 0, 0, 0],
    litigation_after_reconsideration: [5, 0, 0, 0, 0],
  });
  assertSingleRowOtherGuess(findings);
  assert.match(report.sections[1 - 1]!.text, /主动公开政府信息\s*1136\s*条/u);
  assert.match(report.sections[5]!.text, /信息处理费 0 元。$/u);
});

test('2024 洪泽区 PDF: every cell as published', async () => {
  const { report, findings } = await parseFixture('2024-hongze-district-government.pdf');
  assert.equal(report.agency, '淮安市洪泽区人民政府');
  assert.equal(report.year, 2024);
  assert.equal(report.format, '2021');
  assert.ok(report.sections.every((s) => s.heading !== null));
  assert.deepEqual(rowsOf(report.tables.proactive), {
    rules: [0, 0, 0],
    normative_documents: [3, 0, 8],
    licensing: [9487],
    penalty: [2776],
    enforcement: [84],
    fees: [7545],
  });
  assert.deepEqual(
    rowsOf(report.tables.requests),
    expectRows(report.tables.requests, 0, {
      received: [95, 0, 0, 0, 0, 0, 95],
      disclosed: [50, 0, 0, 0, 0, 0, 50],
      partially_disclosed: [9, 0, 0, 0, 0, 0, 9],
      'withheld.security_stability': [1, 0, 0, 0, 0, 0, 1],
      'withheld.process_information': [1, 0, 0, 0, 0, 0, 1],
      'withheld.enforcement_files': [1, 0, 0, 0, 0, 0, 1],
      'unavailable.not_held': [31, 0, 0, 0, 0, 0, 31],
      'unavailable.needs_creation': [1, 0, 0, 0, 0, 0, 1],
      'not_processed.petition_complaint': [1, 0, 0, 0, 0, 0, 1],
      ...SINGLE_ROW_OTHER,
      outcome_total: [95, 0, 0, 0, 0, 0, 95],
    }),
  );
  assert.deepEqual(rowsOf(report.tables.review), {
    reconsideration: [1, 1, 0, 0, 2],
    litigation_direct: [1, 0, 0, 0, 1],
    litigation_after_reconsideration: [2, 0, 1, 0, 3],
  });
  assertSingleRowOtherGuess(findings);
  // Lines wrapped by the page layout are joined, so a sentence reads whole.
  assert.match(report.sections[0]!.text, /受理政府信息公开申请 17 件/u);
});

/** A one-page PDF whose only content is a filled rectangle: no text layer at all. */
function rectangleOnlyPdf(): Uint8Array {
  const stream = '0.2 0.2 0.2 rg 100 600 300 120 re f';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

test('a PDF with no text layer (a scan) is refused, not guessed', async () => {
  const result = await parseReport({ bytes: rectangleOnlyPdf(), filename: 'scan.pdf' });
  assert.deepEqual(result, { ok: false, error: NO_TEXT_LAYER });
  assert.equal(
    NO_TEXT_LAYER,
    '该PDF没有文字层（可能是扫描件），无法读取，请提供Word版或带文字层的PDF',
  );
});

test('a broken PDF gives a clear Chinese error', async () => {
  const broken = new TextEncoder().encode(
    '%PDF-1.7\n1 0 obj << /Type /Catalog >>\n这不是完整的PDF',
  );
  const result = await parseReport({ bytes: broken, filename: 'x.pdf' });
  assert.equal(result.ok, false);
  assert.deepEqual(result, { ok: false, error: PARSE_ERRORS.badPdf });
  const real = fixture('2023-hongze-district-government.pdf');
  assert.deepEqual(await parseReport({ bytes: real.slice(0, 4000) }), {
    ok: false,
    error: PARSE_ERRORS.badPdf,
  });
});

test('a PDF handed over as a Node Buffer (as uploads and files arrive) reads the same as a Uint8Array', async () => {
  const bytes = fixture('2024-hongze-district-government.pdf');
  const result = await parseReport({ bytes: Buffer.from(bytes), filename: 'x.pdf' });
  assert.ok(result.ok, result.ok ? '' : result.error);
  const plain = await parseFixture('2024-hongze-district-government.pdf');
  assert.deepEqual(result.report.tables, plain.report.tables);
});
