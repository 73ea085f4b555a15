// The statutory clock of a request (《政府信息公开条例》第30–34条, 《政府信息公开信息处理费
// 管理办法》): from the clock events of a case, the due date of the reply with a day-by-day
// explanation, and the other periods that run beside it. Pure: the calendar is passed in
// (src/calendar/working-days.ts) and days are counted by its one CountingRule.
//
// How days are counted (docs/decisions/0016-request-clock.md):
//  - the reply period starts on the date of receipt, or on the day the corrected application
//    arrives (the clock starts again); by the default rule that day is not counted;
//  - a consultation (third party or other agency) and a pending fee pause the clock: the
//    working days after the letter or notice went out, up to and including the day of the
//    answer or payment, are not counted;
//  - one extension adds 20 working days after the first period;
//  - any day looked at in a year whose holiday notice is not loaded makes the answer
//    provisional.
import {
  addDays,
  checkIsoDate,
  weekdayName,
  isWeekend,
  yearOf,
  type IsoDate,
} from '../calendar/dates.js';
import {
  addWorkingDays,
  DEFAULT_COUNTING_RULE,
  isLoaded,
  isWorkingDay,
  workingDaysBetween,
  type CountingRule,
  type DateAnswer,
  type WorkingCalendar,
} from '../calendar/working-days.js';

export const CLOCK_EVENT_TYPES = [
  'received',
  'correction_requested',
  'corrected',
  'consultation_sent',
  'consultation_answered',
  'extended',
  'fee_notice_sent',
  'fee_paid',
] as const;

export type ClockEventType = (typeof CLOCK_EVENT_TYPES)[number];

/** One fact that moves the clock, on the date it happened. Stored per case, in order. */
export interface ClockEvent {
  type: ClockEventType;
  date: IsoDate;
}

/** The statutory periods, in working days. */
export const PERIODS = {
  /** 第三十三条: reply within 20 working days of receipt. */
  reply: 20,
  /** 第三十三条: one extension of at most 20 working days. */
  extension: 20,
  /** 第三十条: a correction is asked for within 7 working days of receipt. */
  correction: 7,
  /** 第三十二条、第三十四条: the third party (or agency) answers within 15 working days. */
  consultation: 15,
  /** 《信息处理费管理办法》: the fee is paid within 20 working days of the notice. */
  fee: 20,
} as const;

export interface ClockOptions {
  rule?: CountingRule;
}

/** What the clock is doing now. */
export type ClockPhase = 'running' | 'awaiting_correction' | 'consulting' | 'fee_pending';

/** One line of the explanation: a day, or a run of days that share one reason. */
export interface DayLine {
  from: IsoDate;
  to: IsoDate;
  text: string;
}

export interface ClockResult {
  phase: ClockPhase;
  receivedOn: IsoDate;
  /** The day the reply period counts from: receipt, or the corrected application; null while awaiting correction. */
  startedOn: IsoDate | null;
  /** The reply is due on this day (with the extension when granted); null while awaiting correction. */
  due: DateAnswer | null;
  /** Where the first 20 working days end: an extension must be approved by then. */
  firstPeriodDue: DateAnswer | null;
  extended: boolean;
  /** An open consultation or fee notice was assumed to last until its own deadline. */
  projected: boolean;
  /** Last day to ask for a correction (7 working days from receipt). */
  correctionWindowEnds: DateAnswer;
  /** When consulting: the day the third party's (or agency's) 15 working days end. */
  consultationDue: DateAnswer | null;
  /** When a fee notice is pending: the last day to pay. */
  feeDue: DateAnswer | null;
  /** Working days not counted because the clock was paused. */
  pausedWorkingDays: number;
  explanation: DayLine[];
  /** Remarks after the day lines (open periods, provisional dates), in Chinese. */
  notes: string[];
}

/** A sequence of events the clock cannot follow; the message says what to fix, in Chinese. */
export class ClockEventsError extends Error {}

