// 国办公开办函〔2019〕60号: the trial format for reports on 2019 and 2020.
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
import type { ColumnDef, ReportFormat, RowDef } from './types.js';

// In 2019 （六）其他处理 was a single row with no sub-items.
const OTHER_ROW: RowDef = {
  key: 'other.other',
  group: 'other',
  number: '（六）',
  label: '其他处理',
};
const OUTCOME_ROWS = [...OUTCOME_ROWS_BEFORE_OTHER, OTHER_ROW];

const ITEMS_COLUMNS: readonly ColumnDef[] = [
  { key: 'previous_items', label: '上一年项目数量', kind: 'count' },
  { key: 'change', label: '本年增/减', kind: 'signed' },
  { key: 'decisions', label: '处理决定数量', kind: 'count' },
];

export const FORMAT_2019: ReportFormat = {
  id: '2019',
  basis: '国办公开办函〔2019〕60号',
  years: { from: 2019, to: 2020 },
  sections: SECTIONS,
  proactive: {
    title: '主动公开政府信息情况',
    blocks: [
      {
        key: 'article20_1',
        heading: '第二十条第（一）项',
        columns: [
          { key: 'made', label: '本年新制作数量', kind: 'count' },
          { key: 'published', label: '本年新公开数量', kind: 'count' },
          { key: 'total_public', label: '对外公开总数量', kind: 'count' },
        ],
        rows: [
          PROACTIVE_ROWS.rules,
          {
            key: 'normative_documents',
            number: '',
            label: '规范性文件',
            aliases: ['行政规范性文件'],
          },
        ],
      },
      {
        key: 'article20_5',
        heading: '第二十条第（五）项',
        columns: ITEMS_COLUMNS,
        rows: [
          PROACTIVE_ROWS.licensing,
          { key: 'other_services', number: '', label: '其他对外管理服务事项' },
        ],
      },
      {
        key: 'article20_6',
        heading: '第二十条第（六）项',
        columns: ITEMS_COLUMNS,
        rows: [PROACTIVE_ROWS.penalty, PROACTIVE_ROWS.enforcement],
      },
      {
        key: 'article20_8',
        heading: '第二十条第（八）项',
        // （八）项 has the item counts without decisions.
        columns: ITEMS_COLUMNS.slice(0, 2),
        rows: [PROACTIVE_ROWS.fees],
      },
      {
        key: 'article20_9',
        heading: '第二十条第（九）项',
        columns: [
          { key: 'purchase_items', label: '采购项目数量', kind: 'count' },
          { key: 'purchase_amount', label: '采购总金额', kind: 'amount' },
        ],
        rows: [{ key: 'procurement', number: '', label: '政府集中采购' }],
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
