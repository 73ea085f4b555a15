// What the feed and the sitemap read: published items only (drafts, items in review and
// withdrawn ones are never listed), by the indexes the catalogue already has.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

type Q = Kysely<Database>;

/** How many entries the feed carries: the newest, as feed readers poll for what is new. */
export const FEED_ENTRIES = 50;

export interface FeedRow {
  id: string;
  title: string;
  summary: string;
  issuer: string;
  index_number: string | null;
  document_number: string | null;
  published_on: string | null;
  updated_at: string;
  url_key: string | null;
  category: string;
}

/** The agency's newest published items, in the catalogue's order. */
export function newestPublished(db: Q, agencyId: string, limit = FEED_ENTRIES) {
  return db
    .selectFrom('publications')
    .select([
      'id',
      'title',
      'summary',
      'issuer',
      'index_number',
      'document_number',
      'published_on',
      'updated_at',
      'url_key',
      'category',
    ])
    .where('agency_id', '=', agencyId)
    .where('state', '=', 'published')
    .orderBy('published_on', 'desc')
    .orderBy('index_number', 'desc')
    .limit(limit)
    .execute() as Promise<FeedRow[]>;
}

export async function countPublished(db: Q): Promise<number> {
  const r = await db
    .selectFrom('publications')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('state', '=', 'published')
    .where('url_key', 'is not', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * A slice of every published item's address, in one fixed order (agency, then URL key: the
 * order of publications_published_key_idx), so the parts of a sitemap index never overlap.
 */
export function publishedAddresses(db: Q, offset: number, limit: number) {
  return db
    .selectFrom('publications as p')
    .innerJoin('agencies as a', 'a.id', 'p.agency_id')
    .select(['a.slug', 'p.url_key', 'p.updated_at'])
    .where('p.state', '=', 'published')
    .where('p.url_key', 'is not', null)
    .orderBy('p.agency_id')
    .orderBy('p.url_key')
    .limit(limit)
    .offset(offset)
    .execute();
}

export function agencySlugs(db: Q) {
  return db.selectFrom('agencies').select(['slug', 'updated_at']).orderBy('slug').execute();
}
