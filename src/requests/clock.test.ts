import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { addDays } from '../calendar/dates.js';
import { officialSeed } from '../calendar/seed.js';
import { addWorkingDays, createCalendar } from '../calendar/working-days.js';
import {
  classifyDue,
  ClockEventsError,
  compareByDue,
  computeClock,
  formatDayLine,
  parseClockEvents,
  type ClockEvent,
  type ClockEventType,
} from './clock.js';

const seed = officialSeed();
const official = createCalendar({ days: seed.days, loadedYears: seed.years });

function ev(...pairs: Array<[ClockEventType, string]>): ClockEvent[] {
  return pairs.map(([type, date]) => ({ type, date }));
}

// Expected dates were counted by hand on the published 节假日安排 of each year.
describe('due date of the reply across holidays and make-up working days', () => {
  const cases: Array<[string, ClockEvent[], string]> = [
    ['国庆节 2024, with 9月29日 and 10月12日 worked', ev(['received', '2024-09-27']), '2024-10-30'],
    ['春节 2024, with 2月18日 (Sunday) worked', ev(['received', '2024-02-07']), '2024-03-12'],
    ['春节 2025, with 1月26日 and 2月8日 worked', ev(['received', '2025-01-24']), '2025-02-27'],
    [
      '国庆节 2025 (with 中秋节), 9月28日 and 10月11日 worked',
      ev(['received', '2025-09-26']),
      '2025-10-30',
    ],
    [
      '中秋节 and 国庆节 2026, 9月20日 and 10月10日 worked',
      ev(['received', '2026-09-18']),
      '2026-10-22',
    ],
    ['春节 2026, 2月14日 and 2月28日 worked', ev(['received', '2026-02-12']), '2026-03-18'],
    [
      'correction: the clock starts again from the corrected application',
      ev(
        ['received', '2024-09-23'],
        ['correction_requested', '2024-09-25'],
        ['corrected', '2024-10-09'],
      ),
      '2024-11-05',
    ],
    [
      'consultation: the days after the letter up to the answer are not counted (清明节 2025)',
      ev(
        ['received', '2025-03-03'],
        ['consultation_sent', '2025-03-05'],
        ['consultation_answered', '2025-03-14'],
      ),
      '2025-04-10',
    ],
    [
      'fee notice: not counted until paid (端午节 2025)',
      ev(['received', '2025-05-12'], ['fee_notice_sent', '2025-05-14'], ['fee_paid', '2025-05-20']),
      '2025-06-16',
    ],
    [
      'extension: 20 more working days after the first period',
      ev(['received', '2024-09-27'], ['extended', '2024-10-25']),
      '2024-11-27',
    ],
    [
      'extension approved on the last day of the first period',
      ev(['received', '2024-09-27'], ['extended', '2024-10-30']),
      '2024-11-27',
    ],
    [
      'everything at once: correction, consultation, extension',
      ev(
        ['received', '2024-09-20'],
        ['correction_requested', '2024-09-24'],
        ['corrected', '2024-10-09'],
        ['consultation_sent', '2024-10-10'],
        ['consultation_answered', '2024-10-18'],
        ['extended', '2024-10-25'],
      ),
      '2024-12-12',
    ],
  ];
  for (const [why, events, due] of cases) {
    test(`${why}: due ${due}`, () => {
      const clock = computeClock(official, events);
      assert.deepEqual(clock.due, { date: due, provisional: false });
      assert.equal(clock.phase, 'running');
    });
  }

  test('the start day can be counted by the one configurable rule', () => {
    const clock = computeClock(official, ev(['received', '2024-09-27']), {
      rule: { countStartDay: true },
    });
    assert.equal(clock.due?.date, '2024-10-29');
  });

  test('an extension keeps the first period visible', () => {
    const clock = computeClock(
      official,
      ev(['received', '2024-09-27'], ['extended', '2024-10-25']),
    );
    assert.deepEqual(clock.firstPeriodDue, { date: '2024-10-30', provisional: false });
    assert.equal(clock.extended, true);
  });

  test('paused working days are counted out', () => {
    const clock = computeClock(
      official,
      ev(
        ['received', '2025-03-03'],
        ['consultation_sent', '2025-03-05'],
        ['consultation_answered', '2025-03-14'],
      ),
    );
    assert.equal(clock.pausedWorkingDays, 7);
  });
});

