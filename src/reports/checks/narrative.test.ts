import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FORMAT_2021 } from '../format/index.js';
import type { AnnualReport } from '../model.js';
import { blankReport, setRow } from './fixtures/build.js';
import { checkNarrative, parseCount } from './narrative.js';

const REQ = FORMAT_2021.requests.columns.map((c) => c.key);
const REV = FORMAT_2021.review.columns.map((c) => c.key);

/** received 9 (8 natural persons + 1 enterprise), carried in 2, handled 10, carried out 1; 1 reconsideration, 2 lawsuits. */
function tables(r: AnnualReport): AnnualReport {
  setRow(r.tables.requests, 'received', [8, 1, 0, 0, 0, 0, 9], REQ);
  setRow(r.tables.requests, 'carried_in', [2, 0, 0, 0, 0, 0, 2], REQ);
  setRow(r.tables.requests, 'disclosed', [9, 1, 0, 0, 0, 0, 10], REQ);
  setRow(r.tables.requests, 'outcome_total', [9, 1, 0, 0, 0, 0, 10], REQ);
  setRow(r.tables.requests, 'carried_out', [1, 0, 0, 0, 0, 0, 1], REQ);
  setRow(r.tables.review, 'reconsideration', [1, 0, 0, 0, 1], REV);
  setRow(r.tables.review, 'litigation_direct', [0, 0, 0, 2, 2], REV);
  r.tables.proactive.normative_documents = { issued: 3, repealed: 1, in_force: 20 };
  return r;
}

function run(text: string) {
  const r = tables(blankReport());
  r.sections = r.sections.map((s) => (s.key === 'overview' ? { ...s, text } : s));
  return checkNarrative(r);
}

const cases: {
  text: string;
  expect: { row: string | null; expected: number; actual: number } | null;
}[] = [
  // Statements that agree with the tables, in the wordings reports use.
  { text: '2021年共办理依申请公开件10件，均依法答复。', expect: null },
  { text: '本年度受理政府信息公开申请9件。', expect: null },
  { text: '全年共受理政府信息公开申请11件（含上年结转2件）。', expect: null },
  { text: '共收到政府信息公开申请九件。', expect: null },
  { text: '本年新收政府信息公开申请数量9件。', expect: null },
  {
    text: '本年新收政府信息公开申请数量共8件。',
    expect: { row: 'received', expected: 9, actual: 8 },
  },
  { text: '发生政府信息公开行政复议1件，行政诉讼2件。', expect: null },
  { text: '制发行政规范性文件3件，现行有效规范性文件20件。', expect: null },
  // Not the whole, or not a table figure: never compared.
  { text: '协查区政务公开科办理依申请公开件2件。', expect: null },
  { text: '其中，新收政府信息公开申请3件。', expect: null },
  { text: '受理政府信息公开申请同比增加5件。', expect: null },
  { text: '主动公开政府信息1351条。', expect: null },
  { text: '行政复议、行政诉讼案件共3件。', expect: null },
  { text: '未发生行政复议被纠错的情况。', expect: null },
  { text: '本年度街道承接人大代表建议2件。', expect: null },
  // Contradictions.
  {
    text: '2021年共办理依申请公开件7件。',
    expect: { row: 'outcome_total', expected: 10, actual: 7 },
  },
  { text: '受理政府信息公开申请17件。', expect: { row: 'received', expected: 9, actual: 17 } },
  { text: '本年未收到政府信息公开申请。', expect: { row: 'received', expected: 9, actual: 0 } },
  {
    text: '全年政府信息公开行政复议案件3起。',
    expect: { row: 'reconsideration', expected: 1, actual: 3 },
  },
  // An agency deciding reconsideration cases itself: not about disclosure, not table 四.
  { text: '本机关作为复议机关，全年受理行政复议案件35件，行政诉讼应诉12件。', expect: null },
  { text: '未发生因政府信息公开引起的行政诉讼。', expect: { row: null, expected: 2, actual: 0 } },
  {
    text: '本年度制发行政规范性文件5件。',
    expect: { row: 'normative_documents', expected: 3, actual: 5 },
  },
];

for (const c of cases) {
  test(`NARRATIVE_MISMATCH: 「${c.text}」`, () => {
    const found = run(c.text);
    if (!c.expect) return assert.deepEqual(found, []);
    assert.equal(found.length, 1, JSON.stringify(found));
    const [f] = found;
    assert.equal(f?.code, 'NARRATIVE_MISMATCH');
    assert.equal(f?.severity, 'warning');
    assert.equal(f?.section, 'overview');
    assert.deepEqual({ row: f?.row, expected: f?.expected, actual: f?.actual }, c.expect);
  });
}

test('NARRATIVE_MISMATCH: 「未发生…行政复议、行政诉讼」 is checked against both', () => {
  const found = run('本年度未发生因政府信息公开引起的行政复议、行政诉讼。');
  assert.deepEqual(
    found.map((f) => [f.row, f.expected, f.actual]),
    [
      ['reconsideration', 1, 0],
      [null, 2, 0],
    ],
  );
});

test('NARRATIVE_MISMATCH: the message quotes the sentence and names the table cell', () => {
  const [f] = run('2021年共办理依申请公开件7件');
  assert.equal(
    f?.message,
    '第一部分“总体情况”中“2021年共办理依申请公开件7件”所述数字为7，与表三“（七）总计”行“总计”列的10不符',
  );
});

test('parseCount reads Arabic and Chinese numerals', () => {
  assert.deepEqual(
    ['9', '九', '十', '十二', '二十', '两', '一百零五', '三十七', '一二x'].map(parseCount),
    [9, 9, 10, 12, 20, 2, 105, 37, null],
  );
});

test('NARRATIVE_MISMATCH reads figures spaced out and broken across lines by PDF extraction', () => {
  assert.deepEqual(run('2023 年全区受理政府信息公开申请 9 件，\n均在法定期限答复。'), []);
  const found = run(
    '2024 年，区政府办代表区政府受理政府\n信息公开申请 17 件，均已在法定期限内予以答复。',
  );
  assert.deepEqual(
    found.map((f) => [f.row, f.expected, f.actual]),
    [['received', 9, 17]],
  );
});

test('NARRATIVE_MISMATCH: in section 四 a 行政复议 figure is about disclosure without saying so', () => {
  const r = tables(blankReport());
  r.sections = r.sections.map((s) =>
    s.key === 'review' ? { ...s, text: '本年度行政复议案件2件。' } : s,
  );
  assert.deepEqual(
    checkNarrative(r).map((f) => [f.section, f.row, f.expected, f.actual]),
    [['review', 'reconsideration', 1, 2]],
  );
});
