// What the HTML and the .docx documents share: the title, which sections are printed under
// which heading, the prose split into paragraphs, and the date as an official document
// writes it (2022年1月20日).
import type { ReportFormat, SectionKey } from '../format/index.js';
import type { AnnualReport } from '../model.js';
import type { TableKey } from './layout.js';

export interface Paragraph {
  text: string;
  /** A second-level heading such as 「（一）主动公开工作」, set in 楷体. */
  subheading: boolean;
}

export interface SectionBlock {
  key: SectionKey;
  /** The heading as the national format numbers it (「三、收到和处理政府信息公开申请情况」). */
  heading: string;
  paragraphs: Paragraph[];
  /** The table printed in this section, if any. */
  table: TableKey | null;
}

const TABLE_SECTIONS: ReadonlySet<string> = new Set<TableKey>(['proactive', 'requests', 'review']);
const SUBHEADING = /^（[一二三四五六七八九十]+）\S{1,30}$/;

export function reportTitle(report: AnnualReport): string {
  const year = report.year === null ? '' : `${report.year}年`;
  return `${report.agency ?? ''}${year}政府信息公开工作年度报告`;
}

export function paragraphs(text: string): Paragraph[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => ({ text: line, subheading: SUBHEADING.test(line) }));
}

/**
 * The sections to print, in the format's order, headed as the format numbers them (a
 * mis-numbered heading such as 「3、」 is printed correctly). A section absent from the
 * report is left out — a rendering does not invent one — except the table sections, whose
 * tables always carry the report's numbers.
 */
export function sectionBlocks(report: AnnualReport, format: ReportFormat): SectionBlock[] {
  const blocks: SectionBlock[] = [];
  for (const def of format.sections) {
    const section = report.sections.find((s) => s.key === def.key);
    const isTable = TABLE_SECTIONS.has(def.key);
    const present =
      section !== undefined && (section.heading !== null || section.text.trim() !== '');
    if (!present && !isTable) continue;
    blocks.push({
      key: def.key,
      heading: `${def.numeral}、${def.title}`,
      paragraphs: paragraphs(section?.text ?? ''),
      table: isTable ? (def.key as TableKey) : null,
    });
  }
  return blocks;
}

/** `2022-01-20` → 「2022年1月20日」; null when there is no valid date. */
export function signatureDate(iso: string | null): string | null {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!m) return null;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}
