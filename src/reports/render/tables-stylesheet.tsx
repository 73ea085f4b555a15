// The report tables' styles as a same-site stylesheet for console pages (the CSP forbids
// inline styles). Its address carries a hash of TABLES_CSS, so it may be cached for a year;
// the reports feature serves it (check-console/check-routes.tsx). A page links it once,
// however many reports it shows.
import { createHash } from 'node:crypto';
import { TABLES_CSS } from './style.js';

export const TABLES_CSS_HREF = `/static/reports/report-tables.${createHash('sha256').update(TABLES_CSS).digest('hex').slice(0, 12)}.css`;

/** Linked from the page body: the console layout owns <head>. */
export function TablesStylesheet() {
  return <link rel="stylesheet" href={TABLES_CSS_HREF} />;
}
