// The statuses and counts the supervisor reads: reading notes counted apart from the
// report's own problems, and a report published after its deadline shown as late.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../reports/model.js';
import { findingCounts } from '../reports/checks/reading-notes.js';
import { agencyStatus, reportStatus } from './status.js';

const finding = (code: Finding['code'], severity: Finding['severity']): Finding => ({
  code,
  severity,
  table: 'requests',
  row: 'received',
  column: 'total',
  section: null,
  expected: 9,
  actual: 8,
  message: '说明',
});

describe('counts', () => {
  it('a report with nothing but reading notes is 无问题, not 仅有提示', () => {
    const counts = findingCounts([finding('CELL_AMBIGUOUS', 'warning')]);
    assert.equal(reportStatus({ state: 'read' }, counts), 'clean');
  });
});

describe('status', () => {
  const none = { errors: 0, warnings: 0 };
  it('names a report by its worst finding', () => {
    assert.equal(reportStatus({ state: 'read' }, { errors: 1, warnings: 3 }), 'errors');
    assert.equal(reportStatus({ state: 'read' }, { errors: 0, warnings: 3 }), 'warnings');
    assert.equal(reportStatus({ state: 'read' }, none), 'clean');
    assert.equal(reportStatus({ state: 'unreadable' }, none), 'unreadable');
    assert.equal(reportStatus({ state: 'pending' }, none), 'pending');
  });
  it('is 未收到 until the deadline and 逾期未收到 after it', () => {
    assert.equal(agencyStatus(null, '2022-01-31', '2022-01-31'), 'missing');
    assert.equal(agencyStatus(null, '2022-01-31', '2022-02-01'), 'late');
    assert.equal(
      agencyStatus({ status: 'clean', daysLate: 0 }, '2022-01-31', '2022-03-01'),
      'clean',
    );
  });
  it('a report published after its deadline is 逾期公布, whatever its findings', () => {
    for (const status of ['errors', 'warnings', 'clean'] as const)
      assert.equal(
        agencyStatus({ status, daysLate: 15 }, '2022-01-31', '2022-03-01'),
        'received_late',
      );
    assert.equal(
      agencyStatus({ status: 'errors', daysLate: 0 }, '2022-01-31', '2022-03-01'),
      'errors',
    );
  });
});
