import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { detectFormat, readCalendarSource } from './calendar-file.js';
import { isWeekend } from './dates.js';
import { readCalendarIcs } from './ics-reader.js';
import { readCalendarJson } from './json-reader.js';
import { readNoticeText } from './notice-reader.js';
import { officialSeed } from './seed.js';
import type { CalendarDay } from './working-days.js';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const seed = officialSeed();
const seedYear = (y: number) => seed.days.filter((d) => d.date.startsWith(`${y}-`));
const pairs = (days: CalendarDay[]) => days.map((d) => `${d.date} ${d.kind}`);
/** Days whose status differs from the weekly rhythm: what working-day arithmetic depends on. */
const exceptions = (days: CalendarDay[]) =>
  pairs(days.filter((d) => (d.kind === 'holiday') !== isWeekend(d.date)));

describe('the published notices read to the official calendar', () => {
  for (const year of [2024, 2025, 2026]) {
    test(`${year} notice equals the seed data for ${year}`, () => {
      const result = readNoticeText(fixture(`notice-${year}.txt`));
      assert.deepEqual(result.years, [year]);
      assert.deepEqual(pairs(result.days), pairs(seedYear(year)));
      assert.ok(
        result.days.every((d) => d.name),
        'every day carries its festival',
      );
    });
  }

  test('2024: the eve of 春节 is only encouraged, not a holiday, and is reported', () => {
    const result = readNoticeText(fixture('notice-2024.txt'));
    assert.equal(
      result.days.find((d) => d.date === '2024-02-09'),
      undefined,
    );
    assert.equal(result.warnings.length, 1);
    assert.match(result.warnings[0] ?? '', /2月9日/);
  });

  test('pasted as one line, hard-wrapped, or with half-width punctuation: the same days', () => {
    for (const year of [2024, 2025, 2026]) {
      const text = fixture(`notice-${year}.txt`);
      const expected = readNoticeText(text);
      const oneLine = text.replace(/\s*\n\s*/g, ' ');
      // Wrapped every 17 characters, as a PDF column or a narrow page does.
      const wrapped = text.replace(/\n+/g, '').replace(/(.{17})/gu, '$1\n');
      const halfWidth = text
        .replace(/（/g, '(')
        .replace(/）/g, ')')
        .replace(/：/g, ':')
        .replace(/，/g, ',');
      for (const variant of [oneLine, wrapped, halfWidth]) {
        const result = readNoticeText(variant);
        assert.deepEqual(result.days, expected.days, `${year}`);
        assert.deepEqual(result.warnings, expected.warnings, `${year}`);
      }
    }
  });

  test('2025 and 2026 read without a single warning; names come from the sections', () => {
    const r2025 = readNoticeText(fixture('notice-2025.txt'));
    const r2026 = readNoticeText(fixture('notice-2026.txt'));
    assert.deepEqual(r2025.warnings, []);
    assert.deepEqual(r2026.warnings, []);
    assert.equal(r2025.days.find((d) => d.date === '2025-10-08')?.name, '国庆节、中秋节');
    assert.equal(r2026.days.find((d) => d.date === '2026-01-04')?.name, '元旦');
    assert.equal(r2026.days.find((d) => d.date === '2026-01-04')?.kind, 'workday');
  });

  test('2019: 元旦 from 2018年12月30日 with the years written out', () => {
    const result = readNoticeText(fixture('notice-2019.txt'));
    assert.deepEqual(result.warnings, []);
    assert.deepEqual(pairs(result.days.slice(0, 4)), [
      '2018-12-29 workday',
      '2018-12-30 holiday',
      '2018-12-31 holiday',
      '2019-01-01 holiday',
    ]);
  });

  // chinese-days also lists the weekends joined to a holiday (与周末连休) as holidays; those
  // change no working day, so older years are compared on the days that differ from the week.
  for (const year of [2019, 2022, 2023]) {
    test(`${year} notice agrees with the seed on every working-day exception`, () => {
      const result = readNoticeText(fixture(`notice-${year}.txt`));
      assert.deepEqual(result.warnings, []);
      const first = result.days[0]?.date ?? '';
      const last = result.days.at(-1)?.date ?? '';
      const seedAround = seed.days.filter((d) => d.date >= first && d.date <= last);
      assert.deepEqual(exceptions(result.days), exceptions(seedAround));
      assert.ok(exceptions(result.days).length > 10);
    });
  }
});

