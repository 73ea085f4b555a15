// Reconsideration and litigation cases about disclosure (政府信息公开行政复议、行政诉讼) as pure
// data: the three kinds table 四 counts, the results a kind allows, the input rules, and
// table 四 of a year computed from the cases. No I/O here.
import { z } from 'zod';
import { multiLine, optionalSingleLine, singleLine } from '../validation/text-input.js';

/** The groups of table 四, with the report format's keys. */
export const KINDS = [
  'reconsideration',
  'litigation_direct',
  'litigation_after_reconsideration',
] as const;
export type ReviewKind = (typeof KINDS)[number];
export const KIND_LABELS: Readonly<Record<ReviewKind, string>> = {
  reconsideration: '行政复议',
  litigation_direct: '行政诉讼（未经复议直接起诉）',
  litigation_after_reconsideration: '行政诉讼（复议后起诉）',
};
/** Who decides the case: the reconsideration body or the court. */
export const BODY_LABELS: Readonly<Record<ReviewKind, string>> = {
  reconsideration: '复议机关',
  litigation_direct: '受理法院',
  litigation_after_reconsideration: '受理法院',
};

/** The columns of table 四 except 总计; `pending` is the state of a case not yet decided. */
export const RESULTS = ['upheld', 'corrected', 'other', 'pending'] as const;
export type ReviewResult = (typeof RESULTS)[number];
export const RESULT_LABELS: Readonly<Record<ReviewResult, string>> = {
  upheld: '维持',
  corrected: '纠正',
  other: '其他',
  pending: '尚未审结',
};
export type DecidedResult = Exclude<ReviewResult, 'pending'>;

/**
 * The decided results each kind allows, with what falls under each, as the office reads it
 * when recording a decision. 尚未审结 is never a decision: it is a case with none yet.
 */
export const RESULTS_BY_KIND: Readonly<
  Record<ReviewKind, readonly { result: DecidedResult; hint: string }[]>
> = {
  reconsideration: [
    { result: 'upheld', hint: '决定维持，或驳回复议请求' },
    { result: 'corrected', hint: '决定撤销、变更、确认违法或责令履行' },
    { result: 'other', hint: '复议终止（申请人撤回等）、调解、和解' },
  ],
  litigation_direct: [
    { result: 'upheld', hint: '判决驳回诉讼请求' },
    { result: 'corrected', hint: '判决撤销、确认违法、责令履行或变更' },
    { result: 'other', hint: '裁定驳回起诉、准予撤诉、调解' },
  ],
  litigation_after_reconsideration: [
    { result: 'upheld', hint: '判决驳回诉讼请求' },
    { result: 'corrected', hint: '判决撤销、确认违法、责令履行或变更' },
    { result: 'other', hint: '裁定驳回起诉、准予撤诉、调解' },
  ],
};

export function allowsResult(kind: ReviewKind, result: string): result is DecidedResult {
  return RESULTS_BY_KIND[kind].some((r) => r.result === result);
}

