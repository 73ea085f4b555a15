import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nextReportDeadline } from './report-deadline.js';

test('in January the report on the previous year is due on the 31st', () => {
  assert.deepEqual(nextReportDeadline(new Date('2026-01-10T02:00:00Z')), {
    reportYear: 2025,
    dueDate: '2026-01-31',
    daysLeft: 21,
  });
  assert.deepEqual(nextReportDeadline(new Date('2026-01-31T15:00:00Z')), {
    reportYear: 2025,
    dueDate: '2026-01-31',
    daysLeft: 0,
  });
});

test('from 1 February (Beijing time) the current year’s report is next', () => {
  // 16:00 UTC on 31 January is 00:00 on 1 February in Beijing.
  assert.deepEqual(nextReportDeadline(new Date('2026-01-31T16:00:00Z')), {
    reportYear: 2026,
    dueDate: '2027-01-31',
    daysLeft: 364,
  });
  assert.deepEqual(nextReportDeadline(new Date('2026-11-29T12:00:00Z')), {
    reportYear: 2026,
    dueDate: '2027-01-31',
    daysLeft: 63,
  });
});

test('31 December rolls into January in Beijing', () => {
  assert.deepEqual(nextReportDeadline(new Date('2026-12-31T17:00:00Z')), {
    reportYear: 2026,
    dueDate: '2027-01-31',
    daysLeft: 30,
  });
});
