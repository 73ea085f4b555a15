// The public JSON API of agencies, and the OpenAPI document of every feature's operations.
import type { Feature } from '../web/feature.js';
import { agencyOperations, agencySchemas } from './agency-api.js';
import { apiRoutes } from './api-routes.js';

export const apiFeature: Feature = {
  name: 'api',
  routes: (platform) => apiRoutes(platform.api),
  api: { operations: agencyOperations, schemas: agencySchemas },
};
