// The public 年度报告 column's report pages: only published versions are ever shown here.
// The column's list itself is the portal's page (src/portal/column-pages.tsx), filled from
// listPublicReports below.
import { Hono, type Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { HTTPException } from 'hono/http-exception';
import type { Kysely } from 'kysely';
import { getAgencyBySlug } from '../agencies/agency-repository.js';
import type { Database } from '../db/schema.js';
import type { AppEnv } from '../web/env.js';
import { siteInfo } from '../web/site.js';
import type { StoredReport } from './annual-report.js';
import { getPublished, listLatestPerYear, listVersions } from './annual-report-repository.js';
import { ASSETS } from './assets.js';
import { downloadName, sendRendered } from './download.js';
import { ExplainedPage, PublicReportPage } from './pages/public-pages.js';

const NO_REPORT = '没有找到该年度已发布的年度报告，请从年度报告栏目选择。';
const BASE = '/agencies/:slug/reports/:year{[0-9]{4}}';

/** The latest published version of every year, newest year first. */
export function listPublicReports(db: Kysely<Database>, agencyId: string): Promise<StoredReport[]> {
  return listLatestPerYear(db, agencyId, 'published');
}

const siteOnce = createMiddleware<AppEnv>(async (c, next) =>
  c.get('site') ? next() : siteInfo(c, next),
);

async function published(c: Context<AppEnv>) {
  const db = c.get('deps').db.kysely;
  const agency = await getAgencyBySlug(db, c.req.param('slug') ?? '');
  if (!agency) throw new HTTPException(404, { message: NO_REPORT });
  const year = Number(c.req.param('year'));
  const v = c.req.param('version');
  const stored = await getPublished(db, agency.id, year, v === undefined ? undefined : Number(v));
  if (!stored) throw new HTTPException(404, { message: NO_REPORT });
  const versions = (await listVersions(db, agency.id, year)).filter(
    (r) => r.status === 'published',
  );
  return { agency, stored, versions };
}

export function annualReportPublicRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(`${BASE}/*`, siteOnce);
  app.use(BASE, siteOnce);

  const page = async (c: Context<AppEnv>) => {
    const p = await published(c);
    return c.html(<PublicReportPage {...p} stylesheet={ASSETS.css} />);
  };
  const file = (to: 'docx' | 'json') => async (c: Context<AppEnv>) => {
    const { stored } = await published(c);
    return sendRendered(c, stored.report, to, downloadName(stored.report, stored.version, to));
  };
  app.get(BASE, page);
  app.get(`${BASE}/v/:version{[0-9]+}`, page);
  app.get(`${BASE}/report.docx`, file('docx'));
  app.get(`${BASE}/report.json`, file('json'));
  app.get(`${BASE}/v/:version{[0-9]+}/report.docx`, file('docx'));
  app.get(`${BASE}/v/:version{[0-9]+}/report.json`, file('json'));
  app.get(`${BASE}/explained`, async (c) => {
    const { agency, stored } = await published(c);
    return c.html(<ExplainedPage agency={agency} stored={stored} />);
  });
  return app;
}
