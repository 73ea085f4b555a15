import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkReviewSums } from '../reports/checks/review.js';
import { REVIEW_TABLE } from '../reports/format/common.js';
import { FORMATS } from '../reports/format/index.js';
import type { AnnualReport } from '../reports/model.js';
import {
  allowsResult,
  columnInYear,
  decisionProblem,
  caseProblem,
  KINDS,
  RESULTS,
  reviewTableForYear,
  type ReviewKind,
  type ReviewResult,
} from './review-case.js';

type C = { kind: ReviewKind; receivedOn: string; result: ReviewResult; decidedOn: string | null };
const c = (
  receivedOn: string,
  result: ReviewResult = 'pending',
  decidedOn: string | null = null,
  kind: ReviewKind = 'reconsideration',
): C => ({ kind, receivedOn, result, decidedOn });

test('the kinds are the groups of table 四 and the results its columns', () => {
  assert.deepEqual(
    KINDS,
    REVIEW_TABLE.groups.map((g) => g.key),
  );
  assert.deepEqual(
    [...RESULTS, 'total'],
    REVIEW_TABLE.columns.map((c) => c.key),
  );
});

describe('which results a kind allows', () => {
  for (const kind of KINDS) {
    test(`${kind}: 维持、纠正、其他, never 尚未审结 as a decision`, () => {
      assert.deepEqual(
        RESULTS.filter((r) => allowsResult(kind, r)),
        ['upheld', 'corrected', 'other'],
      );
    });
  }
});

describe('where a case stands in a year', () => {
  const rows: [string, C, number, ReviewResult | null][] = [
    ['received and decided in the year', c('2021-03-01', 'upheld', '2021-05-01'), 2021, 'upheld'],
    [
      'received in the year, decided the next',
      c('2021-11-20', 'corrected', '2022-02-01'),
      2021,
      'pending',
    ],
    [
      '…and counted the next year with its result',
      c('2021-11-20', 'corrected', '2022-02-01'),
      2022,
      'corrected',
    ],
    ['decided before the year began', c('2020-03-01', 'upheld', '2020-12-31'), 2021, null],
    ['received after the year', c('2022-01-01'), 2021, null],
    ['pending still, from two years back', c('2019-06-01'), 2021, 'pending'],
    ['decided on 31 December', c('2021-10-01', 'other', '2021-12-31'), 2021, 'other'],
    [
      'decided on 1 January of the next year',
      c('2021-10-01', 'other', '2022-01-01'),
      2021,
      'pending',
    ],
    ['received on 31 December', c('2021-12-31'), 2021, 'pending'],
  ];
  for (const [name, kase, year, want] of rows) {
    test(name, () => assert.equal(columnInYear(kase, year), want));
  }
});

describe('table 四 of a year', () => {
  const cases: C[] = [
    c('2021-03-01', 'upheld', '2021-05-01'),
    c('2021-06-01', 'corrected', '2021-08-01'),
    c('2021-11-01', 'upheld', '2022-03-01', 'litigation_direct'),
    c('2020-10-01', 'other', '2021-01-20', 'litigation_after_reconsideration'),
    c('2022-04-01', 'pending', null, 'reconsideration'),
  ];
  test('every group and column, counted from the cases', () => {
    assert.deepEqual(reviewTableForYear(cases, 2021), {
      reconsideration: { upheld: 1, corrected: 1, other: 0, pending: 0, total: 2 },
      litigation_direct: { upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 },
      litigation_after_reconsideration: { upheld: 0, corrected: 0, other: 1, pending: 0, total: 1 },
    });
  });
  test('a case pending at the end of a year is in the next year too', () => {
    assert.deepEqual(reviewTableForYear(cases, 2022).litigation_direct, {
      upheld: 1,
      corrected: 0,
      other: 0,
      pending: 0,
      total: 1,
    });
    assert.equal(reviewTableForYear(cases, 2022).reconsideration.pending, 1);
  });
  test('no cases: all zero, not empty', () => {
    const t = reviewTableForYear([], 2021);
    for (const k of KINDS)
      assert.deepEqual(t[k], { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 });
  });
  test('random cases over several years: 总计 adds up and pending carries over', () => {
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const day = (y: number) =>
      `${y}-${String(1 + rnd(12)).padStart(2, '0')}-${String(1 + rnd(28)).padStart(2, '0')}`;
    for (let round = 0; round < 50; round++) {
      const many: C[] = Array.from({ length: 20 }, () => {
        const received = day(2019 + rnd(4));
        const decided = rnd(4) === 0 ? null : day(Number(received.slice(0, 4)) + rnd(2));
        const ok = decided !== null && decided >= received;
        return c(
          received,
          ok ? (['upheld', 'corrected', 'other'] as const)[rnd(3)]! : 'pending',
          ok ? decided : null,
          KINDS[rnd(3)]!,
        );
      });
      for (let year = 2019; year <= 2023; year++) {
        const t = reviewTableForYear(many, year);
        const report: AnnualReport = {
          agency: null,
          year,
          format: FORMATS['2021'].id,
          publishedOn: null,
          sections: [],
          tables: { proactive: {}, requests: {}, review: t },
        };
        assert.deepEqual(checkReviewSums(report), []);
        // What is pending at the end of a year is counted again the next year.
        const next = reviewTableForYear(many, year + 1);
        for (const k of KINDS) {
          const receivedNext = many.filter(
            (x) => x.kind === k && x.receivedOn.startsWith(String(year + 1)),
          ).length;
          assert.equal(next[k].total, t[k].pending + receivedNext);
        }
      }
    }
  });
});

describe('rules for dates', () => {
  const kase = { kind: 'reconsideration' as const, receivedOn: '2021-03-01' };
  const rows: [string, { result: ReviewResult; decidedOn: string }, string | null][] = [
    ['a decision with its date', { result: 'upheld', decidedOn: '2021-04-01' }, null],
    ['taking a decision back needs no date', { result: 'pending', decidedOn: '' }, null],
    ['a decision without a date', { result: 'corrected', decidedOn: '' }, '请填写结案日期'],
    [
      'an impossible date',
      { result: 'other', decidedOn: '2021-02-30' },
      '结案日期应为有效日期，格式如 2021-06-30',
    ],
    [
      'before the case was received',
      { result: 'upheld', decidedOn: '2021-02-28' },
      '结案日期不能早于收到或立案日期（2021-03-01）',
    ],
    ['in the future', { result: 'upheld', decidedOn: '2021-07-02' }, '结案日期不能晚于今天'],
  ];
  for (const [name, input, message] of rows) {
    test(name, () =>
      assert.equal(decisionProblem(kase, input, '2021-07-01')?.message ?? null, message),
    );
  }
  test('a case received in the future, or after its decision, is refused', () => {
    assert.equal(
      caseProblem({ receivedOn: '2021-07-02' }, null, '2021-07-01')?.field,
      'receivedOn',
    );
    assert.match(
      caseProblem({ receivedOn: '2021-05-02' }, '2021-05-01', '2021-07-01')?.message ?? '',
      /不能晚于已登记的结案日期/,
    );
    assert.equal(caseProblem({ receivedOn: '2021-05-01' }, '2021-05-01', '2021-07-01'), null);
  });
});