const EVENT_NAMES: Readonly<Record<ClockEventType, string>> = {
  received: '收到申请',
  correction_requested: '发出补正告知',
  corrected: '收到补正',
  consultation_sent: '发出征求意见函',
  consultation_answered: '收到意见',
  extended: '批准延期答复',
  fee_notice_sent: '发出收费通知',
  fee_paid: '缴纳信息处理费',
};

export function clockEventName(type: ClockEventType): string {
  return EVENT_NAMES[type];
}

/** Reads events from untrusted JSON (a file, a form); throws ClockEventsError in Chinese. */
export function parseClockEvents(value: unknown): ClockEvent[] {
  if (!Array.isArray(value)) {
    throw new ClockEventsError(
      '事件列表应为 JSON 数组，例如 [{"type": "received", "date": "2024-09-27"}]',
    );
  }
  return value.map((item: unknown, i) => {
    const where = `第${i + 1}个事件`;
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      throw new ClockEventsError(`${where}应为包含 type 和 date 的对象`);
    }
    const { type, date } = item as { type?: unknown; date?: unknown };
    if (typeof type !== 'string' || !(CLOCK_EVENT_TYPES as readonly string[]).includes(type)) {
      throw new ClockEventsError(
        `${where}的类型「${String(type)}」无效，应为 ${CLOCK_EVENT_TYPES.join('、')} 之一`,
      );
    }
    if (typeof date !== 'string') {
      throw new ClockEventsError(`${where}缺少日期（date），格式为“年-月-日”，例如 2024-09-27`);
    }
    const check = checkIsoDate(date, `${where}的日期`);
    if (!check.ok) throw new ClockEventsError(check.error);
    return { type: type as ClockEventType, date: check.date };
  });
}

type PauseKind = 'consultation' | 'fee';

interface Pause {
  kind: PauseKind;
  /** The letter or notice went out on this day (still counted). */
  from: IsoDate;
  /** Answer or payment; for an open pause, its deadline. */
  to: IsoDate;
  open: boolean;
}

/** The facts the events establish, checked for order and legality. */
interface Timeline {
  receivedOn: IsoDate;
  correctionRequestedOn: IsoDate | null;
  correctedOn: IsoDate | null;
  extendedOn: IsoDate | null;
  pauses: Pause[];
  lastDate: IsoDate;
  correctionWindowEnds: DateAnswer;
  openDeadline: DateAnswer | null;
}

