import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { addDays } from '../calendar/dates.js';
import { officialSeed } from '../calendar/seed.js';
import { createCalendar } from '../calendar/working-days.js';
import { blankReport } from '../reports/checks/fixtures/build.js';
import { checkReport } from '../reports/checks/index.js';
import type { AnnualReport } from '../reports/model.js';
import {
  APPLICANT_CATEGORIES,
  availableActions,
  newCase,
  outcomeAllowed,
  RECEIPT_CHANNELS,
  transition,
  type ActorFacts,
  type CaseAction,
  type CaseActionType,
  type ClosureKind,
  type RequestCase,
} from './case.js';
import { OUTCOME_KEYS } from './outcomes.js';
import { caseSummary, yearTable, YearTableInputError, type CaseSummary } from './year-table.js';

const seed = officialSeed();
const calendar = createCalendar({ days: seed.days, loadedYears: seed.years });

const row = (grid: ReturnType<typeof yearTable>['grid'], key: string) =>
  [...APPLICANT_CATEGORIES, 'total'].map((c) => grid[key]![c]);

function reportOf(table: ReturnType<typeof yearTable>): AnnualReport {
  const report = blankReport(table.format.id, table.year);
  report.tables.requests = table.grid;
  return report;
}

describe('table 三 from cases', () => {
  // The seed's 2021 requests with a consistent split: 8 from natural persons (1 partly
  // disclosed, 7 not held) and 1 from a commercial enterprise (not held).
  const seed2021: CaseSummary[] = [
    ...Array.from({ length: 7 }, (_, i) => ({
      category: 'natural_person' as const,
      receivedOn: `2021-0${i + 2}-10`,
      closedOn: `2021-0${i + 2}-25`,
      outcome: 'unavailable.not_held' as const,
    })),
    {
      category: 'natural_person',
      receivedOn: '2021-10-11',
      closedOn: '2021-11-02',
      outcome: 'partially_disclosed',
    },
    {
      category: 'commercial_enterprise',
      receivedOn: '2021-05-06',
      closedOn: '2021-05-20',
      outcome: 'unavailable.not_held',
    },
  ];

  test('the seed year: counts by category and outcome, every check passes', () => {
    const t = yearTable(seed2021, 2021);
    assert.equal(t.format.id, '2021');
    assert.deepEqual(row(t.grid, 'received'), [8, 1, 0, 0, 0, 0, 9]);
    assert.deepEqual(row(t.grid, 'partially_disclosed'), [1, 0, 0, 0, 0, 0, 1]);
    assert.deepEqual(row(t.grid, 'unavailable.not_held'), [7, 1, 0, 0, 0, 0, 8]);
    assert.deepEqual(row(t.grid, 'outcome_total'), [8, 1, 0, 0, 0, 0, 9]);
    assert.deepEqual(row(t.grid, 'carried_out'), [0, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual(checkReport(reportOf(t)), []);
  });

  test('a case open on 31 December is carried out, and into the next year', () => {
    const cases: CaseSummary[] = [
      {
        category: 'research_institution',
        receivedOn: '2021-12-20',
        closedOn: '2022-01-10',
        outcome: 'disclosed',
      },
      { category: 'other_org', receivedOn: '2021-12-28', closedOn: null, outcome: null },
    ];
    const y2021 = yearTable(cases, 2021);
    const y2022 = yearTable(cases, 2022);
    const y2023 = yearTable(cases, 2023);
    assert.deepEqual(row(y2021.grid, 'carried_out'), [0, 0, 1, 0, 0, 1, 2]);
    assert.deepEqual(row(y2022.grid, 'carried_in'), [0, 0, 1, 0, 0, 1, 2]);
    assert.deepEqual(row(y2022.grid, 'disclosed'), [0, 0, 1, 0, 0, 0, 1]);
    assert.deepEqual(row(y2022.grid, 'carried_out'), [0, 0, 0, 0, 0, 1, 1]);
    assert.deepEqual(row(y2023.grid, 'carried_in'), [0, 0, 0, 0, 0, 1, 1]);
    assert.deepEqual(row(y2022.grid, 'received'), [0, 0, 0, 0, 0, 0, 0]);
    const found = checkReport(reportOf(y2022), { previous: reportOf(y2021) });
    assert.deepEqual(
      found.filter((f) => f.severity === 'error'),
      [],
    );
  });

  test('closed on 31 December counts in that year; received on 1 January in the new one', () => {
    const cases: CaseSummary[] = [
      {
        category: 'natural_person',
        receivedOn: '2022-12-01',
        closedOn: '2022-12-31',
        outcome: 'disclosed',
      },
      { category: 'natural_person', receivedOn: '2023-01-01', closedOn: null, outcome: null },
    ];
    assert.deepEqual(row(yearTable(cases, 2022).grid, 'carried_out'), [0, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual(row(yearTable(cases, 2023).grid, 'received'), [1, 0, 0, 0, 0, 0, 1]);
  });

  test('a year before 2021 is in the 2019 format: the lapses count as its one 其他处理 row', () => {
    const t = yearTable(
      [
        {
          category: 'natural_person',
          receivedOn: '2020-03-02',
          closedOn: '2020-05-06',
          outcome: 'other.fee_unpaid',
        },
      ],
      2020,
    );
    assert.equal(t.format.id, '2019');
    assert.deepEqual(row(t.grid, 'other.other'), [1, 0, 0, 0, 0, 0, 1]);
    assert.equal(t.grid['other.fee_unpaid'], undefined);
    assert.deepEqual(
      checkReport(reportOf(t)).filter((f) => f.severity === 'error'),
      [],
    );
  });

  test('inconsistent cases are refused with a Chinese message', () => {
    const bad: Array<[CaseSummary, RegExp]> = [
      [
        {
          category: 'natural_person',
          receivedOn: '2022-01-05',
          closedOn: '2022-01-10',
          outcome: null,
        },
        /已办结但没有办理结果/,
      ],
      [
        {
          category: 'natural_person',
          receivedOn: '2022-01-05',
          closedOn: null,
          outcome: 'disclosed',
        },
        /有办理结果但没有办结日期/,
      ],
      [
        {
          category: 'natural_person',
          receivedOn: '2022-01-05',
          closedOn: '2022-01-04',
          outcome: 'disclosed',
        },
        /早于收到申请之日/,
      ],
      [
        { category: 'person' as never, receivedOn: '2022-01-05', closedOn: null, outcome: null },
        /申请人类别「person」无效/,
      ],
    ];
    for (const [summary, message] of bad) {
      assert.throws(
        () => yearTable([summary], 2022),
        (e: unknown) => e instanceof YearTableInputError && message.test(e.message),
      );
    }
  });
});

// ---- property: random valid case histories over several years -----------------------------

const HEAD: ActorFacts = { permissions: ['request.handle', 'request.approve'] };
const FIRST_YEAR = 2019;
const LAST_YEAR = 2025;
const TODAY = '2026-12-31';

/** A random history: the state machine picks what is allowed, the numbers pick among it. */
const history = fc.record({
  category: fc.constantFrom(...APPLICANT_CATEGORIES),
  channel: fc.constantFrom(...RECEIPT_CHANNELS),
  startOffset: fc.integer({ min: 0, max: (LAST_YEAR - FIRST_YEAR + 1) * 365 - 1 }),
  choices: fc.array(
    fc.record({ pick: fc.nat(), gap: fc.integer({ min: 0, max: 40 }), outcome: fc.nat() }),
    {
      maxLength: 16,
    },
  ),
});

const SHORTCUTS = new Set<CaseActionType>(['withdraw', 'transfer', 'answer_on_spot']);

const CLOSURE_OF: Partial<Record<CaseActionType, ClosureKind>> = {
  answer_on_spot: 'answered_on_spot',
  transfer: 'transferred',
  draft_reply: 'replied',
};

type History = typeof history extends fc.Arbitrary<infer T> ? T : never;

function play(h: History): RequestCase {
  const start = addDays(`${FIRST_YEAR}-01-01`, h.startOffset);
  let c = newCase({ category: h.category, channel: h.channel, receivedOn: start });
  let date = start;
  for (const choice of h.choices) {
    const all = availableActions(c, HEAD);
    if (all.length === 0) break;
    // Shortcuts to closing are taken now and then, so that most cases run the long way.
    const main = all.filter((a) => !SHORTCUTS.has(a));
    const actions = main.length > 0 && choice.pick % 8 !== 0 ? main : all;
    const type = actions[Math.floor(choice.pick / 8) % actions.length]!;
    const closure = CLOSURE_OF[type];
    const outcomes = closure ? OUTCOME_KEYS.filter((o) => outcomeAllowed(closure, o)) : [];
    const outcome = outcomes[choice.outcome % Math.max(outcomes.length, 1)]!;
    // On the spot means on the date of receipt; every other step moves time on.
    const next = type === 'answer_on_spot' ? date : addDays(date, choice.gap);
    const action = {
      type,
      date: next,
      deadline: addDays(next, 15),
      party: 'third_party',
      outcome,
      reasons: '依法答复。',
    } as unknown as CaseAction;
    const r = transition(c, action, { actor: HEAD, today: TODAY, calendar });
    if (!r.ok) continue; // a guard (a window, a deadline) said no: the history goes on without it
    c = r.case;
    if ('date' in action && action.date > date) date = action.date;
  }
  return c;
}

test('any random valid case histories give tables that pass every report check, year after year', () => {
  fc.assert(
    fc.property(fc.array(history, { maxLength: 25 }), (histories) => {
      const cases = histories.map(play);
      const summaries = cases.map(caseSummary).filter((s): s is CaseSummary => s !== null);
      let previous: ReturnType<typeof yearTable> | null = null;
      for (let year = FIRST_YEAR; year <= LAST_YEAR; year += 1) {
        const table = yearTable(summaries, year);
        const found = checkReport(
          reportOf(table),
          previous ? { previous: reportOf(previous) } : {},
        );
        assert.deepEqual(
          // SAME_AS_LAST_YEAR may rightly warn when nothing moved (a case open for years).
          found.filter(
            (f) =>
              f.severity === 'error' || (f.table === 'requests' && f.code !== 'SAME_AS_LAST_YEAR'),
          ),
          [],
          `year ${year}`,
        );
        if (previous)
          assert.deepEqual(
            table.grid.carried_in,
            previous.grid.carried_out,
            `carry-over into ${year}`,
          );
        else assert.equal(table.grid.carried_in!.total, 0);
        const received = summaries.filter((s) => s.receivedOn.startsWith(`${year}-`)).length;
        assert.equal(table.grid.received!.total, received);
        previous = table;
      }
    }),
    { numRuns: 60 },
  );
});
