// A section whose heading the reader did not find is not always absent: a report may print it
// under a title of its own that no alias knows yet (「五、当前存在的突出问题」 was one). Where a
// numbered heading the reader could not place stands where the section would be, the reader
// cannot be sure, and says so in a reading note (CELL_AMBIGUOUS, a warning) for the supervisor
// to check by eye; the checks then do not report SECTION_MISSING for it as a fact
// (confidence.ts). With no such heading there, the section is absent and stays an error.
import type { ReportFormat } from '../format/index.js';
import type { Finding } from '../model.js';

/** 「七、其他需说明事项」 at a sentence's start: a numeral, its mark, a short title. */
const NUMBERED_HEADING =
  /(?:^|[。；！？\s）)])([一二三四五六七八九十][、．.][^，,。；;：:\d（(]{2,20})/gu;
/** Table 三's own numbered rows, printed inside its section: no section headings. */
const TABLE_ROWS = /本年新收|上年结转|本年度办理结果|结转下年度/u;

/** The heading-shaped texts in `prose` that name no section the reader found. */
function unplacedHeadings(prose: readonly string[], found: readonly string[]): string[] {
  const out: string[] = [];
  for (const text of prose)
    for (const m of text.matchAll(NUMBERED_HEADING)) {
      const heading = m[1]!.trim();
      if (TABLE_ROWS.test(heading) || found.some((f) => f.startsWith(heading))) continue;
      out.push(heading);
    }
  return out;
}

export function unfoundSectionNotes(
  format: ReportFormat,
  headings: readonly (string | null)[],
  prose: readonly (readonly string[])[],
): Finding[] {
  const found = headings.filter((h): h is string => h !== null);
  const notes: Finding[] = [];
  format.sections.forEach((def, k) => {
    if (headings[k] !== null) return;
    // The text where the section would be read: the found section before it holds it.
    const before = headings.slice(0, k).findLastIndex((h) => h !== null);
    if (before < 0) return;
    const unplaced = unplacedHeadings(prose[before]!, found);
    if (unplaced.length === 0) return;
    notes.push({
      code: 'CELL_AMBIGUOUS',
      severity: 'warning',
      table: null,
      row: null,
      column: null,
      section: def.key,
      expected: null,
      actual: null,
      message: `未能找到第${def.numeral}部分“${def.title}”的标题：“${headings[before]}”之后有未能识别的标题“${unplaced.join('”“')}”，该部分可能换了名称或编号；请对照原文核对该部分是否存在`,
    });
  });
  return notes;
}
