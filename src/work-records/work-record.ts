// The other records the annual report speaks of, as pure data: open days (政府开放日),
// deputies' suggestions (人大代表建议) and CPPCC proposals (政协提案), training sessions and
// community-level disclosure work (e.g. 政务公开体验区). Every kind has the same shape — a
// date, a title, a detail — and a definition saying what each part is called for it and
// which of the optional parts (a number, lead or assisting, closed, participants) it has;
// one form, one list and one input rule serve them all. No I/O here.
import { z } from 'zod';
import { multiLine, singleLine } from '../validation/text-input.js';

export const KINDS = [
  'open_day',
  'deputy_suggestion',
  'cppcc_proposal',
  'training',
  'community',
] as const;
export type WorkRecordKind = (typeof KINDS)[number];

export const ROLES = ['lead', 'assisting'] as const;
export type HandlingRole = (typeof ROLES)[number];
export const ROLE_LABELS: Readonly<Record<HandlingRole, string>> = {
  lead: '主办',
  assisting: '协办',
};

export interface KindDefinition {
  /** What the records are called, e.g. 「政府开放日活动」. */
  label: string;
  /** The URL segment of its console pages. */
  slug: string;
  dateLabel: string;
  titleLabel: string;
  titleHint: string;
  /** The detail's label, and whether it must be given. */
  detailLabel: string;
  detailHint: string;
  detailRequired: boolean;
  /** 建议/提案: their number, lead or assisting, closed or not. */
  handled: boolean;
  /** Training sessions: how many took part. */
  participants: boolean;
}

export const KIND_DEFINITIONS: Readonly<Record<WorkRecordKind, KindDefinition>> = {
  open_day: {
    label: '政府开放日活动',
    slug: 'open-days',
    dateLabel: '活动日期',
    titleLabel: '活动主题',
    titleHint: '如 创卫齐参与 成果同受益',
    detailLabel: '参加人员',
    detailHint: '如 人大代表、政协委员和群众代表',
    detailRequired: true,
    handled: false,
    participants: false,
  },
  deputy_suggestion: {
    label: '人大代表建议',
    slug: 'deputy-suggestions',
    dateLabel: '交办日期',
    titleLabel: '建议标题',
    titleHint: '交办通知上的建议标题',
    detailLabel: '办理情况',
    detailHint: '答复要点、办结情况（可不填）',
    detailRequired: false,
    handled: true,
    participants: false,
  },
  cppcc_proposal: {
    label: '政协提案',
    slug: 'cppcc-proposals',
    dateLabel: '交办日期',
    titleLabel: '提案标题',
    titleHint: '交办通知上的提案标题',
    detailLabel: '办理情况',
    detailHint: '答复要点、办结情况（可不填）',
    detailRequired: false,
    handled: true,
    participants: false,
  },
  training: {
    label: '政务公开业务培训',
    slug: 'trainings',
    dateLabel: '培训日期',
    titleLabel: '培训名称',
    titleHint: '如 街道政务信息公开业务培训会',
    detailLabel: '培训内容',
    detailHint: '主讲人、主要内容（可不填）',
    detailRequired: false,
    handled: false,
    participants: true,
  },
  community: {
    label: '基层政务公开工作',
    slug: 'community',
    dateLabel: '日期',
    titleLabel: '地点或项目',
    titleHint: '如 星光岛社区政务公开体验区',
    detailLabel: '工作内容',
    detailHint: '做了什么，如 建成政务公开体验区，设置公开栏和自助查询终端',
    detailRequired: true,
    handled: false,
    participants: false,
  },
};

export function kindOfSlug(slug: string): WorkRecordKind | null {
  return KINDS.find((k) => KIND_DEFINITIONS[k].slug === slug) ?? null;
}

export interface WorkRecord {
  id: string;
  agencyId: string;
  kind: WorkRecordKind;
  occurredOn: string;
  title: string;
  detail: string | null;
  /** A suggestion's or proposal's number (e.g. 第123号). */
  reference: string | null;
  role: HandlingRole | null;
  closed: boolean | null;
  participants: number | null;
  createdAt: string;
  updatedAt: string;
}

