// The report as JSON: the canonical open-data form (schemas/annual-report.schema.json),
// exactly as src/reports/json.ts writes it, pretty-printed for people and diffs.
import { reportToJson } from '../json.js';
import type { AnnualReport } from '../model.js';

export function renderJson(report: AnnualReport): string {
  return `${JSON.stringify(reportToJson(report), null, 2)}\n`;
}
