// The public portal: directory, each agency's 政府信息公开 column, accessibility statement;
// and the site identity its footer shows (edited in the console).
import { Hono } from 'hono';
import type { AppEnv } from '../web/env.js';
import type { Feature } from '../web/feature.js';
import { siteAuditLabels } from './audit-labels.js';
import { PORTAL_CACHED_PAGES } from './cached-pages.js';
import { portalRoutes } from './portal-routes.js';
import { SITE_IDENTITY_PATH, siteIdentityRoutes } from './site-identity-routes.js';

export const portalFeature: Feature = {
  name: 'portal',
  routes: () => new Hono<AppEnv>().route('/', siteIdentityRoutes()).route('/', portalRoutes()),
  nav: [{ href: SITE_IDENTITY_PATH, label: '网站标识', permission: 'site.identity' }],
  auditLabels: siteAuditLabels,
  cachedPages: PORTAL_CACHED_PAGES,
};
