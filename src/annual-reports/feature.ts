// The annual report composed from the records: the console's editor (draft, check, approve,
// publish, correct), the public column's report pages and downloads. Its figures come from
// every feature's `reportSource` (platform.reportSources).
import { rowNames } from '../audit/subject-names.js';
import { Hono } from 'hono';
import type { AppEnv } from '../web/env.js';
import type { Feature } from '../web/feature.js';
import { assetRoutes } from './assets.js';
import { annualReportAuditLabels } from './audit-labels.js';
import { annualReportConsoleRoutes } from './console-routes.js';
import { REPORTS_PATH, SCHEDULE_PATH } from './paths.js';
import { annualReportPublicRoutes } from './public-routes.js';
import { seedRoutes } from './seed-routes.js';

export const annualReportsFeature: Feature = {
  name: 'annual-reports',
  routes: (platform) =>
    new Hono<AppEnv>()
      .route('/', assetRoutes())
      .route('/', seedRoutes())
      .route('/', annualReportConsoleRoutes(platform))
      .route('/', annualReportPublicRoutes()),
  nav: [
    { href: REPORTS_PATH, label: '年度报告编制', permission: 'report.read' },
    { href: SCHEDULE_PATH, label: '年度报告公布时间', permission: 'agency.manage' },
  ],
  auditLabels: annualReportAuditLabels,
  auditSubjectNames: rowNames(
    'annual_reports',
    ['year', 'version'],
    (r) => `${r.year}年度报告（第${r.version}版）`,
  ),
};
