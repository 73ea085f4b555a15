// Table 二's yearly figures from a spreadsheet: one row per year and figure, with the
// header 年度, 事项, 数量/金额, 来源 (the template below). Counts are whole numbers; 行政事业性
// 收费 is in 万元 as the report prints it. Every row needs its source — the report's figures
// must say where they came from. Pure: rows of text in, entries and per-row reasons out.
import { textProblem } from '../../validation/text-input.js';
import { FIGURE_LABELS, FIGURES, type Figure } from './table-two.js';
import { parseWanYuan } from './year-figures.js';

export const FIGURES_CSV_HEADER = ['年度', '事项', '数量/金额', '来源'] as const;

/** The template the console offers for download (UTF-8 with a mark, so Excel reads it). */
export function figuresCsvTemplate(year: number): string {
  const rows = [
    FIGURES_CSV_HEADER.join(','),
    `${year},行政许可,,区行政审批服务局审批系统统计`,
    `${year},行政处罚,,区综合行政执法局执法办案系统统计`,
    `${year},行政强制,,区综合行政执法局执法办案系统统计`,
    `${year},行政事业性收费（万元）,,区财政局非税收入票据汇总`,
  ];
  return `\ufeff${rows.join('\r\n')}\r\n`;
}

type Column = 'year' | 'figure' | 'value' | 'source';
const HEADERS: Readonly<Record<Column, readonly string[]>> = {
  year: ['年度', '年份', '统计年度'],
  figure: ['事项', '类别', '事项/类别', '项目', '指标'],
  value: ['数量/金额', '数量', '金额', '数量或金额', '数值', '数量（金额）'],
  source: ['来源', '数据来源'],
};

const bare = (s: string) => s.replace(/[\s　\ufeff]/g, '').replace(/（万元）|\(万元\)/, '');

/** 「行政事业性收费（万元）」, 「行政许可决定」, 「行政许可」 → the figure. */
export function figureOf(text: string): Figure | null {
  const t = bare(text)
    .replace(/(处理)?决定(数量|数|件数)?$/, '')
    .replace(/金额$/, '');
  return FIGURES.find((f) => FIGURE_LABELS[f] === t) ?? null;
}

export interface FigureRow {
  line: number;
  year: number;
  figure: Figure;
  /** A count, or fen for 'fees'. */
  value: number;
  source: string;
}

export interface RefusedRow {
  line: number;
  reason: string;
}

export type FiguresRows =
  | { ok: true; rows: FigureRow[]; refused: RefusedRow[]; dataRows: number }
  | { ok: false; error: string };

const MAX_COUNT = 10_000_000;

/** Reads the header and every data row (line numbers as a spreadsheet shows them, from 1). */
export function readFiguresRows(
  records: readonly (readonly string[])[],
  thisYear: number,
): FiguresRows {
  const [header, ...data] = records;
  const at: Partial<Record<Column, number>> = {};
  (header ?? []).forEach((h, i) => {
    const name = h.replace(/[\s\ufeff]/g, '');
    for (const col of Object.keys(HEADERS) as Column[])
      if (at[col] === undefined && HEADERS[col].includes(name)) at[col] = i;
  });
  const missing = (Object.keys(HEADERS) as Column[]).filter((c) => at[c] === undefined);
  if (missing.length > 0)
    return {
      ok: false,
      error: `第 1 行应为表头“${FIGURES_CSV_HEADER.join('，')}”，缺少：${missing
        .map((c) => HEADERS[c][0])
        .join('、')}。请下载模板，按模板填写后再导入`,
    };
  const rows: FigureRow[] = [];
  const refused: RefusedRow[] = [];
  const seen = new Map<string, number>();
  let dataRows = 0;
  data.forEach((record, i) => {
    const line = i + 2;
    const cell = (c: Column) => (record[at[c] as number] ?? '').trim();
    if (record.every((x) => x.trim() === '')) return;
    dataRows++;
    const refuse = (reason: string) => refused.push({ line, reason });
    const yearText = cell('year').replace(/年$/, '');
    const year = Number(yearText);
    if (!/^\d{4}$/.test(yearText) || year < 2008 || year > thisYear)
      return refuse(
        `年度“${cell('year')}”无效：请填写 2008 至 ${thisYear} 之间的四位年份，如 ${thisYear - 1}`,
      );
    const figure = figureOf(cell('figure'));
    if (!figure)
      return refuse(
        `事项“${cell('figure')}”无法识别：应为行政许可、行政处罚、行政强制或行政事业性收费之一`,
      );
    const label = FIGURE_LABELS[figure];
    const raw = cell('value');
    if (raw === '') return refuse(`${label}没有填写数量；没有发生请填 0`);
    let value: number | null;
    if (figure === 'fees') {
      value = parseWanYuan(raw);
      if (value === null)
        return refuse(
          `${label}金额“${raw}”无效：请填写以万元为单位的金额，如 12.5（最多六位小数）`,
        );
    } else {
      const t = raw.replace(/[,，\s]/g, '');
      value = /^\d+$/.test(t) && Number(t) <= MAX_COUNT ? Number(t) : null;
      if (value === null)
        return refuse(`${label}数量“${raw}”无效：请填写不超过一千万的整数，如 12`);
    }
    const source = cell('source');
    if (source === '')
      return refuse(`请写明${label}的数据来源（如“区行政审批服务局审批系统统计”）`);
    if ([...source].length > 200) return refuse('数据来源不能超过 200 个字');
    const problem = textProblem(source, '数据来源');
    if (problem) return refuse(problem);
    const key = `${year}:${figure}`;
    const first = seen.get(key);
    if (first !== undefined) return refuse(`与第 ${first} 行重复：${year} 年的${label}只能有一行`);
    seen.set(key, line);
    rows.push({ line, year, figure, value, source });
  });
  if (dataRows === 0)
    return { ok: false, error: '文件中没有数据行：第 1 行为表头，从第 2 行起每行一项数据' };
  return { ok: true, rows, refused, dataRows };
}
