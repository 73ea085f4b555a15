import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diffCalendarDays } from './calendar-diff.js';
import type { CalendarDay } from './working-days.js';

const day = (date: string, kind: CalendarDay['kind'], name: string | null = null): CalendarDay => ({
  date,
  kind,
  name,
});

test('added, removed and changed days; identical days are not listed', () => {
  const existing = [
    day('2026-01-01', 'holiday', '元旦'),
    day('2026-01-04', 'workday', '元旦'),
    day('2026-03-02', 'holiday', '误录'),
  ];
  const incoming = [
    day('2026-01-01', 'holiday', '元旦'),
    day('2026-01-04', 'holiday', '元旦'),
    day('2026-01-02', 'holiday', '元旦'),
  ];
  const diff = diffCalendarDays(existing, incoming);
  assert.deepEqual(diff.added, [day('2026-01-02', 'holiday', '元旦')]);
  assert.deepEqual(diff.removed, [day('2026-03-02', 'holiday', '误录')]);
  assert.deepEqual(diff.changed, [
    { before: day('2026-01-04', 'workday', '元旦'), after: day('2026-01-04', 'holiday', '元旦') },
  ]);
});

test('a renamed festival counts as a change; the same data is no change at all', () => {
  const a = [day('2025-10-06', 'holiday', '中秋节')];
  const b = [day('2025-10-06', 'holiday', '国庆节、中秋节')];
  assert.equal(diffCalendarDays(a, b).changed.length, 1);
  assert.deepEqual(diffCalendarDays(a, a), { added: [], removed: [], changed: [] });
});
