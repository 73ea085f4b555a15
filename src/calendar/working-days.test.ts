import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { addDays, checkIsoDate, fromDayNumber, isWeekend, toDayNumber } from './dates.js';
import { officialSeed } from './seed.js';
import {
  addWorkingDays,
  CalendarInputError,
  createCalendar,
  isWorkingDay,
  workingDaysBetween,
  type WorkingCalendar,
} from './working-days.js';

const seed = officialSeed();
const official = createCalendar({ days: seed.days, loadedYears: seed.years });

describe('isWorkingDay on the official calendar', () => {
  const cases: Array<[string, boolean, string]> = [
    ['2024-10-12', true, 'Saturday made a working day (国庆节调休)'],
    ['2024-10-13', false, 'ordinary Sunday'],
    ['2024-10-01', false, '国庆节'],
    ['2024-10-07', false, '国庆节 on a Monday'],
    ['2024-10-08', true, 'ordinary Tuesday'],
    ['2024-02-04', true, 'Sunday made a working day (春节调休)'],
    ['2025-01-01', false, '元旦'],
    ['2026-01-04', true, 'Sunday made a working day (元旦调休)'],
    ['2026-02-23', false, '春节 on a Monday'],
    ['2026-02-28', true, 'Saturday made a working day'],
  ];
  for (const [date, expected, why] of cases) {
    test(`${date} is ${expected ? 'a working day' : 'not a working day'}: ${why}`, () => {
      assert.deepEqual(isWorkingDay(official, date), { working: expected, provisional: false });
    });
  }

  test('a year that is not loaded answers from weekends but is provisional', () => {
    assert.deepEqual(isWorkingDay(official, '2027-01-04'), { working: true, provisional: true });
    assert.deepEqual(isWorkingDay(official, '2027-01-02'), { working: false, provisional: true });
  });
});

describe('addWorkingDays (start day not counted)', () => {
  const cases: Array<[string, number, string, boolean]> = [
    ['2024-09-27', 20, '2024-10-30', false], // over 国庆节, counting 9月29日 and 10月12日
    ['2024-09-27', 1, '2024-09-29', false], // the next day that is worked is a Sunday
    ['2024-09-30', 1, '2024-10-08', false],
    ['2024-12-31', 0, '2024-12-31', false],
    ['2025-01-24', 7, '2025-02-10', false], // 春节 2025: 1月26日 and 2月8日 worked, 1月28日–2月4日 off
    ['2026-12-24', 20, '2027-01-21', true], // runs into 2027, not loaded
    ['2026-12-30', 1, '2026-12-31', false],
    ['2026-12-31', 1, '2027-01-01', true],
  ];
  for (const [from, n, due, provisional] of cases) {
    test(`${from} + ${n} working days = ${due}${provisional ? ' (provisional)' : ''}`, () => {
      assert.deepEqual(addWorkingDays(official, from, n), { date: due, provisional });
    });
  }

  test('counting the start day is a single switch', () => {
    assert.deepEqual(addWorkingDays(official, '2024-09-27', 20, { countStartDay: true }), {
      date: '2024-10-29',
      provisional: false,
    });
    // A start day that is not a working day cannot be day 1.
    assert.equal(
      addWorkingDays(official, '2024-10-01', 1, { countStartDay: true }).date,
      '2024-10-08',
    );
  });

  test('a start in an unloaded year is provisional', () => {
    assert.equal(addWorkingDays(official, '2003-12-30', 2).provisional, true);
  });

  test('bad input is refused with a Chinese message', () => {
    assert.throws(
      () => addWorkingDays(official, '2024-02-30', 1),
      (e: unknown) => {
        return e instanceof CalendarInputError && e.message.includes('2024年2月只有29天');
      },
    );
    assert.throws(() => addWorkingDays(official, '2024-9-27', 1), /格式不对/);
    assert.throws(() => addWorkingDays(official, '2024-09-27', -1), /工作日数/);
    assert.throws(() => addWorkingDays(official, '2024-09-27', 1.5), /工作日数/);
  });
});

describe('workingDaysBetween', () => {
  test('from 2024-09-27 to 2024-10-30 is 20 working days', () => {
    assert.deepEqual(workingDaysBetween(official, '2024-09-27', '2024-10-30'), {
      workingDays: 20,
      provisional: false,
    });
  });
  test('same day is 0 working days, or 1 when the start day counts and is worked', () => {
    assert.equal(workingDaysBetween(official, '2024-10-12', '2024-10-12').workingDays, 0);
    assert.equal(
      workingDaysBetween(official, '2024-10-12', '2024-10-12', { countStartDay: true }).workingDays,
      1,
    );
  });
  test('an end before the start is refused', () => {
    assert.throws(() => workingDaysBetween(official, '2024-10-30', '2024-09-27'), /早于开始日期/);
  });
  test('crossing into an unloaded year is provisional', () => {
    assert.equal(workingDaysBetween(official, '2026-12-01', '2027-01-05').provisional, true);
  });
});

