// The one recogniser: maps the intermediate form (lines of cells) of any input kind onto
// the format definition — sections by their headings, tables 二 and 三 row by row, table
// 四 as its fifteen numbers in order — and says what it had to guess.
import type {
  ProactiveBlockDef,
  ReportFormat,
  RowDef,
  SectionKey,
  TableKey,
} from '../format/index.js';
import type { AnnualReport, CellValue, Finding, Grid } from '../model.js';
import type { SourceLine } from './document.js';
import { chooseFormat } from './format-choice.js';
import { isHeaderRow } from './header-row.js';
import { compact, definitionLabel, readCell, similarityOf, stripBookmarks } from './labels.js';
import type { CellReading } from './labels.js';
import { readAgencyFromHead, readSignature, readYear } from './metadata.js';
import { resolveRow } from './resolve-row.js';
import { mayRunTogether, rowReadings, solveRequests } from './run-together.js';
import type { Relation, RunTogetherRow, Solved } from './run-together.js';
import { readingFromText } from './stated-counts.js';
import { unfoundSectionNotes } from './unfound-sections.js';
import type { RowReading, SumRule } from './resolve-row.js';
import { headingSection, missedSection, printedHeading, subheadingSection } from './sections.js';
import {
  matchBlock,
  matchGroup,
  matchRow,
  printed,
  printedRowLabel,
  singleRowOfGroup,
  totalRule,
} from './tables.js';
import type { PrintedLabel } from './tables.js';

export interface Recognised {
  report: AnnualReport;
  findings: Finding[];
}

const TABLE_NAME: Record<TableKey, string> = {
  proactive: '表二',
  requests: '表三',
  review: '表四',
};
const TABLE_SECTIONS: readonly SectionKey[] = ['proactive', 'requests', 'review'];
/** Longer text is prose, never a table's first label. */
const TRIGGER_MAX = 80;
/** Fewer values than this before a label in table 四 are header noise, not data. */
const REVIEW_MIN_RUN = 5;
/** How close a printed heading must be to a table 四 group's name. */
const GROUP_SIMILAR = 0.75;

interface OpenRow {
  table: 'proactive' | 'requests';
  key: string;
  where: string;
  columns: readonly { key: string; label: string }[];
  rules: readonly SumRule[];
  values: CellValue[];
  /** Each value as printed, for rows whose cells ran together (「640020470」). */
  raws: (string | null)[];
  /** A group heading that may turn out to be printed as a single row (values follow it). */
  tentative: boolean;
  /** How many of its values stood on lines outside any table (「1」 alone on a line). */
  loose?: number;
  /** Positions of values that are empty lines of text, blank cells only if the row needs them. */
  gaps?: number[];
}

function emptyGrid(rows: readonly { key: string; columns: readonly { key: string }[] }[]): Grid {
  const grid: Grid = {};
  for (const row of rows) grid[row.key] = Object.fromEntries(row.columns.map((c) => [c.key, null]));
  return grid;
}

/** A numbered label (「2.重复申请」) is never a cell's content, however short. */
const NUMBERED = /^[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]/u;

const isProse = (text: string): boolean => text.includes('。') || /[；;]$/u.test(text);

class Recogniser {
  readonly findings: Finding[] = [];
  /** Rows read from an outcome group printed as a single line. */
  private readonly singleRows: string[] = [];
  /** Rows whose cells ran together, read once the whole table is known. */
  private readonly runs: {
    table: 'proactive' | 'requests';
    key: string;
    where: string;
    printed: string;
    row: RunTogetherRow;
    tooMany: boolean;
  }[] = [];
  readonly proactive: Grid;
  readonly requests: Grid;
  readonly review: Grid;
  readonly headings: (string | null)[];
  readonly prose: string[][];
  section = -1;
  table: TableKey | null = null;
  block: ProactiveBlockDef | null = null;
  open: OpenRow | null = null;
  requestIndex = -1;
  group: string | null = null;
  proactiveFound = new Set<string>();
  /** Rows of table 三 whose label stood outside a pipe table and that got no numbers, in order. */
  stacked: string[] = [];
  reviewValues: CellValue[] = [];
  reviewRaws: (string | null)[] = [];
  reviewFrozen = false;
  recognisedSomething = false;

  constructor(readonly format: ReportFormat) {
    this.proactive = emptyGrid(
      format.proactive.blocks.flatMap((b) =>
        b.rows.map((r) => ({ key: r.key, columns: b.columns })),
      ),
    );
    this.requests = emptyGrid(
      format.requests.rows.map((r) => ({ key: r.key, columns: format.requests.columns })),
    );
    this.review = emptyGrid(
      format.review.groups.map((g) => ({ key: g.key, columns: format.review.columns })),
    );
    this.headings = format.sections.map(() => null);
    this.prose = format.sections.map(() => []);
  }

