// The authorisation matrix: every route the app serves × every role (and a visitor) × how
// the account's agency stands to the object's agency → what the answer must be. Two reviewed
// tables make it: ROUTES (what each route requires) and OBJECTS (for a route that names an
// object: the real object of 灵山卫街道 it is asked with, and whether it reads or changes it).
// The rules below turn them into an expected outcome per cell; route-permissions.test.tsx
// makes every request and compares, and docs/security.md shows the same matrix as a table
// (`node --import tsx test/http/authorisation-matrix-doc.ts` rewrites it; security-doc.ts
// lists the generated tables, src/auth/security-doc.test.ts fails when the file is stale).
import { PERMISSIONS, type Permission } from '../../src/auth/policy.js';
import { ROLE_LABELS, ROLES, type Role } from '../../src/auth/roles.js';
import type { Relation, WorldIds } from '../support/authz-world.js';

/** 'public': anyone; 'staff': any signed-in account; otherwise the permission needed. */
export type Access = 'public' | 'staff' | Permission;

export const ROUTES: Record<string, Access> = {
  'GET /healthz': 'public',
  'GET /': 'public',
  'GET /accessibility': 'public',
  'GET /display': 'public',
  'GET /static/:file': 'public',
  'GET /static/supervision/:file': 'public',
  'GET /static/reports/:file': 'public',
  'GET /agencies/:slug': 'public',
  'GET /agencies/:slug/guide': 'public',
  'GET /agencies/:slug/rules': 'public',
  'GET /agencies/:slug/catalogue': 'public',
  'GET /agencies/:slug/catalogue.atom': 'public',
  'GET /sitemap.xml': 'public',
  'GET /sitemaps/:part': 'public',
  'GET /agencies/:slug/reports': 'public',
  'GET /agencies/:slug/requests': 'public',
  'GET /api/openapi.json': 'public',
  'GET /api/v1/agencies': 'public',
  'GET /api/v1/agencies/:slug': 'public',
  'GET /api/v1/calendar/due': 'public',
  'GET /console/login': 'public',
  'POST /console/login': 'public',
  'POST /console/logout': 'staff',
  'POST /console/agency': 'agency.switch',
  'GET /console': 'console.view',
  'GET /console/reports/check': 'staff',
  'POST /console/reports/check': 'staff',
  'GET /console/reports/check/:id/summary.csv': 'staff',
  'GET /console/supervision': 'supervision.check',
  'GET /console/supervision/:year/dashboard.csv': 'supervision.check',
  'GET /console/supervision/:year/dashboard.xlsx': 'supervision.check',
  'GET /console/supervision/batches': 'supervision.check',
  'POST /console/supervision/batches': 'supervision.check',
  'GET /console/supervision/batches/:id/progress.json': 'supervision.check',
  'GET /console/supervision/batches/:id': 'supervision.check',
  'POST /console/supervision/batches/:id/confirm': 'supervision.check',
  'GET /console/supervision/batches/:id/findings.csv': 'supervision.check',
  'GET /console/supervision/batches/:id/findings.xlsx': 'supervision.check',
  'GET /console/supervision/reports/:id': 'supervision.check',
  'POST /console/supervision/reports/:id/match': 'supervision.check',
  'GET /console/supervision/reports/:id/notice.docx': 'supervision.check',
  'GET /console/calendar': 'calendar.manage',
  'POST /console/calendar/preview': 'calendar.manage',
  'POST /console/calendar/save': 'calendar.manage',
  'POST /console/calendar/day': 'calendar.manage',
  'GET /console/agencies': 'agency.manage',
  'GET /console/agencies/new': 'agency.manage',
  'POST /console/agencies': 'agency.manage',
  'GET /console/agencies/:id/edit': 'agency.manage',
  'POST /console/agencies/:id': 'agency.manage',
  'GET /console/accounts': 'account.manage',
  'GET /console/accounts/new': 'account.manage',
  'POST /console/accounts': 'account.manage',
  'GET /console/accounts/:id': 'account.manage',
  'POST /console/accounts/:id/roles': 'account.manage',
  'POST /console/accounts/:id/email': 'account.manage',
  'POST /console/accounts/:id/password': 'account.manage',
  'POST /console/accounts/:id/active': 'account.manage',
  'GET /console/audit': 'audit.view',
  'POST /console/audit/verify': 'audit.view',
  'GET /agencies/:slug/guide/versions': 'public',
  'GET /agencies/:slug/guide/versions/:version': 'public',
  'GET /agencies/:slug/application-form': 'public',
  'GET /agencies/:slug/application-form.docx': 'public',
  'GET /console/guide': 'guide.edit',
  'POST /console/guide': 'guide.edit',
  'POST /console/guide/publish': 'guide.edit',
  'GET /console/new-media': 'new_media.manage',
  'GET /console/new-media/new': 'new_media.manage',
  'POST /console/new-media': 'new_media.manage',
  'GET /console/new-media/:id/close': 'new_media.manage',
  'POST /console/new-media/:id/close': 'new_media.manage',
  'GET /console/assisted-requests': 'request.handle',
  'GET /console/assisted-requests/new': 'request.handle',
  'POST /console/assisted-requests': 'request.handle',
  'GET /console/assisted-requests/:id/edit': 'request.handle',
  'POST /console/assisted-requests/:id/edit': 'request.handle',
  'GET /console/site': 'site.identity',
  'POST /console/site': 'site.identity',
  'GET /static/letters/:file': 'public',
  'GET /static/annual-reports/:file': 'public',
  'GET /agencies/:slug/reports/:year{[0-9]{4}}': 'public',
  'GET /agencies/:slug/reports/:year{[0-9]{4}}/v/:version{[0-9]+}': 'public',
  'GET /agencies/:slug/reports/:year{[0-9]{4}}/report.docx': 'public',
  'GET /agencies/:slug/reports/:year{[0-9]{4}}/report.json': 'public',
  'GET /agencies/:slug/reports/:year{[0-9]{4}}/v/:version{[0-9]+}/report.docx': 'public',
  'GET /agencies/:slug/reports/:year{[0-9]{4}}/v/:version{[0-9]+}/report.json': 'public',
  'GET /agencies/:slug/reports/:year{[0-9]{4}}/explained': 'public',
  'GET /console/annual-reports': 'report.read',
  'GET /console/annual-reports/seed-2021': 'report.edit',
  'POST /console/annual-reports/compose': 'report.edit',
  'GET /console/annual-report-schedule': 'agency.manage',
  'POST /console/annual-report-schedule': 'agency.manage',
  'GET /console/annual-reports/:id': 'report.read',
  'POST /console/annual-reports/:id/import': 'report.edit',
  'POST /console/annual-reports/:id': 'report.edit',
  'POST /console/annual-reports/:id/check': 'report.edit',
  'POST /console/annual-reports/:id/recompute': 'report.edit',
  'POST /console/annual-reports/:id/approve': 'report.approve',
  'POST /console/annual-reports/:id/publish': 'report.approve',
  'POST /console/annual-reports/:id/correct': 'report.edit',
  'GET /console/annual-reports/:id/:file{download\\.(?:html|docx|json)}': 'report.read',
  'GET /console/letters/templates': 'letter.templates',
  'GET /console/letters/templates/:kind': 'letter.templates',
  'POST /console/letters/templates/:kind/preview': 'letter.templates',
  'POST /console/letters/templates/:kind': 'letter.templates',
  'POST /console/letters/templates/:kind/reset': 'letter.templates',
  'GET /console/letters/templates/:kind/versions': 'letter.templates',
  'GET /console/letters/templates/:kind/versions/:version': 'letter.templates',
  'GET /agencies/:slug/requests/apply': 'public',
  'GET /console/review-cases': 'review_case.read',
  'GET /console/review-cases/new': 'review_case.manage',
  'POST /console/review-cases': 'review_case.manage',
  'GET /console/review-cases/:id': 'review_case.read',
  'GET /console/review-cases/:id/edit': 'review_case.manage',
  'POST /console/review-cases/:id': 'review_case.manage',
  'POST /console/review-cases/:id/decision': 'review_case.manage',
  'POST /console/review-cases/:id/documents': 'review_case.manage',
  'POST /console/review-cases/:id/documents/:fileId/delete': 'review_case.manage',
  'GET /console/review-cases/:id/documents/:fileId': 'review_case.manage',
  'GET /console/work-records': 'work_record.manage',
  'GET /console/work-records/:kind': 'work_record.manage',
  'GET /console/work-records/:kind/new': 'work_record.manage',
  'POST /console/work-records/:kind': 'work_record.manage',
  'GET /console/work-records/:kind/:id/edit': 'work_record.manage',
  'POST /console/work-records/:kind/:id': 'work_record.manage',
  'POST /console/work-records/:kind/:id/delete': 'work_record.manage',
  'POST /agencies/:slug/requests/apply': 'public',
  'GET /requests/track': 'public',
  'POST /requests/track': 'public',
  'POST /api/v1/agencies/:slug/requests': 'public',
  'GET /api/v1/requests/:trackingNumber': 'public',
  'GET /api/v1/requests/:trackingNumber/letters/:file': 'public',
  'POST /requests/track/letter': 'public',
  'POST /requests/track/correction': 'public',
  'GET /console/requests': 'request.handle',
  'GET /console/requests/new': 'request.handle',
  'POST /console/requests': 'request.handle',
  'GET /console/requests/:id/archive.zip': 'request.handle',
  'GET /console/requests/:id': 'request.handle',
  'POST /console/requests/:id/personal-data': 'request.handle',
  'POST /console/requests/:id/confirm-receipt': 'request.handle',
  'POST /console/requests/:id/files/:fileId': 'request.handle',
  'POST /console/requests/:id/steps/:step': 'request.handle',
  'GET /console/requests/:id/letters/:file': 'request.handle',
  'GET /agencies/:slug/catalogue/:key': 'public',
  'GET /agencies/:slug/catalogue/:key/files/:fileId': 'public',
  'GET /console/publications': 'console.view',
  'GET /console/publications/new': 'publication.draft',
  'POST /console/publications': 'publication.draft',
  'GET /console/publications/overdue': 'console.view',
  'GET /console/publications/report-figures': 'report.edit',
  'POST /console/publications/report-figures': 'report.edit',
  'GET /console/publications/report-figures/import': 'report.edit',
  'POST /console/publications/report-figures/import': 'report.edit',
  'GET /console/publications/report-figures/template.csv': 'report.edit',
  'GET /console/publications/import': 'publication.publish',
  'POST /console/publications/import': 'publication.publish',
  'GET /console/publications/rechecks': 'console.view',
  'POST /console/publications/rechecks': 'publication.review',
  'POST /console/publications/rechecks/rhythm': 'publication.review',
  'GET /console/publications/rechecks/:id': 'console.view',
  'POST /console/publications/rechecks/:id/keep': 'publication.review',
  'GET /console/publications/rechecks/:id/items/:itemId': 'publication.review',
  'POST /console/publications/rechecks/:id/items/:itemId': 'publication.review',
  'GET /console/publications/:id': 'console.view',
  'GET /console/publications/:id/edit': 'publication.draft',
  'POST /console/publications/:id': 'publication.draft',
  'POST /console/publications/:id/submit': 'publication.draft',
  'POST /console/publications/:id/publish': 'publication.publish',
  'POST /console/publications/:id/review': 'publication.review',
  'POST /console/publications/:id/withdraw': 'publication.publish',
  'POST /console/publications/:id/validity': 'publication.publish',
  'POST /console/publications/:id/channels': 'publication.publish',
  'POST /console/publications/:id/attachments': 'publication.draft',
  'POST /console/publications/:id/attachments/:fileId/delete': 'publication.draft',
  'GET /console/publications/:id/files/:fileId': 'console.view',
  'GET /api/v1/agencies/:slug/publications': 'public',
};

