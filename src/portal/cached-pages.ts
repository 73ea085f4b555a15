// The public pages the page cache may keep (see Feature.cachedPages): each is made only
// from its URL, the display setting, the day and the database. The catalogue and its items
// belong to src/publications and are listed here until that feature declares them itself.
// Not listed: application forms and anything else that carries a form token, downloads.
export const PORTAL_CACHED_PAGES: readonly RegExp[] = [
  /^\/$/,
  /^\/accessibility$/,
  /^\/agencies\/[^/]+(?:\/(?:guide(?:\/versions(?:\/[^/]+)?)?|rules|reports))?$/,
  /^\/agencies\/[^/]+\/catalogue(?:\/[^/]+)?$/,
];
