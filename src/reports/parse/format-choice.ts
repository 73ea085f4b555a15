// Which national format a report is laid out in, decided by the layout of its table 二:
// column and block headings that exist in one format's definition and not in the other
// (2019: 本年新制作数量, 上一年项目数量, 第二十条第（九）项 …; 2021: 本年制发件数 …).
import { FORMATS, expectedFormatFor } from '../format/index.js';
import type { FormatId, ReportFormat } from '../format/index.js';
import { compact } from './labels.js';

function layoutLabels(format: ReportFormat): Set<string> {
  const out = new Set<string>();
  for (const block of format.proactive.blocks) {
    out.add(compact(block.heading));
    for (const c of block.columns) out.add(compact(c.label));
  }
  return out;
}

function distinctive(of: FormatId, against: FormatId): Set<string> {
  const theirs = layoutLabels(FORMATS[against]);
  return new Set([...layoutLabels(FORMATS[of])].filter((l) => !theirs.has(l)));
}

const MARKERS: Record<FormatId, Set<string>> = {
  '2021': distinctive('2021', '2019'),
  '2019': distinctive('2019', '2021'),
};

/** Counts the distinctive labels of each format among the printed labels; ties go by year. */
export function chooseFormat(labels: readonly string[], year: number | null): ReportFormat {
  const hits: Record<FormatId, number> = { '2021': 0, '2019': 0 };
  for (const text of labels) {
    // Column and block headings are short; numbers and prose cannot be one.
    if (text.length > 40 || text.length < 4) continue;
    // A heading and its columns may be printed as one run (a crawler's saved page:
    // 「第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量」): each marker in it counts.
    const comp = compact(text);
    for (const id of ['2021', '2019'] as const)
      for (const marker of MARKERS[id]) if (comp.includes(marker)) hits[id]++;
  }
  if (hits['2019'] > hits['2021']) return FORMATS['2019'];
  if (hits['2021'] > hits['2019']) return FORMATS['2021'];
  return expectedFormatFor(year ?? FORMATS['2021'].years.from);
}