  line(line: SourceLine): void {
    if (line.gap) {
      const open = this.open;
      if (open && open.values.length > 0 && this.table !== 'review') {
        (open.gaps ??= []).push(open.values.length);
        open.values.push(null);
        open.raws.push(null);
      }
      return;
    }
    const texts = line.cells.filter((c): c is string => c !== null && c.trim() !== '');
    const only = texts.length === 1 ? texts[0]! : null;
    if (only !== null) {
      const s = this.sectionHeaded(only);
      if (s !== null) return this.enterSection(s, only);
    }
    if (this.table === null && !line.tableRow) {
      // Prose sections: only a table's own marks (a 第二十条 block heading …) start a table.
      if (!texts.some((t) => this.trigger(printed(t))))
        return this.addProse(texts.join(' '), line.continues);
    }
    const readings = line.cells.map(readCell);
    // A header repeated or invented over a piece of a table names columns: skipped whole.
    if (
      line.tableRow &&
      !texts.some((t) => this.trigger(printed(t))) &&
      isHeaderRow(readings, this.format)
    )
      return;
    // A label wrapped in a PDF table cell (「5.要求行政机关确认」/「或重新出具已获取 0 0 …」/
    // 「信息」): a line whose first text names no row, under a row that has no numbers yet,
    // is the rest of that row's label, and its numbers are that row's.
    // The heading of the open row's group, printed in a tall merged cell, may share the
    // baseline of any of its lines: it is skipped there, not taken as a new group.
    const skip = new Set<number>();
    let first = readings.findIndex((r) => r.kind === 'label');
    if (first >= 0 && this.headsOpenGroup(readings[first]!)) {
      skip.add(first);
      first = readings.findIndex((r, i) => i > first && r.kind === 'label');
    }
    // A row named in a heading, then printed again in the table under it with its numbers
    // (「### 一、本年新收…」/「| 本年新收… | 705 | …」): the same row, not the next one.
    if (first >= 0 && !line.tableRow && this.endsReadLabel(readings[first]!)) {
      skip.add(first);
      first = readings.findIndex((r, i) => i > first && r.kind === 'label');
    }
    const wrapped =
      first >= 0 &&
      (this.repeatsOpenRow(readings[first]!) || this.continuesLabel(readings[first]!));
    if (wrapped) skip.add(first);
    // A table row that has its own label starts afresh: its leading blanks (merged cells
    // flattened by a converter) do not belong to the row above.
    if (line.tableRow && first >= 0 && !wrapped) this.closeRow();
    if (line.tableRow && first < 0) this.unlabelledRow(readings, line.grid === true);
    let rowOnLine = wrapped;
    for (const [i, reading] of readings.entries()) {
      if (skip.has(i)) continue;
      if (reading.kind === 'value') {
        this.value(reading.value, reading.raw === '' ? null : reading.raw);
        if (!line.tableRow && this.open) this.open.loose = (this.open.loose ?? 0) + 1;
        continue;
      }
      // A label wrapped in its cell and cut into pieces across cells (「缴纳费用、」|「行政机关
      // 不再处理其政」|0|…): every piece before the numbers continues the same label.
      if (wrapped && this.continuesLabel(reading)) continue;
      // In a real table row, short text after the row's label is that cell's content (「无」).
      if (
        line.tableRow &&
        rowOnLine &&
        this.open &&
        !this.open.tentative &&
        reading.text.length <= 6 &&
        !NUMBERED.test(reading.text)
      ) {
        this.value(reading.text, reading.text);
        continue;
      }
      const matched = this.label(printed(reading.text), line.tableRow, line.continues);
      if (matched) rowOnLine = true;
    }
  }

  /**
   * A table row of numbers only, a whole row of them, after a row that already has all its
   * numbers: a converter printed its label elsewhere (above the table, out of order). It is
   * read as the next row of table 三, said so in a note, so that its sums are only assessed
   * with that reading in doubt.
   */
  private unlabelledRow(readings: readonly CellReading[], grid: boolean): void {
    const open = this.open;
    if (this.table !== 'requests' || !open || open.table !== 'requests' || open.tentative) return;
    const width = open.columns.length;
    const blank = (r: CellReading) => r.kind === 'value' && r.raw === '';
    let end = readings.length;
    while (end > 0 && blank(readings[end - 1]!)) end--;
    const values = readings.slice(0, end);
    if (values.length !== width || !values.every((r) => r.kind === 'value')) return;
    if (values.every(blank)) return;
    const rows = this.format.requests.rows;
    // Labels a converter stacked above its table's rows take those rows in order.
    const stacked = grid ? this.nextStacked(open.key) : undefined;
    if (stacked) {
      this.closeRow();
      const index = rows.findIndex((r) => r.key === stacked);
      this.openRequestsRow(rows[index]!, false);
      this.requestIndex = index;
      this.group = rows[index]!.group ?? null;
      return this.noteUnlabelled(stacked, width, 'stacked');
    }
    // A number alone on a line outside the table before a whole row of them is not a cell.
    if (grid && open.values.length > 0 && open.loose === open.values.length) {
      const strays = open.raws.filter((r): r is string => r !== null).join('、');
      open.values = [];
      open.raws = [];
      open.loose = 0;
      this.ambiguous(
        'requests',
        open.key,
        width,
        width,
        `${open.where}的数字之前有单独印在表格之外的“${strays}”，不属于本行的任何一格，未读入；请核对原文`,
      );
      return;
    }
    if (open.values.length < width) return;
    const next = rows[this.requestIndex + 1];
    if (rows[this.requestIndex]?.key !== open.key || !next || this.hasValues(next.key)) return;
    this.openRequestsRow(next, false);
    this.requestIndex++;
    this.noteUnlabelled(next.key, width, 'next');
  }