describe('the other periods', () => {
  test('the 7-working-day correction window over 国庆节', () => {
    const clock = computeClock(official, ev(['received', '2024-09-27']));
    assert.deepEqual(clock.correctionWindowEnds, { date: '2024-10-12', provisional: false });
  });

  test('the 7-working-day correction window over 春节', () => {
    const clock = computeClock(official, ev(['received', '2024-02-07']));
    assert.equal(clock.correctionWindowEnds.date, '2024-02-22');
  });

  test('an open consultation: the third party has 15 working days, the reply is projected from it', () => {
    const clock = computeClock(
      official,
      ev(['received', '2025-03-03'], ['consultation_sent', '2025-03-05']),
    );
    assert.equal(clock.phase, 'consulting');
    assert.deepEqual(clock.consultationDue, { date: '2025-03-26', provisional: false });
    assert.equal(clock.projected, true);
    assert.deepEqual(clock.due, { date: '2025-04-22', provisional: false });
    assert.ok(clock.notes.some((n) => n.includes('2025-03-26前答复')));
  });

  test('an open fee notice: 20 working days to pay', () => {
    const clock = computeClock(
      official,
      ev(['received', '2025-05-12'], ['fee_notice_sent', '2025-05-14']),
    );
    assert.equal(clock.phase, 'fee_pending');
    // 5月15日 … 6月12日: 端午节 6月2日 is off.
    assert.deepEqual(clock.feeDue, { date: '2025-06-12', provisional: false });
  });

  test('awaiting correction: no due date until the corrected application arrives', () => {
    const clock = computeClock(
      official,
      ev(['received', '2024-09-23'], ['correction_requested', '2024-09-25']),
    );
    assert.equal(clock.phase, 'awaiting_correction');
    assert.equal(clock.due, null);
    assert.equal(clock.startedOn, null);
  });
});

describe('provisional when a date falls beyond the loaded calendar', () => {
  test('a period running into 2027 (not loaded) is provisional, and says why', () => {
    const clock = computeClock(official, ev(['received', '2026-12-24']));
    assert.deepEqual(clock.due, { date: '2027-01-21', provisional: true });
    assert.ok(clock.notes.some((n) => n.includes('2027年的节假日安排尚未载入')));
    assert.ok(clock.explanation.some((l) => l.text.includes('2027年节假日安排尚未载入')));
  });

  test('a period ending inside the loaded years is not', () => {
    const clock = computeClock(official, ev(['received', '2026-12-01']));
    assert.deepEqual(clock.due, { date: '2026-12-29', provisional: false });
  });

  test('a consultation deadline beyond the loaded years makes the projected due provisional', () => {
    const clock = computeClock(
      official,
      ev(['received', '2026-12-10'], ['consultation_sent', '2026-12-14']),
    );
    assert.equal(clock.consultationDue?.provisional, true);
    assert.equal(clock.due?.provisional, true);
  });

  test('a calendar with no loaded years never answers as if it were final', () => {
    const bare = createCalendar({ days: [], loadedYears: [] });
    assert.equal(computeClock(bare, ev(['received', '2024-09-27'])).due?.provisional, true);
  });
});

