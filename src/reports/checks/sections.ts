// The six sections of 《条例》第五十条 and the national format: each must be present
// (SECTION_MISSING) and numbered 一、…六、 as printed (SECTION_NUMBERING).
import type { AnnualReport, Finding } from '../model.js';
import { formatOf, sectionName } from './labels.js';

export function checkSectionsPresent(report: AnnualReport): Finding[] {
  const format = formatOf(report);
  return format.sections
    .filter((def) => {
      const s = report.sections.find((x) => x.key === def.key);
      return !s || s.heading === null;
    })
    .map((def) => ({
      code: 'SECTION_MISSING',
      severity: 'error',
      table: null,
      row: null,
      column: null,
      section: def.key,
      expected: null,
      actual: null,
      message: `缺少${sectionName(format, def.key)}：年度报告应包括“${def.numeral}、${def.title}”部分（《条例》第五十条及国家统一格式）；如无相关情况，也应列出该部分并写明“无”`,
    }));
}

/** Extraction leaves markup and invisible characters before a heading; they are not part of its number. */
function cleanHeading(heading: string): string {
  return heading
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/^\s*(\[[^\]]*\]\s*)*/, '')
    .trim();
}

/** The number as printed: 「3、」「—、」「第一部分」, or null when the heading has none. */
function printedNumber(heading: string): string | null {
  const m =
    /^(第[一二三四五六七八九十]+部分|[^\s\u4e00-\u9fff]{1,3}\s*[、．.，,：:]|[一二三四五六七八九十]+\s*[、．.，,：:])/u.exec(
      heading,
    );
  return m ? (m[1] ?? null) : null;
}

export function checkSectionNumbering(report: AnnualReport): Finding[] {
  const format = formatOf(report);
  const findings: Finding[] = [];
  for (const def of format.sections) {
    const section = report.sections.find((x) => x.key === def.key);
    if (!section || section.heading === null) continue;
    const heading = cleanHeading(section.heading);
    const expected = `${def.numeral}、`;
    if (new RegExp(`^${def.numeral}\\s*、`).test(heading)) continue;
    const printed = printedNumber(heading);
    findings.push({
      code: 'SECTION_NUMBERING',
      severity: 'warning',
      table: null,
      row: null,
      column: null,
      section: def.key,
      expected: null,
      actual: null,
      message: printed
        ? `${sectionName(format, def.key)}的标题“${heading}”编号为“${printed}”，应为“${expected}”`
        : `${sectionName(format, def.key)}的标题“${heading}”没有编号，应以“${expected}”开头`,
    });
  }
  return findings;
}