  /** The first row whose label stood above the table and that is still unread, before `open`. */
  private nextStacked(open: string): string | undefined {
    this.stacked = this.stacked.filter((k) => k !== open && !this.hasValues(k));
    const first = this.stacked.shift();
    if (first !== undefined && this.open?.values.length === 0) this.stacked.push(open);
    return first;
  }

  private noteUnlabelled(key: string, width: number, how: 'stacked' | 'next'): void {
    const why =
      how === 'stacked'
        ? '行名与其他行名一起印在表格之上，按行名的先后次序读作该行'
        : '行名没有印出（印在表格之外或已丢失），按表中各行的次序读作该行';
    this.ambiguous(
      'requests',
      key,
      width,
      width,
      `${this.open!.where}的数字前没有行名：${why}；请核对原文`,
    );
  }

  private hasValues(key: string): boolean {
    return Object.values(this.requests[key] ?? {}).some((v) => v !== null);
  }

  /** Whether a label cell is the heading of the group of a row still waiting for its numbers. */
  private headsOpenGroup(reading: ReturnType<typeof readCell>): boolean {
    const open = this.open;
    if (reading.kind !== 'label' || !open || open.table !== 'requests' || open.tentative)
      return false;
    if (open.values.length > 0 || this.group === null) return false;
    const text = printed(reading.text);
    if (matchRow(text, this.format.requests.rows, this.requestIndex) >= 0) return false;
    if (matchGroup(text, this.format) === this.group) return true;
    // The heading cut by the side column's wrapping: its number and the start of its label
    // (「（三）不」 of 「（三）不予公开」).
    const group = this.format.requests.outcomeGroups.find((g) => g.key === this.group);
    const rest = text.label.norm;
    return (
      group !== undefined &&
      rest !== '' &&
      text.compact.startsWith(compact(group.number)) &&
      definitionLabel(group.label).norm.startsWith(rest)
    );
  }

  /**
   * The last piece of a wrapped label printed below its numbers (「息公开申请」 under
   * 「正、行政机关不再处理其政府信 67 3 …」): the end of the label of the row just read, not
   * a row of its own, however much it resembles a later row's label.
   */
  private endsReadLabel(reading: CellReading): boolean {
    const open = this.open;
    if (reading.kind !== 'label' || !open || open.tentative || open.values.length === 0)
      return false;
    if (NUMBERED.test(reading.text) || isProse(reading.text)) return false;
    const rest = printed(reading.text).label.norm;
    const row =
      open.table === 'requests'
        ? this.format.requests.rows.find((r) => r.key === open.key)
        : this.format.proactive.blocks.flatMap((b) => b.rows).find((r) => r.key === open.key);
    return (
      rest.length >= 2 &&
      row !== undefined &&
      [row.label, ...(row.aliases ?? [])].some((l) => definitionLabel(l).norm.endsWith(rest))
    );
  }

  /** Whether a label cell repeats the label of the open row, which has no numbers yet. */
  private repeatsOpenRow(reading: ReturnType<typeof readCell>): boolean {
    const open = this.open;
    if (reading.kind !== 'label' || !open || open.tentative || open.values.length > 0) return false;
    const text = printed(reading.text);
    if (open.table === 'requests') {
      const rows = this.format.requests.rows;
      return (
        rows[this.requestIndex]?.key === open.key &&
        matchRow(text, rows, this.requestIndex - 1) === this.requestIndex
      );
    }
    const row = this.format.proactive.blocks.flatMap((b) => b.rows).find((r) => r.key === open.key);
    return row !== undefined && matchRow(text, [row], -1) === 0;
  }

