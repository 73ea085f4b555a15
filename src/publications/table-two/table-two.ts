// Table 二 of the annual report (主动公开政府信息情况) as a computation. Pure: no I/O.
//
// 第二十条第（一）项 counts the agency's 规章 and 行政规范性文件: issued (制发) in the year,
// repealed (废止) in the year, and in force at 31 December (现行有效). Which items are such
// documents follows from their category and genre (an item filed under 第二十条（一）; a 规章
// is promulgated by 令, so genre 命令（令）, anything else there a 行政规范性文件). The other
// rows (行政许可, 行政处罚, 行政强制 decisions, 行政事业性收费 in 万元) are figures entered per
// year with their source. See docs/decisions/0024-catalogue-import-and-table-2.md.
import type { Grid } from '../../reports/model.js';
import type { Validity } from '../item.js';

export const LEGAL_DOCUMENT_CATEGORY = 'a20-1';
export type LegalKind = 'rules' | 'normative_documents';

/** Which table 二 row an item counts in, if any. */
export function legalKindOf(category: string, genre: string): LegalKind | null {
  if (category !== LEGAL_DOCUMENT_CATEGORY) return null;
  return genre === '命令（令）' ? 'rules' : 'normative_documents';
}

/**
 * 第二十条（一） documents alike for table 二: the same kind, validity, year issued and year of
 * the validity change. The database counts the documents by these (year-figures-repository.ts)
 * and the rules below count the groups, so the law's definitions stay here, once.
 */
export interface LegalDocumentGroup {
  kind: LegalKind;
  /** The year of the 成文日期, or of the publication date when the item has none. */
  issuedYear: number;
  validity: Validity;
  /** The year of the validity date (失效、废止 or 修改), null when none is recorded. */
  validityYear: number | null;
  count: number;
}

/** A document stops being in force when it is repealed or expires (已修改 stays in force). */
const ends = (v: Validity) => v === 'repealed' || v === 'expired';

/**
 * The year a document stopped being in force, or null. Never before the year it was
 * issued, so last year's stock + 制发 − 废止 is always this year's stock (T2_STOCK holds by
 * construction, even for a date typed wrong); no date recorded means the year it was issued.
 */
export function endYear(d: Omit<LegalDocumentGroup, 'count'>): number | null {
  if (!ends(d.validity)) return null;
  return Math.max(d.issuedYear, d.validityYear ?? d.issuedYear);
}

export interface StockCounts {
  issued: number;
  repealed: number;
  in_force: number;
}

export function stockFor(groups: readonly LegalDocumentGroup[], kind: LegalKind, year: number) {
  const out: StockCounts = { issued: 0, repealed: 0, in_force: 0 };
  for (const g of groups) {
    if (g.kind !== kind || g.issuedYear > year) continue;
    const ended = endYear(g);
    if (g.issuedYear === year) out.issued += g.count;
    if (ended === year) out.repealed += g.count;
    if (ended === null || ended > year) out.in_force += g.count;
  }
  return out;
}

export const FIGURES = ['licensing', 'penalty', 'enforcement', 'fees'] as const;
export type Figure = (typeof FIGURES)[number];
export const FIGURE_LABELS: Readonly<Record<Figure, string>> = {
  licensing: '行政许可',
  penalty: '行政处罚',
  enforcement: '行政强制',
  fees: '行政事业性收费',
};

export interface FigureEntry {
  figure: Figure;
  /** A count; for 'fees' an amount in fen. */
  value: number;
  source: string;
}

/** Fen as 万元 for the grid (exact to the fen: 1 万元 = 1,000,000 fen). */
export const fenToWanYuan = (fen: number) => Number((fen / 1_000_000).toFixed(6));

/**
 * The table 二 grid: the stock rows always (computed), the figure rows only when entered —
 * a row no record gives is left for the office to type, never filled with a made-up 0.
 */
export function tableTwo(
  groups: readonly LegalDocumentGroup[],
  figures: readonly FigureEntry[],
  year: number,
): Grid {
  const grid: Grid = {
    rules: { ...stockFor(groups, 'rules', year) },
    normative_documents: { ...stockFor(groups, 'normative_documents', year) },
  };
  for (const f of figures) {
    grid[f.figure] =
      f.figure === 'fees' ? { amount_wan_yuan: fenToWanYuan(f.value) } : { decisions: f.value };
  }
  return grid;
}
