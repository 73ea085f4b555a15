// The seed (a real 2021 report of 灵山卫街道, extracted from Word into text) reads exactly
// as the specification describes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseReport } from './index.js';
import { expectRows, fixture, parseFixture, rowsOf } from './test-support.js';

const SEED = 'seed-2021-lingshanwei.txt';

test('seed: table 三 reads as the spec says, the missing value of 3.其他 left blank', async () => {
  const { report } = await parseFixture(SEED);
  const rows = rowsOf(report.tables.requests);
  assert.deepEqual(
    rows,
    expectRows(report.tables.requests, 0, {
      received: [8, 1, 0, 0, 0, 0, 0],
      partially_disclosed: [1, 0, 0, 0, 0, 0, 1],
      'unavailable.not_held': [8, 0, 0, 0, 0, 0, 8],
      'other.other': [0, 0, 0, 0, 0, 0, null],
      outcome_total: [9, 0, 0, 0, 0, 0, 9],
    }),
  );
  assert.equal(Object.keys(rows).length, 25);
});

test('seed: tables 二 and 四', async () => {
  const { report } = await parseFixture(SEED);
  assert.deepEqual(rowsOf(report.tables.proactive), expectRows(report.tables.proactive, 0, {}));
  assert.equal(Object.keys(report.tables.proactive).length, 6);
  assert.deepEqual(rowsOf(report.tables.review), {
    reconsideration: [1, 1, 0, 0, 2],
    litigation_direct: [0, 0, 0, 0, 0],
    litigation_after_reconsideration: [0, 0, 0, 0, 0],
  });
  assert.deepEqual(Object.keys(report.tables.review.reconsideration!), [
    'upheld',
    'corrected',
    'other',
    'pending',
    'total',
  ]);
});

test('seed: headings as printed, section 六 absent, year, format, agency and date', async () => {
  const { report } = await parseFixture(SEED);
  assert.deepEqual(
    report.sections.map((s) => [s.key, s.heading]),
    [
      ['overview', '—、总体情况'],
      ['proactive', '二、主动公开政府信息情况'],
      ['requests', '3、 收到和处理政府信息公开申请情况'],
      ['review', '四、政府信息公开行政复议、行政诉讼情况'],
      ['problems', '5、 存在的主要问题及改进情况'],
      ['other', null],
    ],
  );
  assert.equal(report.year, 2021);
  assert.equal(report.format, '2021');
  assert.equal(report.publishedOn, '2022-01-18');
  assert.equal(report.agency, '灵山卫街道办事处');
  const overview = report.sections[0]!.text;
  assert.ok(overview.startsWith('2021年以来，灵山卫街道认真贯彻落实'), overview.slice(0, 40));
  assert.ok(!overview.includes('[bookmark'));
  const problems = report.sections[4]!.text;
  assert.ok(
    problems.endsWith('努力提高政府信息公开水平。'),
    'the signature is not part of section 五',
  );
  assert.equal(report.sections[5]!.text, '');
});

test('seed: every guess is a CELL_AMBIGUOUS warning saying what was chosen', async () => {
  const { findings } = await parseFixture(SEED);
  assert.ok(findings.every((f) => f.code === 'CELL_AMBIGUOUS' && f.severity === 'warning'));
  const byRow = new Map(findings.map((f) => [`${f.table}/${f.row}`, f]));
  assert.deepEqual([...byRow.keys()].sort(), [
    'proactive/normative_documents',
    'proactive/rules',
    'requests/other.other',
    'requests/unavailable.not_held',
  ]);
  assert.equal(
    byRow.get('requests/other.other')!.message,
    '表三“3.其他”行只读到6个数，按顺序填入前6列，“总计”列按空白处理',
  );
  const notHeld = byRow.get('requests/unavailable.not_held')!;
  assert.match(
    notHeld.message,
    /^表三“1\.本机关不掌握相关政府信息”行读到8个数，多于7列；“8”重复出现，按一次计/u,
  );
  assert.match(notHeld.message, /读作8、0、0、0、0、0、8$/u);
  assert.equal(notHeld.expected, 7);
  assert.equal(notHeld.actual, 8);
  assert.match(byRow.get('proactive/rules')!.message, /^表二“规章”行读到6个数，多于3列/u);
});

test('seed: parsing takes well under 2 ms', async () => {
  const bytes = fixture(SEED);
  for (let i = 0; i < 50; i++) await parseReport({ bytes });
  // The fastest of many single runs: on a loaded test machine most runs are interrupted,
  // but the fastest one shows what a parse costs, so the test neither fails nor passes by chance.
  let best = Infinity;
  for (let i = 0; i < 300; i++) {
    const start = performance.now();
    await parseReport({ bytes });
    best = Math.min(best, performance.now() - start);
  }
  assert.ok(best < 2, `${best.toFixed(3)} ms`);
});
