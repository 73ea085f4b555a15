// The placeholders of letter templates: each has a Chinese name (what staff write in a
// template, e.g. {申请人}), an English key (what code passes), a value type and a sample
// value for the preview. Which kind of letter has which placeholders is a table below; the
// typed LetterContext of a kind follows from it, so the requests feature cannot call
// issueLetter with a value missing or misnamed. Pure data and types: no I/O.
import type { IsoDate } from '../calendar/dates.js';
import type { LetterKind } from './kinds.js';

/** text: as given; date: 'YYYY-MM-DD' printed 2024年3月5日; money: integer fen printed in 元; lines: one numbered paragraph each. */
export type PlaceholderType = 'text' | 'date' | 'money' | 'lines';

export interface PlaceholderSpec {
  name: string;
  type: PlaceholderType;
  /** What it holds, for the template editor's list. */
  help: string;
  sample: string | number | readonly string[];
}

export const PLACEHOLDERS = {
  letterNumber: {
    name: '文书编号',
    type: 'text',
    help: '本文书的编号，按“文书编号格式”在发出时自动编定',
    sample: '',
  },
  agencyName: {
    name: '机关名称',
    type: 'text',
    help: '本机关全称',
    sample: '',
  },
  issuedOn: { name: '成文日期', type: 'date', help: '文书发出之日', sample: '2024-03-12' },
  applicant: {
    name: '申请人',
    type: 'text',
    help: '申请人姓名或者组织全称',
    sample: '张三',
  },
  trackingNumber: {
    name: '申请编号',
    type: 'text',
    help: '申请的查询编号',
    sample: 'YSQ2024-000123',
  },
  channel: {
    name: '申请方式',
    type: 'text',
    help: '收到申请的渠道，如“网上申请”“当面提交”“邮政寄送”',
    sample: '网上申请',
  },
  receivedOn: {
    name: '收到申请日期',
    type: 'date',
    help: '依照条例第三十一条确定的收到申请之日',
    sample: '2024-03-05',
  },
  requestSummary: {
    name: '申请内容',
    type: 'text',
    help: '所申请政府信息的名称或者内容描述',
    sample: '2023年度本街道征地补偿安置方案',
  },
  dueOn: {
    name: '答复期限',
    type: 'date',
    help: '依照条例第三十三条计算的答复期限（最后一日）',
    sample: '2024-04-02',
  },
  correctionItems: {
    name: '补正事项',
    type: 'lines',
    help: '需要补正的全部事项，每项一段',
    sample: [
      '请提供申请人身份证明的复印件；',
      '请明确所申请信息的名称、文号或者其他便于查询的特征性描述。',
    ],
  },
  correctionDueOn: {
    name: '补正期限',
    type: 'date',
    help: '申请人提交补正材料的最后一日',
    sample: '2024-03-22',
  },
  originalDueOn: {
    name: '原答复期限',
    type: 'date',
    help: '延期前的答复期限（最后一日）',
    sample: '2024-04-02',
  },
  extendedDueOn: {
    name: '延长后答复期限',
    type: 'date',
    help: '延期后的答复期限（最后一日），最多延长20个工作日',
    sample: '2024-04-30',
  },
  extensionReason: {
    name: '延期理由',
    type: 'text',
    help: '需要延长答复期限的理由',
    sample: '所申请信息涉及多个部门、需要调取档案核实',
  },
  thirdParty: {
    name: '第三方',
    type: 'text',
    help: '被征求意见的第三方名称',
    sample: '青岛某某置业有限公司',
  },
  consultationExtract: {
    name: '征求意见内容',
    type: 'lines',
    help: '可能涉及第三方合法权益的信息，每项一段',
    sample: ['征地补偿协议中贵公司的补偿金额及支付安排。'],
  },
  consultationDueOn: {
    name: '征求意见答复期限',
    type: 'date',
    help: '第三方提出意见的最后一日（收到意见书之日起15个工作日）',
    sample: '2024-03-29',
  },
  feeMethod: {
    name: '收费方式',
    type: 'text',
    help: '按件计收或者按量计收（一件申请只用一种方式）',
    sample: '按件计收',
  },
  feeStandard: {
    name: '收费标准',
    type: 'text',
    help: '适用的收费档次',
    sample: '同一申请人本月第11件至第30件申请，每件100元',
  },
  feeAmount: {
    name: '收费金额',
    type: 'money',
    help: '应缴金额（以分计，打印为元）',
    sample: 10000,
  },
  paymentMethod: {
    name: '缴费方式',
    type: 'text',
    help: '缴纳信息处理费的渠道',
    sample: '通过非税收入缴款码缴纳，或到本机关政务服务窗口现场缴纳',
  },
  paymentDueOn: {
    name: '缴费期限',
    type: 'date',
    help: '缴纳费用的最后一日（收到通知书次日起20个工作日）',
    sample: '2024-04-09',
  },
  legalBasis: {
    name: '法律依据',
    type: 'text',
    help: '所依据的条款，如“《中华人民共和国政府信息公开条例》第三十六条第（四）项”',
    sample: '《中华人民共和国政府信息公开条例》第三十六条第（四）项',
  },
  reasons: {
    name: '理由',
    type: 'text',
    help: '作出该处理决定的事实和理由',
    sample: '经检索，本机关未制作或者获取您所申请公开的政府信息。',
  },
  provision: {
    name: '提供方式',
    type: 'text',
    help: '政府信息的提供形式、途径，或者已公开信息的获取网址',
    sample: '以电子邮件方式向您提供电子文本，见附件',
  },
  reconsiderationBody: {
    name: '复议机关',
    type: 'text',
    help: '受理行政复议的机关（2024年1月1日起一般为本级人民政府）',
    sample: '青岛市黄岛区人民政府',
  },
  court: {
    name: '人民法院',
    type: 'text',
    help: '有管辖权的人民法院',
    sample: '青岛市黄岛区人民法院',
  },
  contact: {
    name: '联系人及电话',
    type: 'text',
    help: '承办人及联系电话（可不填，不填时该行不打印）',
    sample: '李四，0532-86000000',
  },
} as const satisfies Record<string, PlaceholderSpec>;

