// 国办公开办函〔2021〕30号: the format for reports on 2021 and later.
import {
  APPLICANT_COLUMNS,
  HEAD_ROWS,
  OUTCOME_GROUPS,
  OUTCOME_ROWS_BEFORE_OTHER,
  PROACTIVE_ROWS,
  REQUESTS_NOTE,
  REVIEW_TABLE,
  SECTIONS,
  TAIL_ROWS,
} from './common.js';
import type { ReportFormat, RowDef } from './types.js';

const OTHER_ROWS: readonly RowDef[] = [
  {
    key: 'other.correction_overdue',
    group: 'other',
    number: '1.',
    label: '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  },
  {
    key: 'other.fee_unpaid',
    group: 'other',
    number: '2.',
    label: '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  },
  { key: 'other.other', group: 'other', number: '3.', label: '其他' },
];

const OUTCOME_ROWS = [...OUTCOME_ROWS_BEFORE_OTHER, ...OTHER_ROWS];

export const FORMAT_2021: ReportFormat = {
  id: '2021',
  basis: '国办公开办函〔2021〕30号',
  years: { from: 2021, to: null },
  sections: SECTIONS,
  proactive: {
    title: '主动公开政府信息情况',
    blocks: [
      {
        key: 'article20_1',
        heading: '第二十条第（一）项',
        columns: [
          { key: 'issued', label: '本年制发件数', kind: 'count' },
          { key: 'repealed', label: '本年废止件数', kind: 'count' },
          { key: 'in_force', label: '现行有效件数', kind: 'count' },
        ],
        rows: [
          PROACTIVE_ROWS.rules,
          {
            key: 'normative_documents',
            number: '',
            label: '行政规范性文件',
            aliases: ['规范性文件'],
          },
        ],
      },
      {
        key: 'article20_5',
        heading: '第二十条第（五）项',
        columns: [{ key: 'decisions', label: '本年处理决定数量', kind: 'count' }],
        rows: [PROACTIVE_ROWS.licensing],
      },
      {
        key: 'article20_6',
        heading: '第二十条第（六）项',
        columns: [{ key: 'decisions', label: '本年处理决定数量', kind: 'count' }],
        rows: [PROACTIVE_ROWS.penalty, PROACTIVE_ROWS.enforcement],
      },
      {
        key: 'article20_8',
        heading: '第二十条第（八）项',
        columns: [{ key: 'amount_wan_yuan', label: '本年收费金额（单位：万元）', kind: 'amount' }],
        rows: [PROACTIVE_ROWS.fees],
      },
    ],
  },
  requests: {
    title: '收到和处理政府信息公开申请情况',
    note: REQUESTS_NOTE,
    columns: APPLICANT_COLUMNS,
    rows: [...HEAD_ROWS, ...OUTCOME_ROWS, ...TAIL_ROWS],
    outcomeGroups: OUTCOME_GROUPS,
    outcomeRowKeys: OUTCOME_ROWS.map((r) => r.key),
  },
  review: REVIEW_TABLE,
};
