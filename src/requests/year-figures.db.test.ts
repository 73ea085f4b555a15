// Table 三 read from the database: the demo's 2021 (the seed report's figures), the carry-over
// across years, what the report source gives, and — as a property — that any random valid
// case histories, stored and read back, give the very tables of the pure core, passing every
// check of the report engine with each year's carried_in equal to the year before's carried_out.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import fc from 'fast-check';
import { createTestDb, testDialect, type TestDb } from '../../test/support/db.js';
import { insertAgencyRow } from '../../test/support/agencies.js';
import { PERSON } from '../../test/support/requests.js';
import {
  historyArb,
  playHistory,
  type HistoryRange,
} from '../../test/support/request-histories.js';
import { fixedClock } from '../db/time.js';
import { seedDemo } from '../demo/seed-demo.js';
import { blankReport } from '../reports/checks/fixtures/build.js';
import { checkReport } from '../reports/checks/index.js';
import type { AnnualReport } from '../reports/model.js';
import { applicationSchemaFor } from './application.js';
import { APPLICANT_CATEGORIES, receivedOn, type RequestCase } from './case.js';
import { insertCase } from './repository.js';
import { requestsReportSource, yearFigures } from './year-figures.js';
import { caseSummary, yearTable, type CaseSummary, type YearTable } from './year-table.js';

const clock = fixedClock('2026-12-01T02:00:00.000Z');
const application = applicationSchemaFor('2026-12-01').parse(PERSON);

const row = (t: YearTable, key: string) =>
  [...APPLICANT_CATEGORIES, 'total'].map((c) => t.grid[key]![c]);

function reportOf(t: YearTable): AnnualReport {
  const report = blankReport(t.format.id, t.year);
  report.tables.requests = t.grid;
  return report;
}

async function withDb(fn: (db: TestDb) => Promise<void>): Promise<void> {
  const db = await createTestDb();
  try {
    await fn(db);
  } finally {
    await db.destroy();
  }
}

/** Stores a case as the commands leave it (state, date of receipt, closure). */
async function storeCase(db: TestDb, agencyId: string, c: RequestCase, submittedOn: string) {
  await insertCase(
    db.kysely,
    {
      id: randomUUID(),
      agencyId,
      trackingNumber: `GK-T-${randomUUID()}`,
      accessCodeHash: 'x',
      state: c.state,
      channel: c.channel,
      submittedOn,
      receivedOn: receivedOn(c),
      dueOn: null,
      dueProvisional: false,
      closure: c.closure,
      outcome: c.outcome,
      closedOn: c.closedOn,
      now: clock.now().toISOString(),
    },
    { ...application, applicant: { ...application.applicant, category: c.category } },
  );
}

