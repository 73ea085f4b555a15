// A report saved by a crawler as one long line (平潭综合实验区 2019–2025): section headings
// inline (「…联系。一、总体情况2023年，…」), each table row's cells run together with no
// separator and run into the next row's label (「1.属于国家秘密00000002.其他法律…」: seven
// zeros, then 「2.」 of the next label). Such a line is broken into the lines a page would
// have shown — a heading, a paragraph, a row's label and its numbers — at the format's own
// section headings, block headings and row labels, so that a label's number is never read
// as a digit of the row before it. Splitting run-together numbers into cells is left to
// run-together.ts (only where the table's sums admit one reading); only a run with exactly
// one digit a cell is cut here, since that reading is the only one there is.
import { FORMATS } from '../format/index.js';
import type { ColumnDef, ReportFormat, SectionDef } from '../format/index.js';
import type { SourceLine } from './document.js';
import { textLine } from './document.js';
import { compact, definitionLabel, normaliseLabel, prepare, similarityOf } from './labels.js';
import { matchGroup, matchRow, printed } from './tables.js';

const ALL_FORMATS: readonly ReportFormat[] = Object.values(FORMATS);
const SECTION_TITLES: readonly SectionDef[] = FORMATS['2021'].sections;
/** A line holding this many of table 三's row labels is a whole table run together. */
const MIN_ROWS_ON_LINE = 10;
const HEADING_SIMILARITY = 0.75;

/** Table 三's labels long enough not to occur by chance in prose (「属于国家秘密」, not 「其他」). */
const REQUEST_LABELS: readonly string[] = [
  ...new Set(
    ALL_FORMATS.flatMap((f) => f.requests.rows.map((r) => r.label)).filter((l) => l.length >= 6),
  ),
];

/** Table 二's row labels, longest first so that 「行政规范性文件」 is not cut at 「规范性文件」. */
const PROACTIVE_LABELS: readonly string[] = [
  ...new Set(
    ALL_FORMATS.flatMap((f) =>
      f.proactive.blocks.flatMap((b) => b.rows.flatMap((r) => [r.label, ...(r.aliases ?? [])])),
    ),
  ),
].sort((a, b) => b.length - a.length);

/** A row number of table 三 where a label starts: 「（二）」「四、」, or one digit and a point (「2.」). */
const REQUEST_NUMBER = /[（(][一二三四五六七八九][)）]|[一二三四][、]|\d[.．](?=\p{Script=Han})/gu;
const BLOCK_HEADING = /第二十条第[（(][一二三四五六七八九十]+[)）]项/gu;
const REVIEW_START = /行政复议\s*行政诉讼/u;
/** A row's numbers at the end of its piece: digits, spaces, and in table 二 amounts and signs. */
const TRAILING_COUNTS = /[\d\s]+$/u;
const TRAILING_AMOUNTS = /(?:[+-]?\d[\d.,]*\s*)+(?:万元|元)?$/u;
const LEADING_AMOUNTS = /^(?:\s*[+-]?\d[\d.,]*)+(?:万元|元)?/u;

/** Whether a line is a report whose tables were saved run together on it. */
export function isRunOn(line: string): boolean {
  if (line.length < 500) return false;
  let rows = 0;
  for (const label of REQUEST_LABELS) if (line.includes(label)) rows++;
  return rows >= MIN_ROWS_ON_LINE;
}

interface Heading {
  section: number;
  start: number;
  end: number;
}

/** Words a report may print before a section's title (「五、政府信息公开工作存在的主要问题…」, 「五、当前存在的突出问题」). */
const TITLE_LEAD = 8;

/** The best title length after 「四、」 at `at`, when the text there is that section's title. */
function headingAt(line: string, at: number, title: string): number | null {
  for (let lead = 1; lead <= TITLE_LEAD; lead++)
    if (line.startsWith(title, at + lead) && !/[。；，]/u.test(line.slice(at, at + lead)))
      return lead + title.length;
  const wanted = definitionLabel(title);
  let best: number | null = null;
  let bestScore = 0;
  for (let len = Math.max(2, title.length - 4); len <= title.length + 4; len++) {
    const text = line.slice(at, at + len);
    const score = similarityOf(prepare(normaliseLabel(text)), wanted);
    if (score >= HEADING_SIMILARITY && score > bestScore) {
      best = len;
      bestScore = score;
    }
  }
  return best;
}

/**
 * 「四、」: a section's number, whichever it is — reports number their sections wrongly, or add
 * one. After the end of a sentence the mark may be missing (「。一总体情况2020年…」, 金井片区 2020).
 */
const SECTION_NUMBER =
  /[一二三四五六七八九十]、|(?<=[。；！？）)])[一二三四五六七八九十](?=\p{Script=Han})/gu;
const CLOSING_SECTIONS: readonly string[] = ['problems', 'other'];

