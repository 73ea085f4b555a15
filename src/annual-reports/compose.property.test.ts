// Property: random request cases and review results over several years compose, year after
// year, into reports with no error finding and a carry-over consistent with the year before.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { requestsSource, reviewSource } from '../../test/support/annual-report-sources.js';
import { APPLICANT_CATEGORIES } from '../requests/case.js';
import { OUTCOME_KEYS } from '../requests/outcomes.js';
import type { CaseSummary } from '../requests/year-table.js';
import { checkReport } from '../reports/checks/index.js';
import type { AnnualReport } from '../reports/model.js';
import { compose } from './compose.js';

const YEARS = [2021, 2022, 2023, 2024];
const day = (n: number) =>
  new Date(Date.UTC(2021, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

const caseArb = fc
  .record({
    category: fc.constantFrom(...APPLICANT_CATEGORIES),
    received: fc.integer({ min: 0, max: 4 * 365 }),
    open: fc.boolean(),
    took: fc.integer({ min: 0, max: 60 }),
    outcome: fc.constantFrom(...OUTCOME_KEYS),
  })
  .map((c): CaseSummary => ({
    category: c.category,
    receivedOn: day(c.received),
    closedOn: c.open ? null : day(c.received + c.took),
    outcome: c.open ? null : c.outcome,
  }));

const reviewArb = fc.array(
  fc.constantFrom('upheld', 'corrected', 'other', 'pending') as fc.Arbitrary<
    'upheld' | 'corrected' | 'other' | 'pending'
  >,
  { maxLength: 4 },
);

test('composed reports over several years: no error finding, carry-over consistent', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(caseArb, { maxLength: 60 }), reviewArb, async (cases, review) => {
      let previous: AnnualReport | undefined;
      for (const year of YEARS) {
        const sources = [requestsSource(cases), reviewSource(review)];
        const contributions = await Promise.all(
          sources.map(async (s) => ({
            label: s.label,
            contribution: await s.contribute({ db: null as never, agencyId: 'a', year }),
          })),
        );
        const { report } = compose({ agencyName: '测试街道办事处', year, contributions });
        const findings = checkReport(report, previous ? { previous } : {});
        const bad = findings.filter(
          (f) =>
            f.severity === 'error' || f.code === 'CARRY_OVER' || f.code === 'NARRATIVE_MISMATCH',
        );
        assert.deepEqual(bad, [], `${year}: ${JSON.stringify(bad)}`);
        if (previous) {
          assert.deepEqual(report.tables.requests.carried_in, previous.tables.requests.carried_out);
        }
        previous = report;
      }
    }),
    { numRuns: 60 },
  );
});
