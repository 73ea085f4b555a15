// SAME_AS_LAST_YEAR (内容雷同): the national format names copied reports as a failure.
//
// Measure: the Sørensen–Dice coefficient over the multisets of character bigrams of the
// prose, after keeping only Chinese characters and Latin letters (digits, punctuation
// and spaces dropped, so a copied report with new years and figures still matches).
// 1 means the same text, 0 nothing in common. Two honest reports of one agency share
// their set phrases: the published 2023 and 2024 reports of 洪泽区人民政府 score 0.68
// (their sections 0.58–0.66), reports of different agencies about 0.3. A report copied
// with edits here and there scores above 0.9. Short prose (under MIN_CHARS characters, e.g. 「无」) is not
// compared: identical one-liners are normal.
import { TABLE_KEYS, tableShape } from '../format/index.js';
import type { AnnualReport, Finding } from '../model.js';
import { cell } from './cells.js';
import { formatOf, sectionName, tableName } from './labels.js';

export const SIMILARITY_THRESHOLD = 0.9;
export const MIN_CHARS = 60;
/** Tables are "copied" only when identical and not mostly zeros: all-zero tables repeat honestly. */
export const MIN_NONZERO_CELLS = 3;

function normalize(text: string): string {
  return text.replace(/[^\p{Script=Han}A-Za-z]/gu, '');
}

function bigrams(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < text.length; i++) {
    const g = text.slice(i, i + 2);
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  return counts;
}

/** Dice coefficient of character bigrams of two texts, normalized as described above. */
export function textSimilarity(a: string, b: string): number {
  const na = normalize(a);
  const nb = normalize(b);
  if (na.length < 2 || nb.length < 2) return na === nb ? 1 : 0;
  const ga = bigrams(na);
  const gb = bigrams(nb);
  let shared = 0;
  for (const [g, n] of ga) shared += Math.min(n, gb.get(g) ?? 0);
  return (2 * shared) / (na.length - 1 + (nb.length - 1));
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

export function checkSameAsLastYear(report: AnnualReport, previous: AnnualReport): Finding[] {
  const format = formatOf(report);
  const findings: Finding[] = [];
  const base = {
    code: 'SAME_AS_LAST_YEAR',
    severity: 'warning',
    row: null,
    column: null,
    expected: null,
    actual: null,
  } as const;
  const lastYear = previous.year !== null ? `${previous.year}年度报告` : '上一年度报告';

  const whole = (r: AnnualReport) => r.sections.map((s) => s.text).join('\n');
  const overall = textSimilarity(whole(report), whole(previous));
  if (normalize(whole(report)).length >= MIN_CHARS && overall >= SIMILARITY_THRESHOLD) {
    findings.push({
      ...base,
      table: null,
      section: null,
      message: `报告正文与${lastYear}的相似度为${pct(overall)}，内容基本雷同；请如实反映本年度的工作情况`,
    });
  } else {
    for (const def of format.sections) {
      const now = report.sections.find((s) => s.key === def.key)?.text ?? '';
      const before = previous.sections.find((s) => s.key === def.key)?.text ?? '';
      if (normalize(now).length < MIN_CHARS || normalize(before).length < MIN_CHARS) continue;
      const similarity = textSimilarity(now, before);
      if (similarity < SIMILARITY_THRESHOLD) continue;
      findings.push({
        ...base,
        table: null,
        section: def.key,
        message: `${sectionName(format, def.key)}与${lastYear}同一部分的相似度为${pct(similarity)}，内容基本雷同；请如实反映本年度的情况`,
      });
    }
  }

  if (report.format !== previous.format) return findings;
  for (const table of TABLE_KEYS) {
    let nonzero = 0;
    let identical = true;
    for (const row of tableShape(format, table)) {
      for (const column of row.columns) {
        const a = cell(report.tables[table], row.key, column.key) ?? null;
        const b = cell(previous.tables[table], row.key, column.key) ?? null;
        if (a !== b) identical = false;
        if (typeof a === 'number' && a !== 0) nonzero++;
      }
    }
    if (!identical || nonzero < MIN_NONZERO_CELLS) continue;
    findings.push({
      ...base,
      table,
      section: null,
      message: `${tableName(format, table)}的全部数据与${lastYear}完全相同（其中${nonzero}项不为0），请核实是否沿用了上年数据`,
    });
  }
  return findings;
}
