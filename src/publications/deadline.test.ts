import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createCalendar } from '../calendar/working-days.js';
import { isOverdue, publicationDue } from './deadline.js';

// 2021: 国庆 1–7 October are holidays, 9 October (Saturday) is a make-up working day.
const calendar = createCalendar({
  days: [
    ...[1, 2, 3, 4, 5, 6, 7].map((d) => ({
      date: `2021-10-0${d}`,
      kind: 'holiday' as const,
      name: '国庆节',
    })),
    { date: '2021-10-09', kind: 'workday', name: '国庆节' },
  ],
  loadedYears: [2021],
});

test('20 working days from the date formed, skipping the holiday and counting the make-up day', () => {
  // From Thursday 30 September: 8, 9 (Sat, worked), 11–15, 18–22, 25–29 October, 1–3 November.
  const due = publicationDue(calendar, { formedOn: '2021-09-30', changedOn: null });
  assert.deepEqual(due, { from: '2021-09-30', due: '2021-11-03', provisional: false });
  assert.equal(isOverdue(due, '2021-11-03'), false);
  assert.equal(isOverdue(due, '2021-11-04'), true);
});

test('a change restarts the clock; a change dated before formation does not', () => {
  assert.equal(
    publicationDue(calendar, { formedOn: '2021-06-01', changedOn: '2021-09-30' }).from,
    '2021-09-30',
  );
  assert.equal(
    publicationDue(calendar, { formedOn: '2021-06-01', changedOn: '2021-05-01' }).from,
    '2021-06-01',
  );
});

test('a due date in a year whose calendar is not loaded is provisional', () => {
  const due = publicationDue(calendar, { formedOn: '2021-12-20', changedOn: null });
  assert.equal(due.provisional, true);
  assert.ok(due.due > '2022-01-01');
});