function readTimeline(
  calendar: WorkingCalendar,
  events: readonly ClockEvent[],
  rule: CountingRule,
): Timeline {
  const first = events[0];
  if (!first || first.type !== 'received') {
    throw new ClockEventsError('第一个事件必须是收到申请（received），写明收到申请之日');
  }
  const t: Timeline = {
    receivedOn: first.date,
    correctionRequestedOn: null,
    correctedOn: null,
    extendedOn: null,
    pauses: [],
    lastDate: first.date,
    correctionWindowEnds: addWorkingDays(calendar, first.date, PERIODS.correction, rule),
    openDeadline: null,
  };
  let open: { kind: PauseKind; from: IsoDate } | null = null;
  for (const [i, e] of events.entries()) {
    if (i === 0) continue;
    const where = `第${i + 1}个事件（${EVENT_NAMES[e.type]}，${e.date}）`;
    if (e.date < t.lastDate) {
      throw new ClockEventsError(`${where}早于前一个事件（${t.lastDate}），事件应按日期先后排列`);
    }
    t.lastDate = e.date;
    const awaiting = t.correctionRequestedOn !== null && t.correctedOn === null;
    switch (e.type) {
      case 'received':
        throw new ClockEventsError(`${where}：收到申请只能有一次，且应为第一个事件`);
      case 'correction_requested':
        if (t.correctionRequestedOn !== null)
          throw new ClockEventsError(`${where}：补正只能要求一次（第三十条）`);
        if (i !== 1)
          throw new ClockEventsError(`${where}：补正应在征求意见、收费、延期之前一次性提出`);
        if (e.date > t.correctionWindowEnds.date) {
          throw new ClockEventsError(
            `${where}：补正告知应在收到申请之日起${PERIODS.correction}个工作日内（${t.correctionWindowEnds.date}前）提出（第三十条）`,
          );
        }
        t.correctionRequestedOn = e.date;
        break;
      case 'corrected':
        if (!awaiting) throw new ClockEventsError(`${where}：之前没有发出补正告知`);
        t.correctedOn = e.date;
        break;
      case 'consultation_sent':
      case 'fee_notice_sent': {
        const kind: PauseKind = e.type === 'consultation_sent' ? 'consultation' : 'fee';
        if (awaiting) throw new ClockEventsError(`${where}：申请人尚未补正`);
        if (open) {
          throw new ClockEventsError(
            `${where}：上一次${open.kind === 'consultation' ? '征求意见' : '收费'}尚未结束`,
          );
        }
        open = { kind, from: e.date };
        break;
      }
      case 'consultation_answered':
      case 'fee_paid': {
        const kind: PauseKind = e.type === 'consultation_answered' ? 'consultation' : 'fee';
        if (!open || open.kind !== kind) {
          throw new ClockEventsError(
            `${where}：之前没有${kind === 'consultation' ? '发出征求意见函' : '发出收费通知'}`,
          );
        }
        t.pauses.push({ kind, from: open.from, to: e.date, open: false });
        open = null;
        break;
      }
      case 'extended': {
        if (t.extendedOn !== null) throw new ClockEventsError(`${where}：延期答复只能申请一次`);
        if (awaiting) throw new ClockEventsError(`${where}：申请人尚未补正，答复期限未开始计算`);
        const start = t.correctedOn ?? t.receivedOn;
        const sofar = countedDays(calendar, start, e.date, t.pauses, open, rule);
        if (sofar > PERIODS.reply) {
          throw new ClockEventsError(
            `${where}：延期答复应在原答复期限届满前批准，批准之日已是第${sofar}个工作日`,
          );
        }
        t.extendedOn = e.date;
        break;
      }
    }
  }
  if (open) {
    const period = open.kind === 'consultation' ? PERIODS.consultation : PERIODS.fee;
    const deadline = addWorkingDays(calendar, open.from, period, rule);
    t.openDeadline = deadline;
    t.pauses.push({ kind: open.kind, from: open.from, to: deadline.date, open: true });
  }
  return t;
}

function inPause(date: IsoDate, pauses: readonly Pause[]): Pause | null {
  return pauses.find((p) => date > p.from && date <= p.to) ?? null;
}

/** Counted working days of the reply period from `start` to `to` (inclusive), pauses left out. */
function countedDays(
  calendar: WorkingCalendar,
  start: IsoDate,
  to: IsoDate,
  pauses: readonly Pause[],
  open: { from: IsoDate } | null,
  rule: CountingRule,
): number {
  const all = open
    ? [...pauses, { kind: 'consultation' as const, from: open.from, to, open: true }]
    : pauses;
  let n = 0;
  for (let d = rule.countStartDay ? start : addDays(start, 1); d <= to; d = addDays(d, 1)) {
    if (!inPause(d, all) && isWorkingDay(calendar, d).working) n += 1;
  }
  return n;
}

/** A day of the walk, before runs of alike days are joined into lines. */
interface DayNote {
  date: IsoDate;
  /** Days with the same key next to each other are shown as one line. */
  key: string;
  text: string;
  counted: number | null;
}

/** The longest walk accepted (about 27 years), so a broken calendar cannot loop forever. */
const MAX_WALK_DAYS = 10_000;

