// Every feature of the platform, in the order their console navigation appears. app.ts
// mounts their routes, builds the navigation and the OpenAPI document from this list and
// nothing else: a feature is added here, once. See docs/decisions/0014-where-code-goes.md.
import { agenciesFeature } from './agencies/feature.js';
import { annualReportsFeature } from './annual-reports/feature.js';
import { apiFeature } from './api/feature.js';
import { auditFeature } from './audit/feature.js';
import { accountsFeature, signInFeature } from './auth/feature.js';
import { calendarFeature } from './calendar/feature.js';
import { consoleFeature } from './console/feature.js';
import { guideFeature } from './guide/feature.js';
import { newMediaFeature } from './new-media/feature.js';
import { lettersFeature } from './letters/feature.js';
import { portalFeature } from './portal/feature.js';
import { publicationsFeature } from './publications/feature.js';
import { reportsFeature } from './reports/feature.js';
import { requestsFeature } from './requests/feature.js';
import { reviewCasesFeature } from './review-cases/feature.js';
import { workRecordsFeature } from './work-records/feature.js';
import { assistedRequestsFeature } from './assisted-requests/feature.js';
import { requestRemindersFeature } from './requests/reminders-feature.js';
import { supervisionFeature } from './supervision/feature.js';
import { navItems } from './console/nav.js';
import { auditLabelIndex } from './audit/audit-labels.js';
import { combineNamers } from './audit/subject-names.js';
import { demoFeature } from './demo/feature.js';
import { housekeepingFeature } from './jobs/feature.js';
import { privacyFeature } from './privacy/feature.js';
import type { RecurringJob, RegisteredJob } from './jobs/job-runner.js';
import type { Feature, JobSetup, NavEntry, Platform } from './web/feature.js';
import { displayFeature, staticFeature } from './web/shell-feature.js';

export const FEATURES: readonly Feature[] = [
  consoleFeature,
  calendarFeature,
  agenciesFeature,
  accountsFeature,
  auditFeature,
  reportsFeature,
  guideFeature,
  newMediaFeature,
  signInFeature,
  staticFeature,
  displayFeature,
  portalFeature,
  apiFeature,
  housekeepingFeature,
  demoFeature,
  lettersFeature,
  requestsFeature,
  publicationsFeature,
  reviewCasesFeature,
  workRecordsFeature,
  assistedRequestsFeature,
  requestRemindersFeature,
  supervisionFeature,
  annualReportsFeature,
  privacyFeature,
];

/** What the features add up to: navigation, API, audit labels, calendar dependents. */
export function platformOf(features: readonly Feature[]): Platform {
  return {
    nav: features.flatMap((f): readonly NavEntry[] => f.nav ?? []),
    api: features.flatMap((f) => (f.api ? [f.api] : [])),
    auditLabels: auditLabelIndex(features.flatMap((f) => (f.auditLabels ? [f.auditLabels] : []))),
    auditSubjectNames: combineNamers(
      features.flatMap((f) => (f.auditSubjectNames ? [f.auditSubjectNames] : [])),
    ),
    calendarDependents: features.flatMap((f) => f.calendarDependents ?? []),
    reportSources: features.flatMap((f) => (f.reportSource ? [f.reportSource] : [])),
  };
}

/** The job handlers and schedules of every feature, for `serve`'s poller. */
export function jobsOf(
  features: readonly Feature[],
  given: Omit<JobSetup, 'platform'>,
): { handlers: RegisteredJob[]; recurring: RecurringJob[] } {
  const setup: JobSetup = { ...given, platform: platformOf(features) };
  return {
    handlers: features.flatMap((f) => f.jobs?.(setup) ?? []),
    recurring: features.flatMap((f) => f.recurring ?? []),
  };
}

/** The console navigation of the whole platform. */
export const consoleNav = navItems(platformOf(FEATURES).nav);
