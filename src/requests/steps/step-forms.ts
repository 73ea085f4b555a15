// The forms of a case's steps, read: from the strings a form (or the applicant's tracking
// page) posts to the core's action and the data the step stores, or one Chinese message
// per field saying what to fix. Pure; the command (step-commands.ts) does the rest.
import { checkIsoDate, type IsoDate } from '../../calendar/dates.js';
import type { CaseAction, CaseActionType } from '../case.js';
import type { FeeMethod } from '../fees.js';
import { isOutcomeKey, legalGround, type OutcomeKey } from '../outcomes.js';

/** Every field a step form may post (each step reads its own). */
export const STEP_FIELDS = [
  'date',
  'deadline',
  'items',
  'note',
  'party',
  'partyName',
  'extract',
  'method',
  'pages',
  'paymentMethod',
  'reason',
  'outcome',
  'legalBasis',
  'reasons',
  'provision',
  'reconsiderationBody',
  'court',
] as const;

export type StepField = (typeof STEP_FIELDS)[number];
export type StepValues = Partial<Record<StepField, string>>;

/** What a step stores besides its date (request_events.data); staff only, never audited. */
export type StepData = Record<string, string | number | readonly string[] | null>;

export interface ParsedStep {
  action: CaseAction;
  data: StepData;
}

export type StepParse =
  { ok: true; step: ParsedStep } | { ok: false; errors: Record<string, string> };

export const MAX_TEXT = 2000;

/** The outcomes whose letter says how the information is provided. */
export const PROVIDES = (o: OutcomeKey) => o === 'disclosed' || o === 'partially_disclosed';

class Reader {
  readonly errors: Record<string, string> = {};
  constructor(
    private readonly v: StepValues,
    private readonly today: IsoDate,
  ) {}

  raw(key: StepField): string {
    return (this.v[key] ?? '').trim();
  }

  text(key: StepField, label: string, required = true): string {
    const value = (this.v[key] ?? '').replace(/\r\n/g, '\n').trim();
    if (required && value === '') this.errors[key] = `请填写${label}`;
    else if (value.length > MAX_TEXT) this.errors[key] = `${label}不能超过${MAX_TEXT}字`;
    return value;
  }

  /** One entry per non-empty line. */
  lines(key: StepField, label: string): string[] {
    const value = this.text(key, label);
    return value
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '');
  }

  date(key: StepField, label: string): IsoDate {
    const raw = (this.v[key] ?? '').trim();
    if (raw === '') {
      this.errors[key] = `请填写${label}`;
      return this.today;
    }
    const checked = checkIsoDate(raw, label);
    if (!checked.ok) {
      this.errors[key] = checked.error;
      return this.today;
    }
    return checked.date;
  }

  outcome(): OutcomeKey {
    const raw = this.v.outcome ?? '';
    if (!isOutcomeKey(raw)) this.errors.outcome = '请选择一项办理结果';
    return raw as OutcomeKey;
  }
}

/** The reply's decision: exactly one outcome, its legal ground, reasons, remedies' bodies. */
function readReply(r: Reader) {
  const outcome = r.outcome();
  const data: StepData = {
    outcome,
    legalBasis: legalBasisOf(r, outcome),
    reasons: r.text('reasons', '答复的理由'),
    provision: r.text('provision', '提供方式', isOutcomeKey(outcome) && PROVIDES(outcome)),
    reconsiderationBody: r.text('reconsiderationBody', '受理行政复议的机关'),
    court: r.text('court', '有管辖权的人民法院'),
  };
  return { outcome, reasons: data.reasons as string, data };
}

/** The legal ground as written, or — left empty — the article(s) of the outcome. */
export function defaultLegalBasis(outcome: OutcomeKey): string | null {
  return legalGround(outcome)?.replace(/^依据/, '') ?? null;
}

function legalBasisOf(r: Reader, outcome: OutcomeKey): string {
  const written = r.text('legalBasis', '法律依据', false);
  if (written !== '' || !isOutcomeKey(outcome)) return written;
  const article = defaultLegalBasis(outcome);
  if (article === null) r.errors.legalBasis = '该办理结果没有对应的条款，请填写答复所依据的规定';
  return article ?? '';
}

export function parseStepForm(type: CaseActionType, v: StepValues, today: IsoDate): StepParse {
  const r = new Reader(v, today);
  const step = readStep(type, r);
  return Object.keys(r.errors).length > 0 ? { ok: false, errors: r.errors } : { ok: true, step };
}

function readStep(type: CaseActionType, r: Reader): ParsedStep {
  const date = () => r.date('date', '日期');
  switch (type) {
    case 'confirm_receipt':
      return { action: { type, date: date() }, data: {} };
    case 'request_correction': {
      const d = date();
      const deadline = r.date('deadline', '补正期限');
      return {
        action: { type, date: d, deadline },
        data: { deadline, items: r.lines('items', '需要补正的事项') },
      };
    }
    case 'record_correction':
      return { action: { type, date: date() }, data: { note: r.text('note', '补正内容') } };
    case 'send_consultation': {
      const d = date();
      const party = r.raw('party') === 'agency' ? 'agency' : 'third_party';
      return {
        action: { type, date: d, party },
        data: {
          party,
          partyName: r.text('partyName', party === 'agency' ? '被征求意见的机关' : '第三方名称'),
          extract: r.lines('extract', '征求意见的内容'),
        },
      };
    }
    case 'record_consultation_answer':
      return { action: { type, date: date() }, data: { note: r.text('note', '意见摘要') } };
    case 'send_fee_notice': {
      const d = date();
      const raw = r.raw('method');
      const method: FeeMethod | null = raw === 'per_application' || raw === 'per_page' ? raw : null;
      if (!method) r.errors.method = '请选择收费方式（按件或者按量，一件申请只用一种）';
      let pages: number | null = null;
      if (method === 'per_page') {
        const p = r.raw('pages');
        pages = /^\d{1,7}$/.test(p) ? Number(p) : null;
        if (pages === null || pages < 1) r.errors.pages = '请填写页数（正整数）';
      }
      return {
        action: { type, date: d },
        data: { method, pages, paymentMethod: r.text('paymentMethod', '缴费方式') },
      };
    }
    case 'request_extension':
      return { action: { type, date: date() }, data: { reason: r.text('reason', '延期理由') } };
    case 'refuse_extension':
      return { action: { type, date: date() }, data: { note: r.text('note', '不批准的理由') } };
    case 'return_draft':
      return { action: { type }, data: { note: r.text('note', '退回意见') } };
    case 'draft_reply': {
      const reply = readReply(r);
      return { action: { type, outcome: reply.outcome, reasons: reply.reasons }, data: reply.data };
    }
    case 'answer_on_spot': {
      const d = date();
      const reply = readReply(r);
      return {
        action: { type, date: d, outcome: reply.outcome, reasons: reply.reasons },
        data: reply.data,
      };
    }
    case 'withdraw':
      return { action: { type, date: date() }, data: { note: r.text('note', '撤回说明', false) } };
    case 'transfer': {
      const d = date();
      const outcome = r.outcome();
      return {
        action: { type, date: d, outcome },
        data: { outcome, note: r.text('note', '转送的机关或者渠道') },
      };
    }
    case 'lapse_correction':
    case 'record_fee_payment':
    case 'lapse_fee':
    case 'approve_extension':
    case 'send_reply':
      return { action: { type, date: date() }, data: {} };
    case 'start_handling':
    case 'approve_reply':
      return { action: { type }, data: {} };
  }
}
