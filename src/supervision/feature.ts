// Supervision: the supervisor's January — check batches of subordinates' reports, the
// year's dashboard, the roll-up and the notices. See docs/decisions/0027-supervision-batches.md.
import { Hono } from 'hono';
import type { AppEnv } from '../web/env.js';
import type { Feature } from '../web/feature.js';
import { supervisionAssetRoutes } from './assets.js';
import { supervisionAuditLabels } from './audit-labels.js';
import { checkBatchJob } from './check-job.js';
import { SUPERVISION_PATH } from './paths.js';
import { supervisionRoutes } from './routes.js';

export const supervisionFeature: Feature = {
  name: 'supervision',
  routes: () =>
    new Hono<AppEnv>().route('/', supervisionAssetRoutes()).route('/', supervisionRoutes()),
  nav: [{ href: SUPERVISION_PATH, label: '下级年度报告', permission: 'supervision.check' }],
  auditLabels: supervisionAuditLabels,
  jobs: ({ config }) => [checkBatchJob(config)],
};
