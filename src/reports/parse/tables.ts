// Finding the rows of tables 二 and 三 by their labels in the format definition: typos,
// old wordings (the definition's aliases), labels cut by wrapping, and groups printed as a
// single row are all recognised here, and nowhere else is a label list typed.
import { FORMATS } from '../format/index.js';
import type { ColumnDef, ProactiveBlockDef, ReportFormat, RowDef } from '../format/index.js';
import { compact, definitionLabel, normaliseLabel, prepare, similarityOf } from './labels.js';
import type { Prepared } from './labels.js';
import type { SumRule } from './resolve-row.js';

const ROW_THRESHOLD = 0.6;
/** A match that skips several rows must be convincing: a false jump would lose the rows between. */
const FAR_THRESHOLD = 0.8;

const rowLabels = new WeakMap<RowDef, Prepared[]>();

function labelsOf(row: RowDef): Prepared[] {
  let labels = rowLabels.get(row);
  if (!labels) {
    labels = [row.label, ...(row.aliases ?? [])].map(definitionLabel);
    rowLabels.set(row, labels);
  }
  return labels;
}

/** A row's label as printed in the national format, for messages: 「3.其他」. */
export function printedRowLabel(row: RowDef): string {
  return `${row.number}${row.label}`;
}

/** A printed label, prepared once for comparison with many rows. */
export class PrintedLabel {
  #compact: string | null = null;
  #label: Prepared | null = null;
  constructor(readonly text: string) {}
  /** Without spaces and punctuation, number kept. */
  get compact(): string {
    this.#compact ??= compact(this.text);
    return this.#compact;
  }
  /** Normalised (number, spaces and punctuation removed) and prepared for comparison. */
  get label(): Prepared {
    this.#label ??= prepare(normaliseLabel(this.text));
    return this.#label;
  }
}

export function printed(text: string): PrintedLabel {
  return new PrintedLabel(text);
}

const numbers = new WeakMap<RowDef, string>();

function compactNumber(row: RowDef): string {
  let n = numbers.get(row);
  if (n === undefined) {
    n = compact(row.number);
    numbers.set(row, n);
  }
  return n;
}

function score(text: PrintedLabel, row: RowDef): number {
  const norm = text.label.norm;
  let best = 0;
  for (const label of labelsOf(row)) {
    // Prose that merely mentions a label is not a row label.
    if (norm.length > label.norm.length * 2 + 6) continue;
    // Very short labels (「其他」「总计」) also name columns: only with their printed number.
    if (label.norm.length <= 2 && row.number !== '' && !text.compact.startsWith(compactNumber(row)))
      continue;
    best = Math.max(best, similarityOf(text.label, label));
  }
  return best;
}

/** Rows are printed in order: the next few are tried first, and a near-exact one is taken at once. */
const NEAR = 3;
const SURE = 0.9;

/** The best row of `rows` after index `after` for a printed label, or -1. */
export function matchRow(text: PrintedLabel, rows: readonly RowDef[], after: number): number {
  for (let i = after + 1; i <= after + NEAR && i < rows.length; i++) {
    if (score(text, rows[i]!) >= SURE) return i;
  }
  let best = -1;
  let bestScore = 0;
  for (let i = after + 1; i < rows.length; i++) {
    const s = score(text, rows[i]!);
    const needed = i - after > 4 ? FAR_THRESHOLD : ROW_THRESHOLD;
    if (s >= needed && s > bestScore) {
      best = i;
      bestScore = s;
      // An exact label cannot be bettered.
      if (s === 1) break;
    }
  }
  return best;
}

/** An outcome group heading of table 三 (「（三）不予公开」), by its label. */
export function matchGroup(text: PrintedLabel, format: ReportFormat): string | null {
  const norm = text.label.norm;
  if (norm.length < 2 || norm.length > 30) return null;
  for (const g of format.requests.outcomeGroups) {
    if (similarityOf(text.label, definitionLabel(g.label)) >= 0.75) return g.key;
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
export function matchBlock(text: PrintedLabel, format: ReportFormat): ProactiveBlockDef | null {
  if (!text.text.includes('二十条')) return null;
  const c = text.compact;
  return format.proactive.blocks.find((b) => c.includes(compact(b.heading))) ?? null;
}

/** The sum rule of a row whose columns include 「总计」: it is the sum of the other columns. */
const rules = new WeakMap<readonly ColumnDef[], SumRule[]>();

export function totalRule(columns: readonly ColumnDef[], offset = 0): SumRule[] {
  if (offset === 0) {
    let cached = rules.get(columns);
    if (!cached) {
      cached = computeTotalRule(columns, 0);
      rules.set(columns, cached);
    }
    return cached;
  }
  return computeTotalRule(columns, offset);
}

function computeTotalRule(columns: readonly ColumnDef[], offset: number): SumRule[] {
  const total = columns.findIndex((c) => normaliseLabel(c.label) === '总计');
  if (total < 0) return [];
  const parts = columns.map((_, i) => i).filter((i) => i !== total);
  return [{ parts: parts.map((i) => i + offset), total: total + offset }];
}
