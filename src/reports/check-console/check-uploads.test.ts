// A checked file's verdict, in the supervision pages' words: reading notes are not warnings,
// so a report with nothing but CELL_AMBIGUOUS notes is 「无问题」; one whose sums could not all
// be checked (NOT_ASSESSED) is 「部分未能核对」.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { blankReport } from '../checks/fixtures/build.js';
import type { Finding } from '../model.js';
import { verdictOf } from './check-uploads.js';
import { aFinding } from '../../../test/support/findings.js';

const finding = (code: Finding['code'], severity: Finding['severity']): Finding =>
  aFinding({ code, severity, message: code });

const checked = (findings: Finding[]) => ({
  name: 'r.txt',
  ok: true as const,
  report: blankReport('2021', 2022),
  findings,
});

test('reading notes are counted apart; CELL_AMBIGUOUS alone leaves a report 无问题', () => {
  const ambiguousOnly = verdictOf(
    checked([finding('CELL_AMBIGUOUS', 'warning'), finding('CELL_AMBIGUOUS', 'warning')]),
  );
  assert.deepEqual(ambiguousOnly, {
    errors: 0,
    warnings: 0,
    notes: 2,
    unassessed: 0,
    status: 'clean',
    label: '无问题',
  });
  const withWarning = verdictOf(
    checked([finding('LATE', 'warning'), finding('CELL_AMBIGUOUS', 'warning')]),
  );
  assert.deepEqual(withWarning, {
    errors: 0,
    warnings: 1,
    notes: 1,
    unassessed: 0,
    status: 'warnings',
    label: '仅有提示',
  });
  assert.equal(verdictOf({ name: 'x', ok: false, error: '文件是空的' }).label, '无法读取');
});

test('a check that could not be made leaves a report 部分未能核对, not 无问题', () => {
  const v = verdictOf(
    checked([finding('CELL_AMBIGUOUS', 'warning'), finding('NOT_ASSESSED', 'warning')]),
  );
  assert.deepEqual(v, {
    errors: 0,
    warnings: 0,
    notes: 2,
    unassessed: 1,
    status: 'unassessed',
    label: '部分未能核对',
  });
});

test('a 提示 beside a check that could not be made is 部分未能核对, not 仅有提示', () => {
  const v = verdictOf(checked([finding('LATE', 'warning'), finding('NOT_ASSESSED', 'warning')]));
  assert.deepEqual(v, {
    errors: 0,
    warnings: 1,
    notes: 1,
    unassessed: 1,
    status: 'unassessed',
    label: '部分未能核对',
  });
});
