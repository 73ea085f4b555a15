// A request case (依申请公开) as the law sees it: its states, how it may close, and ONE guarded
// transition function that accepts or refuses each step with a Chinese message. Pure: the
// caller passes the case, the step, who acts (permissions as data), today and the calendar,
// and stores what comes back together with its audit event (src/commands).
import type { Permission } from '../auth/policy.js';
import { checkIsoDate, type IsoDate } from '../calendar/dates.js';
import type { CountingRule, WorkingCalendar } from '../calendar/working-days.js';
import { FORMAT_2021 } from '../reports/format/index.js';
import {
  ClockEventsError,
  computeClock,
  PERIODS,
  type ClockEvent,
  type ClockEventType,
  type ClockResult,
} from './clock.js';
import { isOutcomeKey, type OutcomeKey } from './outcomes.js';

/** Applicant categories: the columns of table 三 (without 总计). */
export const APPLICANT_CATEGORIES = [
  'natural_person',
  'commercial_enterprise',
  'research_institution',
  'social_welfare_org',
  'legal_service_org',
  'other_org',
] as const;

export type ApplicantCategory = (typeof APPLICANT_CATEGORIES)[number];

/** 自然人, 商业企业 … as table 三 prints them. */
export const APPLICANT_CATEGORY_LABELS = Object.fromEntries(
  APPLICANT_CATEGORIES.map((key) => [
    key,
    FORMAT_2021.requests.columns.find((c) => c.key === key)!.label,
  ]),
) as Readonly<Record<ApplicantCategory, string>>;

/** How an application arrived (第二十九条、第三十一条). */
export const RECEIPT_CHANNELS = [
  'online',
  'in_person',
  'registered_post',
  'ordinary_letter',
  'fax',
  'email',
] as const;

export type ReceiptChannel = (typeof RECEIPT_CHANNELS)[number];

export const RECEIPT_CHANNEL_LABELS: Readonly<Record<ReceiptChannel, string>> = {
  online: '网上申请',
  in_person: '当面提交',
  registered_post: '邮政寄送（需签收）',
  ordinary_letter: '平常信函',
  fax: '传真',
  email: '电子邮件',
};

/** The channels staff register (letters, in person, fax, e-mail); online ones the applicant submits. */
export const STAFF_REGISTERED_CHANNELS: readonly ReceiptChannel[] = RECEIPT_CHANNELS.filter(
  (ch) => ch !== 'online',
);

/**
 * Channels whose date of receipt is a known fact when the case is created (第三十一条: the
 * day handed in, the day signed for). For the others the date is the day staff confirm it
 * with the applicant, so the case starts as `submitted`.
 */
export const CHANNELS_RECEIVED_ON_ARRIVAL: readonly ReceiptChannel[] = [
  'in_person',
  'registered_post',
];

export const CASE_STATES = [
  'submitted',
  'registered',
  'correction_requested',
  'in_progress',
  'consulting',
  'fee_pending',
  'reply_drafted',
  'reply_approved',
  'closed',
] as const;

export type CaseState = (typeof CASE_STATES)[number];

export const CASE_STATE_LABELS: Readonly<Record<CaseState, string>> = {
  submitted: '待确认收到',
  registered: '已登记',
  correction_requested: '待补正',
  in_progress: '办理中',
  consulting: '征求意见中',
  fee_pending: '待缴纳信息处理费',
  reply_drafted: '答复已起草',
  reply_approved: '答复已审批',
  closed: '已办结',
};

export const CLOSURE_KINDS = [
  'replied',
  'answered_on_spot',
  'withdrawn',
  'transferred',
  'correction_lapsed',
  'fee_lapsed',
] as const;

export type ClosureKind = (typeof CLOSURE_KINDS)[number];

export const CLOSURE_LABELS: Readonly<Record<ClosureKind, string>> = {
  replied: '已答复',
  answered_on_spot: '当场答复',
  withdrawn: '申请人撤回申请',
  transferred: '转送其他渠道办理',
  correction_lapsed: '逾期未补正，不再处理',
  fee_lapsed: '逾期未缴费，不再处理',
};

const DECISIONS = (o: OutcomeKey) => o !== 'other.correction_overdue' && o !== 'other.fee_unpaid';