test(`the demo's 2021: table 三 of 灵山卫街道 is the seed report's, and passes every check (${testDialect})`, async () => {
  await withDb(async (db) => {
    const demo = await seedDemo({ db, clock, passwordParams: { N: 2 ** 10, r: 8, p: 1 } });
    const t = await yearFigures(db.kysely, demo.agency.id, 2021);
    assert.equal(t.format.id, '2021');
    assert.deepEqual(row(t, 'received'), [8, 1, 0, 0, 0, 0, 9]);
    assert.deepEqual(row(t, 'carried_in'), [0, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual(row(t, 'partially_disclosed'), [1, 0, 0, 0, 0, 0, 1]);
    assert.deepEqual(row(t, 'unavailable.not_held'), [7, 1, 0, 0, 0, 0, 8]);
    assert.deepEqual(row(t, 'outcome_total'), [8, 1, 0, 0, 0, 0, 9]);
    assert.deepEqual(row(t, 'carried_out'), [0, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual(checkReport(reportOf(t)), []);

    const given = await requestsReportSource.contribute({
      db: db.kysely,
      agencyId: demo.agency.id,
      year: 2021,
    });
    assert.deepEqual(given.tables?.requests, t.grid);
    assert.deepEqual(given.facts, {
      requestsReceived: 9,
      requestsCarriedIn: 0,
      requestsClosed: 9,
      requestsCarriedOut: 0,
      assistedRequests: 2,
      // The seed's section 六: no processing fee was charged in 2021.
      feesCollectedFen: 0,
    });
  });
});

test(`a case open on 31 December is carried into the next year; other agencies' cases are not counted (${testDialect})`, async () => {
  await withDb(async (db) => {
    const [mine, other] = [
      await insertAgencyRow(db.kysely, clock.now()),
      await insertAgencyRow(db.kysely, clock.now()),
    ];
    const base = {
      channel: 'in_person',
      events: [],
      correctionDeadline: null,
      extensionRequested: false,
    } as const;
    const open: RequestCase = {
      ...base,
      state: 'in_progress',
      category: 'other_org',
      events: [{ type: 'received', date: '2024-12-30' }],
      outcome: null,
      closure: null,
      closedOn: null,
    };
    const closedNextYear: RequestCase = {
      ...open,
      state: 'closed',
      category: 'research_institution',
      events: [{ type: 'received', date: '2024-12-31' }],
      outcome: 'disclosed',
      closure: 'replied',
      closedOn: '2025-01-06',
    };
    const notYetReceived: RequestCase = { ...open, state: 'submitted', events: [] };
    await storeCase(db, mine, open, '2024-12-30');
    await storeCase(db, mine, closedNextYear, '2024-12-31');
    await storeCase(db, mine, notYetReceived, '2024-12-20');
    await storeCase(db, other, open, '2024-12-30');

    const y2024 = await yearFigures(db.kysely, mine, 2024);
    const y2025 = await yearFigures(db.kysely, mine, 2025);
    const y2026 = await yearFigures(db.kysely, mine, 2026);
    assert.deepEqual(row(y2024, 'received'), [0, 0, 1, 0, 0, 1, 2]);
    assert.deepEqual(row(y2024, 'carried_out'), [0, 0, 1, 0, 0, 1, 2]);
    assert.deepEqual(row(y2025, 'carried_in'), [0, 0, 1, 0, 0, 1, 2]);
    assert.deepEqual(row(y2025, 'disclosed'), [0, 0, 1, 0, 0, 0, 1]);
    assert.deepEqual(row(y2025, 'carried_out'), [0, 0, 0, 0, 0, 1, 1]);
    assert.deepEqual(row(y2026, 'carried_in'), [0, 0, 0, 0, 0, 1, 1]);
    assert.deepEqual(
      row(await yearFigures(db.kysely, mine, 2023), 'received'),
      [0, 0, 0, 0, 0, 0, 0],
    );
  });
});

const RANGE: HistoryRange = { firstYear: 2019, lastYear: 2025 };
const TODAY = '2026-06-30';

test(`property: random valid histories, stored and read back, give the pure tables, which pass every check (${testDialect})`, async () => {
  await withDb(async (db) => {
    await fc.assert(
      fc.asyncProperty(fc.array(historyArb(RANGE), { minLength: 1, maxLength: 30 }), async (hs) => {
        const agencyId = await insertAgencyRow(db.kysely, clock.now());
        const played = hs.map((h) => playHistory(h, RANGE, TODAY));
        for (const p of played) await storeCase(db, agencyId, p.case, p.submittedOn);
        const summaries = played
          .map((p) => caseSummary(p.case))
          .filter((s): s is CaseSummary => s !== null);
        let previous: YearTable | null = null;
        for (let year = RANGE.firstYear; year <= RANGE.lastYear + 1; year += 1) {
          const table = await yearFigures(db.kysely, agencyId, year);
          assert.deepEqual(table.grid, yearTable(summaries, year).grid, `SQL and core, ${year}`);
          const found = checkReport(
            reportOf(table),
            previous ? { previous: reportOf(previous) } : {},
          );
          assert.deepEqual(
            found.filter((f) => f.severity === 'error'),
            [],
            `checks of ${year}`,
          );
          if (previous)
            assert.deepEqual(table.grid.carried_in, previous.grid.carried_out, `into ${year}`);
          previous = table;
        }
      }),
      { numRuns: 12 },
    );
  });
});
