// Every feature of the platform, in the order their console navigation appears. app.ts
// mounts their routes, builds the navigation and the OpenAPI document from this list and
// nothing else: a feature is added here, once. See docs/decisions/0014-where-code-goes.md.
import { agenciesFeature } from './agencies/feature.js';
import { apiFeature } from './api/feature.js';
import { auditFeature } from './audit/feature.js';
import { accountsFeature, signInFeature } from './auth/feature.js';
import { calendarFeature } from './calendar/feature.js';
import { consoleFeature } from './console/feature.js';
import { portalFeature } from './portal/feature.js';
import { publicationsFeature } from './publications/feature.js';
import { reportsFeature } from './reports/feature.js';
import { navItems } from './console/nav.js';
import type { Feature, NavEntry, Platform } from './web/feature.js';
import { displayFeature, staticFeature } from './web/shell-feature.js';

export const FEATURES: readonly Feature[] = [
  consoleFeature,
  calendarFeature,
  agenciesFeature,
  accountsFeature,
  auditFeature,
  reportsFeature,
  signInFeature,
  staticFeature,
  displayFeature,
  portalFeature,
  apiFeature,
  publicationsFeature,
];

/** What the features add up to: the navigation and the API, in list order. */
export function platformOf(features: readonly Feature[]): Platform {
  return {
    nav: features.flatMap((f): readonly NavEntry[] => f.nav ?? []),
    api: features.flatMap((f) => (f.api ? [f.api] : [])),
  };
}

/** The console navigation of the whole platform. */
export const consoleNav = navItems(platformOf(FEATURES).nav);
