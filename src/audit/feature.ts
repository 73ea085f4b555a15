// The audit log pages.
import type { Feature } from '../web/feature.js';
import { AUDIT_PATH, auditRoutes } from './audit-routes.js';

export const auditFeature: Feature = {
  name: 'audit',
  routes: auditRoutes,
  nav: [{ href: AUDIT_PATH, label: '审计日志', permission: 'audit.view' }],
};
