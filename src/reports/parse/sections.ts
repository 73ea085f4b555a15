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

// A Chinese numeral may stand with no mark before the title (「一总体情况」, 金井片区 2020):
// the title must then match the format's closely, which a sentence starting 「一是…」 never does.
const HEADING =
  /^(?:([一二三四五六七八九十]|[0-9０-９]{1,2}|[—－–―-])\s*[、.．，,]|([一二三四五六七八九十])(?=\p{Script=Han}))\s*(\S.*)$/u;

/** How close a heading's title is to a section's (1: it starts with it, or holds it whole). */
function titleScore(text: string, def: SectionDef): number {
  const rest = prepare(normaliseLabel(text));
  let best = 0;
  for (const name of [def.title, ...(def.aliases ?? [])]) {
    const title = definitionLabel(name);
    // 「政府信息公开工作存在的主要问题及改进情况」, 「当前存在的突出问题」: the title with words before it.
    const score = rest.norm.includes(title.norm) ? 1 : similarityOf(rest, title);
    if (score > best) best = score;
  }
  return best;
}

const TITLE_SIMILARITY = 0.75;
/** The sections after the tables, printed in either order by some reports. */
const CLOSING_SECTIONS: readonly string[] = ['problems', 'other'];

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
  let best = -1;
  let bestScore = 0;
  for (let i = after + 1; i < sections.length; i++) {
    const score = titleScore(m[3]!, sections[i]!);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return bestScore >= TITLE_SIMILARITY ? best : null;
}

/**
 * A heading that names, with its full title, a section passed over: a report whose own
 * narrative headings came first (「四、政府信息公开申请情况」 taken for section 三) prints the
 * format's headings later (「一、主动公开政府信息情况」). `found` says which sections already are.
 */
export function missedSection(
  text: string,
  sections: readonly SectionDef[],
  found: readonly boolean[],
): number | null {
  const m = HEADING.exec(stripBookmarks(text).trim());
  if (!m || text.length > 60) return null;
  const rest = normaliseLabel(m[3]!);
  const i = sections.findIndex(
    (s, k) => !found[k] && rest.startsWith(definitionLabel(s.title).norm),
  );
  if (i >= 0) return i;
  // The closing sections in the other order (「五、信息处理费收取情况」 for 六, then
  // 「六、存在的主要问题和改进情况」): once one is found, the other is known by its title as closely
  // as a heading in order is.
  const closing = sections.findIndex(
    (s, k) =>
      !found[k] &&
      CLOSING_SECTIONS.includes(s.key) &&
      sections.some((o, j) => found[j] && CLOSING_SECTIONS.includes(o.key)) &&
      titleScore(m[3]!, s) >= TITLE_SIMILARITY,
  );
  return closing >= 0 ? closing : null;
}

const SUBHEADING = /^[（(][一1][)）]\s*(\S.*)$/u;
/** Title bigrams a sub-heading must share to name its section (「主要问题」 has 3 of 存在的主要问题及改进情况). */
const SUBHEADING_GRAMS = 3;

/**
 * The first sub-heading of a section whose own heading was not printed (「（一）主要问题」 right
 * after table 四): it starts the section its words name. Only the section next after `after`
 * is tried, and only by a 「（一）」 line.
 */
export function subheadingSection(
  text: string,
  sections: readonly SectionDef[],
  after: number,
): number | null {
  const clean = stripBookmarks(text).trim();
  const m = clean.length <= 40 ? SUBHEADING.exec(clean) : null;
  const next = sections[after + 1];
  if (!m || !next) return null;
  const words = normaliseLabel(m[1]!);
  const title = definitionLabel(next.title).norm;
  let shared = 0;
  for (let i = 0; i + 1 < title.length; i++) if (words.includes(title.slice(i, i + 2))) shared++;
  return shared >= SUBHEADING_GRAMS ? after + 1 : null;
}

/** The heading as printed, without extraction noise. */
export function printedHeading(text: string): string {
  return stripBookmarks(text).trim();
}
