// Every layout the parser claims to read, from fixtures made by the project itself: Word
// text in the 2019 trial format, HTML with merged cells and 「/」, a GBK page, a Markdown
// conversion, UTF-16 text, a .docx built here with merged cells, and the JSON model.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { FORMAT_2021 } from '../format/index.js';
import { reportToJson } from '../json.js';
import { parseReport } from './index.js';
import { expectRows, fixture, parseFixture, rowsOf } from './test-support.js';

const SLASH = null;

test('HTML with rowspan/colspan headers, 「/」 and blank cells, <br> inside cells', async () => {
  const { report, findings } = await parseFixture('html-2022-merged-cells.html');
  assert.equal(report.agency, '示例县交通运输局');
  assert.equal(report.year, 2022);
  assert.equal(report.publishedOn, '2023-01-20');
  assert.equal(report.format, '2021');
  assert.deepEqual(rowsOf(report.tables.proactive), {
    rules: [0, 0, 3],
    normative_documents: [2, 1, 15],
    licensing: [1234],
    penalty: [56],
    enforcement: [7],
    fees: [12.5],
  });
  const zero = [0, 0, SLASH, 0, 0, 0, 0];
  assert.deepEqual(
    rowsOf(report.tables.requests),
    expectRows(report.tables.requests, 0, {
      ...Object.fromEntries(FORMAT_2021.requests.rows.map((r) => [r.key, zero])),
      received: [12, 3, SLASH, 0, 1, 0, 16],
      carried_in: [1, 0, SLASH, 0, 0, 0, 1],
      disclosed: [5, 1, SLASH, 0, 0, 0, 6],
      partially_disclosed: [2, 1, SLASH, 0, 1, 0, 4],
      'withheld.third_party_rights': [1, 0, SLASH, 0, 0, 0, 1],
      'unavailable.not_held': [3, 1, SLASH, 0, 0, 0, 4],
      'not_processed.repeated': [1, 0, SLASH, 0, 0, 0, 1],
      'other.correction_overdue': [0, null, SLASH, 0, 0, 0, 0],
      outcome_total: [12, 3, SLASH, 0, 1, 0, 16],
      carried_out: [1, 0, SLASH, 0, 0, 0, 1],
    }),
  );
  assert.deepEqual(rowsOf(report.tables.review), {
    reconsideration: [2, 1, 0, 1, 4],
    litigation_direct: [1, 0, 0, 0, 1],
    litigation_after_reconsideration: [0, 0, 0, 0, 0],
  });
  assert.deepEqual(findings, []);
  assert.equal(report.sections[5]!.text, '本年度未收取信息处理费。');
  assert.ok(!report.sections[0]!.text.includes('var x'), 'script content is not report text');
});

test('an article wrapped in a layout table (older government sites) reads like the plain page', async () => {
  const html = new TextDecoder().decode(fixture('html-2022-merged-cells.html'));
  const wrapped = html
    .replace(
      '<body>',
      '<body><table width="100%"><tr><td class="nav">导航</td><td class="content">',
    )
    .replace('</body>', '</td></tr></table></body>');
  assert.notEqual(wrapped, html);
  const plain = await parseFixture('html-2022-merged-cells.html');
  const result = await parseReport({
    bytes: new TextEncoder().encode(wrapped),
    filename: 'page.html',
  });
  assert.ok(result.ok);
  if (!result.ok) return;
  assert.deepEqual(result.report.tables, plain.report.tables);
  assert.deepEqual(
    result.report.sections.map((x) => x.heading),
    plain.report.sections.map((x) => x.heading),
  );
  assert.deepEqual(result.findings, []);
});

test('without any section heading, the tables are still found by their own labels', async () => {
  const html = new TextDecoder()
    .decode(fixture('html-2022-merged-cells.html'))
    .replace(/<h2>[^<]*<\/h2>/gu, '');
  const plain = await parseFixture('html-2022-merged-cells.html');
  const result = await parseReport({ bytes: new TextEncoder().encode(html) });
  assert.ok(result.ok);
  if (!result.ok) return;
  assert.deepEqual(result.report.tables, plain.report.tables);
  assert.ok(result.report.sections.every((x) => x.heading === null));
  assert.equal(result.report.publishedOn, '2023-01-20');
});

