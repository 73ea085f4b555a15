// The guide (政府信息公开指南): the console pages that edit and publish it. Its public pages
// are the portal's (src/portal).
import type { Feature } from '../web/feature.js';
import { guideAuditLabels } from './audit-labels.js';
import { GUIDE_PATH, guideRoutes } from './guide-routes.js';

export const guideFeature: Feature = {
  name: 'guide',
  routes: guideRoutes,
  nav: [{ href: GUIDE_PATH, label: '公开指南', permission: 'guide.edit' }],
  auditLabels: guideAuditLabels,
};
