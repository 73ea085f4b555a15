// Comparing printed labels with the format definition's labels: normalisation (numbering,
// spacing and punctuation removed), a similarity score tolerant of typos and of labels cut
// by line wrapping, and reading a cell as a number.
import type { CellValue } from '../model.js';

const NUMBERING = /^(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[、.．，,](?!\d)|[—－–-]、)/u;
const NOISE = /[\s、，,.．。：:;；“”"'‘’（）()【】[\]《》〈〉·—－–\-_*#|]/gu;
const BOOKMARK = /\[bookmark:[^\]]*\]/gu;

export function stripBookmarks(text: string): string {
  return text.includes('[bookmark:') ? text.replace(BOOKMARK, '') : text;
}

/** A label without its printed number, spaces and punctuation: 「（二）部分 公开」→「部分公开」. */
export function normaliseLabel(text: string): string {
  let s = stripBookmarks(text).trim();
  for (let i = 0; i < 3; i++) {
    const m = NUMBERING.exec(s);
    if (!m) break;
    s = s.slice(m[0].length).trimStart();
  }
  return s.replace(NOISE, '');
}

/** Only spaces and punctuation removed (numbering kept): for headings like 第二十条第（一）项. */
export function compact(text: string): string {
  return stripBookmarks(text).replace(NOISE, '');
}

function bigrams(s: string): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < s.length; i++) {
    const g = s.slice(i, i + 2);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/**
 * Similarity of two normalised labels in [0, 1]: the Dice coefficient of their character
 * bigrams, raised when one is a clear fragment of the other (a label cut by wrapping, or
 * a short printed form of a long label such as 「部分公开」).
 */
export function similarity(a: string, b: string): number {
  if (a === b) return a.length > 0 ? 1 : 0;
  if (a.length < 2 || b.length < 2) return 0;
  const ga = bigrams(a);
  const gb = bigrams(b);
  let common = 0;
  for (const [g, n] of ga) common += Math.min(n, gb.get(g) ?? 0);
  const dice = (2 * common) / (a.length - 1 + (b.length - 1));
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 4 && long.includes(short)) return Math.max(dice, 0.6 + 0.4 * (short.length / long.length));
  return dice;
}

export function bestSimilarity(text: string, labels: readonly string[]): number {
  let best = 0;
  for (const label of labels) best = Math.max(best, similarity(text, normaliseLabel(label)));
  return best;
}

const FULL_WIDTH_DIGITS = /[０-９．，－]/gu;
const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/u;
/** Marks printed in a cell to say "nothing here". */
const BLANK_MARKS = new Set(['/', '／', '\\', '-', '－', '—', '——', '–', '―', '─']);

export type CellReading = { kind: 'value'; value: CellValue; raw: string } | { kind: 'label'; text: string };

/** A cell is a value (a number, a blank, or a blank mark like 「/」) or else a label. */
export function readCell(cell: string | null): CellReading {
  if (cell === null) return { kind: 'value', value: null, raw: '' };
  const raw = stripBookmarks(cell).trim();
  if (raw === '' || BLANK_MARKS.has(raw)) return { kind: 'value', value: null, raw };
  const ascii = raw
    .replace(FULL_WIDTH_DIGITS, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/gu, '');
  if (ascii.length <= 24 && NUMBER.test(ascii)) return { kind: 'value', value: Number(ascii.replace(/,/gu, '')), raw };
  return { kind: 'label', text: raw };
}
