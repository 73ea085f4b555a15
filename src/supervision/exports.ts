// The dashboard and a batch's findings as spreadsheets: CSV (UTF-8 with BOM, so Excel and
// WPS open it right) and .xlsx (exceljs). The same columns and the same status words as the
// pages (status.ts), one row per agency or per finding.
import { isoDateTimeCst } from './times.js';
import { FINDING_HEADER, findingCells, noFindingCells } from '../reports/checks/finding-columns.js';
import { csvDocument } from '../reports/render/csv.js';
import { FLAG_LABELS } from './matching.js';
import { findingsOf, reportOf } from './repository.js';
import { STATUS_LABELS } from './status.js';
import type { BatchView, Dashboard } from './views.js';

interface Sheet {
  name: string;
  header: readonly string[];
  rows: string[][];
}

export const DASHBOARD_HEADER = [
  '机关',
  '状态',
  '截止日期',
  '截止日期依据',
  '报告日期',
  '逾期天数',
  '错误数',
  '提示数',
  '读取说明数',
  '报告来源',
  '收到时间',
] as const;

function dashboardSheet(d: Dashboard): Sheet {
  return {
    name: `${d.year}年度汇总`,
    header: DASHBOARD_HEADER,
    rows: d.rows.map((r) => [
      r.agency.fullName,
      STATUS_LABELS[r.status],
      r.dueOn,
      r.basis,
      r.reportDate?.on ?? '',
      r.reportDate ? String(r.reportDate.daysLate) : '',
      r.counts ? String(r.counts.errors) : '',
      r.counts ? String(r.counts.warnings) : '',
      r.counts ? String(r.counts.notes) : '',
      r.report?.name ?? '',
      r.report ? isoDateTimeCst(r.report.created_at) : '',
    ]),
  };
}

export const FINDINGS_HEADER = [
  '序号',
  '文件',
  '所属机关',
  '结论',
  '计入情况',
  ...FINDING_HEADER,
] as const;

function findingsSheet(v: BatchView): Sheet {
  const rows: string[][] = [];
  for (const r of v.reports) {
    const head = [
      String(r.row.seq),
      r.row.name,
      r.agency?.fullName ?? '',
      STATUS_LABELS[r.status],
      r.row.state !== 'read'
        ? STATUS_LABELS[r.status]
        : r.flags.length === 0
          ? '计入'
          : r.flags.map((f) => FLAG_LABELS[f]).join('；'),
    ];
    const report = reportOf(r.row);
    const { findings } = findingsOf(r.row);
    if (!report || findings.length === 0) {
      rows.push([...head, ...noFindingCells(r.row.error ?? '')]);
      continue;
    }
    for (const cells of findingCells(report, findings)) rows.push([...head, ...cells]);
  }
  return { name: '问题清单', header: FINDINGS_HEADER, rows };
}

async function xlsx(sheet: Sheet): Promise<Uint8Array> {
  // exceljs (30 MB) is loaded when the first spreadsheet is asked for, not at start-up.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet(sheet.name);
  ws.addRow([...sheet.header]).font = { bold: true };
  for (const row of sheet.rows)
    ws.addRow(row.map((c) => (/^\d+$/.test(c) && c.length < 10 ? Number(c) : c)));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.header.length } };
  ws.columns.forEach((col, i) => {
    col.width = Math.min(
      60,
      Math.max(
        8,
        ...sheet.rows.map((r) => [...(r[i] ?? '')].length * 2),
        [...sheet.header[i]!].length * 2,
      ),
    );
  });
  return new Uint8Array(await book.xlsx.writeBuffer());
}

export const dashboardCsv = (d: Dashboard) => {
  const s = dashboardSheet(d);
  return csvDocument(s.header, s.rows);
};
export const dashboardXlsx = (d: Dashboard) => xlsx(dashboardSheet(d));
export const batchFindingsCsv = (v: BatchView) => {
  const s = findingsSheet(v);
  return csvDocument(s.header, s.rows);
};
export const batchFindingsXlsx = (v: BatchView) => xlsx(findingsSheet(v));
