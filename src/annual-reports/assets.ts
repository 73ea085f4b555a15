// The editor's stylesheet (the report tables' styles) and its as-you-type script, served as
// versioned files: the CSP forbids inline styles and scripts.
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { DOCUMENT_CSS, TABLES_CSS } from '../reports/render/index.js';
import type { AppEnv } from '../web/env.js';
import { CHECK_SCRIPT } from './check-script.js';

const hash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 12);

const EDITOR_CSS = `${TABLES_CSS}
.typed-table th { text-align: left; font-weight: normal; }
.cell-input { width: 4.5em; }
.cell-col { display: block; font-size: 0.75rem; color: #555; }
.findings .finding-error strong { color: #a00; }
.to-confirm { outline: 3px solid #b35c00; outline-offset: -3px; }
.compare-table td .now, .compare-table td .before, .compare-table td .delta { display: block; }
.compare-table td .before { color: #555; }
.compare-table td.changed .delta { font-weight: bold; }
.diff del { color: #8b0000; }
.diff ins { color: #005a1f; }
.same-as-last-year { border-left: 4px solid #b35c00; padding-left: 0.5em; }
.cell-confirm { display: block; font-size: 0.75rem; color: #8a4500; }
`;
const SCRIPT = CHECK_SCRIPT;

export const ASSETS = {
  css: `/static/annual-reports/editor.${hash(EDITOR_CSS)}.css`,
  js: `/static/annual-reports/check.${hash(SCRIPT)}.js`,
  document: `/static/annual-reports/report.${hash(DOCUMENT_CSS)}.css`,
};

const FILES = new Map<string, { type: string; body: string }>([
  [ASSETS.css, { type: 'text/css; charset=utf-8', body: EDITOR_CSS }],
  [ASSETS.document, { type: 'text/css; charset=utf-8', body: DOCUMENT_CSS }],
  [ASSETS.js, { type: 'text/javascript; charset=utf-8', body: SCRIPT }],
]);

export function assetRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/static/annual-reports/:file', (c) => {
    const file = FILES.get(c.req.path);
    if (!file) return c.notFound();
    c.header('Content-Type', file.type);
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    return c.body(file.body);
  });
  return app;
}