export type PlaceholderKey = keyof typeof PLACEHOLDERS;

/** Filled in by issueLetter itself (the number, the agency, the date), never by the caller. */
export const SYSTEM_PLACEHOLDERS = ['letterNumber', 'agencyName', 'issuedOn'] as const;
export type SystemPlaceholder = (typeof SYSTEM_PLACEHOLDERS)[number];

/** May be left out: a line whose placeholders are all empty optional ones is not printed. */
export const OPTIONAL_PLACEHOLDERS: ReadonlySet<PlaceholderKey> = new Set(['contact']);

const REPLY = [
  'applicant',
  'receivedOn',
  'requestSummary',
  'legalBasis',
  'reasons',
  'reconsiderationBody',
  'court',
  'contact',
] as const;
const REPLY_WITH_PROVISION = [...REPLY, 'provision'] as const;

/** Which placeholders each kind of letter has, besides the system ones. */
export const KIND_PLACEHOLDERS = {
  receipt: [
    'applicant',
    'trackingNumber',
    'channel',
    'receivedOn',
    'requestSummary',
    'dueOn',
    'contact',
  ],
  correction_notice: [
    'applicant',
    'receivedOn',
    'requestSummary',
    'correctionItems',
    'correctionDueOn',
    'contact',
  ],
  extension_notice: [
    'applicant',
    'receivedOn',
    'requestSummary',
    'originalDueOn',
    'extendedDueOn',
    'extensionReason',
    'contact',
  ],
  // The third party learns what is asked about, never who asked.
  third_party_consultation: [
    'thirdParty',
    'requestSummary',
    'consultationExtract',
    'consultationDueOn',
    'contact',
  ],
  consultation_notice: ['applicant', 'receivedOn', 'requestSummary', 'contact'],
  fee_notice: [
    'applicant',
    'receivedOn',
    'requestSummary',
    'feeMethod',
    'feeStandard',
    'feeAmount',
    'paymentMethod',
    'paymentDueOn',
    'contact',
  ],
  reply_disclosed: REPLY_WITH_PROVISION,
  reply_partially_disclosed: REPLY_WITH_PROVISION,
  reply_withheld: REPLY,
  reply_unavailable: REPLY,
  reply_not_processed: REPLY,
  reply_other: REPLY,
} as const satisfies Record<LetterKind, readonly Exclude<PlaceholderKey, SystemPlaceholder>[]>;