/**
 * How a route's object binds it to an agency:
 * - 'read' / 'write': the object's agency must be readable / writable by the account —
 *   own agency always; a subordinate's only for roles that read down (上级监督, 系统管理员) or,
 *   to change it, write down (系统管理员); an unrelated agency never (403);
 * - 'uploader': the object is the account's own (a check result): everyone else gets 404,
 *   so that its existence does not leak;
 * - 'platform': changes what is national; only the administrator of the top agency (平台管理员);
 * - 'public': anyone, the object is public;
 * - 'current': the account's own (current) agency, as for a route without a row.
 */
export type Binding = 'read' | 'write' | 'uploader' | 'platform' | 'public' | 'current';

export interface ObjectRow {
  binding: Binding;
  /** The concrete URL, with the world's real ids. */
  path: (ids: WorldIds) => string;
  /** Form fields sent with a POST (else none: the guard must answer before any validation). */
  fields?: (ids: WorldIds) => Record<string, string>;
  /** The object goes away when allowed (a delete): a later allowed cell may find it gone (404). */
  removes?: true;
  /** Changes the account's session (sign-out, switching agency): asked last, with its own sign-in. */
  session?: true;
  /** An allowed request still finds nothing to give, for a reason of its own (named). */
  emptyFor?: string;
  /** The route is never reached (a finding, reported): every cell is a 404. */
  unreachable?: true;
}