export function computeClock(
  calendar: WorkingCalendar,
  events: readonly ClockEvent[],
  options: ClockOptions = {},
): ClockResult {
  const rule = options.rule ?? DEFAULT_COUNTING_RULE;
  const t = readTimeline(calendar, events, rule);
  const awaiting = t.correctionRequestedOn !== null && t.correctedOn === null;
  const start = awaiting ? null : (t.correctedOn ?? t.receivedOn);
  const target = PERIODS.reply + (t.extendedOn ? PERIODS.extension : 0);
  const eventsOn = new Map<IsoDate, ClockEventType[]>();
  for (const e of events) eventsOn.set(e.date, [...(eventsOn.get(e.date) ?? []), e.type]);
  const openPause = t.pauses.find((p) => p.open) ?? null;
  const walkUntil = openPause && openPause.to > t.lastDate ? openPause.to : t.lastDate;

  const notes: DayNote[] = [];
  let counted = 0;
  let paused = 0;
  let due: IsoDate | null = null;
  let firstDue: IsoDate | null = null;
  let provisional = false;
  let firstProvisional = false;
  let d = t.receivedOn;
  for (let step = 0; step < MAX_WALK_DAYS; step += 1, d = addDays(d, 1)) {
    if (due === null && start !== null) provisional ||= !isLoaded(calendar, d);
    const working = isWorkingDay(calendar, d).working;
    const pause = start !== null && d > start ? inPause(d, t.pauses) : null;
    let n: number | null = null;
    let reason: { key: string; text: string };
    if (start === null || d < start) {
      reason =
        d === t.receivedOn
          ? { key: 'receipt', text: '' }
          : t.correctionRequestedOn !== null && d > t.correctionRequestedOn
            ? { key: 'awaiting', text: '等待申请人补正，不计入答复期限' }
            : { key: 'before_correction', text: '补正前，答复期限将在收到补正后重新计算' };
    } else if (pause) {
      if (working && due === null) paused += 1;
      reason =
        pause.kind === 'consultation'
          ? { key: 'pause_consultation', text: '征求意见期间，不计入答复期限（第三十三条）' }
          : { key: 'pause_fee', text: '等待缴纳信息处理费，不计入答复期限' };
    } else if (d === start && !(rule.countStartDay && working)) {
      reason = { key: 'start', text: '' };
    } else if (due === null && working) {
      counted += 1;
      n = counted;
      reason = workingReason(calendar, d);
      if (counted === PERIODS.reply) {
        firstDue = d;
        firstProvisional = provisional;
      }
      if (counted === target) due = d;
    } else if (!working) {
      reason = restReason(calendar, d);
    } else {
      reason = { key: 'after_due', text: '已过答复期限' };
    }
    notes.push(withEvents(d, reason, n, eventsOn.get(d) ?? []));
    if ((due !== null || start === null) && d >= walkUntil) break;
  }
  markPeriodEnds(notes, firstDue, due, t.extendedOn !== null);

  const lines = joinRuns(notes);
  const dueAnswer = due === null ? null : { date: due, provisional };
  const firstAnswer = firstDue === null ? null : { date: firstDue, provisional: firstProvisional };
  const phase: ClockPhase = awaiting
    ? 'awaiting_correction'
    : openPause?.kind === 'consultation'
      ? 'consulting'
      : openPause?.kind === 'fee'
        ? 'fee_pending'
        : 'running';
  return {
    phase,
    receivedOn: t.receivedOn,
    startedOn: start,
    due: dueAnswer,
    firstPeriodDue: firstAnswer,
    extended: t.extendedOn !== null,
    projected: openPause !== null,
    correctionWindowEnds: t.correctionWindowEnds,
    consultationDue: openPause?.kind === 'consultation' ? t.openDeadline : null,
    feeDue: openPause?.kind === 'fee' ? t.openDeadline : null,
    pausedWorkingDays: paused,
    explanation: lines,
    notes: closingNotes(t, phase, dueAnswer, calendar),
  };
}

function unloadedNote(date: IsoDate): string {
  return `${yearOf(date)}年节假日安排尚未载入，按周一至周五估算`;
}

function workingReason(calendar: WorkingCalendar, d: IsoDate): { key: string; text: string } {
  const entry = calendar.days.get(d);
  if (entry?.kind === 'workday' && isWeekend(d)) {
    return { key: `makeup:${d}`, text: `调休上班${entry.name ? `（${entry.name}）` : ''}` };
  }
  if (!isLoaded(calendar, d)) return { key: 'counted_unloaded', text: unloadedNote(d) };
  return { key: 'counted', text: '' };
}