test('GBK page: read by its <meta charset>, and as GB18030 when it declares nothing', async () => {
  const bytes = fixture('html-2023-gbk.html');
  assert.throws(
    () => new TextDecoder('utf-8', { fatal: true }).decode(bytes),
    'the fixture really is GBK',
  );
  const declared = await parseReport({ bytes, filename: 'report.html' });
  const latin = new TextDecoder('latin1');
  const undeclared = new Uint8Array(
    [...latin.decode(bytes).replace('charset=gbk', 'charset=xx')].map((c) => c.charCodeAt(0)),
  );
  const guessed = await parseReport({ bytes: undeclared });
  for (const result of [declared, guessed]) {
    assert.ok(result.ok);
    if (!result.ok) continue;
    assert.equal(result.report.agency, '示例市自然资源局');
    assert.equal(result.report.year, 2023);
    assert.equal(result.report.publishedOn, '2024-01-15', 'a date in Chinese numerals');
    assert.deepEqual(result.report.tables.requests.received, {
      natural_person: 7,
      commercial_enterprise: 2,
      research_institution: 0,
      social_welfare_org: 0,
      legal_service_org: 0,
      other_org: 0,
      total: 9,
    });
    assert.deepEqual(rowsOf(result.report.tables.review).reconsideration, [0, 1, 0, 0, 1]);
    assert.deepEqual(rowsOf(result.report.tables.proactive).normative_documents, [1, 0, 9]);
  }
});

test('Markdown from a PDF converter: pipe tables with flattened merged cells, an embedded HTML table', async () => {
  const { report, findings } = await parseFixture('markdown-2023-converted.md');
  assert.equal(report.agency, '示例区民政局');
  assert.equal(report.publishedOn, '2024-01-26');
  assert.deepEqual(rowsOf(report.tables.proactive), {
    rules: [0, 0, 0],
    normative_documents: [1, 2, 11],
    licensing: [460],
    penalty: [0],
    enforcement: [0],
    fees: [0],
  });
  assert.deepEqual(
    rowsOf(report.tables.requests),
    expectRows(report.tables.requests, 0, {
      received: [5, 1, 0, 0, 0, 0, 6],
      carried_in: [1, 0, 0, 0, 0, 0, 1],
      disclosed: [3, 1, 0, 0, 0, 0, 4],
      partially_disclosed: [1, 0, 0, 0, 0, 0, 1],
      'unavailable.not_held': [2, 0, 0, 0, 0, 0, 2],
      outcome_total: [6, 1, 0, 0, 0, 0, 7],
    }),
  );
  assert.deepEqual(rowsOf(report.tables.review).litigation_after_reconsideration, [0, 0, 1, 0, 1]);
  assert.deepEqual(findings, []);
  assert.equal(
    report.sections[0]!.text,
    '2023年，我局全年主动公开政府信息214条，受理政府信息公开申请6件。',
  );
});

test('Word text in the 2019 trial format: format told by table 二, doubled values, a missing value placed by the total', async () => {
  const { report, findings } = await parseFixture('word-text-2020-trial-format.txt');
  assert.equal(report.format, '2019');
  assert.equal(report.year, 2020);
  assert.equal(report.agency, '示例镇人民政府');
  assert.deepEqual(rowsOf(report.tables.proactive), {
    rules: [0, 0, 0],
    normative_documents: [2, 2, 9],
    licensing: [12, -2, 30],
    other_services: [4, 0, 6],
    penalty: [3, 1, 15],
    enforcement: [0, 0, 0],
    fees: [1, 0],
    procurement: [5, 36.8],
  });
  const requests = rowsOf(report.tables.requests);
  assert.deepEqual(
    requests['other.other'],
    [0, 0, 0, 0, 0, 0, 0],
    '（六）其他处理 is one row in 2019',
  );
  assert.equal(requests['other.fee_unpaid'], undefined);
  assert.deepEqual(requests['unavailable.not_held'], [1, 0, 0, 0, 0, null, 1]);
  assert.deepEqual(requests.received, [4, 2, 0, 0, 0, 0, 6]);
  assert.deepEqual(rowsOf(report.tables.review).litigation_after_reconsideration, [0, 1, 0, 0, 1]);
  assert.deepEqual(
    findings.map((f) => f.message),
    [
      '表二“规范性文件”行读到6个数，多于3列；判断为每个数都重复印了一次，按一次计，读作2、2、9',
      '表三“1.本机关不掌握相关政府信息”行只读到6个数；按“总计”列的关系判断空缺在“其他”列，读作1、0、0、0、0、空白、1',
    ],
  );
});