const read = (path: ObjectRow['path'], extra: Partial<ObjectRow> = {}): ObjectRow => ({
  binding: 'read',
  path,
  ...extra,
});
const write = (path: ObjectRow['path'], extra: Partial<ObjectRow> = {}): ObjectRow => ({
  binding: 'write',
  path,
  ...extra,
});
const current = (path: ObjectRow['path'], extra: Partial<ObjectRow> = {}): ObjectRow => ({
  binding: 'current',
  path,
  ...extra,
});
const open = (path: ObjectRow['path']): ObjectRow => ({ binding: 'public', path });

const REQ = (i: WorldIds) => `/console/requests/${i.request}`;
const PUB = (i: WorldIds) => `/console/publications/${i.publication}`;
const DRAFT = (i: WorldIds) => `/console/publications/${i.draft}`;
const REV = (i: WorldIds) => `/console/review-cases/${i.reviewCase}`;
const REP = (i: WorldIds) => `/console/annual-reports/${i.annualReport}`;
const WR = (i: WorldIds) => `/console/work-records/${i.workRecordKind}`;
const SUP = (i: WorldIds) => `/console/supervision/reports/${i.supervisionReport}`;
const BATCH = (i: WorldIds) => `/console/supervision/batches/${i.batch}`;
const TPL = (i: WorldIds) => `/console/letters/templates/${i.templateKind}`;
const L = '/agencies/lingshanwei';