function restReason(calendar: WorkingCalendar, d: IsoDate): { key: string; text: string } {
  const entry = calendar.days.get(d);
  if (entry?.kind === 'holiday') {
    const name = entry.name ?? '';
    return { key: `holiday:${name}`, text: `法定节假日${name ? `（${name}）` : ''}，不计` };
  }
  if (!isLoaded(calendar, d))
    return { key: 'weekend_unloaded', text: `周末，不计（${unloadedNote(d)}）` };
  return { key: 'weekend', text: '周末，不计' };
}

const EVENT_TEXT: Readonly<Record<ClockEventType, string>> = {
  received: '收到申请之日（第三十一条）',
  correction_requested: '发出补正告知书（第三十条），答复期限自收到补正之日起重新计算',
  corrected: '收到补正后的申请，答复期限重新起算（第三十条）',
  consultation_sent: '发出征求意见函（第三十二条、第三十四条），次日起至收到意见之日不计入答复期限',
  consultation_answered: '收到意见，征求意见结束',
  extended: `经政府信息公开工作机构负责人批准延期答复，答复期限延长${PERIODS.extension}个工作日（第三十三条）`,
  fee_notice_sent: '发出收费通知书，次日起至缴费之日不计入答复期限',
  fee_paid: '申请人缴纳信息处理费',
};

function withEvents(
  date: IsoDate,
  reason: { key: string; text: string },
  counted: number | null,
  types: readonly ClockEventType[],
): DayNote {
  if (types.length === 0) return { date, key: reason.key, text: reason.text, counted };
  const parts = types.map((type) => EVENT_TEXT[type]);
  if (['receipt', 'start', 'pause_consultation', 'pause_fee'].includes(reason.key)) {
    parts.push('当日不计入答复期限');
  } else if (reason.text && reason.key !== 'before_correction' && reason.key !== 'awaiting') {
    parts.push(reason.text);
  }
  return { date, key: `event:${date}`, text: parts.join('；'), counted };
}

function markPeriodEnds(
  notes: DayNote[],
  firstDue: IsoDate | null,
  due: IsoDate | null,
  extended: boolean,
): void {
  for (const note of notes) {
    if (note.date === due) {
      note.key = `due:${note.date}`;
      note.text = appendText(
        note.text,
        extended ? '延长后的答复期限届满' : '答复期限届满（第三十三条）',
      );
    } else if (extended && note.date === firstDue) {
      note.key = `first_due:${note.date}`;
      note.text = appendText(note.text, '原答复期限届满（已批准延期）');
    }
  }
}

function appendText(text: string, more: string): string {
  return text ? `${text}；${more}` : more;
}

/** Days that always get a line of their own: events, make-up working days, period ends. */
function alone(key: string): boolean {
  return /^(event|makeup|due|first_due):/.test(key);
}

function joinRuns(notes: readonly DayNote[]): DayLine[] {
  const lines: DayLine[] = [];
  let run: DayNote[] = [];
  const flush = () => {
    const [head] = run;
    const last = run[run.length - 1];
    if (!head || !last) return;
    const nums = run.map((n) => n.counted).filter((n): n is number => n !== null);
    const count =
      nums.length === 0
        ? ''
        : nums.length === 1
          ? `第${nums[0]}个工作日`
          : `第${nums[0]}至${nums[nums.length - 1]}个工作日`;
    const text = count ? (head.text ? `${count}：${head.text}` : count) : head.text;
    lines.push({ from: head.date, to: last.date, text });
    run = [];
  };
  for (const note of notes) {
    const prev = run[run.length - 1];
    if (prev && (prev.key !== note.key || alone(note.key))) flush();
    run.push(note);
  }
  flush();
  return lines;
}