type ValueOf<T extends PlaceholderType> = T extends 'date'
  ? IsoDate
  : T extends 'money'
    ? number
    : T extends 'lines'
      ? readonly string[]
      : string;

type KeysOf<K extends LetterKind> = (typeof KIND_PLACEHOLDERS)[K][number];

/** What the caller of issueLetter gives for a letter of kind K (contact may be left out). */
export type LetterContext<K extends LetterKind> = {
  [P in Exclude<KeysOf<K>, 'contact'>]: ValueOf<(typeof PLACEHOLDERS)[P]['type']>;
} & { contact?: string };

/** Any placeholder's value, as rendering sees it. */
export type PlaceholderValue = string | number | readonly string[];
export type PlaceholderValues = Partial<Record<PlaceholderKey, PlaceholderValue>>;

/** The placeholders a template of `kind` may use: the system ones and the kind's own. */
export function placeholdersOf(kind: LetterKind): readonly PlaceholderKey[] {
  return [...SYSTEM_PLACEHOLDERS, ...KIND_PLACEHOLDERS[kind]];
}

const BY_NAME: ReadonlyMap<string, PlaceholderKey> = new Map(
  (Object.keys(PLACEHOLDERS) as PlaceholderKey[]).map((k) => [PLACEHOLDERS[k].name, k]),
);

/** The key of the placeholder called `name` (e.g. 申请人 → applicant), if there is one. */
export function placeholderByName(name: string): PlaceholderKey | undefined {
  return BY_NAME.get(name);
}

const LAW = '《中华人民共和国政府信息公开条例》';

/** Samples of the decision of each reply letter, so that a preview reads like a real one. */
const REPLY_SAMPLES: Partial<Record<LetterKind, { legalBasis: string; reasons: string }>> = {
  reply_disclosed: {
    legalBasis: `${LAW}第三十六条第（二）项`,
    reasons: '所申请信息不涉及国家秘密、商业秘密和个人隐私。',
  },
  reply_partially_disclosed: {
    legalBasis: `${LAW}第三十七条`,
    reasons:
      '其中被征收户的身份证号码和银行账号属于个人隐私，公开会对第三方合法权益造成损害，依照条例第十五条不予公开。',
  },
  reply_withheld: {
    legalBasis: `${LAW}第十六条第二款、第三十六条第（三）项`,
    reasons:
      '您申请公开的专题会议纪要是本机关在履行行政管理职能过程中形成的讨论记录，属于过程性信息。',
  },
  reply_unavailable: {
    legalBasis: `${LAW}第三十六条第（四）项`,
    reasons: '经检索，本机关未制作或者获取您所申请公开的政府信息。',
  },
  reply_not_processed: {
    legalBasis: `${LAW}第三十九条第一款`,
    reasons:
      '您的申请实为对征地补偿标准的投诉，不属于政府信息公开申请。您可以通过12345政务服务便民热线反映。',
  },
  reply_other: {
    legalBasis: `${LAW}第三十条`,
    reasons: '本机关已于2024年3月8日向您发出补正告知书，您无正当理由逾期未补正。',
  },
};

/** A full sample context of `kind`, from each placeholder's sample: for previews and tests. */
export function sampleContext<K extends LetterKind>(kind: K): LetterContext<K> {
  const out: Record<string, PlaceholderValue> = {};
  for (const key of KIND_PLACEHOLDERS[kind]) out[key] = PLACEHOLDERS[key].sample;
  return { ...out, ...REPLY_SAMPLES[kind] } as LetterContext<K>;
}
