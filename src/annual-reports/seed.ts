// 灵山卫街道's 2021 report as it was published (shared/seed, copied here so that an
// installed platform has it): read through the report engine's parser and checked, so the
// console can show its errors beside the report composed from records.
import { readFileSync } from 'node:fs';
import { checkReport, mergeFindings } from '../reports/checks/index.js';
import type { AnnualReport, Finding } from '../reports/model.js';
import { parseReport } from '../reports/parse/index.js';

const SEED_FILE = new URL('./data/seed-2021-lingshanwei.txt', import.meta.url);

export interface SeedReport {
  report: AnnualReport;
  findings: Finding[];
}

let cached: Promise<SeedReport> | null = null;

export function seedReport(): Promise<SeedReport> {
  cached ??= (async () => {
    const bytes = new Uint8Array(readFileSync(SEED_FILE));
    const parsed = await parseReport({ bytes, filename: 'seed-2021-lingshanwei.txt' });
    if (!parsed.ok) throw new Error(`the seed report no longer parses: ${parsed.error}`);
    return {
      report: parsed.report,
      findings: mergeFindings(parsed.findings, checkReport(parsed.report), parsed.report),
    };
  })();
  return cached;
}
