// Header rows printed where the data is: a converter or an OCR that splits a table into
// small tables repeats (or invents) a header over each piece (「| 类别 | 数据1 | … | 总计 |」,
// 「| 商业企业 | 科研机构 | 社会公益 | … |」). Such a row names columns, not a row: its words
// are never cells' values, and it neither opens nor closes a row.
import type { ReportFormat } from '../format/index.js';
import type { CellReading } from './labels.js';
import { definitionLabel, normaliseLabel, prepare, similarityOf } from './labels.js';
import type { Prepared } from './labels.js';

/**
 * Words that head a column or the label column in printed tables, beside the format's own
 * column labels: the label column's title (「信息内容」「项目」「类别」), the applicant
 * heading, and the placeholders a transcription invents for columns it could not read
 * (「数据1」「数量」).
 */
const GENERIC_HEADER =
  /^(?:数据\d{0,2}|数据项目|类别|项目|数量|指标|内容|信息内容|申请人情况|合计)$/u;
/** Two header words make a header row: one alone may be a row label (「3.其他」 is also a column). */
const MIN_HEADER_WORDS = 2;
const SIMILAR = 0.75;

const columnLabels = new WeakMap<ReportFormat, Prepared[]>();

function headerLabels(format: ReportFormat): Prepared[] {
  let labels = columnLabels.get(format);
  if (!labels) {
    const columns = [
      ...format.requests.columns,
      ...format.review.columns,
      ...format.proactive.blocks.flatMap((b) => b.columns),
    ];
    const words = new Set<string>();
    for (const c of columns) {
      words.add(c.label);
      if (c.parentLabel) words.add(c.parentLabel);
    }
    labels = [...words].map(definitionLabel);
    columnLabels.set(format, labels);
  }
  return labels;
}

/** Whether one cell's text is a column heading of the format or a generic header word. */
export function isHeaderWord(text: string, format: ReportFormat): boolean {
  const norm = normaliseLabel(text);
  if (norm === '') return false;
  if (GENERIC_HEADER.test(norm)) return true;
  const printed = prepare(norm);
  return headerLabels(format).some((l) => similarityOf(printed, l) >= SIMILAR);
}

/**
 * A table row that holds no number and at least two header words. Blank cells and blank
 * marks (「-」) may stand beside them; any number makes it a data row.
 */
export function isHeaderRow(readings: readonly CellReading[], format: ReportFormat): boolean {
  let words = 0;
  for (const r of readings) {
    if (r.kind === 'value') {
      if (r.value !== null) return false;
      continue;
    }
    if (isHeaderWord(r.text, format)) words++;
  }
  return words >= MIN_HEADER_WORDS;
}
