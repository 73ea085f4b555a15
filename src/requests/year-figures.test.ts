// The reduction year-figures.ts relies on: counting a year's cases by (category, carried in,
// closed in the year, outcome) and handing yearTable one boundary-dated summary per group
// gives the very table of the cases themselves. The grouping here is the SQL's, in memory;
// the database test checks the SQL against the same tables.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { addDays } from '../calendar/dates.js';
import { APPLICANT_CATEGORIES } from './case.js';
import { OUTCOME_KEYS } from './outcomes.js';
import { summariesOf, type YearGroup } from './year-figures.js';
import { yearTable, type CaseSummary } from './year-table.js';

/** What the SQL of yearGroups computes, over summaries in memory. */
function groupsOf(cases: readonly CaseSummary[], year: number): YearGroup[] {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const groups = new Map<string, YearGroup>();
  for (const c of cases) {
    if (c.receivedOn > end || (c.closedOn !== null && c.closedOn < start)) continue;
    const closedInYear = c.closedOn !== null && c.closedOn <= end;
    const g: YearGroup = {
      category: c.category,
      carriedIn: c.receivedOn < start,
      closedInYear,
      outcome: closedInYear ? c.outcome : null,
      count: 0,
    };
    const key = JSON.stringify({ ...g, count: undefined });
    const found = groups.get(key) ?? g;
    found.count += 1;
    groups.set(key, found);
  }
  return [...groups.values()];
}

const summary = fc
  .record({
    category: fc.constantFrom(...APPLICANT_CATEGORIES),
    received: fc.integer({ min: 0, max: 6 * 365 }),
    open: fc.boolean(),
    days: fc.integer({ min: 0, max: 400 }),
    outcome: fc.constantFrom(...OUTCOME_KEYS),
  })
  .map(({ category, received, open, days, outcome }): CaseSummary => {
    const receivedOn = addDays('2019-06-01', received);
    return open
      ? { category, receivedOn, closedOn: null, outcome: null }
      : { category, receivedOn, closedOn: addDays(receivedOn, days), outcome };
  });

test('one boundary-dated summary per group gives the table of the cases, in every year and format', () => {
  fc.assert(
    fc.property(fc.array(summary, { maxLength: 60 }), (cases) => {
      for (let year = 2019; year <= 2026; year += 1)
        assert.deepEqual(
          yearTable(summariesOf(groupsOf(cases, year), year), year).grid,
          yearTable(cases, year).grid,
          `year ${year}`,
        );
    }),
    { numRuns: 200 },
  );
});

test('the boundary dates: carried in from 31 December before, closed on 31 December, or open', () => {
  const groups: YearGroup[] = [
    {
      category: 'natural_person',
      carriedIn: true,
      closedInYear: true,
      outcome: 'disclosed',
      count: 2,
    },
    { category: 'other_org', carriedIn: false, closedInYear: false, outcome: null, count: 1 },
  ];
  assert.deepEqual(
    [...summariesOf(groups, 2022)],
    [
      {
        category: 'natural_person',
        receivedOn: '2021-12-31',
        closedOn: '2022-12-31',
        outcome: 'disclosed',
      },
      {
        category: 'natural_person',
        receivedOn: '2021-12-31',
        closedOn: '2022-12-31',
        outcome: 'disclosed',
      },
      { category: 'other_org', receivedOn: '2022-01-01', closedOn: null, outcome: null },
    ],
  );
});
