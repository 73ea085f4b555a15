// Section headings as printed: 「一、总体情况」, and the mis-numbered forms seen in real
// reports (「—、总体情况」 with a dash for 一, 「3、 收到和处理…」 with an Arabic digit).
// A heading is recognised by its title (compared with the format definition), not by its
// number, so the number is kept exactly as printed for the checks to judge.
import type { SectionDef } from '../format/index.js';
import {
  definitionLabel,
  normaliseLabel,
  prepare,
  similarityOf,
  stripBookmarks,
} from './labels.js';

const HEADING = /^([一二三四五六七八九十]|[0-9０-９]{1,2}|[—－–―-])\s*[、.．，,]\s*(\S.*)$/u;

/** The section a line is the heading of, if any; `after` is the index of the last section found. */
export function headingSection(
  text: string,
  sections: readonly SectionDef[],
  after: number,
): number | null {
  const clean = stripBookmarks(text).trim();
  if (clean.length > 60) return null;
  const m = HEADING.exec(clean);
  if (!m) return null;
  const rest = prepare(normaliseLabel(m[2]!));
  let best = -1;
  let bestScore = 0;
  for (let i = after + 1; i < sections.length; i++) {
    const title = definitionLabel(sections[i]!.title);
    const score = rest.norm.startsWith(title.norm) ? 1 : similarityOf(rest, title);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return bestScore >= 0.75 ? best : null;
}

/** The heading as printed, without extraction noise. */
export function printedHeading(text: string): string {
  return stripBookmarks(text).trim();
}
