// The guide (政府信息公开指南, 《条例》第十二条) as pure data: what a version holds, what the
// console form edits, and which required facts are still missing. No I/O here.
import { z } from 'zod';
import type { DisclosureOffice } from '../agencies/agency.js';
import { agencyInputSchema } from '../agencies/agency.js';
import { multiLine, optionalSingleLine } from '../validation/text-input.js';

/** What the guide says beyond the disclosure office's contacts (kept on the agency). */
export interface GuideDraft {
  postcode: string | null;
  /**
   * Where the online application form is (网上申请), when the agency uses another one; null
   * means this platform's own form (`onlineForm`).
   */
  onlineFormUrl: string | null;
  /** 政府信息公开工作主管部门: where complaints go (第五十一条). */
  competentOffice: string | null;
  /** 行政复议机关, when the agency names it. */
  reconsiderationBody: string | null;
  /** How the agency's own catalogue is arranged, beyond the platform's columns. */
  arrangementNote: string | null;
  otherNote: string | null;
}

export const EMPTY_DRAFT: GuideDraft = {
  postcode: null,
  onlineFormUrl: null,
  competentOffice: null,
  reconsiderationBody: null,
  arrangementNote: null,
  otherNote: null,
};

/** A new-media account as the guide lists it (the channels of 第二十三条). */
export interface GuideMediaAccount {
  platform: string;
  name: string;
}

/** Everything a guide version shows, stored whole when it is published. */
export interface GuideContent {
  agencyName: string;
  agencyCode: string;
  slug: string;
  /** 上一级行政机关, for complaints (第五十一条). */
  parentName: string | null;
  office: DisclosureOffice;
  draft: GuideDraft;
  newMedia: GuideMediaAccount[];
}

/** A published version: its number and when it was published. */
export interface GuideVersion {
  version: number;
  publishedAt: string;
  content: GuideContent;
}

// ---------------------------------------------------------------------------------------
// Completeness

/** The form fields a missing fact is fixed in (the console links to them). */
export type GuideField =
  | 'officeName'
  | 'officeAddress'
  | 'officeHours'
  | 'officePhone'
  | 'officeEmail'
  | 'competentOffice';

export interface MissingFact {
  field: GuideField;
  /** What is missing, as the public page states it. */
  what: string;
  /** What to fill in, as the console says it. */
  fix: string;
}

/** The generic term, and its tails, that some guides print where the office's name belongs. */
const GENERIC_OFFICE = '政府信息公开工作机构';
const OTHER_GENERIC = new Set([
  '政府信息公开机构',
  '信息公开机构',
  '公开机构',
  '政务公开机构',
  '政务公开工作机构',
  '无',
  '暂无',
  '待定',
  '未定',
]);

/**
 * Whether `name` merely repeats the generic term instead of naming a unit (「政府信息公开工作机构」,
 * 「本机关政府信息公开工作机构」, 「工作机构」), so that a guide would read 「本机关的政府信息公开工作机构为
 * 政府信息公开工作机构」.
 */