  /** Whether a label cell is the wrapped rest of the open row's label rather than a label of its own. */
  private continuesLabel(reading: ReturnType<typeof readCell>): boolean {
    const open = this.open;
    if (reading.kind !== 'label' || !open || open.tentative || open.values.length > 0) return false;
    // The rest of a wrapped label never starts with a row's number: a numbered label that
    // names no row is a row misprinted, whose numbers must not go to the row above.
    if (reading.text.length > 20 || isProse(reading.text) || NUMBERED.test(reading.text))
      return false;
    const text = printed(reading.text);
    if (matchBlock(text, this.format) || matchGroup(text, this.format)) return false;
    if (
      this.startsReview(text) ||
      headingSection(reading.text, this.format.sections, this.section) !== null
    )
      return false;
    if (open.table === 'requests')
      return matchRow(text, this.format.requests.rows, this.requestIndex) < 0;
    const rows = this.format.proactive.blocks.flatMap((b) =>
      b.rows.filter((r) => !this.proactiveFound.has(r.key)),
    );
    return matchRow(text, rows, -1) < 0;
  }

  /** The section a one-cell line is the heading of, if any. */
  private sectionHeaded(text: string): number | null {
    const sections = this.format.sections;
    const s = headingSection(text, sections, this.section);
    if (s !== null) return s;
    const missed = missedSection(
      text,
      sections,
      this.headings.map((h) => h !== null),
    );
    if (missed !== null) return missed;
    // A table section holds no prose headings of its own: a 「（一）」 there that names the
    // next section starts it, when that section's heading was not printed.
    const current = sections[this.section];
    return current && TABLE_SECTIONS.includes(current.key)
      ? subheadingSection(text, sections, this.section)
      : null;
  }

  private enterSection(index: number, text: string): void {
    this.leaveTable();
    this.section = index;
    this.headings[index] = printedHeading(text);
    const key = this.format.sections[index]!.key;
    this.table = TABLE_SECTIONS.includes(key) ? (key as TableKey) : null;
    this.block = null;
    this.recognisedSomething = true;
  }

  /** Marks that start a table even where no section heading announced it. */
  private trigger(text: PrintedLabel): boolean {
    // Table labels and headings are short; a paragraph of prose starts no table.
    if (text.text.length > TRIGGER_MAX) return false;
    if (matchBlock(text, this.format)) return true;
    if (this.startsRequests(text)) return true;
    return this.startsReview(text);
  }

  /** 「一、本年新收政府信息公开申请数量」: the first row of table 三. */
  private startsRequests(text: PrintedLabel): boolean {
    return matchRow(text, this.format.requests.rows.slice(0, 1), -1) === 0;
  }

  /** 「行政复议」: the first group heading of table 四. */
  private startsReview(text: PrintedLabel): boolean {
    return text.label.norm === definitionLabel(this.format.review.groups[0]!.label).norm;
  }

  private addProse(text: string, continues = false): void {
    const clean = stripBookmarks(text).trim();
    if (this.section < 0 || clean === '') return;
    const prose = this.prose[this.section]!;
    if (continues && prose.length > 0) prose[prose.length - 1] += clean;
    else prose.push(clean);
  }

  /** Handles a label cell; returns true when it opened a row. */
  private label(label: PrintedLabel, tableRow: boolean, continues = false): boolean {
    const text = label.text;
    const block = matchBlock(label, this.format);
    if (block) {
      if (this.table !== 'proactive') this.leaveTable();
      this.closeRow();
      this.table = 'proactive';
      this.block = block;
      return false;
    }
    if (this.table !== 'review' && this.startsReview(label)) {
      this.leaveTable();
      this.table = 'review';
    }
    if (this.table !== 'requests' && this.table !== 'review' && this.startsRequests(label)) {
      this.leaveTable();
      this.table = 'requests';
    }
    if (!tableRow && isProse(text)) {
      this.closeRow();
      this.addProse(text, continues);
      return false;
    }
    if (this.table === 'proactive') return this.proactiveLabel(label);
    if (this.table === 'requests') return this.requestsLabel(label);
    if (this.table === 'review') this.reviewLabel(label);
    return false;
  }

  private proactiveLabel(text: PrintedLabel): boolean {
    // The current block first; then the others, whose rows a converter may print after a
    // later block's heading (「第二十条第（一）项」 alone, its rows below 「第二十条第（八）项」).
    const all = this.format.proactive.blocks;
    const blocks = this.block ? [this.block, ...all.filter((b) => b !== this.block)] : all;
    for (const block of blocks) {
      const rows = block.rows.filter((r) => !this.proactiveFound.has(r.key));
      const i = matchRow(text, rows, -1);
      if (i < 0) continue;
      const row = rows[i]!;
      this.closeRow();
      this.block = block;
      this.proactiveFound.add(row.key);
      this.open = {
        table: 'proactive',
        key: row.key,
        where: `${TABLE_NAME.proactive}“${row.label}”行`,
        columns: block.columns,
        rules: [],
        values: [],
        raws: [],
        tentative: false,
      };
      this.recognisedSomething = true;
      return true;
    }
    this.closeRow();
    return false;
  }