describe('notice wordings', () => {
  const read = (body: string, title = '国务院办公厅关于2017年部分节假日安排的通知') =>
    readNoticeText(`${title}\n${body}`);

  const cases: Array<[string, string, string[]]> = [
    [
      '补休',
      '一、元旦：1月1日放假，1月2日（星期一）补休。',
      ['2017-01-01 holiday', '2017-01-02 holiday'],
    ],
    ['与周末连休', '四、劳动节：5月1日放假，与周末连休。', ['2017-05-01 holiday']],
    [
      'several make-up days separated by 、',
      '二、春节：1月27日至2月2日放假调休，共7天。1月22日（星期日）、2月4日（星期六）上班。',
      [
        '2017-01-22 workday',
        '2017-01-27 holiday',
        '2017-01-28 holiday',
        '2017-01-29 holiday',
        '2017-01-30 holiday',
        '2017-01-31 holiday',
        '2017-02-01 holiday',
        '2017-02-02 holiday',
        '2017-02-04 workday',
      ],
    ],
    [
      'a range across months, kind in the next clause, dash and full-width digits',
      '七、国庆节：１０月１日（星期日）—８日（星期日），放假调休，共８天。9月30日(星期六)上班。',
      ['2017-09-30 workday', ...Array.from({ length: 8 }, (_, i) => `2017-10-0${i + 1} holiday`)],
    ],
    [
      '12月31日至1月1日 starts in the year before',
      '一、元旦：12月31日至1月1日放假，共2天。',
      ['2016-12-31 holiday', '2017-01-01 holiday'],
    ],
    [
      '补班',
      '三、清明节：4月2日至4日放假调休，共3天。4月1日（星期六）补班。',
      ['2017-04-01 workday', '2017-04-02 holiday', '2017-04-03 holiday', '2017-04-04 holiday'],
    ],
  ];
  for (const [why, body, expected] of cases) {
    test(why, () => {
      const result = read(body);
      assert.deepEqual(pairs(result.days), expected);
      assert.deepEqual(result.warnings, []);
    });
  }

  test('a range crossing September into October', () => {
    const r = readNoticeText(
      '关于2023年部分节假日安排的通知\n六、中秋节、国庆节：9月29日至10月6日放假调休，共8天。10月7日（星期六）、10月8日（星期日）上班。',
    );
    assert.equal(r.days.filter((d) => d.kind === 'holiday').length, 8);
    assert.deepEqual(pairs(r.days.filter((d) => d.kind === 'workday')), [
      '2023-10-07 workday',
      '2023-10-08 workday',
    ]);
    assert.deepEqual(r.warnings, []);
  });

  test('the title is required, unless a year is given', () => {
    const body = '一、元旦：1月1日放假。';
    const missing = readNoticeText(body);
    assert.deepEqual(missing.days, []);
    assert.match(missing.warnings[0] ?? '', /年份/);
    assert.deepEqual(pairs(readNoticeText(body, { year: 2030 }).days), ['2030-01-01 holiday']);
  });

  const warned: Array<[string, string, RegExp]> = [
    [
      'a weekday note that does not match the date',
      '一、元旦：1月1日（周五）放假。',
      /标注为“周五”.*星期日/,
    ],
    [
      'a stated length that does not match',
      '二、春节：1月27日至2月2日放假调休，共8天。',
      /共8天.*7天/,
    ],
    ['a date that does not exist', '二、春节：2月30日放假。', /2月30日.*不存在/],
    [
      'a make-up day that is already a weekday',
      '二、春节：2月6日（星期一）上班。',
      /本来就是工作日/,
    ],
    ['a date with neither 放假 nor 上班', '二、春节：2月6日照常。', /没有写明放假还是上班/],
    ['no sections at all', '元旦放一天。', /没有找到“一、元旦：”/],
  ];
  for (const [why, body, pattern] of warned) {
    test(`warns: ${why}`, () => {
      const result = read(body);
      assert.ok(
        result.warnings.some((w) => pattern.test(w)),
        result.warnings.join('\n'),
      );
    });
  }
});