describe('the day-by-day explanation', () => {
  const lines = computeClock(official, ev(['received', '2024-09-27'])).explanation.map(
    formatDayLine,
  );

  test('names the receipt, weekends, the holiday and the make-up working days', () => {
    assert.equal(lines[0], '2024-09-27（星期五） 收到申请之日（第三十一条）；当日不计入答复期限');
    assert.ok(lines.includes('2024-09-28（星期六） 周末，不计'));
    assert.ok(lines.includes('2024-09-29（星期日） 第1个工作日：调休上班（国庆节）'));
    assert.ok(lines.includes('2024-10-01 至 2024-10-07 法定节假日（国庆节），不计'));
    assert.ok(lines.includes('2024-10-12（星期六） 第7个工作日：调休上班（国庆节）'));
    assert.equal(lines.at(-1), '2024-10-30（星期三） 第20个工作日：答复期限届满（第三十三条）');
  });

  test('shows the restart after correction, the pause and the extension', () => {
    const text = computeClock(
      official,
      ev(
        ['received', '2024-09-20'],
        ['correction_requested', '2024-09-24'],
        ['corrected', '2024-10-09'],
        ['consultation_sent', '2024-10-10'],
        ['consultation_answered', '2024-10-18'],
        ['extended', '2024-10-25'],
      ),
    )
      .explanation.map(formatDayLine)
      .join('\n');
    assert.match(text, /2024-09-25 至 2024-10-08 等待申请人补正，不计入答复期限/);
    assert.match(
      text,
      /2024-10-09（星期三） 收到补正后的申请，答复期限重新起算（第三十条）；当日不计入答复期限/,
    );
    assert.match(text, /2024-10-11 至 2024-10-17 征求意见期间，不计入答复期限/);
    assert.match(
      text,
      /2024-10-25（星期五） 第6个工作日：经政府信息公开工作机构负责人批准延期答复/,
    );
    assert.match(text, /2024-11-14（星期四） 第20个工作日：原答复期限届满（已批准延期）/);
    assert.match(text, /2024-12-12（星期四） 第40个工作日：延长后的答复期限届满$/);
  });

  test('every day from receipt to the due date is covered once, in order', () => {
    const clock = computeClock(official, ev(['received', '2025-01-24']));
    let expected = '2025-01-24';
    for (const line of clock.explanation) {
      assert.equal(line.from, expected);
      assert.ok(line.to >= line.from);
      const next = new Date(`${line.to}T00:00:00Z`);
      next.setUTCDate(next.getUTCDate() + 1);
      expected = next.toISOString().slice(0, 10);
    }
    assert.equal(clock.explanation.at(-1)?.to, clock.due?.date);
  });
});

describe('event sequences the clock refuses, with a Chinese message', () => {
  const refused: Array<[string, ClockEvent[], RegExp]> = [
    ['no events', [], /第一个事件必须是收到申请/],
    ['not starting with receipt', ev(['corrected', '2024-09-27']), /第一个事件必须是收到申请/],
    ['out of order', ev(['received', '2024-09-27'], ['extended', '2024-09-26']), /早于前一个事件/],
    [
      'received twice',
      ev(['received', '2024-09-27'], ['received', '2024-09-30']),
      /收到申请只能有一次/,
    ],
    [
      'correction asked twice',
      ev(
        ['received', '2024-09-27'],
        ['correction_requested', '2024-09-30'],
        ['corrected', '2024-10-08'],
        ['correction_requested', '2024-10-09'],
      ),
      /补正只能要求一次/,
    ],
    [
      'correction asked after 7 working days',
      ev(['received', '2024-09-27'], ['correction_requested', '2024-10-14']),
      /7个工作日内（2024-10-12前）/,
    ],
    [
      'corrected without a request',
      ev(['received', '2024-09-27'], ['corrected', '2024-09-30']),
      /之前没有发出补正告知/,
    ],
    [
      'consultation while awaiting correction',
      ev(
        ['received', '2024-09-27'],
        ['correction_requested', '2024-09-30'],
        ['consultation_sent', '2024-10-08'],
      ),
      /申请人尚未补正/,
    ],
    [
      'answer without a letter',
      ev(['received', '2024-09-27'], ['consultation_answered', '2024-09-30']),
      /之前没有发出征求意见函/,
    ],
    [
      'two consultations open at once',
      ev(
        ['received', '2024-09-27'],
        ['consultation_sent', '2024-09-30'],
        ['fee_notice_sent', '2024-10-08'],
      ),
      /上一次征求意见尚未结束/,
    ],
    [
      'payment without a notice',
      ev(['received', '2024-09-27'], ['fee_paid', '2024-09-30']),
      /之前没有发出收费通知/,
    ],
    [
      'extension twice',
      ev(['received', '2024-09-27'], ['extended', '2024-10-08'], ['extended', '2024-10-09']),
      /延期答复只能申请一次/,
    ],
    [
      'extension after the first period ended',
      ev(['received', '2024-09-27'], ['extended', '2024-10-31']),
      /延期答复应在原答复期限届满前批准，批准之日已是第21个工作日/,
    ],
  ];
  for (const [why, events, message] of refused) {
    test(why, () => {
      assert.throws(
        () => computeClock(official, events),
        (e: unknown) => e instanceof ClockEventsError && message.test(e.message),
      );
    });
  }
});

