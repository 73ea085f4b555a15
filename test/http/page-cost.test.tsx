// What a page does besides showing itself: public pages without a form issue no CSRF cookie
// or token (every form still gets a valid one), a column page reads only the agencies it
// shows however many are registered, and signed-in pages stay out of caches.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { KyselyPlugin } from 'kysely';
import { getAgencyBySlug } from '../../src/agencies/agency-repository.js';
import { createAgency } from '../../src/agencies/agency-service.js';
import { createApp } from '../../src/app.js';
import { anonymousToken } from '../../src/auth/csrf.js';
import { PUBLIC_PAGE_CACHE_CONTROL } from '../../src/web/public-page-headers.js';
import { agencyInput } from '../support/agencies.js';
import { createTestApp, TestClient, type TestApp } from '../support/app.js';

const PORTAL_PAGES = [
  '/',
  '/accessibility',
  '/agencies/lingshanwei',
  '/agencies/lingshanwei/guide',
  '/agencies/lingshanwei/rules',
  '/agencies/lingshanwei/catalogue',
  '/agencies/lingshanwei/reports',
  '/agencies/lingshanwei/requests',
];

describe('CSRF tokens only where there is a form', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ demo: true });
  });
  after(() => t.close());

  test('portal pages set no CSRF cookie and carry no token', async () => {
    const v = t.client();
    for (const path of PORTAL_PAGES) {
      const res = await v.get(path);
      assert.equal(res.status, 200, path);
      assert.deepEqual(res.headers.getSetCookie(), [], path);
      assert.doesNotMatch(await res.text(), /name="_csrf"/, path);
    }
    assert.equal(v.cookies.size, 0);
  });

  test('after browsing the portal, the sign-in form gets a cookie and a token that sign in', async () => {
    const v = t.client();
    for (const path of PORTAL_PAGES) await v.get(path);
    const page = await v.get('/console/login');
    const cookie = v.cookies.get('gk_csrf');
    assert.ok(cookie);
    assert.equal(page.headers.getSetCookie().filter((c) => c.startsWith('gk_csrf=')).length, 1);
    assert.equal(v.csrfToken, anonymousToken(t.deps.config.sessionSecret, cookie));
    const res = await v.post('/console/login', {
      username: 'lsw-handler',
      password: 'gongkai-demo',
    });
    assert.equal(res.status, 303);
  });

  test('a visitor who has the cookie keeps it, and the form token stays the same', async () => {
    const v = t.client();
    await v.get('/console/login');
    const cookie = v.cookies.get('gk_csrf');
    const token = v.csrfToken;
    const again = await v.get('/console/login');
    assert.deepEqual(again.headers.getSetCookie(), []);
    assert.equal(v.cookies.get('gk_csrf'), cookie);
    assert.equal(v.csrfToken, token);
  });

  test('a failed sign-in shows the form again with a token that still works', async () => {
    const v = t.client();
    await v.get('/console/login');
    const wrong = await v.post('/console/login', { username: 'lsw-head', password: 'wrong-pw-1' });
    assert.notEqual(wrong.status, 303);
    const token = /name="_csrf" value="([^"]*)"/.exec(await wrong.text())?.[1];
    assert.equal(token, v.csrfToken);
    const res = await v.post('/console/login', { username: 'lsw-head', password: 'gongkai-demo' });
    assert.equal(res.status, 303);
  });
});

