// A proactively disclosed item (主动公开信息) as the law and the catalogue describe it: its
// categories (第二十条、第二十一条), subjects, genres, validity and channels as data, the
// domain type, and the one input schema of the draft form. Pure: no I/O.
import { z } from 'zod';
import { checkIsoDate } from '../calendar/dates.js';
import { multiLine, optionalSingleLine, singleLine } from '../validation/text-input.js';
import type { PublicationState } from './review.js';

export interface Category {
  code: string;
  /** As the catalogue shows it, e.g. 「（一）行政法规、规章和规范性文件」. */
  label: string;
  /** Which agencies list it: every agency, or those 第二十一条 names. */
  scope: 'all' | 'city_county' | 'township';
}

const ARTICLE_20: readonly string[] = [
  '行政法规、规章和规范性文件',
  '机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名',
  '国民经济和社会发展规划、专项规划、区域规划及相关政策',
  '国民经济和社会发展统计信息',
  '办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果',
  '实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定',
  '财政预算、决算信息',
  '行政事业性收费项目及其依据、标准',
  '政府集中采购项目的目录、标准及实施情况',
  '重大建设项目的批准和实施情况',
  '扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况',
  '突发公共事件的应急预案、预警信息及应对情况',
  '环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况',
  '公务员招考的职位、名额、报考条件等事项以及录用结果',
  '法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息',
];

export const CN_ORDINALS: readonly string[] = [
  '一',
  '二',
  '三',
  '四',
  '五',
  '六',
  '七',
  '八',
  '九',
  '十',
  '十一',
  '十二',
  '十三',
  '十四',
  '十五',
];

/** 第二十一条: what city and county governments and their departments also publish. */
const ARTICLE_21_CITY_COUNTY: readonly [string, string][] = [
  ['municipal', '市政建设'],
  ['public-service', '公共服务'],
  ['public-welfare', '公益事业'],
  ['land-expropriation', '土地征收'],
  ['housing-expropriation', '房屋征收'],
  ['public-security', '治安管理'],
  ['social-assistance', '社会救助'],
];

/** 第二十一条: what townships (乡镇, and in practice 街道) also publish. */
const ARTICLE_21_TOWNSHIP: readonly [string, string][] = [
  ['rural-policy', '农业农村政策落实'],
  ['irrigation', '农田水利工程建设运营'],
  ['land-contract', '农村土地承包经营权流转'],
  ['homestead', '宅基地使用情况审核'],
  ['land-expropriation', '土地征收'],
  ['housing-expropriation', '房屋征收'],
  ['fund-labour', '筹资筹劳'],
  ['social-assistance', '社会救助'],
];

export const ARTICLE_20_ITEMS = ARTICLE_20;

/** Every category, in catalogue order; 第二十一条 items shared by both lists appear once. */
export const CATEGORIES: readonly Category[] = [
  ...ARTICLE_20.map((label, i): Category => ({
    code: `a20-${i + 1}`,
    label: `（${CN_ORDINALS[i]}）${label}`,
    scope: 'all',
  })),
  ...(() => {
    const township = new Set(ARTICLE_21_TOWNSHIP.map(([code]) => code));
    const cityCounty = new Set(ARTICLE_21_CITY_COUNTY.map(([code]) => code));
    const out: Category[] = [];
    for (const [code, label] of [...ARTICLE_21_CITY_COUNTY, ...ARTICLE_21_TOWNSHIP]) {
      if (out.some((c) => c.code === `a21-${code}`)) continue;
      const both = township.has(code) && cityCounty.has(code);
      out.push({
        code: `a21-${code}`,
        label: `第二十一条：${label}`,
        scope: both ? 'all' : township.has(code) ? 'township' : 'city_county',
      });
    }
    return out;
  })(),
];

export const CATEGORY_CODES = CATEGORIES.map((c) => c.code) as [string, ...string[]];

/** The categories an agency of `level` files under (第二十一条 depends on the level). */
export function categoriesFor(level: string): Category[] {
  return CATEGORIES.filter((c) => {
    if (c.scope === 'all') {
      // A 第二十一条 item applies to city, county and township organs only.
      return !c.code.startsWith('a21-') || ['city', 'county', 'township'].includes(level);
    }
    if (c.scope === 'township') return level === 'township';
    return level === 'city' || level === 'county';
  });
}

export function categoryLabel(code: string): string {
  return CATEGORIES.find((c) => c.code === code)?.label ?? code;
}

