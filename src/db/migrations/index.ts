// Every migration, in order. Listed statically (not read from disk) so the built
// package and the TypeScript sources migrate the same way.
import type { Migration } from 'kysely';
import * as m0001 from './0001_agencies_accounts.js';
import * as m0002 from './0002_audit.js';
import * as m0003 from './0003_calendar.js';
import * as m0004 from './0004_calendar_seed.js';
import * as m0005 from './0005_login_throttle_attempts.js';
import * as m0006 from './0006_jobs_and_files.js';
import * as m0007 from './0007_calendar_manual_days.js';
import * as m0008 from './0008_requests.js';
import * as m0009 from './0009_letters.js';
import * as m0010 from './0010_publications.js';
import * as m0011 from './0011_guide_media_site.js';
import * as m0013 from './0013_request_years.js';
import * as m0014 from './0014_publication_year_figures.js';
import * as m0015 from './0015_review_cases_work_records.js';
import * as m0016 from './0016_annual_reports.js';
import * as m0017 from './0017_supervision.js';
import * as m0018 from './0018_drop_supervision_deadlines.js';
import * as m0019 from './0019_personal_data_purge.js';
import * as m0020 from './0020_report_imports_case_links.js';
import * as m0022 from './0022_work_list_order.js';
import * as m0023 from './0023_account_email.js';
import * as m0024 from './0024_search_agency_token.js';
import * as m0025 from './0025_table_two_indexes.js';
import * as m0026 from './0026_agency_recheck_rhythm.js';

export const migrations: Record<string, Migration> = {
  '0001_agencies_accounts': m0001,
  '0002_audit': m0002,
  '0003_calendar': m0003,
  '0004_calendar_seed': m0004,
  '0005_login_throttle_attempts': m0005,
  '0006_jobs_and_files': m0006,
  '0007_calendar_manual_days': m0007,
  '0008_requests': m0008,
  '0009_letters': m0009,
  '0010_publications': m0010,
  '0011_guide_media_site': m0011,
  '0013_request_years': m0013,
  '0014_publication_year_figures': m0014,
  '0015_review_cases_work_records': m0015,
  '0016_annual_reports': m0016,
  '0017_supervision': m0017,
  '0018_drop_supervision_deadlines': m0018,
  '0019_personal_data_purge': m0019,
  '0020_report_imports_case_links': m0020,
  '0022_work_list_order': m0022,
  '0023_account_email': m0023,
  '0024_search_agency_token': m0024,
  '0025_table_two_indexes': m0025,
  '0026_agency_recheck_rhythm': m0026,
};
