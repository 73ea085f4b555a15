// Demo data for the supervisor's January: `hd-supervisor` (青岛市黄岛区人民政府) receives the
// 2020 and 2021 reports of its subordinates in two demo batches, already read — so the
// dashboard, the trend charts and the roll-up show something real on first start.
//
// 灵山卫街道's 2021 report is the real published text (the seed, with its real errors). The
// other agencies are the demo subordinates of src/demo/demo-data.ts, all named 演示: their
// reports are built on the seed's words (its section on problems, the agency's name put
// in), its corrected tables multiplied by a small factor (so the figures are FICTIONAL and
// every sum still holds), and the remaining prose drafted from those tables; each is
// rendered as the national-layout web page an agency would publish and read back through
// the report parser, as an uploaded file would be. One has a real arithmetic error put in
// (a 总计 one higher than its row), one was dated after its deadline, one 2021 report is
// missing altogether.
import { readFileSync } from 'node:fs';
import type { Agency } from '../agencies/agency.js';
import { draftSections } from '../annual-reports/draft.js';
import { seedReport } from '../annual-reports/seed.js';
import { conform } from '../annual-reports/tables.js';
import { systemActor } from '../commands/actor.js';
import type { ServiceDeps } from '../commands/command.js';
import { expectedFormatFor, FORMATS, TABLE_KEYS } from '../reports/format/index.js';
import type { AnnualReport, Grid, ReportTables } from '../reports/model.js';
import { parseReport } from '../reports/parse/index.js';
import { renderReport } from '../reports/render/index.js';
import { receiveReadBatch, type ReadFile } from './commands.js';
import { listBatches } from './repository.js';

const ACTOR = systemActor('演示数据');
export const DEMO_BATCH_SUFFIX = '（演示数据）';
/** The seed as it was published (shared with the annual-report feature's demo). */
const SEED_FILE = new URL('../annual-reports/data/seed-2021-lingshanwei.txt', import.meta.url);

interface PlannedReport {
  slug: string;
  /** Every figure of the seed's corrected tables times this. */
  factor: number;
  publishedOn: string;
  /** A real error put in: 表三“一、本年新收” 总计 one more than its row. */
  wrongTotal?: boolean;
}

/** Per year, which demo agency sent what (the health bureau's 2021 report never came). */
const PLAN: Readonly<Record<2020 | 2021, readonly PlannedReport[]>> = {
  2020: [
    { slug: 'demo-xuejiadao', factor: 2, publishedOn: '2021-01-18' },
    { slug: 'demo-xinan', factor: 1, publishedOn: '2021-01-22' },
    { slug: 'demo-changjianglu', factor: 1, publishedOn: '2021-01-27', wrongTotal: true },
    { slug: 'demo-hd-education', factor: 3, publishedOn: '2021-01-26' },
    { slug: 'demo-hd-health', factor: 2, publishedOn: '2021-01-29' },
  ],
  2021: [
    { slug: 'demo-xuejiadao', factor: 3, publishedOn: '2022-01-20' },
    { slug: 'demo-xinan', factor: 2, publishedOn: '2022-01-25', wrongTotal: true },
    { slug: 'demo-changjianglu', factor: 1, publishedOn: '2022-02-15' },
    { slug: 'demo-hd-education', factor: 5, publishedOn: '2022-01-28' },
  ],
};

/** Blanks as 0, every figure times `factor`, every 总计 the sum of its row. */
function scaled(grid: Grid, factor: number): Grid {
  const out: Grid = {};
  for (const [row, cells] of Object.entries(grid)) {
    const fixed: Record<string, number> = {};
    let sum = 0;
    for (const [col, v] of Object.entries(cells)) {
      const n = (typeof v === 'number' ? v : 0) * factor;
      fixed[col] = n;
      if (col !== 'total') sum += n;
    }
    if ('total' in fixed) fixed.total = sum;
    out[row] = fixed;
  }
  return out;
}

