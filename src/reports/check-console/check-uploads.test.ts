// A checked file's verdict: reading notes are not warnings, so a report with nothing but
// notes on how it was read is 「无问题」, as the supervision pages say it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { blankReport } from '../checks/fixtures/build.js';
import type { Finding } from '../model.js';
import { verdictOf } from './check-uploads.js';

const finding = (code: Finding['code'], severity: Finding['severity']): Finding => ({
  code,
  severity,
  table: 'requests',
  row: null,
  column: null,
  section: null,
  expected: null,
  actual: null,
  message: code,
});

const checked = (findings: Finding[]) => ({
  name: 'r.txt',
  ok: true as const,
  report: blankReport('2021', 2022),
  findings,
});

test('reading notes are counted apart; notes alone leave a report 无问题', () => {
  const notesOnly = verdictOf(
    checked([finding('CELL_AMBIGUOUS', 'warning'), finding('NOT_ASSESSED', 'warning')]),
  );
  assert.deepEqual(notesOnly, { errors: 0, warnings: 0, notes: 2, label: '无问题' });
  const withWarning = verdictOf(
    checked([finding('LATE', 'warning'), finding('CELL_AMBIGUOUS', 'warning')]),
  );
  assert.deepEqual(withWarning, { errors: 0, warnings: 1, notes: 1, label: '仅有提示' });
  assert.equal(verdictOf({ name: 'x', ok: false, error: '文件是空的' }).label, '无法读取');
});
