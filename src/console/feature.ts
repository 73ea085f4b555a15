// The console home (工作台).
import type { Feature } from '../web/feature.js';
import { consoleRoutes } from './console-routes.js';

export const consoleFeature: Feature = {
  name: 'console',
  routes: consoleRoutes,
  nav: [{ href: '/console', label: '工作台' }],
};
