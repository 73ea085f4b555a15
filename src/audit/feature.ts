// The audit log pages, and the hourly export of the chain heads.
import type { Feature } from '../web/feature.js';
import { AUDIT_PATH, auditRoutes } from './audit-routes.js';
import { HEADS_RECURRING, headsJob } from './heads-job.js';

export const auditFeature: Feature = {
  name: 'audit',
  routes: auditRoutes,
  nav: [{ href: AUDIT_PATH, label: '审计日志', permission: 'audit.view' }],
  jobs: ({ config }) => [headsJob({ dir: config.auditHeadsDir })],
  recurring: [HEADS_RECURRING],
};
