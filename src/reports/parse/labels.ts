// Comparing printed labels with the format definition's labels: normalisation (numbering,
// spacing and punctuation removed), a similarity score tolerant of typos and of labels cut
// by line wrapping, and reading a cell as a number.
import type { CellValue } from '../model.js';
import { simplified } from './traditional.js';

const NUMBERING =
  /^(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[、.．，,](?!\d)|[—－–-]、)/u;
const NOISE = /[\s、，,.．。：:;；“”"'‘’（）()【】[\]《》〈〉·—－–\-_*#|]/gu;
const BOOKMARK = /\[bookmark:[^\]]*\]/gu;
/** Pinyin a mirror site adds after a character: 「項(xiàng)」「區(qū)」. */
const PINYIN = /[（(][a-zü\u00c0-\u024f\u0300-\u036f]{1,8}[)）]/gu;
/**
 * A template's explanation in brackets after a row label (「规章(设区的市、自治州人民政府应提供
 * 相关数据)」): long, and not the one note the national format prints itself (「部分公开（区分
 * 处理的，…）」), which is kept so that a cut-off label still matches its definition.
 */
const EXPLANATION = /[（(](?![^（）()]*区分处理)[^（）()]{10,}[)）]/gu;

export function stripBookmarks(text: string): string {
  return text.includes('[bookmark:') ? text.replace(BOOKMARK, '') : text;
}

/** A label without its printed number, spaces and punctuation: 「（二）部分 公开」→「部分公开」. */
export function normaliseLabel(text: string): string {
  let s = simplified(stripBookmarks(text)).replace(PINYIN, '').trim();
  for (let i = 0; i < 3; i++) {
    const m = NUMBERING.exec(s);
    if (!m) break;
    s = s.slice(m[0].length).trimStart();
  }
  const bare = s.replace(EXPLANATION, '');
  return (bare.trim() === '' ? s : bare).replace(NOISE, '');
}

/** Only spaces and punctuation removed (numbering kept): for headings like 第二十条第（一）项. */
export function compact(text: string): string {
  return simplified(stripBookmarks(text)).replace(PINYIN, '').replace(NOISE, '');
}

/** Character bigrams as sorted numbers: intersecting two sorted lists is fast and allocation-free. */
function bigrams(s: string): Float64Array {
  const n = Math.max(0, s.length - 1);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1);
  return out.sort();
}

/** A normalised label with its bigrams, computed once (and only if compared) and compared many times. */
export class Prepared {
  #grams: Float64Array | null = null;
  constructor(readonly norm: string) {}
  get grams(): Float64Array {
    this.#grams ??= bigrams(this.norm);
    return this.#grams;
  }
}

export function prepare(norm: string): Prepared {
  return new Prepared(norm);
}

const definitionLabels = new Map<string, Prepared>();

/** A label of the format definition, normalised and prepared once per process. */
export function definitionLabel(label: string): Prepared {
  let p = definitionLabels.get(label);
  if (!p) {
    p = prepare(normaliseLabel(label));
    definitionLabels.set(label, p);
  }
  return p;
}

function commonGrams(a: Float64Array, b: Float64Array): number {
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return common;
}

/**
 * Similarity of two normalised labels in [0, 1]: the Dice coefficient of their character
 * bigrams, raised when one is a clear fragment of the other (a label cut by wrapping, or
 * a short printed form of a long label such as 「部分公开」).
 */
export function similarityOf(a: Prepared, b: Prepared): number {
  const x = a.norm;
  const y = b.norm;
  if (x === y) return x.length > 0 ? 1 : 0;
  if (x.length < 2 || y.length < 2) return 0;
  const dice = (2 * commonGrams(a.grams, b.grams)) / (a.grams.length + b.grams.length);
  const short = x.length <= y.length ? x : y;
  const long = short === x ? y : x;
  if (short.length >= 4 && long.includes(short))
    return Math.max(dice, 0.6 + 0.4 * (short.length / long.length));
  return dice;
}

export function similarity(a: string, b: string): number {
  return similarityOf(prepare(a), prepare(b));
}

const FULL_WIDTH_DIGITS = /[０-９．，－]/gu;
const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/u;
/** Marks printed in a cell to say "nothing here". */
const BLANK_MARKS = new Set(['/', '／', '\\', '-', '－', '—', '——', '–', '―', '─']);

export type CellReading =
  { kind: 'value'; value: CellValue; raw: string } | { kind: 'label'; text: string };

function mayBeNumber(first: number): boolean {
  // 0-9, + - . and their full-width forms.
  return (
    (first >= 0x30 && first <= 0x39) ||
    first === 0x2b ||
    first === 0x2d ||
    first === 0x2e ||
    (first >= 0xff10 && first <= 0xff19) ||
    first === 0xff0d
  );
}

/** A cell is a value (a number, a blank, or a blank mark like 「/」) or else a label. */
export function readCell(cell: string | null): CellReading {
  if (cell === null) return { kind: 'value', value: null, raw: '' };
  // A mis-encoded space before a number (「? 0」 on mirror sites) is not part of the cell.
  const raw = stripBookmarks(cell).trim().replace(MISENCODED_SPACE, '');
  if (raw === '' || BLANK_MARKS.has(raw)) return { kind: 'value', value: null, raw };
  const change = changeInWords(raw);
  if (change !== null) return { kind: 'value', value: change, raw };
  if (raw.length > MAX_RUN_DIGITS || !mayBeNumber(raw.charCodeAt(0)))
    return { kind: 'label', text: raw };
  const ascii = raw
    .replace(FULL_WIDTH_DIGITS, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/gu, '');
  if ((ascii.length <= 24 && NUMBER.test(ascii)) || DIGIT_RUN.test(ascii))
    return { kind: 'value', value: Number(ascii.replace(/,/gu, '')), raw };
  const unit = WITH_UNIT.exec(ascii);
  if (unit) return { kind: 'value', value: Number(unit[1]!.replace(/,/gu, '')), raw };
  return { kind: 'label', text: raw };
}

/**
 * The longest run of digits still read as a value: the cells of a row of table 三 run together
 * (seven cells of up to five digits, 「7221252972104540712025600」 for 722, 1252 … 5600), which
 * run-together.ts cuts from the raw text. Read as a label, such a row had no values and was
 * dropped without a note.
 */
const MAX_RUN_DIGITS = 40;
const DIGIT_RUN = new RegExp(`^\\d{25,${MAX_RUN_DIGITS}}$`, 'u');

/** A number with the unit written into the cell: 「251000元」「1424.4万元」 (the number as printed). */
const WITH_UNIT = /^((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?:万元|元|件|条|项)$/u;
const MISENCODED_SPACE = /^[?？\ufffd]\s+(?=\d)/u;
/** A change written in words (「减44」「增3」), as 本年增/减 cells sometimes are. */
const CHANGE_WORD = /^([增减])\s*(\d+)$/u;

function changeInWords(raw: string): number | null {
  const m = CHANGE_WORD.exec(raw);
  if (!m) return null;
  const n = Number(m[2]);
  return m[1] === '减' ? -n : n;
}