export function isGenericOfficeName(name: string): boolean {
  const bare = name
    .replace(/[\s　（）()“”"'「」]/gu, '')
    .replace(/^(本机关|本单位|本部门|本级|我单位|我机关)(的)?/u, '');
  if (bare === '') return true;
  if (OTHER_GENERIC.has(bare)) return true;
  return GENERIC_OFFICE.endsWith(bare) && bare.length >= 2;
}

/** This platform's application form for an agency (the requests feature serves it). */
export const platformFormPath = (slug: string) => `/agencies/${slug}/requests/apply`;

/**
 * Where the guide sends online applications: the address the agency set, or else this
 * platform's own form, which every agency here has — so the internet contact 第十二条 asks
 * for is never missing merely because no address was typed.
 */
export function onlineForm(content: Pick<GuideContent, 'draft' | 'slug'>): string | null {
  return content.draft.onlineFormUrl ?? (content.slug ? platformFormPath(content.slug) : null);
}

/** The 第十二条 facts the guide cannot go without, in the order the guide shows them. */
export function missingFacts(
  content: Pick<GuideContent, 'office' | 'draft' | 'slug'>,
): MissingFact[] {
  const { office, draft } = content;
  const out: MissingFact[] = [];
  if (!office.name)
    out.push({
      field: 'officeName',
      what: '政府信息公开工作机构的名称',
      fix: '请填写政府信息公开工作机构的名称，如 综合办公室',
    });
  else if (isGenericOfficeName(office.name))
    out.push({
      field: 'officeName',
      what: '政府信息公开工作机构的名称',
      fix: `“${office.name}”只是通称，请填写承担这项工作的具体机构名称，如 综合办公室`,
    });
  if (!office.address)
    out.push({
      field: 'officeAddress',
      what: '办公地址（当面提交和邮寄申请的地址）',
      fix: '请填写办公地址，申请人当面提交和邮寄申请都要用到',
    });
  if (!office.hours) out.push({ field: 'officeHours', what: '办公时间', fix: '请填写办公时间' });
  if (!office.phone) out.push({ field: 'officePhone', what: '联系电话', fix: '请填写联系电话' });
  if (!office.email && !onlineForm(content))
    out.push({
      field: 'officeEmail',
      what: '互联网联系方式（电子邮箱或网上申请地址）',
      fix: '请至少填写电子邮箱或网上申请地址中的一项（《条例》第十二条要求公布互联网联系方式）',
    });
  if (!draft.competentOffice)
    out.push({
      field: 'competentOffice',
      what: '受理投诉、举报的政府信息公开工作主管部门',
      fix: '请填写政府信息公开工作主管部门的名称，如 青岛市黄岛区人民政府办公室',
    });
  return out;
}

// ---------------------------------------------------------------------------------------
// Request channels (国办公开办函〔2017〕19号: the guide lists exactly the channels opened)

export type ChannelKind = 'in_person' | 'post' | 'email' | 'fax' | 'online';

export interface Channel {
  kind: ChannelKind;
  label: string;
  /** Where to send it (address, e-mail, fax number, URL), when known. */
  target: string | null;
}

/** 当面提交 and 邮政寄送 are always open; e-mail, fax and online only when registered. */
export function requestChannels(
  content: Pick<GuideContent, 'office' | 'draft' | 'slug'>,
): Channel[] {
  const { office } = content;
  const online = onlineForm(content);
  const channels: Channel[] = [
    { kind: 'in_person', label: '当面提交', target: office.address },
    { kind: 'post', label: '邮政寄送', target: office.address },
  ];
  if (online) channels.push({ kind: 'online', label: '网上申请', target: online });
  if (office.email) channels.push({ kind: 'email', label: '电子邮件', target: office.email });
  if (office.fax) channels.push({ kind: 'fax', label: '传真', target: office.fax });
  return channels;
}

// ---------------------------------------------------------------------------------------
// The console form

const POSTCODE = /^\d{6}$/;

/** The guide form: the office's contacts (the agency's own schema) and the guide's fields. */
export const guideInputSchema = agencyInputSchema
  .pick({
    officeName: true,
    officeAddress: true,
    officeHours: true,
    officePhone: true,
    officeFax: true,
    officeEmail: true,
    officeWebsite: true,
  })
  .extend({
    postcode: optionalSingleLine('邮政编码', 6).refine(
      (s) => s === null || POSTCODE.test(s),
      '邮政编码应为 6 位数字，如 266400',
    ),
    onlineFormUrl: optionalSingleLine('网上申请地址', 200).refine(
      (s) => s === null || /^https?:\/\/[^\s]+\.[^\s]+$/.test(s) || /^\/[^\s/][^\s]*$/.test(s),
      '网上申请地址应以 https:// 开头，或是本平台内以 / 开头的地址',
    ),
    competentOffice: optionalSingleLine('政府信息公开工作主管部门', 100),
    reconsiderationBody: optionalSingleLine('行政复议机关', 100),
    arrangementNote: optionalMultiLine('信息分类与编排的补充说明', 2000),
    otherNote: optionalMultiLine('其他说明', 2000),
  });

function optionalMultiLine(label: string, max: number) {
  return multiLine(label)
    .max(max, `${label}不能超过 ${max} 个字`)
    .transform((s) => (s === '' ? null : s));
}

export type GuideInput = z.output<typeof guideInputSchema>;
export type GuideFormValues = Record<keyof z.input<typeof guideInputSchema>, string>;
export const GUIDE_FORM_FIELDS = Object.keys(guideInputSchema.shape) as (keyof GuideFormValues)[];

export function guideToForm(office: DisclosureOffice, draft: GuideDraft): GuideFormValues {
  return {
    officeName: office.name ?? '',
    officeAddress: office.address ?? '',
    officeHours: office.hours ?? '',
    officePhone: office.phone ?? '',
    officeFax: office.fax ?? '',
    officeEmail: office.email ?? '',
    officeWebsite: office.website ?? '',
    postcode: draft.postcode ?? '',
    onlineFormUrl: draft.onlineFormUrl ?? '',
    competentOffice: draft.competentOffice ?? '',
    reconsiderationBody: draft.reconsiderationBody ?? '',
    arrangementNote: draft.arrangementNote ?? '',
    otherNote: draft.otherNote ?? '',
  };
}

export function inputToOffice(input: GuideInput): DisclosureOffice {
  return {
    name: input.officeName,
    address: input.officeAddress,
    hours: input.officeHours,
    phone: input.officePhone,
    fax: input.officeFax,
    email: input.officeEmail,
    website: input.officeWebsite,
  };
}

export function inputToDraft(input: GuideInput): GuideDraft {
  return {
    postcode: input.postcode,
    onlineFormUrl: input.onlineFormUrl,
    competentOffice: input.competentOffice,
    reconsiderationBody: input.reconsiderationBody,
    arrangementNote: input.arrangementNote,
    otherNote: input.otherNote,
  };
}
