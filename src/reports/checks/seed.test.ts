// The seed report read correctly must give exactly its known errors and the warnings that
// are true of it — nothing more (a false finding costs an officer's trust).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seedReport } from './fixtures/seed-report.js';
import { checkReport, mergeFindings } from './index.js';

test('seed report: exactly its errors and true warnings, errors first', () => {
  const found = checkReport(seedReport()).map((f) => [
    f.code,
    f.severity,
    f.table,
    f.row,
    f.column,
    f.section,
    f.expected,
    f.actual,
  ]);
  assert.deepEqual(found, [
    ['SECTION_MISSING', 'error', null, null, null, 'other', null, null],
    ['T3_BALANCE', 'error', 'requests', null, 'natural_person', null, 8, 9],
    ['T3_BALANCE', 'error', 'requests', null, 'commercial_enterprise', null, 1, 0],
    ['T3_BALANCE', 'error', 'requests', null, 'total', null, 0, 9],
    ['T3_TOTAL_COLUMN', 'error', 'requests', 'received', 'total', null, 9, 0],
    // 「3.其他」 printed six values for seven cells.
    ['CELL_EMPTY', 'warning', 'requests', 'other.other', 'total', null, null, null],
    ['SECTION_NUMBERING', 'warning', null, null, null, 'overview', null, null],
    ['SECTION_NUMBERING', 'warning', null, null, null, 'requests', null, null],
    ['SECTION_NUMBERING', 'warning', null, null, null, 'problems', null, null],
  ]);
});

test('seed report: 「共办理依申请公开件9件」 agrees with （七）总计 and 协查…2件 is not this agency’s count', () => {
  const report = seedReport();
  assert.ok(!checkReport(report).some((f) => f.code === 'NARRATIVE_MISMATCH'));
  // The same sentence with another figure is caught: the check does read it.
  report.sections[0]!.text = report.sections[0]!.text.replace(
    '共办理依申请公开件9件',
    '共办理依申请公开件6件',
  );
  const mismatch = checkReport(report).filter((f) => f.code === 'NARRATIVE_MISMATCH');
  assert.deepEqual(
    mismatch.map((f) => [f.row, f.expected, f.actual]),
    [['outcome_total', 9, 6]],
  );
});

test('seed report: the officer-facing messages', () => {
  const messages = checkReport(seedReport()).map((f) => f.message);
  assert.ok(
    messages.includes('表三“自然人”列：第一项(8)+第二项(0)=8，不等于第三项总计(9)+第四项(0)=9'),
  );
  assert.ok(messages.includes('第一部分“总体情况”的标题“—、总体情况”编号为“—、”，应为“一、”'));
  for (const m of messages) assert.match(m, /[\u4e00-\u9fff]/);
});

test('seed report against itself as last year: carry-over holds, copying is reported', () => {
  const previous = seedReport();
  previous.year = 2020;
  previous.format = '2021';
  const found = checkReport(seedReport(), { previous });
  assert.ok(!found.some((f) => f.code === 'CARRY_OVER' || f.code === 'T2_STOCK'));
  assert.ok(found.some((f) => f.code === 'SAME_AS_LAST_YEAR' && f.section === null));
});

test('mergeFindings keeps each finding once, errors first', () => {
  const fromChecks = checkReport(seedReport());
  const empty = fromChecks.find((f) => f.code === 'CELL_EMPTY')!;
  const guess = { ...empty, code: 'CELL_AMBIGUOUS' as const, message: '表三“3.其他”行只读到6个数' };
  const merged = mergeFindings([guess, empty], fromChecks);
  assert.equal(merged.length, fromChecks.length + 1);
  assert.equal(merged.filter((f) => f.code === 'CELL_EMPTY').length, 1);
  assert.deepEqual(
    merged.slice(0, 5).map((f) => f.severity),
    Array(5).fill('error'),
  );
  assert.equal(merged.at(-1)?.code, 'CELL_AMBIGUOUS');
});