describe('a portal page reads what it shows', () => {
  let t: TestApp;
  let rows = 0;
  let queries = 0;
  let visitor: TestClient;
  let mark = 0;
  const EXTRA = 30;

  before(async () => {
    t = await createTestApp({ demo: true });
    const district = await getAgencyBySlug(t.db.kysely, 'huangdao');
    assert.ok(district);
    for (let i = 0; i < EXTRA; i++) {
      const r = await createAgency(
        t.deps,
        agencyInput({
          parentId: district.id,
          slug: `street-${i}`,
          fullName: `测试第${i}街道办事处`,
          shortName: `测试${i}`,
        }),
        { id: null, label: '测试' },
      );
      assert.ok(r.ok);
    }
    // The same app over a database handle that counts the queries and rows each page reads.
    const counting: KyselyPlugin = {
      transformQuery: (args) => {
        queries++;
        return args.node;
      },
      transformResult: async (args) => {
        rows += args.result.rows.length;
        return args.result;
      },
    };
    // Its change mark is the test's own: PostgreSQL's (the cluster's WAL position) moves with
    // any other database on a shared server, which would make the site data read again at
    // random. The real marks are tested in src/db/data-version.db.test.ts.
    const app = createApp({
      ...t.deps,
      db: {
        ...t.deps.db,
        kysely: t.deps.db.kysely.withPlugin(counting),
        dataVersion: () => String(mark),
      },
    });
    visitor = new TestClient(app);
    // The site data (host and identity) every portal page shows is read once, then again
    // only after the database changes: read it now, so each page below counts its own reads.
    assert.equal((await visitor.get('/accessibility')).status, 200);
  });
  after(() => t.close());

  async function cost(path: string): Promise<{ rows: number; queries: number; html: string }> {
    rows = 0;
    queries = 0;
    const res = await visitor.get(path);
    assert.equal(res.status, 200, path);
    return { rows, queries, html: await res.text() };
  }

  test('column pages read their agency, and its parent where shown', async () => {
    const home = await cost('/agencies/lingshanwei');
    // The column home also reads the current guide version (the demo's second) and the
    // operating accounts (2).
    assert.deepEqual([home.queries, home.rows], [3, 4]);
    assert.match(home.html, /主办单位：青岛市黄岛区人民政府/);
    const others = ['/guide', '/catalogue', '/reports'];
    for (const path of PORTAL_PAGES.slice(3).filter((p) => !others.some((o) => p.endsWith(o)))) {
      const page = await cost(path);
      assert.deepEqual([page.queries, page.rows], [1, 1], path);
    }
    // The reports column also reads the published reports (the demo's 2021 one).
    const reports = await cost('/agencies/lingshanwei/reports');
    assert.deepEqual([reports.queries, reports.rows], [2, 2]);
    const guide = await cost('/agencies/lingshanwei/guide');
    // The latest version (its content holds the parent's name) and the 2 operating accounts.
    assert.deepEqual([guide.queries, guide.rows], [3, 4]);
    assert.match(guide.html, /上一级行政机关（青岛市黄岛区人民政府）/);
    // With no version published (the district): besides the agency, the latest version
    // (none), the draft and the accounts (none either); it has no parent to read.
    const unpublished = await cost('/agencies/huangdao/guide');
    assert.deepEqual([unpublished.queries, unpublished.rows], [4, 1]);
    // The catalogue also reads its years and the filtered total in one statement (a row per
    // year and the row that ends the skip down the index: 2 + 1, the total on each), then one
    // page of 20 of its 179 published items (besides the agency; the counting plugin also
    // sees the count query inside the facets statement).
    const catalogue = await cost('/agencies/lingshanwei/catalogue');
    assert.deepEqual([catalogue.queries, catalogue.rows], [4, 1 + 3 + 20]);
  });

  test('the site data is read again, once, after the database changes', async () => {
    await t.db.kysely
      .insertInto('site_settings')
      .values({ key: 'site.id_code', value: '3702110001', updated_at: '2024-09-27T08:00:00Z' })
      .execute();
    mark++;
    const first = await cost('/agencies/lingshanwei/rules?after-change');
    assert.deepEqual([first.queries, first.rows], [3, 3]);
    assert.match(first.html, /网站标识码：3702110001/);
    // The agency and its published reports; the site data is not read again.
    const second = await cost('/agencies/lingshanwei/reports');
    assert.deepEqual([second.queries, second.rows], [2, 2]);
    assert.match(second.html, /网站标识码：3702110001/);
  });

  test('the directory, which shows every agency, reads each once', async () => {
    const page = await cost('/');
    const listed = page.html.match(/href="\/agencies\/[^"]+"/g) ?? [];
    assert.equal(listed.length, EXTRA + 2);
    assert.equal(page.queries, 1);
    assert.equal(page.rows, listed.length); // the list (the host comes from the site data)
  });
});

describe('signed-in pages', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ demo: true });
  });
  after(() => t.close());

  test('are never stored by caches; public pages may be', async () => {
    const staff = await t.signIn('lsw-supervisor');
    for (const path of ['/console', '/console/login', '/agencies/lingshanwei']) {
      const res = await staff.get(path);
      assert.equal(res.headers.get('cache-control'), 'no-store', path);
    }
    const res = await t.client().get('/agencies/lingshanwei');
    assert.equal(res.headers.get('cache-control'), PUBLIC_PAGE_CACHE_CONTROL);
  });
});
