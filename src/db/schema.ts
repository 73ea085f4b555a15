// Row types of every table, as the database returns them. Features map rows to domain
// types in their repositories; nothing above a repository sees these.
import type { Generated, Selectable } from 'kysely';

export interface AgenciesTable {
  id: string;
  parent_id: string | null;
  slug: string;
  full_name: string;
  short_name: string;
  code: string;
  level: string;
  kind: string;
  office_name: string | null;
  office_address: string | null;
  office_hours: string | null;
  office_phone: string | null;
  office_fax: string | null;
  office_email: string | null;
  office_website: string | null;
  created_at: string;
  updated_at: string;
}

export interface AccountsTable {
  id: string;
  agency_id: string;
  username: string;
  display_name: string;
  password_hash: string;
  is_active: number;
  created_at: string;
  updated_at: string;
}

export interface AccountRolesTable {
  account_id: string;
  role: string;
}

export interface SessionsTable {
  id: string;
  account_id: string;
  csrf_token: string;
  current_agency_id: string | null;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface LoginThrottleTable {
  key: string;
  /** Attempts reserved in the current window: failures plus password checks still running. */
  attempts: number;
  window_started_at: string;
  locked_until: string | null;
}

export interface AuditEventsTable {
  chain_id: string;
  seq: number;
  agency_id: string | null;
  occurred_at: string;
  actor_id: string | null;
  actor_label: string;
  subject_type: string;
  subject_id: string;
  action: string;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadsTable {
  chain_id: string;
  seq: number;
  hash: string;
}

export interface CalendarDaysTable {
  date: string;
  kind: string;
  name: string | null;
  updated_at: string;
  /** 1 when an administrator set this day by hand (更正单日), 0 when it came from an import. */
  manual: Generated<number>;
}

export interface CalendarYearsTable {
  year: number;
  source: string;
  loaded_at: string;
}

export interface JobsTable {
  id: string;
  type: string;
  payload_json: string;
  status: string;
  run_at: string;
  attempts: number;
  max_attempts: number;
  locked_until: string | null;
  locked_by: string | null;
  unique_key: string | null;
  recurring_key: string | null;
  result_json: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

export interface FilesTable {
  id: string;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  created_by: string | null;
  created_at: string;
}

export interface CheckResultsTable {
  id: string;
  owner_id: string;
  csv: string;
  created_at: string;
  expires_at: string;
}

export interface PublicationsTable {
  id: string;
  agency_id: string;
  state: string;
  title: string;
  summary: string;
  body_html: string;
  index_number: string | null;
  url_key: string | null;
  issuer: string;
  document_number: string | null;
  written_on: string | null;
  formed_on: string;
  changed_on: string | null;
  published_on: string | null;
  published_at: string | null;
  published_by: string | null;
  subject: string;
  genre: string;
  keywords: string;
  category: string;
  validity: string;
  validity_on: string | null;
  replaced_by: string | null;
  submitted_by: string | null;
  withdrawal_reason: string | null;
  withdrawn_on: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface PublicationReviewsTable {
  id: string;
  publication_id: string;
  decision: string;
  opinion: string;
  reviewer_id: string | null;
  reviewer_label: string;
  decided_at: string;
}

export interface PublicationChannelsTable {
  publication_id: string;
  channel: string;
  published_on: string;
}

export interface PublicationAttachmentsTable {
  publication_id: string;
  file_id: string;
  position: number;
}

export interface PublicationIndexCountersTable {
  agency_id: string;
  year: number;
  last_serial: number;
}

export interface PublicationRechecksTable {
  id: string;
  agency_id: string;
  title: string;
  created_by_label: string;
  created_at: string;
  completed_at: string | null;
}

export interface PublicationRecheckItemsTable {
  recheck_id: string;
  publication_id: string;
  decision: string | null;
  opinion: string | null;
  decided_by_label: string | null;
  decided_at: string | null;
}

/** The search index (FTS5 on SQLite; with a tsvector column `tsv` on PostgreSQL). */
export interface PublicationSearchTable {
  publication_id: string;
  agency_id: string;
  tokens: string;
}

export interface Database {
  agencies: AgenciesTable;
  accounts: AccountsTable;
  account_roles: AccountRolesTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  audit_events: AuditEventsTable;
  audit_heads: AuditHeadsTable;
  calendar_days: CalendarDaysTable;
  calendar_years: CalendarYearsTable;
  jobs: JobsTable;
  files: FilesTable;
  check_results: CheckResultsTable;
  publications: PublicationsTable;
  publication_reviews: PublicationReviewsTable;
  publication_channels: PublicationChannelsTable;
  publication_attachments: PublicationAttachmentsTable;
  publication_index_counters: PublicationIndexCountersTable;
  publication_rechecks: PublicationRechecksTable;
  publication_recheck_items: PublicationRecheckItemsTable;
  publication_search: PublicationSearchTable;
}

export type AgencyRow = Selectable<AgenciesTable>;
export type AccountRow = Selectable<AccountsTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
export type JobRow = Selectable<JobsTable>;
export type FileRow = Selectable<FilesTable>;
export type PublicationRow = Selectable<PublicationsTable>;
