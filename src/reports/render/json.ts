// The report as JSON: the canonical open-data form (see schemas/annual-report.schema.json).
import type { AnnualReport } from '../model.js';

export function renderJson(report: AnnualReport): string {
  const { agency, year, format, publishedOn, sections, tables } = report;
  return `${JSON.stringify({ agency, year, format, publishedOn, sections, tables }, null, 2)}\n`;
}