describe('parseClockEvents (untrusted JSON)', () => {
  test('reads a valid array', () => {
    assert.deepEqual(parseClockEvents([{ type: 'received', date: '2024-09-27' }]), [
      { type: 'received', date: '2024-09-27' },
    ]);
  });
  const bad: Array<[unknown, RegExp]> = [
    [{}, /JSON 数组/],
    [[1], /第1个事件应为包含 type 和 date 的对象/],
    [[{ type: 'opened', date: '2024-09-27' }], /第1个事件的类型「opened」无效/],
    [[{ type: 'received' }], /缺少日期/],
    [[{ type: 'received', date: '2024-02-30' }], /2024年2月只有29天/],
  ];
  for (const [value, message] of bad) {
    test(`refuses ${JSON.stringify(value)}`, () => {
      assert.throws(
        () => parseClockEvents(value),
        (e: unknown) => e instanceof ClockEventsError && message.test(e.message),
      );
    });
  }
});

describe('work list: due soon and overdue', () => {
  const running = computeClock(official, ev(['received', '2024-09-27'])); // due 2024-10-30
  const cases: Array<[string, string, number | null]> = [
    ['2024-10-22', 'on_time', 6],
    ['2024-10-23', 'due_soon', 5],
    ['2024-10-30', 'due_soon', 0],
    ['2024-10-31', 'overdue', null],
  ];
  for (const [today, status, left] of cases) {
    test(`on ${today} a case due 2024-10-30 is ${status}`, () => {
      const c = classifyDue(official, running, today);
      assert.equal(c.status, status);
      assert.equal(c.remainingWorkingDays, left);
    });
  }

  test('a consultation pauses the case; awaiting correction is its own mark', () => {
    const consulting = computeClock(
      official,
      ev(['received', '2025-03-03'], ['consultation_sent', '2025-03-05']),
    );
    assert.equal(classifyDue(official, consulting, '2025-03-10').status, 'paused');
    const awaiting = computeClock(
      official,
      ev(['received', '2024-09-23'], ['correction_requested', '2024-09-25']),
    );
    assert.equal(classifyDue(official, awaiting, '2024-10-01').status, 'awaiting_correction');
  });

  test('a pause begun after the due date does not hide that the case is overdue', () => {
    const late = computeClock(
      official,
      ev(['received', '2024-09-27'], ['consultation_sent', '2024-11-01']),
    );
    assert.equal(late.due?.date, '2024-10-30');
    assert.equal(classifyDue(official, late, '2024-11-05').status, 'overdue');
  });

  test('the threshold for due soon is a parameter', () => {
    assert.equal(classifyDue(official, running, '2024-10-22', 6).status, 'due_soon');
  });

  test('ordered by due date, cases without one last', () => {
    const items = [
      { due: null },
      { due: { date: '2024-11-01', provisional: false } },
      { due: { date: '2024-10-30', provisional: true } },
    ];
    assert.deepEqual(
      [...items].sort(compareByDue).map((i) => i.due?.date ?? null),
      ['2024-10-30', '2024-11-01', null],
    );
  });
});

describe('agreement with the calendar core', () => {
  test('without pauses the due date is 20 (or 40 with the extension) working days from receipt', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 23 * 365 }), fc.boolean(), (offset, extend) => {
        const received = addDays('2004-01-01', offset);
        const events = extend
          ? ev(['received', received], ['extended', received])
          : ev(['received', received]);
        const clock = computeClock(official, events);
        assert.deepEqual(clock.due, addWorkingDays(official, received, extend ? 40 : 20));
        assert.deepEqual(clock.correctionWindowEnds, addWorkingDays(official, received, 7));
      }),
      { numRuns: 300 },
    );
  });

  test('a pause moves the due date by exactly the working days it paused', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 22 * 365 }),
        fc.integer({ min: 0, max: 15 }),
        fc.integer({ min: 0, max: 30 }),
        (offset, after, length) => {
          const received = addDays('2004-01-01', offset);
          const sent = addDays(received, after);
          const answered = addDays(sent, length);
          const plain = computeClock(official, ev(['received', received]));
          fc.pre(sent < plain.due!.date);
          const clock = computeClock(
            official,
            ev(
              ['received', received],
              ['consultation_sent', sent],
              ['consultation_answered', answered],
            ),
          );
          assert.deepEqual(
            clock.due,
            addWorkingDays(official, received, 20 + clock.pausedWorkingDays),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