// ---------------------------------------------------------------------------------------
// Input: one rule for every kind, shaped by its definition

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export const RECORD_FORM_FIELDS = [
  'occurredOn',
  'title',
  'detail',
  'reference',
  'role',
  'closed',
  'participants',
] as const;
export type RecordFormValues = Record<(typeof RECORD_FORM_FIELDS)[number], string>;
export const EMPTY_RECORD_FORM: RecordFormValues = {
  occurredOn: '',
  title: '',
  detail: '',
  reference: '',
  role: '',
  closed: '',
  participants: '',
};

export interface RecordInput {
  occurredOn: string;
  title: string;
  detail: string | null;
  reference: string | null;
  role: HandlingRole | null;
  closed: boolean | null;
  participants: number | null;
}

/** The form's rule for `kind`; the parts a kind does not have are stored as null. */
export function recordInputSchema(kind: WorkRecordKind, today: string) {
  const d = KIND_DEFINITIONS[kind];
  return z
    .object({
      occurredOn: singleLine(d.dateLabel)
        .refine((s) => isRealDate(s), `${d.dateLabel}应为有效日期，格式如 2021-06-30`)
        .refine((s) => s <= today, `${d.dateLabel}不能晚于今天`),
      title: singleLine(d.titleLabel)
        .min(2, `请填写${d.titleLabel}`)
        .max(100, `${d.titleLabel}不能超过 100 个字`),
      detail: multiLine(d.detailLabel)
        .max(1000, `${d.detailLabel}不能超过 1000 个字`)
        .refine((s) => !d.detailRequired || s !== '', `请填写${d.detailLabel}`),
      reference: singleLine('编号').max(30, '编号不能超过 30 个字'),
      role: z.string(),
      closed: z.string(),
      participants: z.string().trim(),
    })
    .superRefine((v, ctx) => {
      if (d.handled && !(ROLES as readonly string[]).includes(v.role))
        ctx.addIssue({ code: 'custom', path: ['role'], message: '请选择主办或协办' });
      if (d.handled && v.closed !== 'yes' && v.closed !== 'no')
        ctx.addIssue({ code: 'custom', path: ['closed'], message: '请选择是否已办结' });
      if (d.participants && !/^\d{1,5}$/.test(v.participants))
        ctx.addIssue({
          code: 'custom',
          path: ['participants'],
          message: '参加人数应为整数，如 35',
        });
      else if (d.participants && Number(v.participants) < 1)
        ctx.addIssue({ code: 'custom', path: ['participants'], message: '参加人数至少为 1' });
    })
    .transform((v): RecordInput => ({
      occurredOn: v.occurredOn,
      title: v.title,
      detail: v.detail === '' ? null : v.detail,
      reference: d.handled && v.reference !== '' ? v.reference : null,
      role: d.handled ? (v.role as HandlingRole) : null,
      closed: d.handled ? v.closed === 'yes' : null,
      participants: d.participants ? Number(v.participants) : null,
    }));
}

export function recordToForm(r: WorkRecord): RecordFormValues {
  return {
    occurredOn: r.occurredOn,
    title: r.title,
    detail: r.detail ?? '',
    reference: r.reference ?? '',
    role: r.role ?? '',
    closed: r.closed === null ? '' : r.closed ? 'yes' : 'no',
    participants: r.participants === null ? '' : String(r.participants),
  };
}

// ---------------------------------------------------------------------------------------
// What a year's report states

export interface HandledCounts {
  lead: number;
  assisting: number;
  closed: number;
}

/** Suggestions or proposals received in the year: lead, assisting, closed (of those). */
export function handledCounts(
  records: readonly Pick<WorkRecord, 'role' | 'closed'>[],
): HandledCounts {
  return {
    lead: records.filter((r) => r.role === 'lead').length,
    assisting: records.filter((r) => r.role === 'assisting').length,
    closed: records.filter((r) => r.closed === true).length,
  };
}

/** The detail a section is drafted from: for a training session, how many took part. */
export function factDetail(r: Pick<WorkRecord, 'kind' | 'detail' | 'participants'>): string | null {
  if (r.kind === 'training' && r.participants !== null)
    return r.detail ? `${r.participants}人参加；${r.detail}` : `${r.participants}人参加`;
  return r.detail;
}
