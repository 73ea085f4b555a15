// The preamble: what a report prints between its title and section 一 — usually
// 「本报告根据《中华人民共和国政府信息公开条例》……编制……」 with the statistics period and
// whom to ask. The recogniser starts reading at the first heading and drops it; this keeps it
// so that a report read and rendered again says everything it said.
import type { ReportFormat } from '../format/index.js';
import { FORMATS } from '../format/index.js';
import type { AnnualReport } from '../model.js';
import type { SourceLine } from './document.js';
import { stripBookmarks } from './labels.js';
import { headingSection } from './sections.js';

/** A preamble is a few sentences; anything longer is not one (a report without headings). */
const PREAMBLE_MAX = 2_000;

const HAN = /\p{Script=Han}/u;

/** The report's own title line(s): 「某某2021年政府信息公开工作年度报告」, no sentence in it. */
function isTitle(text: string): boolean {
  return text.length <= 60 && /年度报告$|工作报告$/u.test(text) && !/[。；]/u.test(text);
}

/** The text before the first section heading, paragraphs on their own lines; null when none. */
export function preambleOf(lines: readonly SourceLine[], format: ReportFormat): string | null {
  const paragraphs: string[] = [];
  for (const line of lines) {
    const texts = line.cells
      .filter((c): c is string => c !== null)
      .map((c) => stripBookmarks(c).trim())
      .filter((c) => c !== '');
    if (texts.length === 0) continue;
    if (texts.length === 1 && headingSection(texts[0]!, format.sections, -1) !== null) {
      const text = paragraphs.join('\n').trim();
      return text !== '' && text.length <= PREAMBLE_MAX ? text : null;
    }
    // A table before any heading is not a preamble's; neither is what follows it.
    if (line.tableRow) return null;
    const text = texts.join(' ');
    // The title (printed again in an HTML <title>) and what a converter leaves of markup
    // (a doctype, a style sheet: no Chinese in it) are not the preamble.
    if (isTitle(text) || !HAN.test(text)) continue;
    if (line.continues && paragraphs.length > 0) paragraphs[paragraphs.length - 1] += text;
    else paragraphs.push(text);
  }
  return null;
}

/** The report as recognised, with the preamble of the lines it was read from. */
export function withPreamble(report: AnnualReport, lines: readonly SourceLine[]): AnnualReport {
  const preamble = preambleOf(lines, FORMATS[report.format]);
  return preamble ? { ...report, preamble } : report;
}
