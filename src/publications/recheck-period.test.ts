// The re-check periods of each rhythm, in China Standard Time: where a moment falls at the
// edges of quarters, halves and years, each period's start, end, key and title, and the
// 清查 page's note about the next automatic round.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  isRecheckRhythm,
  RECHECK_RHYTHM_LABELS,
  RECHECK_RHYTHMS,
  recheckPeriodOf,
  recheckScheduleNote,
} from './recheck-period.js';

/** 00:00 CST on `date` (YYYY-MM-DD), as the instant it is. */
const cstMidnight = (date: string) => new Date(`${date}T00:00:00+08:00`);
const justBefore = (d: Date) => new Date(d.getTime() - 1);

test('every rhythm has its Chinese name, and only those are rhythms', () => {
  assert.deepEqual(
    RECHECK_RHYTHMS.map((r) => RECHECK_RHYTHM_LABELS[r]),
    ['每季度', '每半年', '每年', '不定期'],
  );
  for (const r of RECHECK_RHYTHMS) assert.ok(isRecheckRhythm(r));
  for (const bad of ['', 'monthly', 'Yearly', '每年', 'toString', 'constructor'])
    assert.equal(isRecheckRhythm(bad), false, bad);
});

test('a quarter runs from 00:00 CST on its first day to the next quarter’s, whatever UTC says', () => {
  const q1 = recheckPeriodOf('quarterly', new Date('2026-02-10T04:00:00.000Z'));
  assert.deepEqual(q1, {
    rhythm: 'quarterly',
    key: '2026-Q1',
    since: '2025-12-31T16:00:00.000Z',
    until: '2026-03-31T16:00:00.000Z',
    name: '2026年第一季度',
    title: '2026年第一季度已公开信息清查',
  });
  // 23:59:59.999 on 31 March in Beijing is still the first quarter; a millisecond on is not.
  const april = cstMidnight('2026-04-01');
  assert.equal(recheckPeriodOf('quarterly', justBefore(april))?.key, '2026-Q1');
  const q2 = recheckPeriodOf('quarterly', april);
  assert.equal(q2?.key, '2026-Q2');
  assert.equal(q2?.since, april.toISOString());
  assert.equal(q2?.title, '2026年第二季度已公开信息清查');
  assert.equal(
    recheckPeriodOf('quarterly', cstMidnight('2026-08-31'))?.title,
    '2026年第三季度已公开信息清查',
  );
  const q4 = recheckPeriodOf('quarterly', justBefore(cstMidnight('2027-01-01')));
  assert.equal(q4?.key, '2026-Q4');
  assert.equal(q4?.since, cstMidnight('2026-10-01').toISOString());
  assert.equal(q4?.until, cstMidnight('2027-01-01').toISOString());
  assert.equal(q4?.title, '2026年第四季度已公开信息清查');
});

test('a half-year is January to June or July to December', () => {
  const h1 = recheckPeriodOf('half_yearly', cstMidnight('2026-06-30'));
  assert.equal(h1?.key, '2026-H1');
  assert.equal(h1?.since, cstMidnight('2026-01-01').toISOString());
  assert.equal(h1?.until, cstMidnight('2026-07-01').toISOString());
  assert.equal(h1?.title, '2026年上半年已公开信息清查');
  assert.equal(
    recheckPeriodOf('half_yearly', justBefore(cstMidnight('2026-07-01')))?.key,
    '2026-H1',
  );
  const h2 = recheckPeriodOf('half_yearly', cstMidnight('2026-07-01'));
  assert.equal(h2?.key, '2026-H2');
  assert.equal(h2?.until, cstMidnight('2027-01-01').toISOString());
  assert.equal(h2?.title, '2026年下半年已公开信息清查');
});

test('a year is the calendar year in CST, keyed by the bare year as before', () => {
  assert.equal(recheckPeriodOf('yearly', new Date('2021-12-31T15:59:59.999Z'))?.key, '2021');
  assert.deepEqual(recheckPeriodOf('yearly', new Date('2021-12-31T16:00:00.000Z')), {
    rhythm: 'yearly',
    key: '2022',
    since: '2021-12-31T16:00:00.000Z',
    until: '2022-12-31T16:00:00.000Z',
    name: '2022年度',
    title: '2022年度已公开信息清查',
  });
});

test('不定期 has no period', () => {
  assert.equal(recheckPeriodOf('irregular', new Date('2026-02-10T04:00:00.000Z')), null);
});

test('the page’s note names the rhythm and when the next automatic round starts', () => {
  const now = new Date('2026-02-10T04:00:00.000Z');
  const done = { roundThisPeriod: true, hasPublished: true };
  const quarterly = recheckScheduleNote('quarterly', now, done);
  assert.match(quarterly, /^本机关清查周期：每季度。/);
  assert.match(
    quarterly,
    /2026年第一季度已发起过清查；下一次自动清查：2026年4月1日起（2026年第二季度已公开信息清查）。$/,
  );
  assert.match(
    recheckScheduleNote('half_yearly', now, done),
    /下一次自动清查：2026年7月1日起（2026年下半年已公开信息清查）。$/,
  );
  // In the last quarter the next one is in the next year.
  assert.match(
    recheckScheduleNote('quarterly', cstMidnight('2026-11-30'), done),
    /下一次自动清查：2027年1月1日起（2027年第一季度已公开信息清查）。$/,
  );
  const yearly = recheckScheduleNote('yearly', now, done);
  assert.match(yearly, /^本机关清查周期：每年。每年1月1日起，系统自动为本机关发起当年度清查/);
  assert.match(yearly, /下一次自动清查：2027年1月1日起（2027年度已公开信息清查）。$/);

  assert.match(
    recheckScheduleNote('quarterly', now, { roundThisPeriod: false, hasPublished: true }),
    /2026年第一季度尚未发起清查，系统将在一小时内自动发起2026年第一季度已公开信息清查。$/,
  );
  assert.match(
    recheckScheduleNote('yearly', now, { roundThisPeriod: false, hasPublished: false }),
    /本机关尚无已发布的信息，2026年度暂不发起/,
  );

  const irregular = recheckScheduleNote('irregular', now, done);
  assert.equal(
    irregular,
    '本机关清查周期：不定期。系统不自动发起清查，由保密审查员在本页根据需要手动发起。',
  );
});
