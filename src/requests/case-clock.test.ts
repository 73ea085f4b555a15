import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { officialSeed } from '../calendar/seed.js';
import { createCalendar } from '../calendar/working-days.js';
import { clockEventsOf, clockOfCase, dueMarkOf, storedDueOf } from './case-clock.js';
import { computeClock } from './clock.js';

const seed = officialSeed();
const calendar = createCalendar({ days: seed.days, loadedYears: seed.years });
const loadedYear = Math.max(...seed.years);
const receivedOn = `${loadedYear}-03-02`;

describe('the clock of a stored case', () => {
  test('only clock events are read, in stored order', () => {
    const events = [
      { type: 'received', onDate: receivedOn },
      { type: 'letter_issued', onDate: `${loadedYear}-03-03` },
      { type: 'extended', onDate: `${loadedYear}-03-10` },
    ];
    assert.deepEqual(clockEventsOf(events), [
      { type: 'received', date: receivedOn },
      { type: 'extended', date: `${loadedYear}-03-10` },
    ]);
  });

  test('no clock runs before receipt: nothing is due and nothing is marked', () => {
    const clock = clockOfCase(calendar, []);
    assert.equal(clock, null);
    assert.deepEqual(storedDueOf(clock), { dueOn: null, provisional: false });
    assert.equal(dueMarkOf(calendar, clock, receivedOn, true), null);
  });

  test('the stored due date is the core clock’s, extension included', () => {
    const events = [
      { type: 'received', onDate: receivedOn },
      { type: 'extended', onDate: `${loadedYear}-03-10` },
    ];
    const expected = computeClock(calendar, clockEventsOf(events)).due!;
    const stored = storedDueOf(clockOfCase(calendar, events));
    assert.deepEqual(stored, { dueOn: expected.date, provisional: false });
    const onlyReceived = storedDueOf(clockOfCase(calendar, events.slice(0, 1)));
    assert.ok(stored.dueOn! > onlyReceived.dueOn!, 'the extension moves the due date later');
  });

  test('awaiting correction: no due date is stored, the mark says so', () => {
    const clock = clockOfCase(calendar, [
      { type: 'received', onDate: receivedOn },
      { type: 'correction_requested', onDate: `${loadedYear}-03-04` },
    ]);
    assert.deepEqual(storedDueOf(clock), { dueOn: null, provisional: false });
    assert.equal(
      dueMarkOf(calendar, clock, `${loadedYear}-03-05`, true)?.status,
      'awaiting_correction',
    );
  });

  test('a year without its holiday notice makes the due date provisional', () => {
    const stored = storedDueOf(
      clockOfCase(calendar, [{ type: 'received', onDate: `${loadedYear + 5}-03-02` }]),
    );
    assert.equal(stored.provisional, true);
  });

  test('open cases are marked overdue after the due date; closed ones are not marked', () => {
    const clock = clockOfCase(calendar, [{ type: 'received', onDate: receivedOn }]);
    const after = `${loadedYear}-12-31`;
    assert.equal(dueMarkOf(calendar, clock, after, true)?.status, 'overdue');
    assert.equal(dueMarkOf(calendar, clock, after, false), null);
  });
});
