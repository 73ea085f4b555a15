// The typed context every route sees. `deps` is set once per request by the app;
// `staff` by the session middleware (null for visitors); `csrfToken` for forms, which read it
// through `csrfTokenOf` (a visitor's token is only made when a form asks for it); `site` by
// the portal's middleware, for the portal layout.
import type { Config } from '../config.js';
import type { Semaphore } from '../auth/semaphore.js';
import type { ServiceDeps } from '../commands/command.js';
import type { ReportReader } from '../reports/read/reader-pool.js';
import type { ConsoleNavItem } from '../console/nav.js';
import type { SiteInfo } from './site.js';

/** What the services need (database, clock, password parameters), and what only the app does. */
export interface AppDeps extends ServiceDeps {
  config: Config;
  /** Reads uploaded report files in worker threads; the process-wide reader when absent. */
  reportReader?: ReportReader;
  /** Bounds the password checks of sign-ins; one per process when absent (tests pass their own). */
  signInChecks?: Semaphore;
}

/** The signed-in staff member, as the console needs them. */
export interface StaffSession {
  sessionId: string;
  accountId: string;
  username: string;
  displayName: string;
  /** The agency the account belongs to. */
  agencyId: string;
  /** The agency the console is currently working on (supervisors may switch). */
  currentAgencyId: string;
  roles: readonly string[];
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    staff: StaffSession | null;
    csrfToken: string;
    /** The console navigation composed from the features (set by app.ts for the layout). */
    consoleNav: readonly ConsoleNavItem[];
    site: SiteInfo;
    /** The database's change mark as the page cache read it for this request (if it did). */
    dataMark: string;
    /** The HTML `c.html` last rendered and the answer made from it (src/web/rendered-html.ts). */
    renderedHtml: { response: Response; html: string };
  };
}