  private requestsLabel(text: PrintedLabel): boolean {
    const rows = this.format.requests.rows;
    const i = matchRow(text, rows, this.requestIndex);
    if (i < 0) {
      const back = this.skippedRow(text);
      if (back >= 0) {
        this.openRequestsRow(rows[back]!, false);
        this.requestIndex = back;
        this.group = rows[back]!.group ?? null;
        return true;
      }
    }
    if (i >= 0 && this.namesGroupOf(text, rows[i]!)) {
      // 「（六）其他处理」 resembles its own sub-row 「3.其他」: it is the group's heading, which
      // a report may print as a single row with values.
      this.closeRow();
      this.group = rows[i]!.group ?? null;
      this.openRequestsRow(rows[i]!, true);
      return true;
    }
    if (i >= 0) {
      this.openRequestsRow(rows[i]!, false);
      this.requestIndex = i;
      this.group = rows[i]!.group ?? null;
      return true;
    }
    const group = matchGroup(text, this.format);
    this.closeRow();
    if (group) {
      this.group = group;
      const single = singleRowOfGroup(group, this.format);
      const row = single ? rows.find((r) => r.key === single) : undefined;
      const index = row ? rows.indexOf(row) : -1;
      if (row && index > this.requestIndex) this.openRequestsRow(row, true);
    }
    return false;
  }

  /**
   * A row passed over by a label printed out of order (a converter moved 「5.要求行政机关确认…」
   * above the rows before it): a label naming a row after the last row that has numbers and
   * before the current one, still unread, is that row. -1 when there is none.
   */
  private skippedRow(text: PrintedLabel): number {
    const rows = this.format.requests.rows;
    let filled = this.requestIndex - 1;
    while (filled >= 0 && !this.hasValues(rows[filled]!.key)) filled--;
    if (filled >= this.requestIndex - 1) return -1;
    const i = matchRow(text, rows.slice(0, this.requestIndex), filled);
    return i >= 0 && !this.hasValues(rows[i]!.key) ? i : -1;
  }

  /** Whether `text` is the heading of the outcome group whose single-row reading is `row`. */
  private namesGroupOf(text: PrintedLabel, row: RowDef): boolean {
    const group = this.format.requests.outcomeGroups.find((g) => g.key === row.group);
    if (!group || row.number === group.number) return false;
    return (
      matchGroup(text, this.format) === group.key &&
      singleRowOfGroup(group.key, this.format) === row.key
    );
  }

  private openRequestsRow(row: RowDef, tentative: boolean): void {
    this.closeRow();
    const group = this.format.requests.outcomeGroups.find((g) => g.key === row.group);
    const label = tentative && group ? `${group.number}${group.label}` : printedRowLabel(row);
    this.open = {
      table: 'requests',
      key: row.key,
      where: `${TABLE_NAME.requests}“${label}”行`,
      columns: this.format.requests.columns,
      rules: totalRule(this.format.requests.columns),
      values: [],
      raws: [],
      tentative,
    };
    this.recognisedSomething = true;
  }

  private reviewLabel(label: PrintedLabel): void {
    if (this.reviewFrozen) return;
    // Table 四 printed as one small table per group (「### 行政诉讼（复议后起诉）」 over its five
    // numbers): a group's heading after whole groups of numbers continues the table.
    const width = this.format.review.columns.length;
    if (this.reviewValues.length % width === 0 && namesReviewGroup(label, this.format)) return;
    // Blank header cells, or a stray number or two, before a label are not the table's data.
    const all = this.format.review.groups.length * width;
    const data =
      this.reviewValues.some((v) => v !== null) &&
      (this.reviewValues.length >= REVIEW_MIN_RUN || mayRunTogether(this.reviewRaws, all));
    if (data) this.reviewFrozen = true;
    else {
      this.reviewValues = [];
      this.reviewRaws = [];
    }
  }

  private value(value: CellValue, raw: string | null): void {
    if (this.table === 'review') {
      if (!this.reviewFrozen) {
        this.reviewValues.push(value);
        this.reviewRaws.push(raw);
      }
      return;
    }
    this.open?.values.push(value);
    this.open?.raws.push(raw);
  }

