// Agencies: the administrators' pages for the agency tree.
import type { Feature } from '../web/feature.js';
import { AGENCIES_PATH, agencyRoutes } from './agency-routes.js';
import { agencyAuditLabels } from './audit-labels.js';
import { agencySubjectNames } from './audit-names.js';

export const agenciesFeature: Feature = {
  name: 'agencies',
  routes: agencyRoutes,
  nav: [{ href: AGENCIES_PATH, label: '机关管理', permission: 'agency.manage' }],
  auditLabels: agencyAuditLabels,
  auditSubjectNames: agencySubjectNames,
};
