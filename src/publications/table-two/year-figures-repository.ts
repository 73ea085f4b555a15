// Reading and writing the per-year figures and channel counts, and what table 二 reads of
// the items: an agency's 第二十条（一） documents and its items' channel dates in a year.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { CHANNELS, type Channel, type Validity } from '../item.js';
import {
  FIGURES,
  LEGAL_DOCUMENT_CATEGORY,
  legalKindOf,
  type Figure,
  type LegalDocumentGroup,
} from './table-two.js';
import type { YearFiguresInput } from './year-figures.js';

type Q = Kysely<Database>;

export async function getYearFigures(
  db: Q,
  agencyId: string,
  year: number,
): Promise<YearFiguresInput> {
  const [figures, channels] = await Promise.all([
    db
      .selectFrom('publication_year_figures')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .where('year', '=', year)
      .execute(),
    db
      .selectFrom('publication_channel_counts')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .where('year', '=', year)
      .execute(),
  ]);
  const rank = <T extends string>(list: readonly T[], k: string) => list.indexOf(k as T);
  return {
    figures: figures
      .filter((r) => (FIGURES as readonly string[]).includes(r.figure))
      .sort((a, b) => rank(FIGURES, a.figure) - rank(FIGURES, b.figure))
      .map((r) => ({ figure: r.figure as Figure, value: Number(r.value), source: r.source })),
    channels: channels
      .filter((r) => (CHANNELS as readonly string[]).includes(r.channel))
      .sort((a, b) => rank(CHANNELS, a.channel) - rank(CHANNELS, b.channel))
      .map((r) => ({ channel: r.channel as Channel, count: r.count, source: r.source })),
  };
}

/** Replaces the year's figures and channel counts with `input` (a blank field removes one). */
export async function replaceYearFigures(
  db: Q,
  agencyId: string,
  year: number,
  input: YearFiguresInput,
  by: { label: string; at: string },
): Promise<void> {
  await db
    .deleteFrom('publication_year_figures')
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .execute();
  await db
    .deleteFrom('publication_channel_counts')
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .execute();
  const common = { agency_id: agencyId, year, updated_by_label: by.label, updated_at: by.at };
  if (input.figures.length > 0)
    await db
      .insertInto('publication_year_figures')
      .values(
        input.figures.map((f) => ({
          ...common,
          figure: f.figure,
          value: f.value,
          source: f.source,
        })),
      )
      .execute();
  if (input.channels.length > 0)
    await db
      .insertInto('publication_channel_counts')
      .values(
        input.channels.map((c) => ({
          ...common,
          channel: c.channel,
          count: c.count,
          source: c.source,
        })),
      )
      .execute();
}

/**
 * The agency's published (or since withdrawn) 第二十条（一） items, counted by what table 二's
 * rules read of them (table-two.ts): genre, validity, year issued, year of the validity
 * date. The index publications_legal_documents_idx (migration 0025) holds every column, so
 * the database counts without reading the items. An item with no date at all is not counted.
 */
export async function legalDocumentGroups(db: Q, agencyId: string): Promise<LegalDocumentGroup[]> {
  const issuedOn = sql<string>`coalesce(written_on, published_on)`;
  // Grouped over a derived table: PostgreSQL cannot match parameterised expressions of the
  // select list with the same ones in GROUP BY.
  const documents = db
    .selectFrom('publications')
    .select([
      'genre',
      'validity',
      sql<string>`substr(${issuedOn}, 1, 4)`.as('issued_year'),
      sql<string | null>`substr(validity_on, 1, 4)`.as('validity_year'),
    ])
    .where('agency_id', '=', agencyId)
    // A literal, as the partial index's own condition is: a planner matches it only so.
    .where('category', '=', sql.lit(LEGAL_DOCUMENT_CATEGORY))
    .where('state', 'in', ['published', 'withdrawn'])
    .where(issuedOn, '<>', '')
    .as('documents');
  const rows = await db
    .selectFrom(documents)
    .select(['genre', 'validity', 'issued_year', 'validity_year', (eb) => eb.fn.countAll().as('n')])
    .groupBy(['genre', 'validity', 'issued_year', 'validity_year'])
    .execute();
  return rows.flatMap((r) => {
    const kind = legalKindOf(LEGAL_DOCUMENT_CATEGORY, r.genre);
    if (!kind) return [];
    return [
      {
        kind,
        issuedYear: Number(r.issued_year),
        validity: r.validity as Validity,
        validityYear: r.validity_year ? Number(r.validity_year) : null,
        count: Number(r.n),
      },
    ];
  });
}

/** How many of the agency's items went out on each channel in the year (by the channel's date). */
export async function itemsPerChannel(
  db: Q,
  agencyId: string,
  year: number,
): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('publication_channels as c')
    .innerJoin('publications as p', 'p.id', 'c.publication_id')
    .select(['c.channel', sql<number>`count(*)`.as('n')])
    .where('p.agency_id', '=', agencyId)
    .where('p.state', 'in', ['published', 'withdrawn'])
    .where('c.published_on', '>=', `${year}-01-01`)
    .where('c.published_on', '<=', `${year}-12-31`)
    .groupBy('c.channel')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.channel, Number(r.n)]));
}

/** One stored figure of a year, or null. */
export async function getFigure(
  db: Q,
  agencyId: string,
  year: number,
  figure: Figure,
): Promise<{ value: number; source: string } | null> {
  const r = await db
    .selectFrom('publication_year_figures')
    .select(['value', 'source'])
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .where('figure', '=', figure)
    .executeTakeFirst();
  return r ? { value: Number(r.value), source: r.source } : null;
}

/** Replaces one figure of a year, leaving the year's others and its channel counts. */
export async function setFigure(
  db: Q,
  agencyId: string,
  year: number,
  entry: { figure: Figure; value: number; source: string },
  by: { label: string; at: string },
): Promise<void> {
  await db
    .deleteFrom('publication_year_figures')
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .where('figure', '=', entry.figure)
    .execute();
  await db
    .insertInto('publication_year_figures')
    .values({
      agency_id: agencyId,
      year,
      figure: entry.figure,
      value: entry.value,
      source: entry.source,
      updated_by_label: by.label,
      updated_at: by.at,
    })
    .execute();
}