  private closeRow(): void {
    const open = this.open;
    this.open = null;
    if (!open || (open.tentative && open.values.length === 0)) return;
    if (open.tentative)
      this.requestIndex = this.format.requests.rows.findIndex((r) => r.key === open.key);
    dropSpacing(open);
    if (open.table === 'requests' && !open.tentative && open.values.length === 0)
      this.stacked.push(open.key);
    // Blank cells past the row's last column are the remnants of merged cells that a
    // converter flattened (「行政许可 | 0 | ||」), not values.
    while (open.values.length > open.columns.length && open.values.at(-1) === null) {
      open.values.pop();
      open.raws.pop();
    }
    if (open.values.length === 0) return;
    if (open.tentative) this.singleRows.push(open.key);
    if (mayRunTogether(open.raws, open.columns.length)) return this.runTogether(open);
    const reading = resolveRow(
      open.values,
      open.columns.map((c) => c.label),
      open.rules,
      open.where,
    );
    const grid = open.table === 'proactive' ? this.proactive : this.requests;
    grid[open.key] = Object.fromEntries(
      open.columns.map((c, i) => [c.key, reading.cells[i] ?? null]),
    );
    if (reading.explanation)
      this.ambiguous(
        open.table,
        open.key,
        open.columns.length,
        open.values.length,
        reading.explanation,
      );
  }

  private leaveTable(): void {
    this.closeRow();
    if (this.table === 'review' && this.reviewValues.length > 0) this.finishReview();
    this.table = null;
    this.block = null;
  }

  private finishReview(): void {
    const { groups, columns } = this.format.review;
    const names = groups.flatMap((g) => columns.map((c) => `${g.label}“${c.label}”`));
    const rules = groups.flatMap((_, i) => totalRule(columns, i * columns.length));
    const reading = mayRunTogether(this.reviewRaws, names.length)
      ? this.reviewRunTogether(rules, names.length)
      : resolveRow(this.reviewValues, names, rules, TABLE_NAME.review);
    groups.forEach((g, gi) => {
      this.review[g.key] = Object.fromEntries(
        columns.map((c, ci) => [c.key, reading.cells[gi * columns.length + ci] ?? null]),
      );
    });
    if (reading.explanation)
      this.ambiguous('review', null, names.length, this.reviewValues.length, reading.explanation);
    this.reviewValues = [];
    this.reviewRaws = [];
    this.reviewFrozen = false;
    this.recognisedSomething = true;
  }

  /**
   * Table 四's fifteen numbers run together (「1100211000120103」): read only when the three
   * groups' 总计 admit one cut (run-together.ts); otherwise the table stays blank, said so.
   */
  private reviewRunTogether(rules: readonly SumRule[], width: number): RowReading {
    const printedRun = this.reviewRaws.map((r) => r ?? '空白').join(' ');
    const readings = rowReadings(this.reviewRaws, this.reviewValues, width, rules);
    const only = readings?.length === 1 ? readings[0]! : null;
    if (only)
      return {
        cells: only,
        explanation: `${TABLE_NAME.review}的数字连在一起（“${printedRun}”）；按各组“总计”只有一种拆分，读作${only.map((v) => (v === null ? '空白' : String(v))).join('、')}`,
      };
    const why =
      readings === null
        ? '可能的拆分方式过多'
        : readings.length === 0
          ? '没有一种拆分符合各组的“总计”'
          : `有${readings.length}种拆分都符合各组的“总计”`;
    return {
      cells: Array<CellValue>(width).fill(null),
      explanation: `${TABLE_NAME.review}的数字连在一起（“${printedRun}”），未能可靠读取：${why}；表四按未读出处理，依赖它的核对未能进行，请核对原文`,
    };
  }

  private ambiguous(
    table: TableKey,
    row: string | null,
    expected: number,
    actual: number,
    message: string,
  ): void {
    this.findings.push({
      code: 'CELL_AMBIGUOUS',
      severity: 'warning',
      table,
      row,
      column: null,
      section: null,
      expected,
      actual,
      message,
    });
  }

  /** A row whose cells ran together: its reading waits for the whole table (run-together.ts). */
  private runTogether(open: OpenRow): void {
    const grid = open.table === 'proactive' ? this.proactive : this.requests;
    grid[open.key] = Object.fromEntries(open.columns.map((c) => [c.key, null]));
    const readings = rowReadings(open.raws, open.values, open.columns.length, open.rules);
    this.runs.push({
      table: open.table,
      key: open.key,
      where: open.where,
      printed: open.raws.map((r) => r ?? '空白').join(' '),
      row: { key: open.key, columns: open.columns.map((c) => c.key), readings: readings ?? [] },
      tooMany: readings === null,
    });
  }