export interface ReviewCase {
  id: string;
  agencyId: string;
  requestId: string | null;
  /** The linked request's tracking number (the only thing of it shown here). */
  trackingNumber: string | null;
  /** A lawsuit after reconsideration: the reconsideration case it follows, when registered here. */
  reconsiderationId: string | null;
  /** That reconsideration's case number. */
  reconsiderationNumber: string | null;
  kind: ReviewKind;
  body: string;
  caseNumber: string;
  receivedOn: string;
  result: ReviewResult;
  decidedOn: string | null;
  decisionNote: string | null;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

// ---------------------------------------------------------------------------------------
// Input

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isRealDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function dateField(label: string) {
  return singleLine(label).refine((s) => isRealDate(s), `${label}应为有效日期，格式如 2021-06-30`);
}

export const caseInputSchema = z.object({
  kind: z.enum(KINDS, { error: '请选择案件类型' }),
  trackingNumber: optionalSingleLine('关联申请的查询号', 40),
  reconsiderationId: optionalSingleLine('所诉的行政复议案件', 40),
  body: singleLine('复议机关或法院')
    .min(2, '请填写复议机关或受理法院')
    .max(100, '复议机关或法院不能超过 100 个字'),
  caseNumber: singleLine('案号')
    .min(2, '请填写案号，如 青西政复字〔2021〕12号')
    .max(60, '案号不能超过 60 个字'),
  receivedOn: dateField('收到或立案日期'),
  notes: multiLine('备注')
    .max(2000, '备注不能超过 2000 个字')
    .transform((s) => (s === '' ? null : s)),
  version: z.string().optional(),
});
export type CaseInput = z.output<typeof caseInputSchema>;
export type CaseFormValues = Record<
  Exclude<keyof z.input<typeof caseInputSchema>, 'version'>,
  string
> & {
  version?: string;
};
export const CASE_FORM_FIELDS = [
  'kind',
  'trackingNumber',
  'reconsiderationId',
  'body',
  'caseNumber',
  'receivedOn',
  'notes',
  'version',
] as const;

export const decisionInputSchema = z.object({
  result: z.enum(['upheld', 'corrected', 'other', 'pending'], { error: '请选择审理结果' }),
  decidedOn: z.string().trim(),
  decisionNote: multiLine('决定或判决要点')
    .max(2000, '决定或判决要点不能超过 2000 个字')
    .transform((s) => (s === '' ? null : s)),
  version: z.string().optional(),
});
export type DecisionInput = z.output<typeof decisionInputSchema>;
export type DecisionFormValues = {
  result: string;
  decidedOn: string;
  decisionNote: string;
  version?: string;
};
export const DECISION_FORM_FIELDS = ['result', 'decidedOn', 'decisionNote', 'version'] as const;

export type Problem = { field: string; message: string };

/** Why the case's dates cannot be so, or null: received no later than today nor after a decision. */
export function caseProblem(
  input: Pick<CaseInput, 'receivedOn'>,
  decidedOn: string | null,
  today: string,
): Problem | null {
  if (input.receivedOn > today)
    return { field: 'receivedOn', message: '收到或立案日期不能晚于今天' };
  if (decidedOn !== null && input.receivedOn > decidedOn)
    return {
      field: 'receivedOn',
      message: `收到或立案日期不能晚于已登记的结案日期（${decidedOn}）`,
    };
  return null;
}

/**
 * Why a decision cannot be recorded, or null. 尚未审结 takes the decision back (a decision
 * recorded by mistake) and has no date; any other result needs the date it was made, on or
 * after the case was received and not in the future, and must be one the kind allows.
 */
export function decisionProblem(
  c: Pick<ReviewCase, 'kind' | 'receivedOn'>,
  input: Pick<DecisionInput, 'result' | 'decidedOn'>,
  today: string,
): Problem | null {
  if (input.result === 'pending') return null;
  if (!allowsResult(c.kind, input.result))
    return { field: 'result', message: `${KIND_LABELS[c.kind]}没有这种审理结果` };
  if (input.decidedOn === '') return { field: 'decidedOn', message: '请填写结案日期' };
  if (!isRealDate(input.decidedOn))
    return { field: 'decidedOn', message: '结案日期应为有效日期，格式如 2021-06-30' };
  if (input.decidedOn < c.receivedOn)
    return { field: 'decidedOn', message: `结案日期不能早于收到或立案日期（${c.receivedOn}）` };
  if (input.decidedOn > today) return { field: 'decidedOn', message: '结案日期不能晚于今天' };
  return null;
}

// ---------------------------------------------------------------------------------------
// Table 四 of a year

type Countable = Pick<ReviewCase, 'kind' | 'receivedOn' | 'result' | 'decidedOn'>;

export type ReviewColumn = ReviewResult | 'total';
export type ReviewTable = Record<ReviewKind, Record<ReviewColumn, number>>;

/**
 * Where a case stands in `year`'s report, or null when that report does not count it. A
 * report counts the cases received in its year and those still pending when it began (a
 * case pending on 31 December stays pending into the next year's report, and is counted
 * there with the result it gets then). Its column is its result if decided by 31 December,
 * else 尚未审结.
 */
export function columnInYear(c: Countable, year: number): ReviewResult | null {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  if (c.receivedOn > last) return null;
  const decided = c.result !== 'pending' && c.decidedOn !== null;
  if (decided && (c.decidedOn as string) < first) return null;
  return decided && (c.decidedOn as string) <= last ? c.result : 'pending';
}

/** Table 四 for `year`: every group and column, zero included; 总计 is the sum by construction. */
export function reviewTableForYear(cases: readonly Countable[], year: number): ReviewTable {
  const table = Object.fromEntries(
    KINDS.map((k) => [k, { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 }]),
  ) as ReviewTable;
  for (const c of cases) {
    const column = columnInYear(c, year);
    if (column === null) continue;
    table[c.kind][column] += 1;
    table[c.kind].total += 1;
  }
  return table;
}
