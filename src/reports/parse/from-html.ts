// HTML pages (and Word converted to HTML): paragraphs become text lines; each table row
// becomes a line of cells. Merged cells (rowspan/colspan) are laid out on a grid: a merged
// label is read once, where it starts; a merged blank or 「/」 covers every cell it spans.
import { HTMLElement, NodeType, parse } from 'node-html-parser';
import type { Node } from 'node-html-parser';
import type { SourceCell, SourceLine } from './document.js';
import { textLine } from './document.js';
import { maxOpenDepth } from './html-depth.js';
import { readCell } from './labels.js';
import { LIMIT_ERRORS, READ_LIMITS, ReadLimitError, type ReadLimits } from './limits.js';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head']);
const BLOCK = new Set([
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'td',
  'th',
  'caption',
  'p',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'aside',
  'nav',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'center',
  'hr',
  'title',
  'body',
  'html',
  'form',
  'fieldset',
  'figure',
  'figcaption',
  'address',
]);
/** Spans beyond this are treated as errors in the page, not as layout. */
const MAX_SPAN = 64;

const squash = (s: string): string => s.replace(/[\s\u00a0]+/gu, ' ').trim();

function tagOf(node: Node): string {
  return node instanceof HTMLElement ? (node.rawTagName ?? '').toLowerCase() : '';
}

/** The text of a cell; <br> and paragraphs inside it become spaces. */
function cellText(node: Node): string {
  if (node.nodeType === NodeType.TEXT_NODE) return node.text;
  const tag = tagOf(node);
  if (SKIP.has(tag)) return '';
  if (tag === 'br') return ' ';
  const inner = node.childNodes.map(cellText).join('');
  return BLOCK.has(tag) ? ` ${inner} ` : inner;
}

function span(el: HTMLElement, name: string): number {
  const n = Number.parseInt(el.getAttribute(name) ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_SPAN) : 1;
}

interface Placed {
  text: string;
  row: number;
  col: number;
  isValue: boolean;
  /** Empty, or a mark such as 「/」 that says the cell holds nothing. */
  blank: boolean;
}

/** Counts down the grid cells a page's tables may still fill; throws when they run out. */
class GridBudget {
  constructor(
    private left: number,
    private readonly limit: number,
  ) {}
  spend(cells: number): void {
    this.left -= cells;
    if (this.left < 0) throw new ReadLimitError(LIMIT_ERRORS.htmlGrid(this.limit));
  }
}

function rowsOf(table: HTMLElement): HTMLElement[] {
  return table.querySelectorAll('tr').filter((tr) => tr.closest('table') === table);
}

function cellsOf(tr: HTMLElement): HTMLElement[] {
  return tr.childNodes.filter(
    (td): td is HTMLElement =>
      td instanceof HTMLElement && (tagOf(td) === 'td' || tagOf(td) === 'th'),
  );
}

export function tableLines(
  table: HTMLElement,
  budget = new GridBudget(READ_LIMITS.htmlGridCells, READ_LIMITS.htmlGridCells),
): SourceLine[] {
  const rows = rowsOf(table);
  // The spans are counted before the grid is laid out, so a page of huge merged cells is
  // refused before it can fill memory.
  rows.forEach((tr, r) => {
    for (const td of cellsOf(tr))
      budget.spend(Math.min(span(td, 'rowspan'), rows.length - r) * span(td, 'colspan'));
  });
  const grid: (Placed | undefined)[][] = rows.map(() => []);
  rows.forEach((tr, r) => {
    let c = 0;
    for (const td of cellsOf(tr)) {
      while (grid[r]![c]) c++;
      const text = squash(cellText(td));
      const reading = readCell(text);
      const placed: Placed = {
        text,
        row: r,
        col: c,
        isValue: reading.kind === 'value',
        blank: reading.kind === 'value' && reading.value === null,
      };
      const rs = span(td, 'rowspan');
      const cs = span(td, 'colspan');
      for (let dr = 0; dr < rs && r + dr < rows.length; dr++)
        for (let dc = 0; dc < cs; dc++) grid[r + dr]![c + dc] = placed;
      c += cs;
    }
  });
  const out: SourceLine[] = [];
  for (let r = 0; r < grid.length; r++) {
    const cells: SourceCell[] = [];
    const row = grid[r]!;
    for (let c = 0; c < row.length; c++) {
      const placed = row[c];
      if (!placed) continue;
      // A merged cell is read once, where it starts — except a blank (or 「/」) merged down
      // over several rows, which leaves each of those rows' cell blank.
      const origin = placed.row === r && placed.col === c;
      const blankBelow = placed.row < r && placed.col === c && placed.blank;
      if (!origin && !blankBelow) continue;
      cells.push(placed.isValue && placed.text === '' ? null : placed.text);
    }
    if (cells.length > 0) out.push({ cells, tableRow: true });
  }
  return out;
}

export function linesFromHtml(html: string, limits: ReadLimits = READ_LIMITS): SourceLine[] {
  if (html.length > limits.textChars) throw new ReadLimitError(LIMIT_ERRORS.text(limits.textChars));
  if (maxOpenDepth(html, limits.htmlDepth) > limits.htmlDepth)
    throw new ReadLimitError(LIMIT_ERRORS.htmlDepth(limits.htmlDepth));
  const budget = new GridBudget(limits.htmlGridCells, limits.htmlGridCells);
  const root = parse(html, { comment: false });
  const out: SourceLine[] = [];
  let buffer = '';
  const flush = (): void => {
    const text = squash(buffer);
    buffer = '';
    if (text !== '') out.push(textLine(text));
  };
  const walk = (node: Node): void => {
    if (node.nodeType === NodeType.TEXT_NODE) {
      buffer += node.text;
      return;
    }
    const tag = tagOf(node);
    if (SKIP.has(tag) && tag !== 'head') return;
    // A table holding other tables is page layout (older government sites wrap the whole
    // article in one): its cells are read as blocks of text, its inner tables as tables.
    if (tag === 'table' && node instanceof HTMLElement && node.querySelector('table') === null) {
      flush();
      out.push(...tableLines(node, budget));
      return;
    }
    if (tag === 'br') return flush();
    const block = BLOCK.has(tag) || tag === 'head';
    if (block) flush();
    for (const child of node.childNodes) {
      // In <head>, only the page title carries report text.
      if (tag === 'head' && tagOf(child) !== 'title') continue;
      walk(child);
    }
    if (block) flush();
  };
  walk(root);
  flush();
  return out;
}