/**
 * The section headings found inline, in order (a section may be missing). A heading is known
 * by its title (or an alias), not by its number: a report that adds a section of its own
 * (「五、信息处理费收取情况」) prints the rest under the next numbers.
 */
function headings(line: string): Heading[] {
  const out: Heading[] = [];
  let from = 0;
  SECTION_TITLES.forEach((s, section) => {
    const h = headingFrom(line, from, section);
    if (!h) return;
    out.push(h);
    from = h.end;
  });
  // The closing sections in the other order (「五、信息处理费收取情况」 for 六, before
  // 「六、存在的主要问题和改进情况」): one missed in order is looked for after the tables.
  const tablesEnd = out.findLast((h) => !CLOSING_SECTIONS.includes(SECTION_TITLES[h.section]!.key));
  for (const [section, s] of SECTION_TITLES.entries()) {
    if (!CLOSING_SECTIONS.includes(s.key) || out.some((h) => h.section === section)) continue;
    const h = headingFrom(line, tablesEnd?.end ?? 0, section);
    if (h && !out.some((o) => o.start < h.end && h.start < o.end)) out.push(h);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The first heading of `section` at or after `from`. */
function headingFrom(line: string, from: number, section: number): Heading | null {
  const s = SECTION_TITLES[section]!;
  const titles = [s.title, ...(s.aliases ?? [])];
  for (const m of line.slice(from).matchAll(SECTION_NUMBER)) {
    const at = from + m.index;
    const title = at + m[0].length;
    const len = titles.map((t) => headingAt(line, title, t)).find((l): l is number => l !== null);
    if (len !== undefined) return { section, start: at, end: title + len };
  }
  return null;
}

const spaced = (numbers: string): string[] => numbers.trim().split(/\s+/u);

/** A run with exactly one digit a cell has one reading: the digits themselves. */
function cells(numbers: string, width: number | null): string[] {
  const digits = numbers.replace(/\s+/gu, '');
  if (width !== null && width > 1 && /^\d+$/u.test(digits) && digits.length === width)
    return [...digits];
  // A sign after a digit starts the next cell (「35-15」: 上一年项目数量 35, 本年增/减 −15),
  // when that gives the row one number a column; else the run stays as printed.
  const signed = spaced(numbers.replace(/(\d)([+-])(?=\d)/gu, '$1 $2'));
  if (signed.length === width) return signed;
  // The signed cell run into the cells after it with one digit each (「1-10」: 上一年项目数量 1,
  // 本年增/减 −1, 处理决定数量 0; 「0+11」: 0, +1, 1): one digit a cell is the only reading.
  const last = /^([+-])(\d+)$/u.exec(signed.at(-1) ?? '');
  if (width !== null && last && signed.length - 1 + last[2]!.length === width)
    return [...signed.slice(0, -1), `${last[1]}${last[2]![0]}`, ...last[2]!.slice(1)];
  return spaced(numbers);
}

/** A piece of a table: its label, then its numbers as cells (none when it prints none). */
function rowLine(piece: string, trailing: RegExp, width: number | null): SourceLine {
  const m = trailing.exec(piece);
  const numbers = m && m[0].trim() !== '' ? m[0] : '';
  const label = piece.slice(0, piece.length - numbers.length).trim();
  if (numbers === '') return { cells: [label], tableRow: true };
  const values = cells(numbers, width);
  return { cells: label === '' ? values : [label, ...values], tableRow: true };
}

/** The pieces of `text` from each of `starts` (sorted) to the next, empty ones dropped. */
function cut(text: string, starts: readonly number[]): string[] {
  return starts
    .map((s, i) => text.slice(s, starts[i + 1] ?? text.length).trim())
    .filter((piece) => piece !== '');
}

/** Whether a piece of table 三 starts with a label of the format (a row, a group, 「三、本年度办理结果」). */
function startsRequestsLabel(piece: string): boolean {
  const label = piece.replace(TRAILING_COUNTS, '').trim();
  if (label === piece.trim()) return true; // a heading with no numbers of its own
  const text = printed(label);
  return ALL_FORMATS.some(
    (f) => matchRow(text, f.requests.rows, -1) >= 0 || matchGroup(text, f) !== null,
  );
}

function requestsLines(text: string): SourceLine[] {
  const width = FORMATS['2021'].requests.columns.length;
  const starts = [...text.matchAll(REQUEST_NUMBER)].map((m) => m.index);
  // A number that starts no label of the format (「第一项」 has none; a stray 「3.」) is no cut.
  const kept: number[] = [];
  for (const [i, s] of starts.entries()) {
    const piece = text.slice(s, starts[i + 1] ?? text.length);
    if (startsRequestsLabel(piece)) kept.push(s);
  }
  const head = text.slice(0, kept[0] ?? text.length).trim();
  const lines: SourceLine[] = head === '' ? [] : [textLine(head)];
  for (const piece of cut(text, kept)) lines.push(rowLine(piece, TRAILING_COUNTS, width));
  return lines;
}

/** The block of table 二 a heading piece names, by its column headers (either format). */
function blockColumns(piece: string): readonly ColumnDef[] | null {
  const c = compact(piece);
  let best: readonly ColumnDef[] | null = null;
  for (const f of ALL_FORMATS)
    for (const b of f.proactive.blocks) {
      if (!c.includes(compact(b.heading))) continue;
      if (!b.columns.every((col) => c.includes(compact(col.label)))) continue;
      if (!best || b.columns.length > best.length) best = b.columns;
    }
  return best;
}

function proactiveLines(text: string): SourceLine[] {
  const first = text.search(BLOCK_HEADING);
  if (first < 0) return [textLine(text)];
  const starts = new Set<number>();
  for (const m of text.matchAll(BLOCK_HEADING)) starts.add(m.index);
  for (let i = first; i < text.length; i++) {
    const label = PROACTIVE_LABELS.find((l) => text.startsWith(l, i));
    if (!label) continue;
    starts.add(i);
    i += label.length - 1;
  }
  const lines: SourceLine[] = [];
  const prose = text.slice(0, first).trim();
  if (prose !== '') lines.push(textLine(prose));
  let width: number | null = null;
  for (const piece of cut(
    text,
    [...starts].sort((a, b) => a - b),
  )) {
    if (piece.search(BLOCK_HEADING) === 0) {
      width = blockColumns(piece)?.length ?? null;
      lines.push(textLine(piece));
      continue;
    }
    // A row's numbers follow its label; prose after them (the section's narrative goes on
    // after the table) is not part of the row.
    const label = PROACTIVE_LABELS.find((l) => piece.startsWith(l)) ?? '';
    const numbers = LEADING_AMOUNTS.exec(piece.slice(label.length))?.[0] ?? '';
    const rest = piece.slice(label.length + numbers.length).trim();
    lines.push(rowLine(`${label}${numbers}`, TRAILING_AMOUNTS, width));
    if (rest !== '') lines.push(textLine(rest));
  }
  return lines;
}

function reviewLines(text: string): SourceLine[] {
  const width = FORMATS['2021'].review.groups.length * FORMATS['2021'].review.columns.length;
  const start = text.search(REVIEW_START);
  // After the table's header (words only), its numbers are the first run of digits; what
  // follows them is the next part of the report (a section of the agency's own, prose).
  const run = start < 0 ? null : /\d[\d\s]*/u.exec(text.slice(start));
  const numbers = run ? run[0] : (/[\d\s]+$/u.exec(text)?.[0] ?? '');
  const numbersAt = run ? start + run.index : text.length - numbers.length;
  const before = text.slice(0, numbersAt);
  const after = text.slice(numbersAt + numbers.length).trim();
  const header = before.search(REVIEW_START);
  const lines: SourceLine[] = [];
  if (header < 0) {
    if (before.trim() !== '') lines.push(textLine(before.trim()));
  } else {
    const prose = before.slice(0, header).trim();
    if (prose !== '') lines.push(textLine(prose));
    // 「行政复议」 alone starts table 四, whatever section the reader is in.
    lines.push({ cells: ['行政复议'], tableRow: true });
    lines.push({ cells: [before.slice(header + '行政复议'.length).trim()], tableRow: true });
  }
  if (numbers.trim() !== '') lines.push({ cells: cells(numbers, width), tableRow: true });
  if (after !== '') lines.push(textLine(after));
  return lines;
}

/** The lines of a run-on report line, or null when the line is not one. */
export function runOnLines(line: string): SourceLine[] | null {
  if (!isRunOn(line)) return null;
  const found = headings(line);
  const lines: SourceLine[] = [];
  const before = line.slice(0, found[0]?.start ?? line.length).trim();
  if (before !== '') lines.push(textLine(before));
  for (const [i, h] of found.entries()) {
    lines.push(textLine(line.slice(h.start, h.end)));
    let body = line.slice(h.end, found[i + 1]?.start ?? line.length);
    const key = SECTION_TITLES[h.section]!.key;
    if (key === 'proactive') {
      // Table 三 may follow table 二 with its heading lost: its first row ends table 二.
      const first = FORMATS['2021'].requests.rows[0]!;
      const requests = body.indexOf(`${first.number}${first.label}`);
      const end = requests >= 0 ? requests : body.length;
      lines.push(...proactiveLines(body.slice(0, end)));
      body = body.slice(end);
      if (body === '') continue;
    }
    if (key === 'proactive' || key === 'requests') {
      // Table 四 may follow table 三 with its heading lost: its header ends table 三.
      const review = body.search(REVIEW_START);
      const end = review >= 0 ? review : body.length;
      lines.push(...requestsLines(body.slice(0, end)));
      if (review >= 0) lines.push(...reviewLines(body.slice(review)));
      continue;
    }
    if (key === 'review') {
      lines.push(...reviewLines(body));
      continue;
    }
    if (body.trim() !== '') lines.push(textLine(body.trim()));
  }
  return lines;
}
