// Agencies (行政机关): domain type, levels and kinds, and the one input schema that both
// the console form and any API use.
import { z } from 'zod';
import { optionalEmail, optionalSingleLine, singleLine } from '../validation/text-input.js';
import { parseAgencyCode } from './agency-code.js';

export const AGENCY_LEVELS = ['state_council', 'province', 'city', 'county', 'township'] as const;
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];
export const AGENCY_LEVEL_LABELS: Readonly<Record<AgencyLevel, string>> = {
  state_council: '国务院部门',
  province: '省级',
  city: '市级',
  county: '县级',
  township: '乡镇（街道）',
};

export const AGENCY_KINDS = ['government', 'department'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];
export const AGENCY_KIND_LABELS: Readonly<Record<AgencyKind, string>> = {
  government: '人民政府（含街道办事处）',
  department: '政府部门',
};

/** The disclosure office (政府信息公开工作机构) as the 指南 names it. */
export interface DisclosureOffice {
  name: string | null;
  address: string | null;
  hours: string | null;
  phone: string | null;
  fax: string | null;
  email: string | null;
  website: string | null;
}

export interface Agency {
  id: string;
  parentId: string | null;
  slug: string;
  fullName: string;
  shortName: string;
  code: string;
  level: AgencyLevel;
  kind: AgencyKind;
  office: DisclosureOffice;
  createdAt: string;
  updatedAt: string;
}

const PHONE = /^[0-9()（）+\-－\s、,，转]{5,40}$/;

/** Form and API input for creating or editing an agency. All fields arrive as strings. */
export const agencyInputSchema = z.object({
  parentId: singleLine('上级机关').transform((s) => (s === '' ? null : s)),
  fullName: singleLine('机关全称').min(2, '请填写机关全称').max(100, '机关全称不能超过 100 个字'),
  shortName: singleLine('机关简称').min(2, '请填写机关简称').max(40, '机关简称不能超过 40 个字'),
  slug: singleLine('网址标识')
    .toLowerCase()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, '网址标识只能用小写英文字母、数字和连字符，如 lingshanwei')
    .min(2, '网址标识至少 2 个字符')
    .max(60, '网址标识不能超过 60 个字符'),
  code: singleLine('机关代码').transform((s, ctx) => {
    const r = parseAgencyCode(s);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.message });
      return z.NEVER;
    }
    return r.code;
  }),
  level: z.enum(AGENCY_LEVELS, { error: '请选择机关层级' }),
  kind: z.enum(AGENCY_KINDS, { error: '请选择机关类别' }),
  officeName: optionalSingleLine('工作机构名称', 60),
  officeAddress: optionalSingleLine('办公地址', 200),
  officeHours: optionalSingleLine('办公时间', 200),
  officePhone: optionalSingleLine('联系电话', 40).refine(
    (s) => s === null || PHONE.test(s),
    '联系电话只能包含数字、区号连字符和括号，如 0532-83185761',
  ),
  officeFax: optionalSingleLine('传真', 40).refine(
    (s) => s === null || PHONE.test(s),
    '传真号码只能包含数字、区号连字符和括号',
  ),
  officeEmail: optionalEmail('电子邮箱', 'xxgk@example.gov.cn'),
  officeWebsite: optionalSingleLine('网址', 200).refine(
    (s) => s === null || /^https?:\/\/[^\s]+\.[^\s]+$/.test(s),
    '网址应以 http:// 或 https:// 开头',
  ),
});

export type AgencyInput = z.output<typeof agencyInputSchema>;
export type AgencyFormValues = Record<keyof z.input<typeof agencyInputSchema>, string>;

export const AGENCY_FORM_FIELDS = Object.keys(
  agencyInputSchema.shape,
) as (keyof AgencyFormValues)[];

export function emptyAgencyForm(): AgencyFormValues {
  return Object.fromEntries(AGENCY_FORM_FIELDS.map((k) => [k, ''])) as AgencyFormValues;
}

export function agencyToForm(a: Agency): AgencyFormValues {
  return {
    parentId: a.parentId ?? '',
    fullName: a.fullName,
    shortName: a.shortName,
    slug: a.slug,
    code: a.code,
    level: a.level,
    kind: a.kind,
    officeName: a.office.name ?? '',
    officeAddress: a.office.address ?? '',
    officeHours: a.office.hours ?? '',
    officePhone: a.office.phone ?? '',
    officeFax: a.office.fax ?? '',
    officeEmail: a.office.email ?? '',
    officeWebsite: a.office.website ?? '',
  };
}