describe('checkIsoDate', () => {
  test('rejects impossible dates in Chinese', () => {
    const r = checkIsoDate('2024-02-30');
    assert.equal(r.ok, false);
    assert.match(!r.ok ? r.error : '', /不存在/);
    assert.equal(checkIsoDate('2023-02-29').ok, false);
    assert.equal(checkIsoDate('2024-02-29').ok, true);
    assert.equal(checkIsoDate('2024-13-01').ok, false);
    assert.equal(checkIsoDate('20240927').ok, false);
  });
});

describe('seed data sanity', () => {
  test('covers 2004–2026 with days only inside loaded years, no make-up day on a weekday', () => {
    assert.deepEqual(
      seed.years,
      Array.from({ length: 23 }, (_, i) => 2004 + i),
    );
    const dates = new Set<string>();
    for (const d of seed.days) {
      assert.ok(checkIsoDate(d.date).ok, d.date);
      assert.ok(!dates.has(d.date), `duplicate ${d.date}`);
      dates.add(d.date);
      const weekday = new Date(`${d.date}T00:00:00Z`).getUTCDay();
      if (d.kind === 'workday')
        assert.ok(weekday === 0 || weekday === 6, `${d.date} 上班 but not a weekend`);
      assert.ok(d.name, `${d.date} has a name`);
    }
    // Every year has the 元旦 holiday and a 国庆节 holiday on 10月1日.
    for (const y of seed.years) {
      assert.ok(
        seed.days.some((d) => d.date === `${y}-01-01` && d.kind === 'holiday'),
        `${y}-01-01`,
      );
      assert.ok(
        seed.days.some((d) => d.date === `${y}-10-01` && d.kind === 'holiday'),
        `${y}-10-01`,
      );
    }
  });

  test('weekdays off minus weekend days worked equals the statutory holidays of each notice year', () => {
    // 10 days before 2008, 11 from 2008 (国务院令第513号), 13 from 2025 (国务院令第795号).
    const statutory = (y: number) => (y < 2008 ? 10 : y < 2025 ? 11 : 13);
    const extra: Record<number, number> = {
      2015: 1, // 中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日
      2020: 2, // 春节假期延长（国办发明电〔2020〕1号）
      2006: 1, // the seed's 元旦 2006 has no make-up working day; not confirmed against the notice
    };
    const net = new Map<number, number>();
    for (const d of seed.days) {
      // A late-December 元旦 day belongs to the next year's notice.
      const late = d.name === '元旦' && d.date.slice(5) >= '12-20';
      const year = Number(d.date.slice(0, 4)) + (late ? 1 : 0);
      const delta = d.kind === 'workday' ? -1 : isWeekend(d.date) ? 0 : 1;
      net.set(year, (net.get(year) ?? 0) + delta);
    }
    for (const y of seed.years) assert.equal(net.get(y), statutory(y) + (extra[y] ?? 0), String(y));
  });
});

// A random calendar over 2020–2022 (loaded) so the properties do not depend on the seed.
const arbCalendar: fc.Arbitrary<WorkingCalendar> = fc
  .uniqueArray(fc.record({ offset: fc.integer({ min: 0, max: 3 * 365 }), holiday: fc.boolean() }), {
    selector: (r) => r.offset,
    maxLength: 120,
  })
  .map((entries) =>
    createCalendar({
      loadedYears: [2020, 2021, 2022],
      days: entries.map(({ offset, holiday }) => ({
        date: addDays('2020-01-01', offset),
        kind: holiday ? ('holiday' as const) : ('workday' as const),
        name: null,
      })),
    }),
  );
const arbDate = fc
  .integer({ min: toDayNumber('2019-06-01'), max: toDayNumber('2023-06-30') })
  .map(fromDayNumber);

describe('properties', () => {
  test('addWorkingDays then workingDaysBetween gives n back, and the result is a working day', () => {
    fc.assert(
      fc.property(
        arbCalendar,
        arbDate,
        fc.integer({ min: 1, max: 400 }),
        fc.boolean(),
        (cal, from, n, countStart) => {
          const rule = { countStartDay: countStart };
          const due = addWorkingDays(cal, from, n, rule);
          assert.ok(isWorkingDay(cal, due.date).working);
          const back = workingDaysBetween(cal, from, due.date, rule);
          assert.equal(back.workingDays, n);
          assert.equal(back.provisional, due.provisional);
          // One day earlier, the period has not ended yet.
          if (due.date > from)
            assert.equal(
              workingDaysBetween(cal, from, addDays(due.date, -1), rule).workingDays,
              n - 1,
            );
        },
      ),
    );
  });

  test('provisional exactly when the period touches a year that is not loaded', () => {
    fc.assert(
      fc.property(arbCalendar, arbDate, fc.integer({ min: 0, max: 400 }), (cal, from, n) => {
        const due = addWorkingDays(cal, from, n);
        const touchesUnloaded = [Number(from.slice(0, 4)), Number(due.date.slice(0, 4))].some(
          (y) => y < 2020 || y > 2022,
        );
        assert.equal(due.provisional, touchesUnloaded);
      }),
    );
  });
});
