// Where the annual report's pages are, console and public.
export const REPORTS_PATH = '/console/annual-reports';
export const reportPath = (id: string): string => `${REPORTS_PATH}/${id}`;
/** The local schedule a parent agency sets for its townships (an administrator's setting). */
export const SCHEDULE_PATH = '/console/annual-report-schedule';

export const publicReportsPath = (slug: string): string => `/agencies/${slug}/reports`;
export const publicReportPath = (slug: string, year: number, version?: number): string =>
  `${publicReportsPath(slug)}/${year}${version !== undefined ? `/v/${version}` : ''}`;
