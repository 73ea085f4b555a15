// Agencies: the administrators' pages for the agency tree.
import type { Feature } from '../web/feature.js';
import { AGENCIES_PATH, agencyRoutes } from './agency-routes.js';

export const agenciesFeature: Feature = {
  name: 'agencies',
  routes: agencyRoutes,
  nav: [{ href: AGENCIES_PATH, label: '机关管理', permission: 'agency.manage' }],
};
