// The public pages the page cache may keep, and that browsers and shared caches are told
// are public (see Feature.cachedPages): each is made only from its URL, the display setting,
// the day and the database, and shows no one's own data. The catalogue, its items and its
// feed are declared by src/publications/feature.ts.
// Not listed: application forms and anything else that carries a form token, downloads.
export const PORTAL_CACHED_PAGES: readonly RegExp[] = [
  /^\/$/,
  /^\/accessibility$/,
  /^\/agencies\/[^/]+(?:\/(?:guide(?:\/versions(?:\/[^/]+)?)?|rules|reports))?$/,
];
