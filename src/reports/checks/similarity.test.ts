import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FORMAT_2021 } from '../format/index.js';
import type { AnnualReport } from '../model.js';
import { blankReport, setRow } from './fixtures/build.js';
import { seedReport } from './fixtures/seed-report.js';
import { checkSameAsLastYear, SIMILARITY_THRESHOLD, textSimilarity } from './similarity.js';

const seed = seedReport();
const overview = seed.sections[0]?.text ?? '';
const problems = seed.sections[4]?.text ?? '';

const DIFFERENT = `本年度，本机关围绕优化营商环境、乡村振兴和基层治理等重点领域，持续深化政务公开，
完善主动公开目录，规范依申请公开办理流程，建立答复文书集体审核制度，全面提升答复质量。
同时加强政务新媒体管理，开展政府开放日和政策解读活动，邀请群众代表参与决策听证，
推动公开平台集约化建设，实现政府信息统一发布。`;

test('textSimilarity: identical 1, unrelated low, years and figures ignored', () => {
  assert.equal(textSimilarity(overview, overview), 1);
  assert.ok(textSimilarity(overview, DIFFERENT) < 0.5, String(textSimilarity(overview, DIFFERENT)));
  const nextYear = overview
    .replaceAll('2021', '2022')
    .replace('1351', '1502')
    .replace('9件', '12件');
  assert.equal(textSimilarity(overview, nextYear), 1);
  assert.equal(textSimilarity(overview, DIFFERENT), textSimilarity(DIFFERENT, overview));
});

function withProse(
  year: number,
  text: Partial<Record<'overview' | 'problems', string>>,
): AnnualReport {
  const r = blankReport('2021', year);
  r.sections = r.sections.map((s) =>
    s.key === 'overview' || s.key === 'problems' ? { ...s, text: text[s.key] ?? '' } : s,
  );
  return r;
}

test('SAME_AS_LAST_YEAR: a copied report with new dates is one finding about the whole prose', () => {
  const last = withProse(2021, { overview, problems });
  const now = withProse(2022, { overview: overview.replaceAll('2021', '2022'), problems });
  const found = checkSameAsLastYear(now, last);
  assert.equal(found.length, 1);
  assert.deepEqual(
    [found[0]?.code, found[0]?.severity, found[0]?.section, found[0]?.table],
    ['SAME_AS_LAST_YEAR', 'warning', null, null],
  );
  assert.match(found[0]?.message ?? '', /与2021年度报告的相似度为100%/);
});

test('SAME_AS_LAST_YEAR: one copied section among new ones names that section', () => {
  const last = withProse(2021, { overview, problems });
  const now = withProse(2022, { overview: DIFFERENT, problems: problems.replace('三是', '三要') });
  const found = checkSameAsLastYear(now, last);
  assert.deepEqual(
    found.map((f) => f.section),
    ['problems'],
  );
});

test('SAME_AS_LAST_YEAR: rewritten prose and short identical 「无」 are not reported', () => {
  const last = withProse(2021, { overview, problems: '无' });
  const now = withProse(2022, { overview: DIFFERENT, problems: '无' });
  assert.deepEqual(checkSameAsLastYear(now, last), []);
  assert.ok(SIMILARITY_THRESHOLD > textSimilarity(DIFFERENT, overview));
});

test('SAME_AS_LAST_YEAR: identical non-zero tables are reported; identical all-zero tables are not', () => {
  const last = blankReport('2021', 2021);
  const now = blankReport('2021', 2022);
  assert.deepEqual(checkSameAsLastYear(now, last), []);
  const cols = FORMAT_2021.requests.columns.map((c) => c.key);
  for (const r of [last, now]) {
    setRow(r.tables.requests, 'received', [3, 1, 0, 0, 0, 0, 4], cols);
    setRow(r.tables.requests, 'disclosed', [3, 1, 0, 0, 0, 0, 4], cols);
  }
  const found = checkSameAsLastYear(now, last);
  assert.deepEqual(
    found.map((f) => f.table),
    ['requests'],
  );
  now.tables.requests.disclosed!.total = 5;
  assert.deepEqual(checkSameAsLastYear(now, last), []);
});