/** 主题分类: the 国务院公文主题分类 first-level subjects. */
export const SUBJECTS: readonly string[] = [
  '综合政务',
  '国民经济管理、国有资产监管',
  '财政、金融、审计',
  '国土资源、能源',
  '农业、林业、水利',
  '工业、交通',
  '商贸、海关、旅游',
  '市场监管、安全生产监管',
  '城乡建设、环境保护',
  '科技、教育',
  '文化、广电、新闻出版',
  '卫生、体育',
  '人口与计划生育、妇女儿童工作',
  '劳动、人事、监察',
  '公安、安全、司法',
  '民政、扶贫、救灾',
  '民族、宗教',
  '对外事务',
  '港澳台侨工作',
  '国防',
  '其他',
];

/** 体裁: the kinds of 公文 (《党政机关公文处理工作条例》第八条), and what portals add. */
export const GENRES: readonly string[] = [
  '决议',
  '决定',
  '命令（令）',
  '公报',
  '公告',
  '通告',
  '意见',
  '通知',
  '通报',
  '报告',
  '请示',
  '批复',
  '议案',
  '函',
  '纪要',
  '公示',
  '其他',
];

export const VALIDITIES = ['valid', 'expired', 'repealed', 'amended'] as const;
export type Validity = (typeof VALIDITIES)[number];
export const VALIDITY_LABELS: Readonly<Record<Validity, string>> = {
  valid: '有效',
  expired: '失效',
  repealed: '废止',
  amended: '已修改',
};
/** What the date of each validity means. */
export const VALIDITY_DATE_LABELS: Readonly<Record<Validity, string>> = {
  valid: '施行日期',
  expired: '失效日期',
  repealed: '废止日期',
  amended: '修改日期',
};

export const CHANNELS = ['website', 'wechat', 'weibo', 'notice_board', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Readonly<Record<Channel, string>> = {
  website: '政府网站',
  wechat: '政务微信',
  weibo: '政务微博',
  notice_board: '公告栏',
  other: '其他',
};

export interface ChannelRecord {
  channel: Channel;
  publishedOn: string;
}

export interface Attachment {
  fileId: string;
  filename: string;
  contentType: string;
  size: number;
}

export interface Publication {
  id: string;
  agencyId: string;
  state: PublicationState;
  title: string;
  summary: string;
  bodyHtml: string;
  indexNumber: string | null;
  urlKey: string | null;
  issuer: string;
  documentNumber: string | null;
  writtenOn: string | null;
  formedOn: string;
  changedOn: string | null;
  publishedOn: string | null;
  publishedAt: string | null;
  publishedBy: string | null;
  subject: string;
  genre: string;
  keywords: string[];
  category: string;
  validity: Validity;
  validityOn: string | null;
  replacedBy: string | null;
  submittedBy: string | null;
  withdrawalReason: string | null;
  withdrawnOn: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What the catalogue's list shows of an item (repository.ts reads only this for it). */
export type CatalogueEntry = Pick<
  Publication,
  'title' | 'urlKey' | 'publishedOn' | 'documentNumber' | 'category' | 'validity'
>;

const optionalDate = (label: string) =>
  singleLine(label).transform((s, ctx) => {
    if (s === '') return null;
    const r = checkIsoDate(s, label);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.error });
      return z.NEVER;
    }
    return r.date;
  });

const requiredDate = (label: string) =>
  singleLine(label).transform((s, ctx) => {
    if (s === '') {
      ctx.addIssue({ code: 'custom', message: `请填写${label}（格式：年-月-日，如 2021-06-18）` });
      return z.NEVER;
    }
    const r = checkIsoDate(s, label);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.error });
      return z.NEVER;
    }
    return r.date;
  });

/** 关键词 as typed (separated by 、，, ; or spaces) → the list, without blanks and repeats. */
export function splitKeywords(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[、，,；;\s]+/u)
        .map((k) => k.trim())
        .filter(Boolean),
    ),
  ];
}

export const MAX_BODY_LENGTH = 200_000;