/** Which outcomes each way of closing may carry (exactly one is recorded). */
export function outcomeAllowed(closure: ClosureKind, outcome: OutcomeKey): boolean {
  switch (closure) {
    case 'replied':
      return DECISIONS(outcome);
    case 'answered_on_spot':
      // On the spot there was no correction, so it cannot be unclear after one.
      return DECISIONS(outcome) && outcome !== 'unavailable.unclear_after_correction';
    case 'withdrawn':
      return outcome === 'other.other';
    case 'transferred':
      // 第三十六条第（五）项 (another agency holds it), 第三十九条 (a petition goes to its channel).
      return (
        outcome === 'unavailable.not_held' ||
        outcome === 'not_processed.petition_complaint' ||
        outcome === 'other.other'
      );
    case 'correction_lapsed':
      return outcome === 'other.correction_overdue';
    case 'fee_lapsed':
      return outcome === 'other.fee_unpaid';
  }
}

export interface RequestCase {
  state: CaseState;
  category: ApplicantCategory;
  channel: ReceiptChannel;
  /** Clock events in order; the first is the receipt once the date of receipt is fixed. */
  events: readonly ClockEvent[];
  /** The deadline set in the 补正告知书, while or after a correction was asked for. */
  correctionDeadline: IsoDate | null;
  /** The handler asked for an extension and the office head has not decided yet. */
  extensionRequested: boolean;
  /** Chosen with the draft reply (or at closing); exactly one once closed. */
  outcome: OutcomeKey | null;
  closure: ClosureKind | null;
  closedOn: IsoDate | null;
}

export function receivedOn(c: Pick<RequestCase, 'events'>): IsoDate | null {
  const first = c.events[0];
  return first?.type === 'received' ? first.date : null;
}

/** A new case: registered at once when the channel fixes the date of receipt, else submitted. */
export function newCase(input: {
  category: ApplicantCategory;
  channel: ReceiptChannel;
  /** The day handed in or signed for; required for those channels, ignored for the others. */
  receivedOn?: IsoDate;
}): RequestCase {
  const onArrival = CHANNELS_RECEIVED_ON_ARRIVAL.includes(input.channel);
  if (onArrival && !input.receivedOn) {
    throw new Error(`channel ${input.channel} needs the date of receipt`);
  }
  return {
    state: onArrival ? 'registered' : 'submitted',
    category: input.category,
    channel: input.channel,
    events: onArrival ? [{ type: 'received', date: input.receivedOn! }] : [],
    correctionDeadline: null,
    extensionRequested: false,
    outcome: null,
    closure: null,
    closedOn: null,
  };
}

// ---- steps -------------------------------------------------------------------------------

export type CaseAction =
  | { type: 'confirm_receipt'; date: IsoDate }
  | { type: 'request_correction'; date: IsoDate; deadline: IsoDate }
  | { type: 'record_correction'; date: IsoDate }
  | { type: 'lapse_correction'; date: IsoDate }
  | { type: 'start_handling' }
  | { type: 'send_consultation'; date: IsoDate; party: 'third_party' | 'agency' }
  | { type: 'record_consultation_answer'; date: IsoDate }
  | { type: 'send_fee_notice'; date: IsoDate }
  | { type: 'record_fee_payment'; date: IsoDate }
  | { type: 'lapse_fee'; date: IsoDate }
  | { type: 'request_extension'; date: IsoDate }
  | { type: 'approve_extension'; date: IsoDate }
  | { type: 'refuse_extension'; date: IsoDate }
  | { type: 'draft_reply'; outcome: OutcomeKey; reasons: string }
  | { type: 'return_draft' }
  | { type: 'approve_reply' }
  | { type: 'send_reply'; date: IsoDate }
  | { type: 'answer_on_spot'; date: IsoDate; outcome: OutcomeKey; reasons: string }
  | { type: 'withdraw'; date: IsoDate }
  | { type: 'transfer'; date: IsoDate; outcome: OutcomeKey };

export type CaseActionType = CaseAction['type'];

/** Who may take a step: staff who handle requests, the office head, or also the applicant. */
type Who = 'handler' | 'head' | 'handler_or_applicant';