test('UTF-8 with a BOM and UTF-16 with a BOM read like the UTF-8 original', async () => {
  const original = fixture('seed-2021-lingshanwei.txt');
  const text = new TextDecoder().decode(original);
  const utf16 = new Uint8Array(2 + text.length * 2);
  utf16.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    utf16[2 + i * 2] = text.charCodeAt(i) & 0xff;
    utf16[3 + i * 2] = text.charCodeAt(i) >> 8;
  }
  const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...original]);
  const expected = await parseReport({ bytes: original });
  assert.deepEqual(await parseReport({ bytes: utf16, filename: 'seed.txt' }), expected);
  assert.deepEqual(await parseReport({ bytes: bom }), expected);
});

const cell = (text: string, options: { rowSpan?: number; columnSpan?: number } = {}): TableCell =>
  new TableCell({
    children: text
      .split('\n')
      .map((t) => new Paragraph({ text: t, alignment: AlignmentType.CENTER })),
    ...options,
  });

/** A .docx laid out like the national format: merged header cells, merged group labels. */
async function buildDocx(): Promise<Uint8Array> {
  const zeros = (n: number): TableCell[] => Array.from({ length: n }, () => cell('0'));
  const values = (v: (number | string)[]): TableCell[] => v.map((x) => cell(String(x)));
  const requestsRows = [
    new TableRow({
      children: [
        cell('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', {
          rowSpan: 3,
          columnSpan: 3,
        }),
        cell('申请人情况', { columnSpan: 7 }),
      ],
    }),
    new TableRow({
      children: [
        cell('自然人', { rowSpan: 2 }),
        cell('法人或其他组织', { columnSpan: 5 }),
        cell('总计', { rowSpan: 2 }),
      ],
    }),
    new TableRow({
      children: ['商业\n企业', '科研\n机构', '社会公益\n组织', '法律服务\n机构', '其他'].map((t) =>
        cell(t),
      ),
    }),
    new TableRow({
      children: [
        cell('一、本年新收政府信息公开申请数量', { columnSpan: 3 }),
        ...values([3, 1, 0, 0, 0, 0, 4]),
      ],
    }),
    new TableRow({
      children: [cell('二、上年结转政府信息公开申请数量', { columnSpan: 3 }), ...zeros(7)],
    }),
    new TableRow({
      children: [
        cell('三、本年度办理结果', { rowSpan: 5 }),
        cell('（一）予以公开', { columnSpan: 2 }),
        ...values([2, 1, 0, 0, 0, 0, 3]),
      ],
    }),
    new TableRow({
      children: [
        cell('（二）部分公开（区分处理的，只计这一情形，不计其他情形）', { columnSpan: 2 }),
        ...zeros(7),
      ],
    }),
    new TableRow({
      children: [
        cell('（四）无法提供', { rowSpan: 2 }),
        cell('1.本机关不掌握相关政府信息'),
        ...values([1, 0, 0, 0, 0, 0, 1]),
      ],
    }),
    new TableRow({
      children: [cell('2.没有现成信息需要另行制作'), ...values([0, '/', 0, 0, 0, 0, 0])],
    }),
    new TableRow({
      children: [cell('（七）总计', { columnSpan: 2 }), ...values([3, 1, 0, 0, 0, 0, 4])],
    }),
    new TableRow({ children: [cell('四、结转下年度继续办理', { columnSpan: 3 }), ...zeros(7)] }),
  ];
  const headers = ['结果\n维持', '结果\n纠正', '其他\n结果', '尚未\n审结', '总计'];
  const reviewRows = [
    new TableRow({
      children: [cell('行政复议', { columnSpan: 5 }), cell('行政诉讼', { columnSpan: 10 })],
    }),
    new TableRow({
      children: [
        ...headers.map((h) => cell(h, { rowSpan: 2 })),
        cell('未经复议直接起诉', { columnSpan: 5 }),
        cell('复议后起诉', { columnSpan: 5 }),
      ],
    }),
    new TableRow({ children: [...headers, ...headers].map((h) => cell(h)) }),
    new TableRow({ children: values([1, 0, 0, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]) }),
  ];
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph('示例街道办事处2022年政府信息公开工作年度报告'),
          new Paragraph('一、总体情况'),
          new Paragraph('2022年，本街道全面推进政务公开。'),
          new Paragraph('二、主动公开政府信息情况'),
          new Table({
            rows: [
              new TableRow({ children: [cell('第二十条第（一）项', { columnSpan: 4 })] }),
              new TableRow({
                children: ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'].map((t) =>
                  cell(t),
                ),
              }),
              new TableRow({ children: [cell('规章'), ...zeros(3)] }),
              new TableRow({ children: [cell('行政规范性文件'), ...values([1, 0, 4])] }),
              new TableRow({ children: [cell('第二十条第（五）项', { columnSpan: 4 })] }),
              new TableRow({
                children: [cell('信息内容'), cell('本年处理决定数量', { columnSpan: 3 })],
              }),
              new TableRow({ children: [cell('行政许可'), cell('27', { columnSpan: 3 })] }),
            ],
          }),
          new Paragraph('三、收到和处理政府信息公开申请情况'),
          new Table({ rows: requestsRows }),
          new Paragraph('四、政府信息公开行政复议、行政诉讼情况'),
          new Table({ rows: reviewRows }),
          new Paragraph('五、存在的主要问题及改进情况'),
          new Paragraph('公开的及时性有待提高。'),
          new Paragraph('六、其他需要报告的事项'),
          new Paragraph('无。'),
          new Paragraph('示例街道办事处'),
          new Paragraph('2023年1月30日'),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

