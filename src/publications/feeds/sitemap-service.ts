// Which URLs the sitemap lists and how they are split: the site's own pages (the directory,
// the accessibility statement, each agency's column pages) first, then every published item
// at its stable URL. Part n of an index holds URLs n·limit … (n+1)·limit − 1 of that order.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { PORTAL_COLUMNS } from '../../web/layout.js';
import { agencySlugs, countPublished, publishedAddresses } from './feed-repository.js';
import { partCount, SITEMAP_MAX_URLS, sitemapIndex, urlSet, type SitemapUrl } from './sitemap.js';

import { sitemapPartPath } from './paths.js';

async function sitePages(db: Kysely<Database>, base: string): Promise<SitemapUrl[]> {
  const agencies = await agencySlugs(db);
  return [
    { loc: `${base}/` },
    { loc: `${base}/accessibility` },
    ...agencies.flatMap((a) =>
      PORTAL_COLUMNS.map((col) => ({
        loc: `${base}/agencies/${a.slug}${col.path}`,
        lastmod: col.path === '' ? a.updated_at : null,
      })),
    ),
  ];
}

async function urlsOf(
  db: Kysely<Database>,
  base: string,
  pages: SitemapUrl[],
  from: number,
  to: number,
): Promise<SitemapUrl[]> {
  const out = pages.slice(from, to);
  const itemFrom = Math.max(0, from - pages.length);
  const itemTo = to - pages.length;
  if (itemTo > itemFrom) {
    const rows = await publishedAddresses(db, itemFrom, itemTo - itemFrom);
    for (const r of rows)
      out.push({ loc: `${base}/agencies/${r.slug}/catalogue/${r.url_key}`, lastmod: r.updated_at });
  }
  return out;
}

/** /sitemap.xml: every URL, or, past `limit` URLs, the index of the parts. */
export async function sitemapDocument(
  db: Kysely<Database>,
  base: string,
  limit = SITEMAP_MAX_URLS,
): Promise<string> {
  const [pages, items] = await Promise.all([sitePages(db, base), countPublished(db)]);
  const total = pages.length + items;
  if (total <= limit) return urlSet(await urlsOf(db, base, pages, 0, total));
  const parts = partCount(total, limit);
  return sitemapIndex(Array.from({ length: parts }, (_, i) => `${base}${sitemapPartPath(i + 1)}`));
}

/** Part `n` (1-based) of the index, or null when there is no such part. */
export async function sitemapPart(
  db: Kysely<Database>,
  base: string,
  n: number,
  limit = SITEMAP_MAX_URLS,
): Promise<string | null> {
  const [pages, items] = await Promise.all([sitePages(db, base), countPublished(db)]);
  const total = pages.length + items;
  if (!Number.isInteger(n) || n < 1 || n > partCount(total, limit)) return null;
  return urlSet(await urlsOf(db, base, pages, (n - 1) * limit, Math.min(total, n * limit)));
}
