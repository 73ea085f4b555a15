// Proactive disclosure (主动公开): drafting, confidentiality review, publication and
// withdrawal in the console; the catalogue and item pages in the portal.
import { combineNamers, rowNames } from '../audit/subject-names.js';
import { Hono } from 'hono';
import type { AppEnv } from '../web/env.js';
import type { Feature } from '../web/feature.js';
import { publicationAuditLabels } from './audit-labels.js';
import { PUBLICATIONS_PATH } from './paths.js';
import { publicationApi, publicationApiRoutes } from './publication-api.js';
import { publicRoutes } from './public-routes.js';
import { feedRoutes } from './feeds/feed-routes.js';
import { importRoutes, IMPORT_PATH } from './import/import-routes.js';
import { RECHECK_RECURRING, recheckJob } from './recheck-job.js';
import { recheckRoutes } from './recheck-routes.js';
import { publicationRoutes } from './routes.js';
import { SEARCH_COMPACTION_RECURRING, searchCompactionJob } from './search-compaction-job.js';
import { publicationsReportSource } from './table-two/report-source.js';
import { YEAR_FIGURES_PATH, yearFiguresRoutes } from './table-two/year-figures-routes.js';
import { figuresImportRoutes } from './table-two/figures-import-routes.js';

export const publicationsFeature: Feature = {
  name: 'publications',
  routes: () => {
    const app = new Hono<AppEnv>();
    // Before publicationRoutes, whose `/console/publications/:id` would take these paths.
    app.route('/', yearFiguresRoutes());
    app.route('/', figuresImportRoutes());
    app.route('/', importRoutes());
    app.route('/', recheckRoutes());
    app.route('/', publicationRoutes());
    // Before publicRoutes: the sitemap and the feeds are not catalogue items.
    app.route('/', feedRoutes());
    app.route('/', publicRoutes());
    app.route('/', publicationApiRoutes());
    return app;
  },
  api: publicationApi,
  // The scheduled re-check rounds (清查) of every agency's published items, in its own rhythm.
  jobs: () => [recheckJob(), searchCompactionJob()],
  recurring: [RECHECK_RECURRING, SEARCH_COMPACTION_RECURRING],
  nav: [
    { href: PUBLICATIONS_PATH, label: '主动公开', permission: 'console.view' },
    { href: IMPORT_PATH, label: '导入目录', permission: 'publication.publish' },
    { href: YEAR_FIGURES_PATH, label: '表二数据', permission: 'report.edit' },
  ],
  auditLabels: publicationAuditLabels,
  auditSubjectNames: combineNamers([
    rowNames('publications', ['title'], (p) => String(p.title)),
    rowNames('publication_rechecks', ['title'], (r) => String(r.title)),
  ]),
  reportSource: publicationsReportSource,
  // Made only from the URL, the display setting, the day and the database (the feed: URL and
  // database). Not the attachments (downloads) nor the sitemap (megabytes, and not HTML).
  cachedPages: [
    /^\/agencies\/[^/]+\/catalogue(?:\/[^/]+)?$/,
    /^\/agencies\/[^/]+\/catalogue\.atom$/,
  ],
};
