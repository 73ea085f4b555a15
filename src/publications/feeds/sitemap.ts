// sitemap.xml (sitemaps.org protocol 0.9): the public pages of every agency and every
// published item's stable URL. One file holds at most 50,000 URLs; past that, /sitemap.xml
// is a sitemap index naming the parts. Pure: the routes count and read, this writes.
import { xmlText } from './xml-text.js';

/** The protocol's limit on URLs per file. */
export const SITEMAP_MAX_URLS = 50_000;

export interface SitemapUrl {
  loc: string;
  /** ISO instant or date of the last change, when known. */
  lastmod?: string | null;
}

export function urlSet(urls: readonly SitemapUrl[]): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls.map(
      (u) =>
        `  <url><loc>${xmlText(u.loc)}</loc>${u.lastmod ? `<lastmod>${xmlText(u.lastmod)}</lastmod>` : ''}</url>`,
    ),
    '</urlset>',
    '',
  ].join('\n');
}

export function sitemapIndex(parts: readonly string[]): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...parts.map((loc) => `  <sitemap><loc>${xmlText(loc)}</loc></sitemap>`),
    '</sitemapindex>',
    '',
  ].join('\n');
}

/** How many files `total` URLs take (at least one, so an empty site still has a sitemap). */
export const partCount = (total: number, perPart = SITEMAP_MAX_URLS) =>
  Math.max(1, Math.ceil(total / perPart));