export const OBJECTS: Record<string, ObjectRow> = {
  'GET /agencies/:slug': open(() => L),
  'GET /agencies/:slug/guide': open(() => `${L}/guide`),
  'GET /agencies/:slug/rules': open(() => `${L}/rules`),
  'GET /agencies/:slug/catalogue': open(() => `${L}/catalogue`),
  'GET /agencies/:slug/catalogue.atom': open(() => `${L}/catalogue.atom`),
  'GET /agencies/:slug/reports': open(() => `${L}/reports`),
  'GET /agencies/:slug/requests': open(() => `${L}/requests`),
  'GET /agencies/:slug/requests/apply': open(() => `${L}/requests/apply`),
  'GET /agencies/:slug/guide/versions': open(() => `${L}/guide/versions`),
  'GET /agencies/:slug/application-form': open(() => `${L}/application-form`),
  'GET /agencies/:slug/application-form.docx': open(() => `${L}/application-form.docx`),
  'GET /agencies/:slug/reports/:year{[0-9]{4}}': open(() => `${L}/reports/2021`),
  'GET /agencies/:slug/reports/:year{[0-9]{4}}/v/:version{[0-9]+}': open(
    () => `${L}/reports/2021/v/1`,
  ),
  'GET /agencies/:slug/reports/:year{[0-9]{4}}/report.docx': open(
    () => `${L}/reports/2021/report.docx`,
  ),
  'GET /agencies/:slug/reports/:year{[0-9]{4}}/report.json': open(
    () => `${L}/reports/2021/report.json`,
  ),
  'GET /agencies/:slug/reports/:year{[0-9]{4}}/v/:version{[0-9]+}/report.docx': open(
    () => `${L}/reports/2021/v/1/report.docx`,
  ),
  'GET /agencies/:slug/reports/:year{[0-9]{4}}/v/:version{[0-9]+}/report.json': open(
    () => `${L}/reports/2021/v/1/report.json`,
  ),
  'GET /agencies/:slug/reports/:year{[0-9]{4}}/explained': open(
    () => `${L}/reports/2021/explained`,
  ),
  'GET /agencies/:slug/catalogue/:key': open((i) => `${L}/catalogue/${i.publicationKey}`),
  'GET /api/v1/agencies/:slug': open(() => '/api/v1/agencies/lingshanwei'),
  'GET /api/v1/agencies/:slug/publications': open(
    () => `/api/v1/agencies/lingshanwei/publications?q=${encodeURIComponent('征地')}`,
  ),
  'POST /console/agency': read(() => '/console/agency', {
    fields: (i) => ({ agencyId: i.agencyL, next: '/console' }),
    session: true,
  }),
  'POST /console/logout': current(() => '/console/logout', { session: true }),
  'GET /console/reports/check/:id/summary.csv': {
    binding: 'uploader',
    path: (i) => `/console/reports/check/${i.checkResult}/summary.csv`,
  },
  'GET /console/supervision/:year/dashboard.csv': current(
    () => '/console/supervision/2021/dashboard.csv',
  ),
  'GET /console/supervision/:year/dashboard.xlsx': current(
    () => '/console/supervision/2021/dashboard.xlsx',
  ),
  'GET /console/supervision/batches/:id': read(BATCH),
  'GET /console/supervision/batches/:id/progress.json': read((i) => `${BATCH(i)}/progress.json`),
  'POST /console/supervision/batches/:id/confirm': write((i) => `${BATCH(i)}/confirm`),
  'GET /console/supervision/batches/:id/findings.csv': read((i) => `${BATCH(i)}/findings.csv`),
  'GET /console/supervision/batches/:id/findings.xlsx': read((i) => `${BATCH(i)}/findings.xlsx`),
  'GET /console/supervision/reports/:id': read(SUP),
  'POST /console/supervision/reports/:id/match': write((i) => `${SUP(i)}/match`),
  'GET /console/supervision/reports/:id/notice.docx': read((i) => `${SUP(i)}/notice.docx`, {
    emptyFor: 'the report is matched to no agency below 灵山卫街道 (it has none): 404',
  }),
  'POST /console/calendar/preview': {
    binding: 'platform',
    path: () => '/console/calendar/preview',
  },
  'POST /console/calendar/save': { binding: 'platform', path: () => '/console/calendar/save' },
  'POST /console/calendar/day': { binding: 'platform', path: () => '/console/calendar/day' },
  'POST /console/site': { binding: 'platform', path: () => '/console/site' },
  'GET /console/agencies/:id/edit': read((i) => `/console/agencies/${i.agencyL}/edit`),
  'POST /console/agencies/:id': write((i) => `/console/agencies/${i.agencyL}`),
  'GET /console/accounts/:id': read((i) => `/console/accounts/${i.account}`),
  'POST /console/accounts/:id/roles': write((i) => `/console/accounts/${i.account}/roles`),
  'POST /console/accounts/:id/email': write((i) => `/console/accounts/${i.account}/email`),
  'POST /console/accounts/:id/password': write((i) => `/console/accounts/${i.account}/password`),
  'POST /console/accounts/:id/active': write((i) => `/console/accounts/${i.account}/active`),
  'GET /console/new-media/:id/close': read((i) => `/console/new-media/${i.newMedia}/close`),
  'POST /console/new-media/:id/close': write((i) => `/console/new-media/${i.newMedia}/close`),
  'GET /console/assisted-requests/:id/edit': read(
    (i) => `/console/assisted-requests/${i.assisted}/edit`,
  ),
  'POST /console/assisted-requests/:id/edit': write(
    (i) => `/console/assisted-requests/${i.assisted}/edit`,
  ),
  'GET /console/annual-reports/:id': read(REP),
  'POST /console/annual-reports/:id': write(REP),
  'POST /console/annual-reports/:id/check': write((i) => `${REP(i)}/check`),
  'POST /console/annual-reports/:id/recompute': write((i) => `${REP(i)}/recompute`),
  'POST /console/annual-reports/:id/approve': write((i) => `${REP(i)}/approve`),
  'POST /console/annual-reports/:id/publish': write((i) => `${REP(i)}/publish`),
  'POST /console/annual-reports/:id/correct': write((i) => `${REP(i)}/correct`),
  'GET /console/annual-reports/:id/:file{download\\.(?:html|docx|json)}': read(
    (i) => `${REP(i)}/download.docx`,
  ),
  'POST /console/annual-reports/:id/import': write((i) => `${REP(i)}/import`),
  'GET /console/letters/templates/:kind': current(TPL),
  'POST /console/letters/templates/:kind/preview': current((i) => `${TPL(i)}/preview`),
  'POST /console/letters/templates/:kind': current(TPL),
  'POST /console/letters/templates/:kind/reset': current((i) => `${TPL(i)}/reset`),
  'GET /console/letters/templates/:kind/versions': current((i) => `${TPL(i)}/versions`),
  'GET /console/letters/templates/:kind/versions/:version': current((i) => `${TPL(i)}/versions/1`, {
    emptyFor: 'only 灵山卫街道 saved a version 1 of the template: 404 in the others',
  }),
  'GET /console/review-cases/:id': read(REV),
  'GET /console/review-cases/:id/edit': read((i) => `${REV(i)}/edit`),
  'POST /console/review-cases/:id': write(REV),
  'POST /console/review-cases/:id/decision': write((i) => `${REV(i)}/decision`),
  'POST /console/review-cases/:id/documents': write((i) => `${REV(i)}/documents`),
  'POST /console/review-cases/:id/documents/:fileId/delete': write(
    (i) => `${REV(i)}/documents/${i.reviewDocument}/delete`,
    { removes: true },
  ),
  'GET /console/review-cases/:id/documents/:fileId': read(
    (i) => `${REV(i)}/documents/${i.reviewDocument}`,
  ),
  'GET /console/work-records/:kind': current(WR),
  'GET /console/work-records/:kind/new': current((i) => `${WR(i)}/new`),
  'POST /console/work-records/:kind': current(WR),
  'GET /console/work-records/:kind/:id/edit': read((i) => `${WR(i)}/${i.workRecord}/edit`),
  'POST /console/work-records/:kind/:id': write((i) => `${WR(i)}/${i.workRecord}`),
  'POST /console/work-records/:kind/:id/delete': write((i) => `${WR(i)}/${i.workRecord}/delete`, {
    removes: true,
  }),
  'GET /console/requests/:id': read(REQ),
  'GET /console/requests/:id/archive.zip': read((i) => `${REQ(i)}/archive.zip`),
  'POST /console/requests/:id/personal-data': read((i) => `${REQ(i)}/personal-data`),
  'POST /console/requests/:id/confirm-receipt': write((i) => `${REQ(i)}/confirm-receipt`),
  'POST /console/requests/:id/files/:fileId': read((i) => `${REQ(i)}/files/${i.requestFile}`),
  'POST /console/requests/:id/steps/:step': write((i) => `${REQ(i)}/steps/request_correction`),
  'GET /console/requests/:id/letters/:file': read(
    (i) => `/console/requests/${i.letterCase}/letters/${i.letter}.docx`,
  ),
  'GET /console/publications/rechecks/:id': read(
    (i) => `/console/publications/rechecks/${i.recheck}`,
  ),
  'POST /console/publications/rechecks/:id/keep': write(
    (i) => `/console/publications/rechecks/${i.recheck}/keep`,
  ),
  'GET /console/publications/rechecks/:id/items/:itemId': write(
    (i) => `/console/publications/rechecks/${i.recheck}/items/${i.recheckItem}`,
  ),
  'POST /console/publications/rechecks/:id/items/:itemId': write(
    (i) => `/console/publications/rechecks/${i.recheck}/items/${i.recheckItem}`,
  ),
  'GET /console/publications/:id': read(PUB),
  'GET /console/publications/:id/edit': read((i) => `${DRAFT(i)}/edit`),
  'POST /console/publications/:id': write(DRAFT),
  'POST /console/publications/:id/submit': write((i) => `${DRAFT(i)}/submit`),
  'POST /console/publications/:id/publish': write((i) => `${PUB(i)}/publish`),
  'POST /console/publications/:id/review': write((i) => `${PUB(i)}/review`),
  'POST /console/publications/:id/withdraw': write((i) => `${PUB(i)}/withdraw`),
  'POST /console/publications/:id/validity': write((i) => `${PUB(i)}/validity`),
  'POST /console/publications/:id/channels': write((i) => `${PUB(i)}/channels`),
  'POST /console/publications/:id/attachments': write((i) => `${DRAFT(i)}/attachments`),
  'POST /console/publications/:id/attachments/:fileId/delete': write(
    (i) => `${DRAFT(i)}/attachments/${i.attachment}/delete`,
    { removes: true },
  ),
  'GET /console/publications/:id/files/:fileId': read((i) => `${DRAFT(i)}/files/${i.attachment}`),
};

