// Table 二's three-number rows run together (「行政规范性文件8855698」) have no sums to decide a
// cut. The report's own text may state the numbers: 「现行有效行政规范性文件698件」「本年度制发的
// 规范性文件88件」. A statement counts only when it is strict — the column's own verb (the
// column label without 本年…件数: 制发, 废止, 现行有效), then the row's own noun, then a number
// of 件, with no punctuation between — and the run is read only when exactly one cut agrees
// with every such statement; two different numbers stated for one column decide nothing.
import type { ColumnDef, ProactiveBlockDef, RowDef } from '../format/index.js';
import type { CellValue } from '../model.js';

/** The verb a count column names its documents by: 「本年制发件数」→「制发」; null when it has none. */
function verbOf(column: ColumnDef): string | null {
  const m = /^(?:本年)?(.+?)件数$/u.exec(column.label);
  return m ? m[1]! : null;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** The numbers the text states for each column of `row`, by the column's verb and the row's noun. */
export function statedCounts(
  text: string,
  row: RowDef,
  columns: readonly ColumnDef[],
): Map<number, Set<number>> {
  const nouns = [row.label, ...(row.aliases ?? [])]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');
  const out = new Map<number, Set<number>>();
  columns.forEach((column, i) => {
    const verb = verbOf(column);
    if (!verb) return;
    // 「的」「年度」 may stand between verb and noun; punctuation or a number may not.
    const pattern = new RegExp(
      `${escape(verb)}[^，。；、,;\\d\\s]{0,4}?(?:${nouns})(\\d+)件`,
      'gu',
    );
    for (const m of text.matchAll(pattern)) {
      const set = out.get(i) ?? new Set<number>();
      set.add(Number(m[1]));
      out.set(i, set);
    }
  });
  return out;
}

export interface StatedReading {
  cells: CellValue[];
  /** The statements that decided it, as printed numbers: 「制发88件、现行有效698件」. */
  because: string;
}

/** The one cut of a run that agrees with every count the text states for its row, if there is one. */
export function readingFromText(
  readings: readonly CellValue[][],
  text: string,
  block: ProactiveBlockDef,
  rowKey: string,
): StatedReading | null {
  const row = block.rows.find((r) => r.key === rowKey);
  if (!row) return null;
  const stated = statedCounts(text, row, block.columns);
  if (stated.size === 0 || [...stated.values()].some((s) => s.size > 1)) return null;
  const agree = readings.filter((cells) =>
    [...stated.entries()].every(([i, values]) => values.has(cells[i] as number)),
  );
  if (agree.length !== 1) return null;
  const because = [...stated.entries()]
    .map(([i, values]) => `${verbOf(block.columns[i]!)}${[...values][0]}件`)
    .join('、');
  return { cells: agree[0]!, because };
}