  /**
   * The rows whose cells ran together, read where the table's sums admit exactly one
   * reading of all of them together; otherwise each is said to be unreadable.
   */
  private readRuns(): void {
    if (this.runs.length === 0) return;
    const doubted = new Set(this.findings.filter((f) => f.row).map((f) => f.row!));
    // A row none of whose cuts keeps its own 总计 is unreadable whatever the others are: it
    // stays out of the search, and the relations through it decide nothing.
    const requests = this.runs
      .filter((r) => r.table === 'requests' && r.row.readings.length > 0)
      .map((r) => r.row);
    const solved =
      requests.length > 0
        ? solveRequests(this.format, this.requests, requests, doubted)
        : { readings: null, solutions: 'none' as const, broken: null };
    for (const run of this.runs) {
      const read = run.table === 'requests' ? solvedReading(run.row, solved) : this.cutOnce(run);
      const grid = run.table === 'proactive' ? this.proactive : this.requests;
      const columns = run.row.columns;
      const printedCount = run.printed.split(' ').length;
      if (read) {
        const { cells, how } = read;
        grid[run.key] = Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? null]));
        this.ambiguous(
          run.table,
          run.key,
          columns.length,
          printedCount,
          `${run.where}的数字连在一起（“${run.printed}”）；${how}，读作${cells.map((v) => (v === null ? '空白' : String(v))).join('、')}`,
        );
        continue;
      }
      this.ambiguous(
        run.table,
        run.key,
        columns.length,
        printedCount,
        `${run.where}的数字连在一起（“${run.printed}”），未能可靠读取：${whyUnreadable(run, solved)}；该行按未读出处理，依赖它的核对未能进行，请核对原文`,
      );
    }
  }

  /**
   * Table 二 has no sums to decide a cut: a run is read when it can be cut only one way into
   * numbers as tables print them (「0011」 is 0, 0, 11: no number starts with 0), or when
   * exactly one cut agrees with the counts the report's own text states (stated-counts.ts).
   */
  private cutOnce(run: { key: string; row: RunTogetherRow }): RunReading | null {
    const readings = run.row.readings;
    if (readings.length === 1) return { cells: readings[0]!, how: '只能拆成一种不以0开头的数字' };
    const block = this.format.proactive.blocks.find((b) => b.rows.some((r) => r.key === run.key));
    const text = this.prose.flat().join('\n');
    const stated = block ? readingFromText(readings, text, block, run.key) : null;
    return stated
      ? { cells: stated.cells, how: `与报告正文所述（${stated.because}）相符的拆分只有一种` }
      : null;
  }

  finish(): void {
    this.leaveTable();
    this.readRuns();
    for (const key of this.singleRows) this.fillUnprintedSiblings(key);
    this.noteTableCutShort();
  }

  /**
   * Table 三 read up to some row and nothing after it (a stored page cut off, a converter
   * that lost the end of the table): one note names where it stops, so that the sums over
   * the rows after it are not assessed rather than computed from blanks.
   */
  private noteTableCutShort(): void {
    const rows = this.format.requests.rows;
    const read = (key: string) => Object.values(this.requests[key] ?? {}).some((v) => v !== null);
    const last = rows.findLastIndex((r) => read(r.key));
    if (last < 0 || last === rows.length - 1) return;
    const next = rows[last + 1]!;
    const group = this.format.requests.outcomeGroups.find((g) => g.key === next.group);
    const label =
      group && next.number !== group.number
        ? `${group.number}${group.label} ${printedRowLabel(next)}`
        : printedRowLabel(next);
    this.ambiguous(
      'requests',
      next.key,
      rows.length,
      last + 1,
      `${TABLE_NAME.requests}“${label}”及以下的行未能可靠读取：这些行没有读到任何数字（表格在此中断，或这些行全为空白），依赖它们的核对未能进行；请核对原文`,
    );
  }

  /**
   * A 2021 report that prints an outcome group as one row (「（六）其他处理」 with values, as
   * the 2019 format had it) has no line for the group's other rows. Its values are read into
   * the row the single line stands for; the rows it never printed count 0, and that choice is
   * reported once — rather than as one "empty row" per unprinted row.
   */
  private fillUnprintedSiblings(key: string): void {
    const rows = this.format.requests.rows;
    const row = rows.find((r) => r.key === key);
    const siblings = rows.filter(
      (r) => r.group !== undefined && r.group === row?.group && r.key !== key,
    );
    if (
      !row ||
      siblings.length === 0 ||
      siblings.some((r) => Object.values(this.requests[r.key] ?? {}).some((v) => v !== null))
    )
      return;
    for (const r of siblings) {
      this.requests[r.key] = Object.fromEntries(
        this.format.requests.columns.map((c) => [c.key, 0]),
      );
    }
    const group = this.format.requests.outcomeGroups.find((g) => g.key === row.group)!;
    const names = siblings.map((r) => `“${r.number}${r.label}”`).join('');
    this.ambiguous(
      'requests',
      key,
      siblings.length + 1,
      1,
      `${TABLE_NAME.requests}“${group.number}${group.label}”只印了一行（2019年试行格式的写法），其数值计入“${row.number}${row.label}”；报告中没有${names}这${siblings.length}行，按0计`,
    );
  }
}

interface RunReading {
  cells: CellValue[];
  /** How the cut was decided, for the reading note. */
  how: string;
}