/** Roles whose reading reaches the agencies below their own, and whose writing does. */
export const READS_DOWN: readonly Role[] = ['supervisor', 'admin'];
export const WRITES_DOWN: readonly Role[] = ['admin'];

export type Outcome = 'allowed' | 'forbidden' | 'sign-in' | 'not-found';

/** Who asks: a visitor, or an account of one role in one relation to the objects' agency. */
export type Asker = { role: null } | { role: Role; relation: Relation; platform: boolean };

export function holds(role: Role, access: Access): boolean {
  if (access === 'public' || access === 'staff') return true;
  return (PERMISSIONS[access] as readonly Role[]).includes(role);
}

/** The expected outcome of one cell of the matrix. */
export function expected(access: Access, row: ObjectRow | undefined, who: Asker): Outcome {
  const binding = row?.binding;
  if (access === 'public' || binding === 'public') return 'allowed';
  if (who.role === null) return 'sign-in';
  if (!holds(who.role, access)) return 'forbidden';
  switch (binding) {
    case undefined:
    case 'current':
      return 'allowed';
    case 'uploader':
      return who.relation === 'own' && who.role === 'handler' ? 'allowed' : 'not-found';
    case 'platform':
      return who.platform ? 'allowed' : 'forbidden';
    case 'read':
      if (who.relation === 'own') return 'allowed';
      return who.relation === 'subordinate' && READS_DOWN.includes(who.role)
        ? 'allowed'
        : 'forbidden';
    case 'write':
      if (who.relation === 'own') return 'allowed';
      return who.relation === 'subordinate' && WRITES_DOWN.includes(who.role)
        ? 'allowed'
        : 'forbidden';
  }
}

