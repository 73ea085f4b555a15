// The dashboard and a batch's findings as spreadsheets: CSV (UTF-8 with BOM, so Excel and
// WPS open it right) and .xlsx (exceljs). The same columns and the same status words as the
// pages (status.ts), one row per agency or per finding.
import { isoDateTimeCst } from './times.js';
import { FORMATS } from '../reports/format/index.js';
import { correctionsByFinding } from '../reports/checks/grouping.js';
import { columnLabel, rowLabel, tableName } from '../reports/checks/labels.js';
import type { Finding } from '../reports/model.js';
import { csvDocument } from '../reports/render/csv.js';
import { FLAG_LABELS } from './matching.js';
import { findingsOf, reportOf } from './repository.js';
import { isReadingNote, numberedFindings } from '../reports/checks/reading-notes.js';
import { SEVERITY_LABELS, STATUS_LABELS } from './status.js';
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

/** The findings list's 类别: the report's own problem, or a note on how the file was read. */
const FINDING_KINDS = { problem: '报告问题', note: '读取说明' } as const;

export const FINDINGS_HEADER = [
  '序号',
  '文件',
  '所属机关',
  '结论',
  '计入情况',
  '类别',
  '严重程度',
  '问题代码',
  '表格',
  '行',
  '列',
  '应为',
  '实为',
  '问题说明',
  '经核算的更正',
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
    const findings = numberedFindings(findingsOf(r.row).findings).all;
    if (!report || findings.length === 0) {
      rows.push([...head, '', '', '', '', '', '', '', '', r.row.error ?? '', '']);
      continue;
    }
    const format = FORMATS[report.format];
    const n = (x: number | null) => (x === null ? '' : String(x));
    const corrections = correctionsByFinding(report, findings as Finding[]);
    (findings as Finding[]).forEach((f, k) => {
      // A reading note's numbers are what the reader weighed, not what the report should say.
      const note = isReadingNote(f);
      rows.push([
        ...head,
        note ? FINDING_KINDS.note : FINDING_KINDS.problem,
        SEVERITY_LABELS[f.severity],
        f.code,
        f.table ? tableName(format, f.table) : '',
        f.table && f.row ? rowLabel(format, f.table, f.row) : '',
        f.table && f.column ? columnLabel(format, f.table, f.row, f.column) : '',
        note ? '' : n(f.expected),
        note ? '' : n(f.actual),
        f.message,
        corrections.get(k) ?? '',
      ]);
    });
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
