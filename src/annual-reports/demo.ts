// Demo data: 灵山卫街道's 2021 report composed here and published on the seed's date —
// the seed as it should have been — and a draft for the current year. Tables no source
// computes (no feature on this platform counts them) are taken from the seed as the office
// would import them, with the seed's errors corrected: 一、本年新收 printed 0 in 总计 beside
// 8 and 1; the one partly disclosed reply, printed under 自然人, answered the company's
// request (8 natural persons' requests, 8 「不掌握」 replies); a blank cell reads as 0.
import type { ServiceDeps } from '../commands/command.js';
import { systemActor } from '../commands/actor.js';
import { TABLE_KEYS, expectedFormatFor } from '../reports/format/index.js';
import type { Grid, ReportTables } from '../reports/model.js';
import { getPublished } from './annual-report-repository.js';
import {
  approveReport,
  composeDraft,
  cstDate,
  publishReport,
  saveDraft,
} from './annual-report-service.js';
import { draftSections } from './draft.js';
import { seedReport } from './seed.js';
import { conform } from './tables.js';
import type { ReportSource } from './year-sources.js';

const ACTOR = systemActor('演示数据');
/** The date the seed was signed and published. */
const SEED_PUBLISHED_ON = '2022-01-18';

/** The seed's table as it should have been printed: blanks are 0, every 总计 the sum of its row. */
function corrected(grid: Grid): Grid {
  const out: Grid = {};
  for (const [row, cells] of Object.entries(grid)) {
    const fixed: Record<string, number | string | null> = {};
    let sum = 0;
    for (const [col, v] of Object.entries(cells)) {
      const n = typeof v === 'number' ? v : 0;
      fixed[col] = n;
      if (col !== 'total') sum += n;
    }
    if ('total' in fixed) fixed.total = sum;
    out[row] = fixed;
  }
  return out;
}

async function sourcesOfPlatform(): Promise<readonly ReportSource[]> {
  // Imported when called: the feature list imports the demo feature, which seeds this.
  const { FEATURES, platformOf } = await import('../features.js');
  return platformOf(FEATURES).reportSources;
}

export async function seedAnnualReportDemo(deps: ServiceDeps, agencyId: string): Promise<void> {
  const sources = await sourcesOfPlatform();
  if (!(await getPublished(deps.db.kysely, agencyId, 2021))) {
    const seedDeps = deps;
    const draft = await composeDraft(seedDeps, sources, agencyId, 2021, ACTOR);
    if (!draft.ok) throw new Error(`演示年度报告未能生成：${JSON.stringify(draft.errors)}`);
    const seed = (await seedReport()).report;
    const format = expectedFormatFor(2021);
    const typed: Partial<ReportTables> = {};
    for (const t of TABLE_KEYS)
      if (!draft.value.computed.includes(t))
        typed[t] = corrected(conform(format, t, seed.tables[t], 0));
    if (typed.requests) {
      const partial = typed.requests.partially_disclosed!;
      const total = typed.requests.outcome_total!;
      partial.natural_person = 0;
      partial.commercial_enterprise = 1;
      total.natural_person = 8;
      total.commercial_enterprise = 1;
    }
    // Prose no record gave: the seed's own words, section by section; where the seed has
    // none (its sections 二–四 are only tables), drafted from the corrected tables.
    const tables = { ...draft.value.report.tables, ...typed };
    const drafted = draftSections(format, 2021, {}, tables, new Set(TABLE_KEYS));
    const sections: Record<string, string> = {};
    for (const s of draft.value.report.sections) {
      const seedText = seed.sections.find((x) => x.key === s.key)?.text ?? '';
      const text = s.text || seedText || (drafted.find((d) => d.key === s.key)?.text ?? '');
      if (text !== s.text) sections[s.key] = text;
    }
    for (const step of [
      () => saveDraft(seedDeps, draft.value.id, { sections, typed }, ACTOR),
      () => approveReport(seedDeps, draft.value.id, ACTOR),
      () => publishReport(seedDeps, draft.value.id, null, ACTOR, SEED_PUBLISHED_ON),
    ]) {
      const r = await step();
      if (!r.ok) throw new Error(`演示年度报告未能发布：${JSON.stringify(r.errors)}`);
    }
  }
  const year = Number(cstDate(deps.clock.now()).slice(0, 4));
  const current = await composeDraft(deps, sources, agencyId, year, ACTOR);
  if (!current.ok && !(await getPublished(deps.db.kysely, agencyId, year)))
    throw new Error(`演示年度报告草稿未能生成：${JSON.stringify(current.errors)}`);
}
