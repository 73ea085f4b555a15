// The statuses and counts the supervisor reads: reading notes counted apart from the
// report's own problems, and a report published after its deadline shown as late.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../reports/model.js';
import { findingCounts } from '../reports/checks/reading-notes.js';
import { DASHBOARD_ORDER } from './dashboard-filter.js';
import { REPORT_STATUSES } from './pages/batch-page.js';
import {
  agencyStatus,
  CHECKED_STATUSES,
  reportStatus,
  STATUS_LABELS,
  statusCounts,
} from './status.js';

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

const statusOf = (...findings: Finding[]) =>
  reportStatus({ state: 'read' }, findingCounts(findings));

describe('counts', () => {
  it('a report with nothing but CELL_AMBIGUOUS notes is 无问题, not 仅有提示', () => {
    assert.equal(statusOf(finding('CELL_AMBIGUOUS', 'warning')), 'clean');
  });
  it('a report with a check that could not be made and no problem is 部分未能核对, not 无问题', () => {
    assert.equal(statusOf(finding('NOT_ASSESSED', 'warning')), 'unassessed');
    assert.equal(
      statusOf(finding('CELL_AMBIGUOUS', 'warning'), finding('NOT_ASSESSED', 'warning')),
      'unassessed',
    );
    assert.equal(STATUS_LABELS.unassessed, '部分未能核对');
  });
  it('an error outranks a check not made', () => {
    assert.equal(
      statusOf(finding('NOT_ASSESSED', 'warning'), finding('T3_TOTAL_COLUMN', 'error')),
      'errors',
    );
  });
  it('a 提示 beside sums not checked is 部分未能核对, not 仅有提示', () => {
    assert.equal(
      statusOf(finding('NOT_ASSESSED', 'warning'), finding('LATE', 'warning')),
      'unassessed',
    );
    assert.equal(statusOf(finding('LATE', 'warning')), 'warnings');
  });
});

describe('precedence', () => {
  it('is 有错误, 部分未能核对, 仅有提示, 无问题', () =>
    assert.deepEqual(
      CHECKED_STATUSES.map((s) => STATUS_LABELS[s]),
      ['有错误', '部分未能核对', '仅有提示', '无问题'],
    ));
  it('orders the dashboard and the batch list alike', () => {
    const checked = (list: readonly string[]) =>
      list.filter((s) => (CHECKED_STATUSES as readonly string[]).includes(s));
    assert.deepEqual(checked(DASHBOARD_ORDER), [...CHECKED_STATUSES]);
    assert.deepEqual(checked(REPORT_STATUSES), [...CHECKED_STATUSES]);
  });
  it('counts each status once', () =>
    assert.deepEqual(statusCounts(['errors', 'unassessed', 'unassessed', 'unreadable']), {
      errors: 1,
      unassessed: 2,
      warnings: 0,
      clean: 0,
      unreadable: 1,
      pending: 0,
    }));
});

describe('status', () => {
  const none = { errors: 0, warnings: 0, unassessed: 0 };
  it('names a report by its worst finding', () => {
    assert.equal(reportStatus({ state: 'read' }, { ...none, errors: 1, warnings: 3 }), 'errors');
    assert.equal(reportStatus({ state: 'read' }, { ...none, warnings: 3 }), 'warnings');
    assert.equal(reportStatus({ state: 'read' }, { ...none, unassessed: 2 }), 'unassessed');
    assert.equal(
      reportStatus({ state: 'read' }, { ...none, warnings: 3, unassessed: 1 }),
      'unassessed',
    );
    assert.equal(
      reportStatus({ state: 'read' }, { errors: 1, warnings: 3, unassessed: 1 }),
      'errors',
    );
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
    assert.equal(
      agencyStatus({ status: 'unassessed', daysLate: 0 }, '2022-01-31', '2022-03-01'),
      'unassessed',
    );
  });
  it('a report published after its deadline is 逾期公布, whatever its findings', () => {
    for (const status of ['errors', 'warnings', 'unassessed', 'clean'] as const)
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