/** The route patterns whose path names something (a parameter). */
export const namesObject = (route: string): boolean => route.includes(':');

const RELATION_LABEL: Record<Relation, string> = {
  own: '本机关',
  subordinate: '下级机关',
  unrelated: '无关机关',
};

/** The matrix as a Markdown table: per route, who is allowed in each relation. */
export function matrixMarkdown(
  routes: Readonly<Record<string, Access>> = ROUTES,
  objects: Readonly<Record<string, ObjectRow>> = OBJECTS,
): string {
  const lines = [
    '| 路由 | 要求 | 访客 | ' +
      (['own', 'subordinate', 'unrelated'] as const).map((r) => RELATION_LABEL[r]).join(' | ') +
      ' |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const [route, access] of Object.entries(routes)) {
    const row = objects[route];
    const cell = (relation: Relation) => {
      const out = ROLES.map((role) => ({
        role,
        o: expected(access, row, {
          role,
          relation,
          platform: relation === 'subordinate' && role === 'admin',
        }),
      }));
      const allowed = out.filter((x) => x.o === 'allowed').map((x) => ROLE_LABELS[x.role]);
      if (allowed.length === ROLES.length) return '全部';
      if (allowed.length === 0) return out.some((x) => x.o === 'not-found') ? '—（404）' : '—';
      return allowed.join('、');
    };
    const visitor = expected(access, row, { role: null }) === 'allowed' ? '可' : '—';
    const need = access === 'public' ? '公开' : access === 'staff' ? '已登录' : `\`${access}\``;
    const esc = route.replace(/\|/g, '\\|');
    lines.push(
      `| \`${esc}\` | ${need}${row ? ` · ${row.binding}` : ''} | ${visitor} | ${cell('own')} | ${cell('subordinate')} | ${cell('unrelated')} |`,
    );
  }
  return lines.join('\n');
}