async function demoReport(
  agency: Agency,
  year: number,
  plan: PlannedReport,
): Promise<AnnualReport> {
  const seed = (await seedReport()).report;
  const format = FORMATS[expectedFormatFor(year).id];
  // The seed's one partly disclosed reply answered the company's request (see the
  // annual-report demo): corrected before scaling, so every sum holds.
  const requests = structuredClone(seed.tables.requests);
  requests.partially_disclosed = { ...requests.partially_disclosed, natural_person: 0 };
  requests.partially_disclosed.commercial_enterprise = 1;
  requests.outcome_total = { ...requests.outcome_total, natural_person: 8 };
  requests.outcome_total.commercial_enterprise = 1;
  const source: ReportTables = { ...seed.tables, requests };
  const tables = Object.fromEntries(
    TABLE_KEYS.map((t) => [t, scaled(conform(format, t, source[t], 0), plan.factor)]),
  ) as unknown as ReportTables;
  if (plan.wrongTotal) {
    const received = tables.requests.received!;
    received.total = Number(received.total) + 1;
  }
  const drafted = draftSections(format, year, {}, tables, new Set());
  const own = (text: string) =>
    text.replaceAll('灵山卫街道办事处', agency.fullName).replaceAll('灵山卫街道', agency.shortName);
  // The seed's own words for 2021's problems and improvements (the sections that state no
  // figure, so they fit any tables); the rest, and the year before, are drafted, so that no
  // report repeats last year's text.
  const sections = drafted.map((s) => {
    const seedText = seed.sections.find((x) => x.key === s.key)?.text ?? '';
    return year === seed.year && s.key === 'problems' && seedText
      ? { ...s, text: own(seedText) }
      : s;
  });
  return {
    agency: agency.fullName,
    year,
    format: format.id,
    publishedOn: plan.publishedOn,
    sections,
    tables,
  };
}

async function readBack(name: string, bytes: Uint8Array, agencyId: string): Promise<ReadFile> {
  const parsed = await parseReport({ bytes, filename: name });
  if (!parsed.ok) throw new Error(`演示报告未能读取：${name}：${parsed.error}`);
  const readAs = name.endsWith('.html') ? 'html' : 'text';
  return { name, bytes, readAs, report: parsed.report, parserFindings: parsed.findings, agencyId };
}

/** Creates the demo batches once (a later `gongkai demo` leaves them as they are). */
export async function seedSupervisionDemo(
  deps: ServiceDeps,
  parent: Agency,
  subordinates: readonly Agency[],
): Promise<void> {
  const existing = await listBatches(deps.db.kysely, parent.id);
  if (existing.some((b) => b.title.endsWith(DEMO_BATCH_SUFFIX))) return;
  const bySlug = new Map(subordinates.map((a) => [a.slug, a]));
  for (const year of [2020, 2021] as const) {
    const files: ReadFile[] = [];
    for (const plan of PLAN[year]) {
      const agency = bySlug.get(plan.slug);
      if (!agency) continue;
      const html = await renderReport(await demoReport(agency, year, plan), 'html');
      const name = `${agency.shortName}${year}年政府信息公开工作年度报告.html`;
      files.push(await readBack(name, new TextEncoder().encode(html), agency.id));
    }
    const lingshanwei = bySlug.get('lingshanwei');
    if (year === 2021 && lingshanwei) {
      const bytes = new Uint8Array(readFileSync(SEED_FILE));
      files.push(
        await readBack('灵山卫街道2021年政府信息公开工作年度报告.txt', bytes, lingshanwei.id),
      );
    }
    const done = await receiveReadBatch(deps, ACTOR, {
      ownerAgencyId: parent.id,
      year,
      title: `${year}年度报告检查${DEMO_BATCH_SUFFIX}`,
      files,
    });
    if (!done.ok) throw new Error(`演示检查批次未能保存：${JSON.stringify(done.errors)}`);
  }
}