describe('JSON calendars', () => {
  test('our own format round-trips the seed file', () => {
    const text = readFileSync(
      new URL('./data/official-days-2004-2026.json', import.meta.url),
      'utf8',
    );
    const result = readCalendarJson(text);
    assert.deepEqual(result.warnings, []);
    assert.deepEqual(result.years, seed.years);
    assert.deepEqual(result.days, seed.days);
  });

  test("chinese-days' format, names taken from the Chinese field", () => {
    const result = readCalendarJson(
      JSON.stringify({
        holidays: { '2026-01-01': "New Year's Day,元旦,1", '2026-01-02': "New Year's Day,元旦,1" },
        workdays: { '2026-01-04': "New Year's Day,元旦,1" },
        inLieuDays: { '2026-01-02': "New Year's Day,元旦,1" },
      }),
    );
    assert.deepEqual(result.days, [
      { date: '2026-01-01', kind: 'holiday', name: '元旦' },
      { date: '2026-01-02', kind: 'holiday', name: '元旦' },
      { date: '2026-01-04', kind: 'workday', name: '元旦' },
    ]);
    assert.deepEqual(result.years, [2026]);
  });

  test('bad entries are warned about and skipped', () => {
    const result = readCalendarJson(
      JSON.stringify({
        days: [
          { date: '2027-02-30', kind: 'holiday' },
          { date: '2027-02-06', kind: 'rest' },
          { date: '2027-01-01', kind: '放假' },
        ],
      }),
    );
    assert.deepEqual(pairs(result.days), ['2027-01-01 holiday']);
    assert.equal(result.warnings.length, 2);
    assert.match(result.warnings[0] ?? '', /2月只有28天/);
  });

  test('not JSON, or JSON of another shape', () => {
    assert.match(readCalendarJson('{oops').warnings[0] ?? '', /不是有效的 JSON/);
    assert.match(readCalendarJson('{"a":1}').warnings[0] ?? '', /无法识别/);
  });
});

describe('ICS calendars', () => {
  test('all-day events with exclusive DTEND, folded lines, 休/班 by summary', () => {
    const result = readCalendarIcs(fixture('holidays-2026-part.ics'));
    assert.deepEqual(pairs(result.days), [
      '2026-01-01 holiday',
      '2026-01-02 holiday',
      '2026-01-03 holiday',
      '2026-01-04 workday',
      '2026-02-14 workday',
      ...Array.from({ length: 9 }, (_, i) => `2026-02-${15 + i} holiday`),
      '2026-02-28 workday',
    ]);
    assert.equal(result.days[0]?.name, '元旦');
    assert.equal(result.days.find((d) => d.date === '2026-02-15')?.name, '春节');
    assert.equal(result.warnings.length, 1);
    assert.match(result.warnings[0] ?? '', /错误日期.*DTSTART/);
  });

  test("chinese-days' published ICS reads to the seed for 2024–2026", () => {
    const result = readCalendarIcs(fixture('chinese-days-holidays-2024-2026.ics'));
    assert.deepEqual(result.warnings, []);
    assert.deepEqual(result.years, [2024, 2025, 2026]);
    assert.deepEqual(pairs(result.days), pairs(seed.days.filter((d) => d.date >= '2024-01-01')));
  });

  test('a file that is not a calendar', () => {
    assert.match(readCalendarIcs('hello').warnings[0] ?? '', /BEGIN:VCALENDAR/);
  });
});

describe('format detection', () => {
  test('by extension, then by content', () => {
    assert.equal(detectFormat('x', 'a.JSON'), 'json');
    assert.equal(detectFormat('x', 'a.ics'), 'ics');
    assert.equal(detectFormat('\uFEFF[{"date":"2026-01-01"}]'), 'json');
    assert.equal(detectFormat('BEGIN:VCALENDAR\n'), 'ics');
    assert.equal(
      detectFormat('国务院办公厅关于2026年部分节假日安排的通知', 'notice.txt'),
      'notice',
    );
    assert.equal(readCalendarSource(fixture('notice-2026.txt'), 'n.txt').format, 'notice');
  });
});

describe('robustness', () => {
  const notice = fixture('notice-2026.txt');
  const pieces = fc.constantFrom(
    '一、元旦：',
    '1月1日',
    '（周四）',
    '至',
    '3日',
    '放假调休',
    '上班',
    '补休',
    '，',
    '。',
    '\n',
    '2026年',
    '共3天',
    '12月31日',
    '2月30日',
    '、',
    '—',
  );
  test('random notice-like text, truncated notices and random bytes never throw', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 60 }), fc.string(), (parts, noise) => {
        const r = readNoticeText(`关于2026年部分节假日安排的通知\n${parts.join('')}${noise}`);
        for (const d of r.days) assert.match(d.date, /^\d{4}-\d{2}-\d{2}$/);
      }),
    );
    fc.assert(
      fc.property(fc.nat({ max: notice.length }), (n) => {
        readCalendarSource(notice.slice(0, n));
        readCalendarSource(notice.slice(n));
      }),
    );
    fc.assert(
      fc.property(fc.string(), (s) => {
        readCalendarJson(s);
        readCalendarIcs(`BEGIN:VCALENDAR\n${s}`);
        readCalendarSource(s);
      }),
    );
  });
});
