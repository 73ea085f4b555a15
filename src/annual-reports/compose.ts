// Composing a year's report: the sources' tables merged, the tables no source gives taken
// as the office typed them, and — for a new draft — the six sections drafted from the
// figures. Pure: the sources have already been asked (see sources.ts).
import {
  expectedFormatFor,
  TABLE_KEYS,
  type ReportFormat,
  type TableKey,
} from '../reports/format/index.js';
import type { AnnualReport, ReportSection, ReportTables } from '../reports/model.js';
import { draftSections } from './draft.js';
import { draftPreamble, type PreambleInput } from './preamble.js';
import { conform, filledGrid, mergeContributions, type MergedTables } from './tables.js';
import type { YearContribution, YearFacts } from './year-sources.js';

export interface LabelledContribution {
  label: string;
  contribution: YearContribution;
}

export interface Composition {
  report: AnnualReport;
  /** The tables computed from records (never typed). */
  computed: TableKey[];
  merged: MergedTables;
  facts: YearFacts;
}

/** The sources' facts as one: a field belongs to the first source that gives it. */
export function mergeFacts(contributions: readonly LabelledContribution[]): YearFacts {
  const facts: Record<string, unknown> = {};
  for (const { contribution } of contributions) {
    for (const [k, v] of Object.entries(contribution.facts ?? {}))
      if (v !== undefined && !(k in facts)) facts[k] = v;
  }
  return facts as YearFacts;
}

export interface ComposeInput {
  agencyName: string;
  year: number;
  contributions: readonly LabelledContribution[];
  /** The tables as the office typed or imported them (used where no source computes one). */
  typed?: Partial<ReportTables>;
  /** The sections as edited; drafted from the records when absent. */
  sections?: readonly ReportSection[];
  publishedOn?: string | null;
  /** The preamble as edited; with `sections`, kept as it is (absent stays absent). */
  preamble?: string;
  /** The agency's disclosure office, for the preamble of a new draft. */
  office?: PreambleInput['office'];
}

function preambleOf(input: ComposeInput, format: ReportFormat): { preamble?: string } {
  if (input.sections) return input.preamble ? { preamble: input.preamble } : {};
  const office = input.office;
  return {
    preamble: draftPreamble({
      agencyName: input.agencyName,
      year: input.year,
      format,
      ...(office ? { office } : {}),
    }),
  };
}

export function compose(input: ComposeInput): Composition {
  const format = expectedFormatFor(input.year);
  const merged = mergeContributions(format, input.contributions);
  const computed = TABLE_KEYS.filter((t) => merged.computed[t] !== undefined);
  const table = (t: TableKey) =>
    merged.computed[t] ??
    (input.typed?.[t] ? conform(format, t, input.typed[t], null) : filledGrid(format, t, null));
  const tables: ReportTables = {
    proactive: table('proactive'),
    requests: table('requests'),
    review: table('review'),
  };
  const facts = mergeFacts(input.contributions);
  const sections = input.sections
    ? format.sections.map(
        (def) =>
          input.sections!.find((s) => s.key === def.key) ?? {
            key: def.key,
            heading: null,
            text: '',
          },
      )
    : draftSections(format, input.year, facts, tables, new Set(computed));
  return {
    report: {
      agency: input.agencyName,
      year: input.year,
      format: format.id,
      publishedOn: input.publishedOn ?? null,
      ...preambleOf(input, format),
      sections,
      tables,
    },
    computed,
    merged,
    facts,
  };
}
