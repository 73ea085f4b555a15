// Every route the app serves, with what it requires. The table is the reviewed statement of
// access; the test checks that the app serves exactly these routes (a route added without a
// row fails) and that each is refused to whoever lacks what its row names.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PERMISSIONS, type Permission } from '../../src/auth/policy.js';
import { ROLES } from '../../src/auth/roles.js';
import { DEMO_ACCOUNTS } from '../../src/demo/demo-data.js';
import { createTestApp, type TestApp, type TestClient } from '../support/app.js';

/** 'public': anyone; 'staff': any signed-in account; otherwise the permission needed. */
type Access = 'public' | 'staff' | Permission;

const ROUTES: Record<string, Access> = {
  'GET /healthz': 'public',
  'GET /': 'public',
  'GET /accessibility': 'public',
  'GET /display': 'public',
  'GET /static/:file': 'public',
  'GET /static/reports/:file': 'public',
  'GET /agencies/:slug': 'public',
  'GET /agencies/:slug/guide': 'public',
  'GET /agencies/:slug/rules': 'public',
  'GET /agencies/:slug/catalogue': 'public',
  'GET /agencies/:slug/reports': 'public',
  'GET /agencies/:slug/requests': 'public',
  'GET /api/openapi.json': 'public',
  'GET /api/v1/agencies': 'public',
  'GET /api/v1/agencies/:slug': 'public',
  'GET /api/v1/calendar/due': 'public',
  'GET /console/login': 'public',
  'POST /console/login': 'public',
  'POST /console/logout': 'staff',
  'POST /console/agency': 'staff',
  'GET /console': 'console.view',
  'GET /console/reports/check': 'staff',
  'POST /console/reports/check': 'staff',
  'GET /console/reports/check/:id/summary.csv': 'staff',
  'GET /console/supervision': 'supervision.check',
  'GET /console/supervision/:year/dashboard.csv': 'supervision.check',
  'GET /console/supervision/:year/dashboard.xlsx': 'supervision.check',
  'GET /console/supervision/batches': 'supervision.check',
  'POST /console/supervision/batches': 'supervision.check',
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
  'POST /console/annual-reports/:id': 'report.edit',
  'POST /console/annual-reports/:id/check': 'report.edit',
  'POST /console/annual-reports/:id/recompute': 'report.edit',
  'POST /console/annual-reports/:id/import': 'report.edit',
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
  'GET /console/publications/import': 'publication.publish',
  'POST /console/publications/import': 'publication.publish',
  'GET /console/publications/rechecks': 'console.view',
  'POST /console/publications/rechecks': 'publication.review',
  'GET /console/publications/rechecks/:id': 'console.view',
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

/** The stylesheet of the report tables is served under a content hash. */
const key = (method: string, path: string): string =>
  `${method} ${path.replace(/report-tables\.[0-9a-f]+\.css$/u, ':file')}`;

const SAMPLE: Record<string, string> = {
  slug: 'lingshanwei',
  id: '00000000-0000-4000-8000-000000000000',
  file: 'gongkai.css',
  trackingNumber: 'GK-0000-0000-00',
  fileId: '00000000000000000000000000000000',
};
const concrete = (path: string): string =>
  path.replace(/:([A-Za-z]+)/gu, (_, name: string) => SAMPLE[name] ?? 'x');

/** A demo account for each role: the first one holding it (see src/demo/demo-data.ts). */
const ACCOUNT_OF_ROLE: Record<string, string> = Object.fromEntries(
  ROLES.map((role) => [role, DEMO_ACCOUNTS.find((a) => a.roles.includes(role))!.username]),
);

describe('every route with what it requires', () => {
  let t: TestApp;
  const clients = new Map<string, TestClient>();
  const signedIn = async (username: string): Promise<TestClient> => {
    const known = clients.get(username);
    if (known) return known;
    const client = await t.signIn(username);
    clients.set(username, client);
    return client;
  };

  before(async () => {
    t = await createTestApp({ demo: true });
  });
  after(() => t.close());

  const served = (): string[] => [
    ...new Set(t.app.routes.filter((r) => r.method !== 'ALL').map((r) => key(r.method, r.path))),
  ];

  test('the app serves exactly the routes of the table', () => {
    const routes = served();
    assert.deepEqual(
      routes.filter((r) => !(r in ROUTES)),
      [],
      'served without a row in the table: add one with the permission it requires',
    );
    assert.deepEqual(
      Object.keys(ROUTES).filter((r) => !routes.includes(r)),
      [],
      'in the table but not served',
    );
  });

  test('a visitor is refused every route that is not public', async () => {
    for (const [route, access] of Object.entries(ROUTES)) {
      if (access === 'public') continue;
      const [method, path] = route.split(' ') as [string, string];
      const res = await t.client().fetch(concrete(path), { method });
      // Sent to sign in, or refused (a post without a session fails the CSRF check first).
      const toLogin =
        res.status === 303 && /^\/console\/login/u.test(res.headers.get('location') ?? '');
      assert.ok(toLogin || res.status === 401 || res.status === 403, `${route}: ${res.status}`);
    }
  });

  test('a signed-in account without the permission gets 403 on every route that needs it', async () => {
    for (const [route, access] of Object.entries(ROUTES)) {
      if (access === 'public' || access === 'staff') continue;
      const allowed: readonly string[] = PERMISSIONS[access];
      const lacking = Object.keys(ACCOUNT_OF_ROLE).filter((role) => !allowed.includes(role));
      for (const role of lacking) {
        const client = await signedIn(ACCOUNT_OF_ROLE[role]!);
        const [method, path] = route.split(' ') as [string, string];
        const res =
          method === 'GET' ? await client.get(concrete(path)) : await client.post(concrete(path));
        assert.equal(res.status, 403, `${route} as ${role}`);
      }
    }
  });

  test('an account holding the permission is not refused for want of it', async () => {
    for (const [route, access] of Object.entries(ROUTES)) {
      if (access === 'public' || access === 'staff' || !route.startsWith('GET ')) continue;
      if (route.includes(':')) continue; // sample ids do not exist; the page would be a 404
      const role = PERMISSIONS[access][0]!;
      const res = await (await signedIn(ACCOUNT_OF_ROLE[role]!)).get(route.slice(4));
      assert.equal(res.status, 200, `${route} as ${role}`);
    }
  });
});
