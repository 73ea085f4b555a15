// Arithmetic errors only on cells read with confidence: a blank cell or a row the reader
// was unsure of turns a failing sum into NOT_ASSESSED, never an error.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { balancedReport } from './fixtures/balanced-report.js';
import fc from 'fast-check';
import { checkReport, mergeFindings } from './index.js';
import type { Finding } from '../model.js';

const oneReport = () => fc.sample(balancedReport(), { numRuns: 1, seed: 7 })[0]!;

test('a failing sum over a blank cell is not an error: it is NOT_ASSESSED and says which cell', () => {
  const report = oneReport();
  report.tables.requests.disclosed!.total = null;
  report.tables.requests.disclosed!.natural_person =
    (report.tables.requests.disclosed!.natural_person as number) + 1;
  const found = checkReport(report);
  assert.ok(!found.some((f) => f.code === 'T3_TOTAL_COLUMN' && f.row === 'disclosed'));
  // The 自然人 column's own sum holds no blank: it stays the report's error.
  assert.ok(found.some((f) => f.code === 'T3_OUTCOME_SUM' && f.column === 'natural_person'));
  const notes = found.filter((f) => f.code === 'NOT_ASSESSED');
  assert.equal(notes.length, 1, 'one cause (the blank 总计), one warning');
  assert.equal(notes[0]!.severity, 'warning');
  assert.equal(notes[0]!.column, 'total');
  assert.match(
    notes[0]!.message,
    /^2项合计未能核对：表三“（一）予以公开”行的“总计”.*、表三“总计”列的“（七）总计”.*有空白（“（一）予以公开”行“总计”列），空白不按0计算/u,
  );
});

test('a blank 总计 column (上海市人民政府办公厅 2019) is one NOT_ASSESSED for all its sums, not one per row', () => {
  const report = oneReport();
  const rows = ['disclosed', 'partially_disclosed', 'withheld.state_secret', 'outcome_total'];
  for (const row of rows) {
    report.tables.requests[row]!.total = null;
    report.tables.requests[row]!.natural_person =
      (report.tables.requests[row]!.natural_person as number) + 1;
  }
  // Keep each column's own sums true, so that only the blank 总计 cells are in question.
  report.tables.requests.received!.natural_person =
    (report.tables.requests.received!.natural_person as number) + 3;
  report.tables.requests.received!.total = (report.tables.requests.received!.total as number) + 3;
  report.tables.requests.outcome_total!.natural_person =
    (report.tables.requests.outcome_total!.natural_person as number) + 2;
  const found = checkReport(report);
  assert.deepEqual(
    found.filter((f) => f.severity === 'error').map((f) => f.code),
    [],
  );
  const notes = found.filter((f) => f.code === 'NOT_ASSESSED');
  assert.equal(notes.length, 1);
  assert.deepEqual([notes[0]!.table, notes[0]!.row, notes[0]!.column], ['requests', null, 'total']);
  assert.match(
    notes[0]!.message,
    /^6项合计未能核对：表三“总计”列的勾稽关系.*等6项；这些合计所加的单元格中有空白（“（七）总计”行“总计”列等4个单元格）/u,
  );
});

test('a failing sum over a row the reader was unsure of is NOT_ASSESSED after merging', () => {
  const report = oneReport();
  report.tables.requests.received!.natural_person =
    (report.tables.requests.received!.natural_person as number) + 1;
  const checks = checkReport(report);
  assert.ok(checks.some((f) => f.code === 'T3_BALANCE' && f.column === 'natural_person'));
  const note: Finding = {
    code: 'CELL_AMBIGUOUS',
    severity: 'warning',
    table: 'requests',
    row: 'received',
    column: null,
    section: null,
    expected: 7,
    actual: 8,
    message: '表三“一、本年新收政府信息公开申请数量”行读到8个数',
  };
  const merged = mergeFindings([note], checks, report);
  assert.ok(!merged.some((f) => f.code.startsWith('T3_')));
  // The column's balance and the row's 总计 both depend on the doubted row: one warning, on that row.
  const notes = merged.filter((f) => f.code === 'NOT_ASSESSED');
  assert.equal(notes.length, 1);
  assert.deepEqual([notes[0]!.row, notes[0]!.column], ['received', null]);
  assert.match(
    notes[0]!.message,
    /^2项合计未能核对：表三“自然人”列的勾稽关系.*、表三“一、本年新收政府信息公开申请数量”行的“总计”.*；表三“一、本年新收政府信息公开申请数量”行未能可靠读取/u,
  );
});
