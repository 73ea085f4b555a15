// Each figure of a report's tables in plain Chinese, for the public page that explains them.
// The labels come from the format definition; the meanings are written here once per row.
import { FORMATS, tableShape } from '../reports/format/index.js';
import type { AnnualReport, CellValue } from '../reports/model.js';

const REQUEST_MEANINGS: Readonly<Record<string, string>> = {
  received: '这一年里新收到的政府信息公开申请有多少件。',
  carried_in: '上一年收到、到上一年年底还没办完、转到这一年继续办理的申请。',
  disclosed: '申请的信息全部提供给了申请人。',
  partially_disclosed: '只能提供一部分（其余部分依法不能公开），这类申请只计在这里。',
  withheld:
    '依法不能公开，并告知了理由（如涉及国家秘密、第三方合法权益、内部事务或过程性信息等）。',
  unavailable: '无法提供：本机关没有这项信息、需要另行制作，或补正后申请内容仍不明确。',
  not_processed: '不予处理：如信访举报投诉类申请、重复申请、要求提供公开出版物等。',
  other: '其他处理：如申请人逾期不补正、逾期不缴纳信息处理费等。',
  outcome_total: '这一年办结的申请总数，等于上面各种办理结果之和。',
  carried_out: '到这一年12月31日还没办完、转到下一年继续办理的申请。',
};

const REVIEW_MEANINGS: Readonly<Record<string, string>> = {
  reconsideration: '有人因本机关的政府信息公开工作申请行政复议（请上级机关复查）的案件。',
  litigation_direct: '没有经过行政复议，直接向法院提起行政诉讼的案件。',
  litigation_after_reconsideration: '经过行政复议之后，又向法院提起行政诉讼的案件。',
};

const COLUMN_MEANINGS: Readonly<Record<string, string>> = {
  upheld: '复议机关或法院认为本机关做得对，维持了原来的决定',
  corrected: '复议机关或法院认为本机关做得不对，予以纠正',
  other: '以其他方式结束，如申请人撤回',
  pending: '到年底还没有结果',
  total: '合计',
};

const PROACTIVE_MEANINGS: Readonly<Record<string, string>> = {
  rules: '规章是政府依法制定的具有普遍约束力的规定。',
  normative_documents: '行政规范性文件是涉及公民、法人和其他组织权利义务、反复适用的文件。',
  licensing: '本年作出的行政许可决定（如批准某项申请）的数量。',
  penalty: '本年作出的行政处罚决定（如罚款）的数量。',
  enforcement: '本年作出的行政强制决定（如查封、扣押）的数量。',
  fees: '本年收取的行政事业性收费的金额，单位为万元。',
};

export interface ExplainedItem {
  label: string;
  value: string;
  meaning: string;
}

const shown = (v: CellValue | undefined): string =>
  v === null || v === undefined ? '（空白）' : String(v);

export function explainFigures(report: AnnualReport): { title: string; items: ExplainedItem[] }[] {
  const format = FORMATS[report.format];
  const proactive = tableShape(format, 'proactive').flatMap((row) =>
    row.columns.map((col) => ({
      label: `${row.label}·${col.label}`,
      value: shown(report.tables.proactive[row.key]?.[col.key]),
      meaning: PROACTIVE_MEANINGS[row.key] ?? '',
    })),
  );
  const requests = tableShape(format, 'requests').map((row) => {
    const group = row.key.split('.')[0] ?? row.key;
    return {
      label: row.label,
      value: `${shown(report.tables.requests[row.key]?.total)}件`,
      meaning: REQUEST_MEANINGS[row.key] ?? REQUEST_MEANINGS[group] ?? '',
    };
  });
  const review = tableShape(format, 'review').flatMap((row) =>
    row.columns.map((col) => ({
      label: `${row.label}·${col.label}`,
      value: `${shown(report.tables.review[row.key]?.[col.key])}件`,
      meaning: `${REVIEW_MEANINGS[row.key] ?? ''}${COLUMN_MEANINGS[col.key] ? `这一栏是其中${COLUMN_MEANINGS[col.key]}的件数。` : ''}`,
    })),
  );
  return [
    { title: `表二　${format.proactive.title}`, items: proactive },
    {
      title: `表三　${format.requests.title}`,
      items: [
        ...requests,
        {
          label: '表中的勾稽关系',
          value: '一 + 二 = 三（七） + 四',
          meaning:
            '新收的加上年结转的，等于本年办结的加结转下年的。每一列（自然人、各类法人或其他组织）都应如此。',
        },
      ],
    },
    { title: `表四　${format.review.title}`, items: review },
  ];
}
