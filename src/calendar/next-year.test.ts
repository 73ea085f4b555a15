import assert from 'node:assert/strict';
import { test } from 'node:test';
import { missingNextYear, nextYearReminder } from './next-year.js';

test('from November (Beijing time) next year is missing until it is loaded', () => {
  assert.equal(missingNextYear(new Date('2026-10-31T15:59:59Z'), [2026]), null);
  // 2026-10-31T16:00Z is already 1 November in Beijing.
  assert.equal(missingNextYear(new Date('2026-10-31T16:00:00Z'), [2026]), 2027);
  assert.equal(missingNextYear(new Date('2026-12-31T10:00:00Z'), [2025, 2026]), 2027);
  assert.equal(missingNextYear(new Date('2026-11-20T02:00:00Z'), [2026, 2027]), null);
  // 2026-12-31T16:00Z is 2027-01-01 in Beijing: January, no reminder.
  assert.equal(missingNextYear(new Date('2026-12-31T16:00:00Z'), [2026]), null);
  assert.equal(
    nextYearReminder(2027),
    '尚未载入2027年的节假日安排，国务院办公厅通知发布后请及时导入',
  );
});