test('.docx built with merged cells (gridSpan, vMerge) reads cell by cell', async () => {
  const result = await parseReport({ bytes: await buildDocx(), filename: 'report.docx' });
  assert.ok(result.ok, result.ok ? '' : result.error);
  if (!result.ok) return;
  const { report, findings } = result;
  assert.equal(report.agency, '示例街道办事处');
  assert.equal(report.year, 2022);
  assert.equal(report.publishedOn, '2023-01-30');
  assert.deepEqual(
    report.sections.map((s) => s.heading !== null),
    [true, true, true, true, true, true],
  );
  const proactive = rowsOf(report.tables.proactive);
  assert.deepEqual(proactive.normative_documents, [1, 0, 4]);
  assert.deepEqual(proactive.licensing, [27], 'a value merged over three columns is read once');
  assert.deepEqual(proactive.penalty, [null], 'a row not printed stays blank');
  const requests = rowsOf(report.tables.requests);
  assert.deepEqual(requests.received, [3, 1, 0, 0, 0, 0, 4]);
  assert.deepEqual(requests.disclosed, [2, 1, 0, 0, 0, 0, 3]);
  assert.deepEqual(requests['unavailable.not_held'], [1, 0, 0, 0, 0, 0, 1]);
  assert.deepEqual(requests['unavailable.needs_creation'], [0, null, 0, 0, 0, 0, 0]);
  assert.deepEqual(requests.outcome_total, [3, 1, 0, 0, 0, 0, 4]);
  assert.deepEqual(requests['withheld.state_secret'], Array(7).fill(null));
  assert.deepEqual(rowsOf(report.tables.review).reconsideration, [1, 0, 0, 1, 2]);
  assert.deepEqual(findings, []);
});

test('JSON is the model itself: what reportToJson writes parses back unchanged', async () => {
  const { report } = await parseFixture('seed-2021-lingshanwei.txt');
  const bytes = new TextEncoder().encode(JSON.stringify(reportToJson(report)));
  const back = await parseReport({ bytes, filename: 'report.json' });
  assert.deepEqual(back, { ok: true, report, findings: [] });
  const wrong = await parseReport({
    bytes: new TextEncoder().encode('{"format":"2021","year":"二〇二一"}'),
  });
  assert.equal(wrong.ok, false);
});
