// The public portal: directory, each agency's 政府信息公开 column, accessibility statement.
import type { Feature } from '../web/feature.js';
import { portalRoutes } from './portal-routes.js';

export const portalFeature: Feature = { name: 'portal', routes: portalRoutes };
