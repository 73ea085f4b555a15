// Finding the rows of tables 二 and 三 by their labels in the format definition: typos,
// old wordings (the definition's aliases), labels cut by wrapping, and groups printed as a
// single row are all recognised here, and nowhere else is a label list typed.
import { FORMATS } from '../format/index.js';
import type { ColumnDef, ProactiveBlockDef, ReportFormat, RowDef } from '../format/index.js';
import { compact, normaliseLabel, similarity } from './labels.js';
import type { SumRule } from './resolve-row.js';

const ROW_THRESHOLD = 0.6;
/** A match that skips several rows must be convincing: a false jump would lose the rows between. */
const FAR_THRESHOLD = 0.8;

function labelsOf(row: RowDef): string[] {
  return [row.label, ...(row.aliases ?? [])].map(normaliseLabel);
}

/** A row's label as printed in the national format, for messages: 「3.其他」. */
export function printedRowLabel(row: RowDef): string {
  return `${row.number}${row.label}`;
}

function score(text: string, row: RowDef): number {
  const norm = normaliseLabel(text);
  let best = 0;
  for (const label of labelsOf(row)) {
    // Prose that merely mentions a label is not a row label.
    if (norm.length > label.length * 2 + 6) continue;
    // Very short labels (「其他」「总计」) also name columns: only with their printed number.
    if (label.length <= 2 && row.number !== '' && !compact(text).startsWith(compact(row.number))) continue;
    best = Math.max(best, similarity(norm, label));
  }
  return best;
}

/** The best row of `rows` after index `after` for a printed label, or -1. */
export function matchRow(text: string, rows: readonly RowDef[], after: number): number {
  let best = -1;
  let bestScore = 0;
  for (let i = after + 1; i < rows.length; i++) {
    const s = score(text, rows[i]!);
    const needed = i - after > 4 ? FAR_THRESHOLD : ROW_THRESHOLD;
    if (s >= needed && s > bestScore) {
      best = i;
      bestScore = s;
    }
  }
  return best;
}

/** An outcome group heading of table 三 (「（三）不予公开」), by its label. */
export function matchGroup(text: string, format: ReportFormat): string | null {
  const norm = normaliseLabel(text);
  if (norm.length < 2 || norm.length > 30) return null;
  for (const g of format.requests.outcomeGroups) {
    if (similarity(norm, normaliseLabel(g.label)) >= 0.75) return g.key;
  }
  return null;
}

/**
 * The row a group printed as one line stands for. The 2019 format defines （六）其他处理 as
 * a single row; a 2021 report printed that way is read into the same row.
 */
export function singleRowOfGroup(groupKey: string, format: ReportFormat): string | null {
  const group = format.requests.outcomeGroups.find((g) => g.key === groupKey);
  if (!group) return null;
  for (const f of Object.values(FORMATS)) {
    const row = f.requests.rows.find((r) => r.group === groupKey && r.number === group.number);
    if (row && format.requests.rows.some((r) => r.key === row.key)) return row.key;
  }
  return null;
}

/** The block of table 二 a heading like 「第二十条 第（一）项」 names, in `format`. */
export function matchBlock(text: string, format: ReportFormat): ProactiveBlockDef | null {
  const c = compact(text);
  if (!c.includes('第二十条')) return null;
  return format.proactive.blocks.find((b) => c.includes(compact(b.heading))) ?? null;
}

/** The sum rule of a row whose columns include 「总计」: it is the sum of the other columns. */
export function totalRule(columns: readonly ColumnDef[], offset = 0): SumRule[] {
  const total = columns.findIndex((c) => normaliseLabel(c.label) === '总计');
  if (total < 0) return [];
  const parts = columns.map((_, i) => i).filter((i) => i !== total);
  return [{ parts: parts.map((i) => i + offset), total: total + offset }];
}
