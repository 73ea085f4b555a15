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
  report.tables.requests.disclosed!.natural_person = 5;
  report.tables.requests.disclosed!.total = null;
  const found = checkReport(report);
  assert.ok(!found.some((f) => f.code === 'T3_TOTAL_COLUMN' && f.row === 'disclosed'));
  const note = found.find((f) => f.code === 'NOT_ASSESSED' && f.row === 'disclosed');
  assert.equal(note?.severity, 'warning');
  assert.match(note!.message, /“（一）予以公开”行的“总计”.*未能核对.*为空白，空白不按0计算/u);
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
  assert.ok(
    merged.some(
      (f) =>
        f.code === 'NOT_ASSESSED' &&
        f.column === 'natural_person' &&
        /未能可靠读取/u.test(f.message),
    ),
  );
});