function closingNotes(
  t: Timeline,
  phase: ClockPhase,
  due: DateAnswer | null,
  calendar: WorkingCalendar,
): string[] {
  const out: string[] = [];
  if (phase === 'awaiting_correction') {
    out.push('申请人尚未补正：答复期限自收到补正后的申请之日起重新计算（第三十条）。');
  }
  if (!t.correctionRequestedOn && t.lastDate <= t.correctionWindowEnds.date) {
    out.push(
      `如需补正，应在${t.correctionWindowEnds.date}前一次性告知申请人（收到申请之日起${PERIODS.correction}个工作日，第三十条）。`,
    );
  }
  if (phase === 'consulting' && t.openDeadline) {
    out.push(
      `征求意见尚未结束：被征求意见方应在${t.openDeadline.date}前答复（${PERIODS.consultation}个工作日）；上述答复期限按此估算，收到意见后重新计算。`,
    );
  }
  if (phase === 'fee_pending' && t.openDeadline) {
    out.push(
      `申请人应在${t.openDeadline.date}前缴费（${PERIODS.fee}个工作日），逾期视为放弃申请；上述答复期限按此估算，缴费后重新计算。`,
    );
  }
  const unloaded = [...new Set(provisionalYears(t, due, calendar))];
  if (due?.provisional || t.correctionWindowEnds.provisional || t.openDeadline?.provisional) {
    out.push(
      `${unloaded.map((y) => `${y}年`).join('、')}的节假日安排尚未载入：涉及这些年份的日期是按周一至周五估算的临时结果（provisional），载入后需重新计算。`,
    );
  }
  return out;
}

function provisionalYears(
  t: Timeline,
  due: DateAnswer | null,
  calendar: WorkingCalendar,
): number[] {
  const last = [due?.date, t.openDeadline?.date, t.correctionWindowEnds.date, t.lastDate]
    .filter((x): x is IsoDate => !!x)
    .sort()
    .pop()!;
  const years: number[] = [];
  for (let y = yearOf(t.receivedOn); y <= yearOf(last); y += 1) {
    if (!calendar.loadedYears.has(y)) years.push(y);
  }
  return years;
}

/** 「2024-09-27（星期五） 收到申请之日…」 or 「2024-10-01 至 2024-10-07 法定节假日（国庆节），不计」. */
export function formatDayLine(line: DayLine): string {
  return line.from === line.to
    ? `${line.from}（${weekdayName(line.from)}） ${line.text}`
    : `${line.from} 至 ${line.to} ${line.text}`;
}

// ---- work list ----------------------------------------------------------------------------

export type DueStatus = 'overdue' | 'due_soon' | 'on_time' | 'paused' | 'awaiting_correction';

export const DUE_STATUS_LABELS: Readonly<Record<DueStatus, string>> = {
  overdue: '已超期',
  due_soon: '即将到期',
  on_time: '未到期',
  paused: '暂停计时',
  awaiting_correction: '等待补正',
};

/** A case is due soon when this many working days or fewer remain after today. */
export const DEFAULT_DUE_SOON_WORKING_DAYS = 5;

export interface DueClass {
  status: DueStatus;
  /** Working days left after today until the due date (0 = due today); null when not running or overdue. */
  remainingWorkingDays: number | null;
  provisional: boolean;
}

export function classifyDue(
  calendar: WorkingCalendar,
  clock: ClockResult,
  today: IsoDate,
  soonWorkingDays: number = DEFAULT_DUE_SOON_WORKING_DAYS,
): DueClass {
  if (!clock.due)
    return { status: 'awaiting_correction', remainingWorkingDays: null, provisional: false };
  const { date, provisional } = clock.due;
  if (today > date) return { status: 'overdue', remainingWorkingDays: null, provisional };
  if (clock.phase === 'consulting' || clock.phase === 'fee_pending') {
    return { status: 'paused', remainingWorkingDays: null, provisional };
  }
  const left = workingDaysBetween(calendar, today, date);
  return {
    status: left.workingDays <= soonWorkingDays ? 'due_soon' : 'on_time',
    remainingWorkingDays: left.workingDays,
    provisional: provisional || left.provisional,
  };
}

/** Orders a work list: earliest due first, cases without a running due date last. */
export function compareByDue(a: { due: DateAnswer | null }, b: { due: DateAnswer | null }): number {
  if (a.due && b.due) return a.due.date.localeCompare(b.due.date);
  if (a.due) return -1;
  if (b.due) return 1;
  return 0;
}
