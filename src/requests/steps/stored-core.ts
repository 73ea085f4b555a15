// A STORED case as the core (case.ts) sees it, and the event each step stores. Every step
// appends one request_events row: the steps that move the clock store their clock event's
// type (so case-clock.ts reads them), the others a type of their own; what a step says
// besides its date (the correction deadline, the draft's outcome and reasons, the fee) is
// the row's data. The case's core state is rebuilt from the row and these events. Pure.
import {
  TRANSITIONS,
  type ApplicantCategory,
  type CaseActionType,
  type ClosureKind,
  type RequestCase as CoreCase,
} from '../case.js';
import { clockEventsOf } from '../case-clock.js';
import { isOutcomeKey } from '../outcomes.js';
import type { RequestCase, RequestEvent } from '../request.js';

/** The event type stored for each step: the clock's own where it has one. */
export const STEP_EVENT_TYPES: Readonly<Record<CaseActionType, string>> = {
  confirm_receipt: 'received',
  request_correction: 'correction_requested',
  record_correction: 'corrected',
  lapse_correction: 'correction_lapsed',
  start_handling: 'handling_started',
  send_consultation: 'consultation_sent',
  record_consultation_answer: 'consultation_answered',
  send_fee_notice: 'fee_notice_sent',
  record_fee_payment: 'fee_paid',
  lapse_fee: 'fee_lapsed',
  request_extension: 'extension_requested',
  approve_extension: 'extended',
  refuse_extension: 'extension_refused',
  draft_reply: 'reply_drafted',
  return_draft: 'draft_returned',
  approve_reply: 'reply_approved',
  send_reply: 'reply_sent',
  answer_on_spot: 'answered_on_spot',
  withdraw: 'withdrawn',
  transfer: 'transferred',
};

/** How the case's record of steps names each stored event. */
export const STORED_EVENT_LABELS: Readonly<Record<string, string>> = {
  received: '收到申请',
  correction_requested: '告知补正',
  corrected: '收到补正',
  correction_lapsed: '逾期未补正，办结',
  handling_started: '开始办理',
  consultation_sent: '发出征求意见书',
  consultation_answered: '收到意见',
  fee_notice_sent: '发出收费通知',
  fee_paid: '缴纳信息处理费',
  fee_lapsed: '逾期未缴费，办结',
  extension_requested: '申请延期答复',
  extended: '批准延期答复',
  extension_refused: '不批准延期答复',
  reply_drafted: '提交答复稿',
  draft_returned: '退回答复稿',
  reply_approved: '审核通过答复',
  reply_sent: '发出答复，办结',
  answered_on_spot: '当场答复，办结',
  withdrawn: '申请人撤回申请，办结',
  transferred: '转送其他渠道办理，办结',
};

// Every step's stored type agrees with the clock event the core records for it.
for (const [step, rule] of Object.entries(TRANSITIONS))
  if (rule.event && STEP_EVENT_TYPES[step as CaseActionType] !== rule.event)
    throw new Error(`step ${step} must store its clock event ${rule.event}`);

const lastOf = (events: readonly RequestEvent[], types: readonly string[]) =>
  [...events].reverse().find((e) => types.includes(e.type)) ?? null;

/** The case as transition() takes it. */
export function coreCaseOf(c: RequestCase, events: readonly RequestEvent[]): CoreCase {
  const correction = lastOf(events, ['correction_requested']);
  const deadline = correction?.data?.deadline;
  const extension = lastOf(events, ['extension_requested', 'extended', 'extension_refused']);
  return {
    state: c.state,
    category: c.category as ApplicantCategory,
    channel: c.channel,
    events: clockEventsOf(events),
    correctionDeadline: typeof deadline === 'string' ? deadline : null,
    extensionRequested: extension?.type === 'extension_requested',
    outcome: isOutcomeKey(c.outcome) ? c.outcome : null,
    closure: (c.closure as ClosureKind | null) ?? null,
    closedOn: c.closedOn,
  };
}

/** The reply drafted and not returned since: what the head approves and the letter says. */
export interface ReplyDraft {
  outcome: string;
  legalBasis: string;
  reasons: string;
  provision: string;
  reconsiderationBody: string;
  court: string;
  draftedOn: string;
}

export function currentDraft(events: readonly RequestEvent[]): ReplyDraft | null {
  const last = lastOf(events, ['reply_drafted', 'draft_returned']);
  if (last?.type !== 'reply_drafted' || !last.data) return null;
  const text = (k: string) => (typeof last.data?.[k] === 'string' ? (last.data[k] as string) : '');
  return {
    outcome: text('outcome'),
    legalBasis: text('legalBasis'),
    reasons: text('reasons'),
    provision: text('provision'),
    reconsiderationBody: text('reconsiderationBody'),
    court: text('court'),
    draftedOn: last.onDate,
  };
}

/** The fee of the pending (or paid) notice, in fen. */
export function noticedFee(events: readonly RequestEvent[]): number | null {
  const notice = lastOf(events, ['fee_notice_sent']);
  const fen = notice?.data?.amountFen;
  return typeof fen === 'number' ? fen : null;
}

/** The reason the handler gave with the pending extension request. */
export function extensionReason(events: readonly RequestEvent[]): string {
  const asked = lastOf(events, ['extension_requested']);
  return typeof asked?.data?.reason === 'string' ? asked.data.reason : '';
}
