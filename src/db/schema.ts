// Row types of every table, as the database returns them. Features map rows to domain
// types in their repositories; nothing above a repository sees these.
import type { ColumnType, Generated, Selectable } from 'kysely';

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
  /** How often the agency re-checks what it has published (清查); see recheck-period.ts. */
  recheck_rhythm: ColumnType<string, string | undefined, string>;
  created_at: string;
  updated_at: string;
}

export interface AccountsTable {
  id: string;
  agency_id: string;
  username: string;
  display_name: string;
  /** Where the account's own notices (the daily request reminders) go; optional. */
  email: string | null;
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

export interface GuideDraftsTable {
  agency_id: string;
  postcode: string | null;
  online_form_url: string | null;
  competent_office: string | null;
  reconsideration_body: string | null;
  arrangement_note: string | null;
  other_note: string | null;
  updated_at: string;
}

export interface GuideVersionsTable {
  id: string;
  agency_id: string;
  version: number;
  published_at: string;
  content_json: string;
}

export interface NewMediaAccountsTable {
  id: string;
  agency_id: string;
  platform: string;
  platform_other: string | null;
  name: string;
  operator: string;
  opened_on: string;
  status: string;
  closed_on: string | null;
  close_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface SiteSettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface LetterTemplatesTable {
  id: string;
  agency_id: string;
  kind: string;
  version: number;
  content_json: string;
  is_default: number;
  note: string | null;
  created_at: string;
  created_by: string | null;
  created_by_label: string;
}

export interface LetterCountersTable {
  agency_id: string;
  year: number;
  family: string;
  last_seq: number;
}

export interface IssuedLettersTable {
  id: string;
  agency_id: string;
  kind: string;
  family: string;
  year: number;
  seq: number;
  letter_number: string;
  title: string;
  subject_type: string;
  subject_id: string;
  template_version: number;
  template_id: string | null;
  html_file_id: string;
  html_sha256: string;
  docx_file_id: string;
  docx_sha256: string;
  email_to: string | null;
  issued_on: string;
  issued_at: string;
  issued_by: string | null;
  issued_by_label: string;
}

export interface LetterDeliveriesTable {
  id: string;
  letter_id: string;
  channel: string;
  attempt: number;
  outcome: string;
  detail: string;
  attempted_at: string;
}

export interface RequestsTable {
  id: string;
  agency_id: string;
  tracking_number: string;
  access_code_hash: string;
  state: string;
  channel: string;
  category: string;
  submitted_on: string;
  received_on: string | null;
  due_on: string | null;
  due_provisional: Generated<number>;
  extended: Generated<number>;
  delivery_form: string;
  delivery_method: string;
  accept_other_means: Generated<number>;
  closure: string | null;
  outcome: string | null;
  closed_on: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
  /** The day the applicant's personal data was erased after its retention period (migration 0019). */
  personal_data_purged_on: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface RequestApplicantsTable {
  request_id: string;
  name: string;
  id_type: string | null;
  id_number: string | null;
  credit_code: string | null;
  legal_representative: string | null;
  contact_name: string | null;
  phone: string;
  address: string | null;
  email: string | null;
}

export interface RequestItemsTable {
  request_id: string;
  position: number;
  title: string | null;
  document_number: string | null;
  description: string;
}

export interface RequestEventsTable {
  request_id: string;
  seq: number;
  type: string;
  on_date: string;
  at: string;
  actor_id: string | null;
  data: string | null;
}

export interface RequestFilesTable {
  request_id: string;
  file_id: string;
  purpose: string;
  created_at: string;
}

export interface RequestIdempotencyTable {
  agency_id: string;
  key: string;
  body_hash: string;
  request_id: string;
  sealed_code: string;
  created_at: string;
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
  /** The agency's search token (search-tokens.ts agencyToken), ANDed into every search. */
  agency: string;
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
  guide_drafts: GuideDraftsTable;
  guide_versions: GuideVersionsTable;
  new_media_accounts: NewMediaAccountsTable;
  site_settings: SiteSettingsTable;
  letter_templates: LetterTemplatesTable;
  letter_counters: LetterCountersTable;
  issued_letters: IssuedLettersTable;
  letter_deliveries: LetterDeliveriesTable;
  requests: RequestsTable;
  request_applicants: RequestApplicantsTable;
  request_items: RequestItemsTable;
  request_events: RequestEventsTable;
  request_files: RequestFilesTable;
  request_idempotency: RequestIdempotencyTable;
  publications: PublicationsTable;
  publication_reviews: PublicationReviewsTable;
  publication_channels: PublicationChannelsTable;
  publication_attachments: PublicationAttachmentsTable;
  publication_index_counters: PublicationIndexCountersTable;
  publication_rechecks: PublicationRechecksTable;
  publication_recheck_items: PublicationRecheckItemsTable;
  publication_search: PublicationSearchTable;
  review_cases: ReviewCasesTable;
  review_case_documents: ReviewCaseDocumentsTable;
  work_records: WorkRecordsTable;
  assisted_requests: AssistedRequestsTable;
  request_reminder_digests: RequestReminderDigestsTable;
  publication_year_figures: PublicationYearFiguresTable;
  publication_channel_counts: PublicationChannelCountsTable;
  supervision_batches: SupervisionBatchesTable;
  supervision_reports: SupervisionReportsTable;
  annual_reports: AnnualReportsTable;
  annual_report_schedules: AnnualReportSchedulesTable;
}

export type AgencyRow = Selectable<AgenciesTable>;
export type AccountRow = Selectable<AccountsTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
export type JobRow = Selectable<JobsTable>;
export type FileRow = Selectable<FilesTable>;
export type GuideDraftRow = Selectable<GuideDraftsTable>;
export type NewMediaAccountRow = Selectable<NewMediaAccountsTable>;
export type RequestRow = Selectable<RequestsTable>;
export type RequestApplicantRow = Selectable<RequestApplicantsTable>;
export type PublicationRow = Selectable<PublicationsTable>;

// --- review cases and work records ---

export interface ReviewCasesTable {
  id: string;
  agency_id: string;
  request_id: string | null;
  kind: string;
  body: string;
  case_number: string;
  received_on: string;
  result: string;
  decided_on: string | null;
  decision_note: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
  /** A lawsuit after reconsideration: the reconsideration it follows, when registered here. */
  reconsideration_id: string | null;
}

export interface ReviewCaseDocumentsTable {
  case_id: string;
  file_id: string;
  created_at: string;
}

export interface WorkRecordsTable {
  id: string;
  agency_id: string;
  kind: string;
  occurred_on: string;
  title: string;
  detail: string | null;
  reference: string | null;
  role: string | null;
  closed: number | null;
  participants: number | null;
  created_at: string;
  updated_at: string;
}

export type ReviewCaseRow = Selectable<ReviewCasesTable>;
export type WorkRecordRow = Selectable<WorkRecordsTable>;
// --- request years: assisted handling (协查) and reminders ---

export interface AssistedRequestsTable {
  id: string;
  agency_id: string;
  requesting_agency_id: string | null;
  requesting_agency_name: string;
  received_on: string;
  subject: string;
  their_reference: string | null;
  answered_on: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface RequestReminderDigestsTable {
  agency_id: string;
  on_date: string;
  /** 'sending' while claimed, then 'sent' or 'failed'. */
  status: string;
  recipient: string;
  due_soon: number;
  overdue: number;
  /** The tracking numbers, due dates and states the digest listed (no applicant data). */
  cases_json: string;
  detail: string | null;
  created_at: string;
  sent_at: string | null;
}

export type AssistedRequestRow = Selectable<AssistedRequestsTable>;
// --- publications: table 二 figures and channel counts (migration 0014) ---
export interface PublicationYearFiguresTable {
  agency_id: string;
  year: number;
  figure: string;
  /** bigint: PostgreSQL returns it as a string. */
  value: ColumnType<number | string, number, number>;
  source: string;
  updated_by_label: string;
  updated_at: string;
}

export interface PublicationChannelCountsTable {
  agency_id: string;
  year: number;
  channel: string;
  count: number;
  source: string;
  updated_by_label: string;
  updated_at: string;
}

// --- supervision ---

export interface SupervisionBatchesTable {
  id: string;
  agency_id: string;
  year: number;
  title: string;
  created_by: string | null;
  created_by_label: string;
  created_at: string;
  file_count: number;
  finished_at: string | null;
}

export interface SupervisionReportsTable {
  id: string;
  batch_id: string | null;
  owner_agency_id: string;
  seq: number;
  source: string;
  name: string;
  size: number;
  sha256: string | null;
  content_b64: string | null;
  state: string;
  read_as: string | null;
  error: string | null;
  report_json: string | null;
  findings_json: string | null;
  errors: Generated<number>;
  warnings: Generated<number>;
  report_agency: string | null;
  report_year: number | null;
  suggested_agency_id: string | null;
  agency_id: string | null;
  confirmed: Generated<number>;
  year: number;
  previous_id: string | null;
  created_at: string;
  read_at: string | null;
}

// --- annual reports ---
export interface AnnualReportsTable {
  id: string;
  agency_id: string;
  year: number;
  version: number;
  status: string;
  content_json: string;
  computed_json: string;
  change_note: string | null;
  approved_by: string | null;
  approved_at: string | null;
  published_at: string | null;
  created_at: string;
  updated_at: string;
  reading_notes_json: string | null;
}

export interface AnnualReportSchedulesTable {
  agency_id: string;
  township_deadline: string;
  updated_at: string;
}