/** The draft form (console) and any API: every field arrives as a string. */
export const publicationInputSchema = z
  .object({
    title: singleLine('标题').min(2, '请填写标题').max(200, '标题不能超过 200 个字'),
    summary: multiLine('内容概述')
      .min(1, '请填写内容概述（用一两句话说明这条信息的主要内容）')
      .max(500, '内容概述不能超过 500 个字（一般不超过 300 个字）'),
    body: multiLine('正文').max(MAX_BODY_LENGTH, `正文不能超过 ${MAX_BODY_LENGTH} 个字`),
    issuer: singleLine('发布机构')
      .min(2, '请填写发布机构的全称')
      .max(100, '发布机构不能超过 100 个字'),
    documentNumber: optionalSingleLine('文号', 60),
    writtenOn: optionalDate('成文日期'),
    formedOn: requiredDate('生成日期'),
    changedOn: optionalDate('变更日期'),
    subject: z.enum(SUBJECTS as [string, ...string[]], { error: '请选择主题分类' }),
    genre: z.enum(GENRES as [string, ...string[]], { error: '请选择体裁' }),
    keywords: singleLine('关键词')
      .max(100, '关键词不能超过 100 个字')
      .transform((s) => splitKeywords(s)),
    category: z.enum(CATEGORY_CODES, { error: '请选择公开类别' }),
  })
  .superRefine((v, ctx) => {
    if (v.writtenOn && v.writtenOn > v.formedOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['writtenOn'],
        message: '成文日期不能晚于生成日期',
      });
    }
    if (v.changedOn && v.changedOn < v.formedOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['changedOn'],
        message: '变更日期不能早于生成日期',
      });
    }
  });

export type PublicationInput = z.output<typeof publicationInputSchema>;
export type PublicationFormValues = Record<keyof z.input<typeof publicationInputSchema>, string>;

export const PUBLICATION_FORM_FIELDS: readonly (keyof PublicationFormValues)[] = [
  'title',
  'summary',
  'body',
  'issuer',
  'documentNumber',
  'writtenOn',
  'formedOn',
  'changedOn',
  'subject',
  'genre',
  'keywords',
  'category',
];

export function emptyPublicationForm(issuer: string): PublicationFormValues {
  const values = Object.fromEntries(
    PUBLICATION_FORM_FIELDS.map((k) => [k, '']),
  ) as PublicationFormValues;
  return { ...values, issuer };
}

/** The stored item as the form shows it; the body as stored (sanitised HTML). */
export function publicationToForm(p: Publication): PublicationFormValues {
  return {
    title: p.title,
    summary: p.summary,
    body: p.bodyHtml,
    issuer: p.issuer,
    documentNumber: p.documentNumber ?? '',
    writtenOn: p.writtenOn ?? '',
    formedOn: p.formedOn,
    changedOn: p.changedOn ?? '',
    subject: p.subject,
    genre: p.genre,
    keywords: p.keywords.join('、'),
    category: p.category,
  };
}

/** A change of validity of a published item (feeds table 二's 废止 / 现行有效 counts). */
export const validityInputSchema = z
  .object({
    validity: z.enum(VALIDITIES, { error: '请选择有效性' }),
    validityOn: optionalDate('日期'),
    replacedBy: optionalSingleLine('替代文件的索引号', 60),
  })
  .superRefine((v, ctx) => {
    if (v.validity !== 'valid' && !v.validityOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['validityOn'],
        message: `请填写${VALIDITY_DATE_LABELS[v.validity]}`,
      });
    }
    if (v.replacedBy && v.validity === 'valid') {
      ctx.addIssue({
        code: 'custom',
        path: ['replacedBy'],
        message: '有效的文件没有替代文件：请清空索引号，或选择“废止”“失效”或“已修改”',
      });
    }
  });
export type ValidityInput = z.output<typeof validityInputSchema>;
export const VALIDITY_FORM_FIELDS = ['validity', 'validityOn', 'replacedBy'] as const;

/** The channels other than the portal itself (政府网站 is recorded at publication). */
export const RECORDED_CHANNELS = CHANNELS.filter((c) => c !== 'website');

export const channelsInputSchema = z.object(
  Object.fromEntries(RECORDED_CHANNELS.map((c) => [c, optionalDate(CHANNEL_LABELS[c])])) as Record<
    Exclude<Channel, 'website'>,
    ReturnType<typeof optionalDate>
  >,
);
export type ChannelsInput = z.output<typeof channelsInputSchema>;

/** A reason (驳回理由, 撤回理由, 审查意见): required, a few lines at most. */
export const reasonSchema = (label: string) =>
  z.object({
    reason: multiLine(label).min(2, `请填写${label}`).max(1000, `${label}不能超过 1000 个字`),
  });

export const reviewInputSchema = z.object({
  decision: z.enum(['approve', 'reject'], { error: '请选择审查结论' }),
  opinion: multiLine('审查意见').min(2, '请填写审查意见').max(1000, '审查意见不能超过 1000 个字'),
});