interface Rule {
  from: readonly CaseState[];
  /** The state after the step; null = unchanged (an extension is a flag, not a state). */
  to: CaseState | null;
  who: Who;
  label: string;
  /** The clock event the step records, if any. */
  event?: ClockEventType;
}

const OPEN_AFTER_RECEIPT: readonly CaseState[] = [
  'registered',
  'correction_requested',
  'in_progress',
  'consulting',
  'fee_pending',
  'reply_drafted',
  'reply_approved',
];

/** While the reply is still being prepared, its period may be extended (第三十三条). */
const EXTENDABLE: readonly CaseState[] = [
  'registered',
  'in_progress',
  'consulting',
  'fee_pending',
  'reply_drafted',
];

/** The table of allowed transitions: every step, the states it may start from, and where it leads. */
export const TRANSITIONS: Readonly<Record<CaseActionType, Rule>> = {
  confirm_receipt: {
    from: ['submitted'],
    to: 'registered',
    who: 'handler',
    label: '确认收到申请',
    event: 'received',
  },
  request_correction: {
    from: ['registered'],
    to: 'correction_requested',
    who: 'handler',
    label: '要求补正',
    event: 'correction_requested',
  },
  record_correction: {
    from: ['correction_requested'],
    to: 'in_progress',
    who: 'handler_or_applicant',
    label: '提交补正',
    event: 'corrected',
  },
  lapse_correction: {
    from: ['correction_requested'],
    to: 'closed',
    who: 'handler',
    label: '按逾期不补正办结',
  },
  start_handling: { from: ['registered'], to: 'in_progress', who: 'handler', label: '开始办理' },
  send_consultation: {
    from: ['in_progress'],
    to: 'consulting',
    who: 'handler',
    label: '征求意见',
    event: 'consultation_sent',
  },
  record_consultation_answer: {
    from: ['consulting'],
    to: 'in_progress',
    who: 'handler',
    label: '登记征求意见结果',
    event: 'consultation_answered',
  },
  send_fee_notice: {
    from: ['in_progress'],
    to: 'fee_pending',
    who: 'handler',
    label: '发出收费通知',
    event: 'fee_notice_sent',
  },
  record_fee_payment: {
    from: ['fee_pending'],
    to: 'in_progress',
    who: 'handler',
    label: '登记缴费',
    event: 'fee_paid',
  },
  lapse_fee: { from: ['fee_pending'], to: 'closed', who: 'handler', label: '按逾期未缴费办结' },
  request_extension: {
    from: EXTENDABLE,
    to: null,
    who: 'handler',
    label: '申请延期答复',
  },
  approve_extension: {
    from: EXTENDABLE,
    to: null,
    who: 'head',
    label: '批准延期答复',
    event: 'extended',
  },
  refuse_extension: {
    from: EXTENDABLE,
    to: null,
    who: 'head',
    label: '不批准延期答复',
  },
  draft_reply: { from: ['in_progress'], to: 'reply_drafted', who: 'handler', label: '提交答复稿' },
  return_draft: { from: ['reply_drafted'], to: 'in_progress', who: 'head', label: '退回答复稿' },
  approve_reply: {
    from: ['reply_drafted'],
    to: 'reply_approved',
    who: 'head',
    label: '审核通过答复',
  },
  send_reply: { from: ['reply_approved'], to: 'closed', who: 'handler', label: '发出答复' },
  answer_on_spot: { from: ['registered'], to: 'closed', who: 'handler', label: '当场答复' },
  withdraw: {
    from: OPEN_AFTER_RECEIPT,
    to: 'closed',
    who: 'handler_or_applicant',
    label: '撤回申请',
  },
  transfer: {
    from: ['registered', 'in_progress'],
    to: 'closed',
    who: 'handler',
    label: '转送其他渠道办理',
  },
};

/** Who acts, as facts the caller derived from the session (src/auth/policy.ts). */
export interface ActorFacts {
  /** The actor's permissions in the case's agency. */
  permissions: readonly Permission[];
  /** The applicant of this case, acting through tracking. */
  applicant?: boolean;
}

export interface TransitionContext {
  actor: ActorFacts;
  /** Today in China Standard Time: no step is dated later. */
  today: IsoDate;
  calendar: WorkingCalendar;
  rule?: CountingRule;
}

