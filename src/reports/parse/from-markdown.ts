// Markdown written by PDF converters: pipe tables (| a | b |, with a |---| rule), HTML
// <table> blocks embedded in the Markdown, headings (#) and emphasis marks around text.
import type { SourceCell, SourceLine } from './document.js';
import { splitRow } from './from-text.js';
import { linesFromHtml } from './from-html.js';
import { READ_LIMITS, type ReadLimits } from './limits.js';

const RULE = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/u;
const PAGE_NUMBER = /^[—－–-]\s*\d{1,4}\s*[—－–-]$/u;
const TABLE_BLOCK = /<table[\s>][\s\S]*?<\/table>/giu;

function pipeCells(line: string): SourceCell[] {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  return s.split(/(?<!\\)\|/u).map((c) => {
    const t = stripMarks(c.replace(/\\\|/gu, '|').replace(/<br\s*\/?>/giu, ' '));
    return t === '' ? null : t;
  });
}

function stripMarks(text: string): string {
  return text
    .replace(/^\s{0,3}#{1,6}\s+/u, '')
    .replace(/^\s*>\s?/u, '')
    .replace(/(\*\*|__)(.*?)\1/gu, '$2')
    .replace(/<\/?[a-z][^>]*>/giu, '')
    .replace(/&nbsp;/gu, ' ')
    .trim();
}

/** A short piece of a label cut by wrapping, then a numbered row label: 「（四）无2.没有现成信息需要另」. */
const TWO_COLUMNS = /^([^\d\s。，,；;：:]{1,6}?)(\d{1,2}[.．、][^\d\s].*)$/u;

/**
 * Text taken across a table's columns line by line joins the group column's piece with the
 * row label beside it (「予处理4.无正当理由大量反复」): they are two cells.
 */
function columnsRunTogether(line: SourceLine): SourceLine {
  const only = line.cells.length === 1 && !line.tableRow ? line.cells[0]! : null;
  const m = only !== null && only.length <= 40 ? TWO_COLUMNS.exec(only) : null;
  return m ? { cells: [m[1]!, m[2]!], tableRow: false } : line;
}

function markdownLines(text: string): SourceLine[] {
  const out: SourceLine[] = [];
  for (const raw of text.split(/\r\n|\r|\n/u)) {
    if (raw.trim() === '' || RULE.test(raw)) continue;
    if (/^\s*\|/u.test(raw)) out.push({ cells: pipeCells(raw), tableRow: true, grid: true });
    else {
      const t = stripMarks(raw);
      // A converter that lost a table's grid leaves its rows as text (「行政许可 97」): read
      // like plain text. A page number (「— 4 —」) is no part of the text.
      if (t !== '' && !PAGE_NUMBER.test(t)) out.push(columnsRunTogether(splitRow(t)));
    }
  }
  return out;
}

export function linesFromMarkdown(text: string, limits: ReadLimits = READ_LIMITS): SourceLine[] {
  const out: SourceLine[] = [];
  let last = 0;
  for (const m of text.matchAll(TABLE_BLOCK)) {
    out.push(...markdownLines(text.slice(last, m.index)));
    out.push(...linesFromHtml(m[0], limits));
    last = m.index + m[0].length;
  }
  out.push(...markdownLines(text.slice(last)));
  return out;
}
