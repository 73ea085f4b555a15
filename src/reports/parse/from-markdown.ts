// Markdown written by PDF converters: pipe tables (| a | b |, with a |---| rule), HTML
// <table> blocks embedded in the Markdown, headings (#) and emphasis marks around text.
import type { SourceCell, SourceLine } from './document.js';
import { textLine } from './document.js';
import { linesFromHtml } from './from-html.js';
import { READ_LIMITS, type ReadLimits } from './limits.js';

const RULE = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/u;
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

function markdownLines(text: string): SourceLine[] {
  const out: SourceLine[] = [];
  for (const raw of text.split(/\r\n|\r|\n/u)) {
    if (raw.trim() === '' || RULE.test(raw)) continue;
    if (/^\s*\|/u.test(raw)) out.push({ cells: pipeCells(raw), tableRow: true });
    else {
      const t = stripMarks(raw);
      if (t !== '') out.push(textLine(t));
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
