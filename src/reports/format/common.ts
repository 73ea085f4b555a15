// Pieces the 2021 and 2019 formats share.
import type { ColumnDef, ReviewTableDef, RowDef, SectionDef } from './types.js';

export const SECTIONS: readonly SectionDef[] = [
  {
    key: 'overview',
    numeral: '一',
    title: '总体情况',
    // 平潭综合实验区君山片区管理局 2025.
    aliases: ['年度工作核心成效'],
  },
  { key: 'proactive', numeral: '二', title: '主动公开政府信息情况' },
  { key: 'requests', numeral: '三', title: '收到和处理政府信息公开申请情况' },
  {
    key: 'review',
    numeral: '四',
    title: '政府信息公开行政复议、行政诉讼情况',
    // 君山片区管理局 2019, in the older reports' words.
    aliases: ['因政府信息公开工作被申请行政复议、提起行政诉讼情况'],
  },
  {
    key: 'problems',
    numeral: '五',
    title: '存在的主要问题及改进情况',
    // 沭阳县发展和改革局 2023; 平潭综合实验区君山片区管理局 2025 (「五、当前存在的突出问题」).
    aliases: ['存在的主要问题及整改措施', '存在的突出问题'],
  },
  {
    key: 'other',
    numeral: '六',
    title: '其他需要报告的事项',
    // 平潭综合实验区农业农村局 2023 and 2025: 「六、需要说明的其他事项与附表」; 君山片区管理局
    // 2025: 「七、其他需说明事项」. The 信息处理费 the 2021 format reports here, printed as a
    // section of its own before 存在的主要问题 (苏平片区 2023–2025, 金井片区 2025).
    aliases: ['需要说明的其他事项', '其他需说明事项', '信息处理费收取情况'],
  },
];

const ORG = '法人或其他组织';

export const APPLICANT_COLUMNS: readonly ColumnDef[] = [
  { key: 'natural_person', label: '自然人', kind: 'count' },
  { key: 'commercial_enterprise', label: '商业企业', kind: 'count', parentLabel: ORG },
  { key: 'research_institution', label: '科研机构', kind: 'count', parentLabel: ORG },
  { key: 'social_welfare_org', label: '社会公益组织', kind: 'count', parentLabel: ORG },
  { key: 'legal_service_org', label: '法律服务机构', kind: 'count', parentLabel: ORG },
  { key: 'other_org', label: '其他', kind: 'count', parentLabel: ORG },
  { key: 'total', label: '总计', kind: 'count' },
];

export const REQUESTS_NOTE = '本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和';

export const OUTCOME_GROUPS = [
  { key: 'disclosed', number: '（一）', label: '予以公开' },
  {
    key: 'partially_disclosed',
    number: '（二）',
    label: '部分公开（区分处理的，只计这一情形，不计其他情形）',
  },
  { key: 'withheld', number: '（三）', label: '不予公开' },
  { key: 'unavailable', number: '（四）', label: '无法提供' },
  { key: 'not_processed', number: '（五）', label: '不予处理' },
  { key: 'other', number: '（六）', label: '其他处理' },
] as const;

export const HEAD_ROWS: readonly RowDef[] = [
  { key: 'received', number: '一、', label: '本年新收政府信息公开申请数量' },
  { key: 'carried_in', number: '二、', label: '上年结转政府信息公开申请数量' },
];

export const OUTCOME_ROWS_BEFORE_OTHER: readonly RowDef[] = [
  { key: 'disclosed', number: '（一）', label: '予以公开' },
  {
    key: 'partially_disclosed',
    number: '（二）',
    label: '部分公开（区分处理的，只计这一情形，不计其他情形）',
    aliases: ['部分公开'],
  },
  { key: 'withheld.state_secret', group: 'withheld', number: '1.', label: '属于国家秘密' },
  {
    key: 'withheld.prohibited_by_law',
    group: 'withheld',
    number: '2.',
    label: '其他法律行政法规禁止公开',
    aliases: ['其他法律行政止公开', '其他法律、行政法规禁止公开'],
  },
  {
    key: 'withheld.security_stability',
    group: 'withheld',
    number: '3.',
    label: '危及“三安全一稳定”',
  },
  {
    key: 'withheld.third_party_rights',
    group: 'withheld',
    number: '4.',
    label: '保护第三方合法权益',
  },
  {
    key: 'withheld.internal_affairs',
    group: 'withheld',
    number: '5.',
    label: '属于三类内部事务信息',
  },
  {
    key: 'withheld.process_information',
    group: 'withheld',
    number: '6.',
    label: '属于四类过程性信息',
  },
  { key: 'withheld.enforcement_files', group: 'withheld', number: '7.', label: '属于行政执法案卷' },
  {
    key: 'withheld.administrative_query',
    group: 'withheld',
    number: '8.',
    label: '属于行政查询事项',
  },
  {
    key: 'unavailable.not_held',
    group: 'unavailable',
    number: '1.',
    label: '本机关不掌握相关政府信息',
  },
  {
    key: 'unavailable.needs_creation',
    group: 'unavailable',
    number: '2.',
    label: '没有现成信息需要另行制作',
  },
  {
    key: 'unavailable.unclear_after_correction',
    group: 'unavailable',
    number: '3.',
    label: '补正后申请内容仍不明确',
  },
  {
    key: 'not_processed.petition_complaint',
    group: 'not_processed',
    number: '1.',
    label: '信访举报投诉类申请',
  },
  { key: 'not_processed.repeated', group: 'not_processed', number: '2.', label: '重复申请' },
  {
    key: 'not_processed.publications',
    group: 'not_processed',
    number: '3.',
    label: '要求提供公开出版物',
  },
  {
    key: 'not_processed.excessive',
    group: 'not_processed',
    number: '4.',
    label: '无正当理由大量反复申请',
  },
  {
    key: 'not_processed.confirm_or_reissue',
    group: 'not_processed',
    number: '5.',
    label: '要求行政机关确认或重新出具已获取信息',
  },
];

export const TAIL_ROWS: readonly RowDef[] = [
  { key: 'outcome_total', number: '（七）', label: '总计' },
  { key: 'carried_out', number: '四、', label: '结转下年度继续办理' },
];

const REVIEW_COLUMNS: readonly ColumnDef[] = [
  { key: 'upheld', label: '结果维持', kind: 'count' },
  { key: 'corrected', label: '结果纠正', kind: 'count' },
  { key: 'other', label: '其他结果', kind: 'count' },
  { key: 'pending', label: '尚未审结', kind: 'count' },
  { key: 'total', label: '总计', kind: 'count' },
];

export const REVIEW_TABLE: ReviewTableDef = {
  title: '政府信息公开行政复议、行政诉讼情况',
  groups: [
    { key: 'reconsideration', label: '行政复议' },
    { key: 'litigation_direct', label: '未经复议直接起诉', parentLabel: '行政诉讼' },
    { key: 'litigation_after_reconsideration', label: '复议后起诉', parentLabel: '行政诉讼' },
  ],
  columns: REVIEW_COLUMNS,
};

/** Rows of table 二 that both formats print alike (规范性文件 was renamed in 2021, so it is not here). */
export const PROACTIVE_ROWS = {
  rules: { key: 'rules', number: '', label: '规章' },
  licensing: { key: 'licensing', number: '', label: '行政许可' },
  penalty: { key: 'penalty', number: '', label: '行政处罚' },
  enforcement: { key: 'enforcement', number: '', label: '行政强制' },
  fees: { key: 'fees', number: '', label: '行政事业性收费' },
} as const satisfies Record<string, RowDef>;