const BROKEN: Record<Relation, string> = {
  outcome:
    '本表各项办理结果之和与“（七）总计”不符；按各行“总计”和“第一项加第二项之和，等于第三项加第四项之和”只有一种拆分',
  balance:
    '本表“第一项加第二项之和，等于第三项加第四项之和”不成立；按各行“总计”和各项办理结果之和等于“（七）总计”只有一种拆分',
};

function solvedReading(row: RunTogetherRow, solved: Solved): RunReading | null {
  const cells = solved.readings?.get(row.key);
  if (!cells) return null;
  return { cells, how: solved.broken ? BROKEN[solved.broken] : '按本表的合计关系只有一种拆分' };
}

/**
 * Empty lines read as blank cells stay only when the row then has exactly its table's width
 * and would not without them (「26」, five empty lines, 「26」); otherwise they were spacing.
 */
function dropSpacing(open: OpenRow): void {
  const gaps = open.gaps;
  if (!gaps || gaps.length === 0) return;
  const width = open.columns.length;
  const without = open.values.filter((_, i) => !gaps.includes(i));
  if (open.values.length === width && without.length !== width) return;
  open.values = without;
  open.raws = open.raws.filter((_, i) => !gaps.includes(i));
}

/** Whether a label is the heading of a group of table 四 (「行政诉讼（未经复议直接起诉）」「复议后起诉」). */
function namesReviewGroup(label: PrintedLabel, format: ReportFormat): boolean {
  return format.review.groups.some((g) =>
    [g.label, `${g.parentLabel ?? ''}${g.label}`].some(
      (name) => similarityOf(label.label, definitionLabel(name)) >= GROUP_SIMILAR,
    ),
  );
}

function whyUnreadable(
  run: { table: TableKey; tooMany: boolean; row: RunTogetherRow },
  solved: Solved,
): string {
  if (run.tooMany) return '可能的拆分方式过多';
  if (run.table === 'proactive') return '表二没有合计关系可据以确定拆分';
  const n = run.row.readings.length;
  if (n === 0) return '没有一种拆分符合本行的“总计”';
  if (solved.solutions === 'none')
    return `符合本行“总计”的拆分有${n}种，但与本表各列的合计关系都不相符`;
  return `符合本行“总计”的拆分有${n}种，加上本表各列的合计关系仍不能确定是哪一种`;
}

function headText(lines: readonly SourceLine[]): string {
  const out: string[] = [];
  for (const line of lines) {
    if (out.length >= 12) break;
    const text = line.cells.filter((c): c is string => c !== null).join('');
    if (text.trim() !== '') out.push(stripBookmarks(text).trim());
  }
  return out.join('\n');
}

/** The last few one-cell lines of the document, where a signature stands. */
function tailText(lines: readonly SourceLine[]): string[] {
  const out: string[] = [];
  for (let i = lines.length - 1; i >= 0 && out.length < 3; i--) {
    const line = lines[i]!;
    if (line.tableRow) break;
    const text = stripBookmarks(line.cells.filter((c): c is string => c !== null).join('')).trim();
    if (text !== '') out.unshift(text);
  }
  return out;
}

/** Maps the lines of a document onto the format definition; null when nothing of a report is there. */
export function recognise(lines: readonly SourceLine[]): Recognised | null {
  const head = headText(lines);
  const year = readYear(head);
  const labels: string[] = [];
  for (const line of lines) for (const c of line.cells) if (c !== null) labels.push(c);
  const format = chooseFormat(labels, year);
  const r = new Recogniser(format);
  for (const line of lines) r.line(line);
  r.finish();
  if (!r.recognisedSomething) return null;

  // The signature closes the document, whether or not its sections were recognised; when it
  // ends the last section's prose, it is not part of that text.
  const signature = readSignature(tailText(lines));
  const last = r.prose.findLastIndex((p) => p.length > 0);
  const lastProse = last >= 0 ? r.prose[last]! : [];
  const signed = tailText(lines)
    .slice(-signature.lines)
    .map((l) => l.replace(/\s+/gu, ''));
  const ending = lastProse.slice(-signature.lines).map((l) => l.replace(/\s+/gu, ''));
  if (signature.lines > 0 && signed.join('\n') === ending.join('\n')) {
    lastProse.splice(lastProse.length - signature.lines, signature.lines);
  }

  const report: AnnualReport = {
    agency: signature.agency ?? readAgencyFromHead(head),
    year,
    format: format.id,
    publishedOn: signature.publishedOn,
    sections: format.sections.map((s, i) => ({
      key: s.key,
      heading: r.headings[i] ?? null,
      text: r.prose[i]!.join('\n'),
    })),
    tables: { proactive: r.proactive, requests: r.requests, review: r.review },
  };
  return { report, findings: [...r.findings, ...unfoundSectionNotes(format, r.headings, r.prose)] };
}