export type TransitionResult =
  | {
      ok: true;
      case: RequestCase;
      from: CaseState;
      to: CaseState;
      /** The clock event recorded by this step, if any. */
      clockEvent: ClockEvent | null;
      /** The clock after the step (null before the date of receipt is fixed). */
      clock: ClockResult | null;
    }
  | { ok: false; error: string };

const refuse = (error: string): TransitionResult => ({ ok: false, error });

/** The one guarded transition function. Never throws for a refused step: it says why. */
export function transition(
  current: RequestCase,
  action: CaseAction,
  context: TransitionContext,
): TransitionResult {
  const rule = TRANSITIONS[action.type];
  if (!rule.from.includes(current.state)) {
    return refuse(
      current.state === 'closed'
        ? `案件已办结，不能${rule.label}`
        : `案件当前状态为“${CASE_STATE_LABELS[current.state]}”，不能${rule.label}`,
    );
  }
  const who = checkActor(rule, context.actor);
  if (who) return refuse(who);

  const dated = 'date' in action ? checkDate(current, action.date, context.today) : null;
  if (dated) return refuse(dated);

  const options = { rule: context.rule };
  const before =
    current.events.length > 0 ? computeClock(context.calendar, current.events, options) : null;
  const guard = checkGuards(current, action, before);
  if (guard) return refuse(guard);

  const clockEvent =
    rule.event && 'date' in action ? { type: rule.event, date: action.date } : null;
  const events = clockEvent ? [...current.events, clockEvent] : current.events;
  let clock: ClockResult | null = before;
  if (clockEvent) {
    try {
      clock = computeClock(context.calendar, events, options);
    } catch (e) {
      if (e instanceof ClockEventsError)
        return refuse(e.message.replace(/^第\d+个事件（[^）]*）：/, ''));
      throw e;
    }
  }
  const next: RequestCase = { ...current, events, state: rule.to ?? current.state };
  applyEffects(next, action);
  return { ok: true, case: next, from: current.state, to: next.state, clockEvent, clock };
}

function checkActor(rule: Rule, actor: ActorFacts): string | null {
  const handles = actor.permissions.includes('request.handle');
  const approves = actor.permissions.includes('request.approve');
  if (rule.who === 'head') {
    if (approves) return null;
    return rule.event === 'extended'
      ? '延期答复须经政府信息公开工作机构负责人批准（第三十三条），您没有批准权限'
      : `${rule.label}须由政府信息公开工作机构负责人进行，您没有审批权限`;
  }
  if (handles || (rule.who === 'handler_or_applicant' && actor.applicant)) return null;
  return `您没有办理依申请公开的权限，不能${rule.label}`;
}

function checkDate(current: RequestCase, date: IsoDate, today: IsoDate): string | null {
  const check = checkIsoDate(date);
  if (!check.ok) return check.error;
  if (date > today) return `日期 ${date} 晚于今天（${today}），请填写实际发生的日期`;
  const last = current.events[current.events.length - 1];
  if (last && date < last.date) {
    return `日期 ${date} 早于本案上一步的日期（${last.date}），请检查日期`;
  }
  return null;
}

