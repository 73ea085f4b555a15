// Renderers of the annual report: the official HTML document, Word (.docx), JSON and CSV,
// and the tables as an HTML fragment for console pages, with a checked report's findings
// beside them (MarkedReport).
import type { AnnualReport, Finding } from '../model.js';
import { renderCsv } from './csv.js';
import { renderHtmlDocument } from './html-document.js';
import { renderJson } from './json.js';

export { renderTablesHtml, type TablesHtmlOptions } from './html-tables.js';
export { MarkedReport } from './marked-report.js';
export { TABLES_CSS_HREF, TablesStylesheet } from './tables-stylesheet.js';
export { DOCUMENT_CSS, TABLES_CSS } from './style.js';

export const RENDER_FORMATS = ['html', 'docx', 'json', 'csv'] as const;
export type RenderFormat = (typeof RENDER_FORMATS)[number];

export function isRenderFormat(value: string): value is RenderFormat {
  return (RENDER_FORMATS as readonly string[]).includes(value);
}

export interface RenderOptions {
  /** HTML only: findings whose cells are marked in the tables (as on the console). */
  marked?: readonly Finding[];
  /**
   * HTML only: link this stylesheet (serving {@link DOCUMENT_CSS}) instead of embedding the
   * CSS, for pages served under a Content-Security-Policy that forbids inline styles.
   */
  stylesheetHref?: string;
}

export function renderReport(
  report: AnnualReport,
  to: 'docx',
  options?: RenderOptions,
): Promise<Uint8Array>;
export function renderReport(
  report: AnnualReport,
  to: 'html' | 'json' | 'csv',
  options?: RenderOptions,
): Promise<string>;
export function renderReport(
  report: AnnualReport,
  to: RenderFormat,
  options?: RenderOptions,
): Promise<Uint8Array | string>;
export async function renderReport(
  report: AnnualReport,
  to: RenderFormat,
  options: RenderOptions = {},
): Promise<Uint8Array | string> {
  switch (to) {
    case 'html':
      return renderHtmlDocument(report, options.marked ?? [], options.stylesheetHref);
    case 'docx':
      // The docx library (12 MB) is loaded when a .docx is first asked for.
      return (await import('./docx.js')).renderDocx(report);
    case 'json':
      return renderJson(report);
    case 'csv':
      return renderCsv(report);
  }
}
