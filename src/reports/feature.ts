// Annual reports: the console check of reports written elsewhere (any signed-in staff).
import type { Feature } from '../web/feature.js';
import { CHECK_PATH } from './check-console/check-page.js';
import { reportCheckRoutes } from './check-console/check-routes.js';

export const reportsFeature: Feature = {
  name: 'reports',
  routes: reportCheckRoutes,
  nav: [{ href: CHECK_PATH, label: '年度报告检查' }],
};