function checkGuards(
  current: RequestCase,
  action: CaseAction,
  clock: ClockResult | null,
): string | null {
  switch (action.type) {
    case 'request_correction': {
      if (current.events.some((e) => e.type === 'correction_requested')) {
        return '补正只能要求一次，应一次性告知需要补正的全部事项（第三十条）';
      }
      const window = clock!.correctionWindowEnds.date;
      if (action.date > window) {
        return `补正告知应在收到申请之日起${PERIODS.correction}个工作日内（${window}前）提出（第三十条），现已超过，请直接答复`;
      }
      const deadline = checkIsoDate(action.deadline, '补正期限');
      if (!deadline.ok) return deadline.error;
      if (action.deadline <= action.date)
        return `补正期限（${action.deadline}）应晚于发出补正告知之日（${action.date}）`;
      return null;
    }
    case 'lapse_correction':
      if (current.correctionDeadline && action.date <= current.correctionDeadline) {
        return `补正期限（${current.correctionDeadline}）尚未届满，不能按逾期不补正办结`;
      }
      return null;
    case 'lapse_fee': {
      const due = clock?.feeDue?.date;
      if (due && action.date <= due) return `缴费期限（${due}）尚未届满，不能按逾期未缴费办结`;
      return null;
    }
    case 'request_extension': {
      if (current.events.some((e) => e.type === 'extended')) return '延期答复只能申请一次';
      if (current.extensionRequested) return '已申请延期答复，正等待负责人审批';
      const first = clock?.firstPeriodDue?.date;
      if (first && action.date > first) {
        return `延期答复须在原答复期限（${first}）届满前申请（第三十三条），现已超过`;
      }
      return null;
    }
    case 'approve_extension': {
      if (current.events.some((e) => e.type === 'extended')) return '延期答复只能申请一次';
      const first = clock?.firstPeriodDue?.date;
      if (first && action.date > first) {
        return `延期答复须在原答复期限（${first}）届满前批准（第三十三条），现已超过`;
      }
      return null;
    }
    case 'refuse_extension':
      return current.extensionRequested ? null : '没有待审批的延期申请';
    case 'draft_reply':
      return checkOutcome('replied', action.outcome, action.reasons, current);
    case 'answer_on_spot': {
      const received = receivedOn(current);
      if (received !== action.date) {
        return `当场答复只能在收到申请之日（${received}）作出；之后的答复请按一般程序办理`;
      }
      return checkOutcome('answered_on_spot', action.outcome, action.reasons, current);
    }
    case 'transfer':
      return checkOutcome('transferred', action.outcome, null, current);
    default:
      return null;
  }
}

function checkOutcome(
  closure: ClosureKind,
  outcome: OutcomeKey,
  reasons: string | null,
  current: RequestCase,
): string | null {
  if (!isOutcomeKey(outcome)) return '请选择一项办理结果';
  if (!outcomeAllowed(closure, outcome)) return `“${CLOSURE_LABELS[closure]}”不能选择这一办理结果`;
  if (
    outcome === 'unavailable.unclear_after_correction' &&
    !current.events.some((e) => e.type === 'corrected')
  ) {
    return '“补正后申请内容仍不明确”只适用于申请人已经补正的申请';
  }
  if (reasons !== null && reasons.trim() === '') return '请写明答复的理由和依据';
  return null;
}

/** What a step changes besides the state and the events. */
function applyEffects(next: RequestCase, action: CaseAction): void {
  switch (action.type) {
    case 'request_correction':
      next.correctionDeadline = action.deadline;
      return;
    case 'request_extension':
      next.extensionRequested = true;
      return;
    case 'approve_extension':
    case 'refuse_extension':
      next.extensionRequested = false;
      return;
    case 'draft_reply':
      next.outcome = action.outcome;
      return;
    case 'return_draft':
      next.outcome = null;
      return;
    case 'send_reply':
      close(next, 'replied', next.outcome!, action.date);
      return;
    case 'answer_on_spot':
      close(next, 'answered_on_spot', action.outcome, action.date);
      return;
    case 'lapse_correction':
      close(next, 'correction_lapsed', 'other.correction_overdue', action.date);
      return;
    case 'lapse_fee':
      close(next, 'fee_lapsed', 'other.fee_unpaid', action.date);
      return;
    case 'withdraw':
      close(next, 'withdrawn', 'other.other', action.date);
      return;
    case 'transfer':
      close(next, 'transferred', action.outcome, action.date);
      return;
    default:
      return;
  }
}

function close(next: RequestCase, closure: ClosureKind, outcome: OutcomeKey, on: IsoDate): void {
  next.closure = closure;
  next.outcome = outcome;
  next.closedOn = on;
}

/** Steps the actor could take now (for the buttons of a case page); guards on dates are checked on submit. */
export function availableActions(current: RequestCase, actor: ActorFacts): CaseActionType[] {
  return (Object.keys(TRANSITIONS) as CaseActionType[]).filter((type) => {
    const rule = TRANSITIONS[type];
    if (!rule.from.includes(current.state) || checkActor(rule, actor)) return false;
    const extended = current.events.some((e) => e.type === 'extended');
    // The handler asks, the head decides: the head's buttons appear once there is a request.
    if (type === 'request_extension') return !extended && !current.extensionRequested;
    if (type === 'approve_extension' || type === 'refuse_extension')
      return !extended && current.extensionRequested;
    return true;
  });
}
