// What a feature adds to the platform, declared in one place per feature folder
// (`src/<feature>/feature.ts`) and composed by app.ts from the list in src/features.ts.
// Nothing registers itself as a side effect of being imported: a feature that is not in
// the list adds nothing. See docs/decisions/0014-where-code-goes.md.
import type { Hono } from 'hono';
import type { SubjectNamer } from '../audit/subject-names.js';
import type { ApiSpec } from '../api/openapi.js';
import type { Config } from '../config.js';
import type { AuditLabelIndex } from '../audit/audit-labels.js';
import type { AuditLabels } from '../audit/audit-label-types.js';
import type { CalendarDependent } from '../calendar/calendar-changed.js';
import type { FileStore } from '../files/file-store.js';
import type { RecurringJob, RegisteredJob } from '../jobs/job-runner.js';
import type { Permission } from '../auth/policy.js';
import type { AppEnv } from './env.js';
import type { ReportSource } from '../annual-reports/year-sources.js';

/** A link in the console navigation; shown only to accounts holding `permission`. */
export interface NavEntry {
  href: string;
  label: string;
  /** Absent: every signed-in account sees it. Hiding a link is not access control. */
  permission?: Permission;
}

/** What app.ts has composed from every feature, for the few routes that list them all. */
export interface Platform {
  api: readonly ApiSpec[];
  nav: readonly NavEntry[];
  /** The Chinese names of every feature's audit actions, subject types and fields. */
  auditLabels: AuditLabelIndex;
  /** Every feature's audit subject names, as one lookup. */
  auditSubjectNames: SubjectNamer;
  /** What every feature recomputes when the working-day calendar changes. */
  calendarDependents: readonly CalendarDependent[];
  /** Every feature's contribution to the annual report, in feature order. */
  reportSources: readonly ReportSource[];
}

/** What the job poller gives a feature to build its job handlers with. */
export interface JobSetup {
  files: FileStore | null;
  config: Config;
  platform: Platform;
}

export interface Feature {
  /** The feature's folder name, e.g. 'agencies'. */
  name: string;
  /** Its pages and endpoints, mounted at '/'; given what the composition knows of all features. */
  routes?: (platform: Platform) => Hono<AppEnv>;
  /** Its /api/v1 operations and their schemas, for the OpenAPI document. */
  api?: ApiSpec;
  /** Its console navigation entries, in the order they appear. */
  nav?: readonly NavEntry[];
  /** The Chinese names of the audit actions it writes (a test fails for an action without one). */
  auditLabels?: AuditLabels;
  /** Display names of the audit subjects it owns (never applicant data). */
  auditSubjectNames?: SubjectNamer;
  /** The handlers of the background jobs it schedules, run by `serve`'s poller. */
  jobs?: (setup: JobSetup) => readonly RegisteredJob[];
  /** Jobs it wants run on a schedule (each due run is done once, whatever the instances). */
  recurring?: readonly RecurringJob[];
  /** What it recomputes when the calendar changes (due dates computed from it). */
  calendarDependents?: readonly CalendarDependent[];
  /** What its records contribute to the annual report (tables and facts for the sections). */
  reportSource?: ReportSource;
  /**
   * Paths (without the query) of its public GET pages whose HTML is made only from the URL,
   * the display setting, the day (CST) and the database, so that they may be served from the
   * page cache until the database changes (src/web/page-cache.ts), and are marked public for
   * browsers and shared caches (src/web/public-page-headers.ts). A page that reads anything
   * else — the time of day, a header, a cookie, a file — must not be listed, nor one that
   * shows anyone's own data (a signed-in person's page is `no-store` and never marked).
   */
  cachedPages?: readonly RegExp[];
}
