// Where the catalogue's feed and the site's sitemap are served.
export const feedPath = (slug: string) => `/agencies/${slug}/catalogue.atom`;
export const SITEMAP_PATH = '/sitemap.xml';
export const sitemapPartPath = (n: number) => `/sitemaps/${n}`;
