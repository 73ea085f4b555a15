// /api/v1 basics and the OpenAPI document, through the real app.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { agencyDetailSchema, agencyListSchema } from '../../src/api/agency-api.js';
import { createTestApp, type TestApp } from '../support/app.js';

// Parsed JSON is checked field by field below; a loose type keeps the assertions short.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

async function json(
  t: TestApp,
  path: string,
  init?: RequestInit,
): Promise<{ status: number; body: Json; res: Response }> {
  const res = await t.app.request(`http://localhost${path}`, init);
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/, path);
  return { status: res.status, body: await res.json(), res };
}

describe('agencies API', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ demo: true });
  });
  after(() => t.close());

  test('lists the agencies with their public 指南 fields only', async () => {
    const { status, body, res } = await json(t, '/api/v1/agencies');
    assert.equal(status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.ok(agencyListSchema.safeParse(body).success);
    assert.deepEqual(
      body.agencies.map((a: { slug: string; parentSlug: string | null }) => [a.slug, a.parentSlug]),
      [
        ['huangdao', null],
        ['lingshanwei', 'huangdao'],
      ],
    );
    const lsw = body.agencies[1];
    assert.deepEqual(lsw.office, {
      name: '综合办公室',
      address: '青岛市西海岸新区灵岩路77号',
      hours: '法定工作日 上午9:00—12:00，下午13:30—17:00',
      phone: '0532-83185761',
      fax: null,
      email: null,
      website: null,
    });
    // Internal ids never leave the server.
    const raw = JSON.stringify(body);
    const ids = await t.db.kysely.selectFrom('agencies').select('id').execute();
    for (const { id } of ids) assert.ok(!raw.includes(id));
    assert.ok(!('id' in lsw) && !('parentId' in lsw));
  });

  test('returns one agency by slug', async () => {
    const { status, body } = await json(t, '/api/v1/agencies/lingshanwei');
    assert.equal(status, 200);
    assert.ok(agencyDetailSchema.safeParse(body).success);
    assert.equal(body.agency.fullName, '灵山卫街道办事处');
    assert.equal(body.agency.parentSlug, 'huangdao');
    assert.equal(body.agency.guideUrl, '/agencies/lingshanwei/guide');
  });

  test('an unknown agency or path is a JSON 404 in Chinese', async () => {
    for (const path of [
      '/api/v1/agencies/nobody',
      '/api/v1/agencies/NOT%20A%20SLUG',
      '/api/v1/nothing-here',
    ]) {
      const { status, body } = await json(t, path);
      assert.equal(status, 404, path);
      assert.equal(body.error.status, 404);
      assert.match(body.error.message, /[\u4e00-\u9fff]/, path);
    }
  });

  test('a write to the read-only API without a session is refused in Chinese', async () => {
    const res = await t.app.request('http://localhost/api/v1/agencies', {
      method: 'POST',
      body: '{not json',
      headers: { 'content-type': 'application/json' },
    });
    assert.ok(res.status >= 400 && res.status < 500, String(res.status));
    const body = (await res.json()) as { error: { message: string } };
    assert.match(body.error.message, /[\u4e00-\u9fff]/);
  });
});

describe('OpenAPI document', () => {
  let t: TestApp;
  let doc: Json;
  before(async () => {
    t = await createTestApp();
    doc = (await json(t, '/api/openapi.json')).body;
  });
  after(() => t.close());

  test('is OpenAPI 3.1 with Chinese descriptions', () => {
    assert.equal(doc.openapi, '3.1.0');
    assert.match(doc.info.title, /Gongkai/);
    assert.match(doc.info.description, /[\u4e00-\u9fff]/);
  });

  test('describes every /api/v1 route the app serves, and nothing it does not', () => {
    const served = new Set(
      t.app.routes
        .filter((r) => r.path.startsWith('/api/v1/') && r.method !== 'ALL')
        .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`),
    );
    const documented = new Set(
      Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
        Object.keys(ops).map((method) => `${method} ${path}`),
      ),
    );
    assert.ok(served.size > 0);
    assert.deepEqual(
      [...served].filter((r) => !documented.has(r)),
      [],
      'served but not documented',
    );
    assert.deepEqual(
      [...documented].filter((r) => !served.has(r)),
      [],
      'documented but not served',
    );
  });

  test('every $ref resolves to a component schema', () => {
    const refs: string[] = [];
    const walk = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          if (k === '$ref' && typeof x === 'string') refs.push(x);
          else walk(x);
        }
      }
    };
    walk(doc);
    assert.ok(refs.length > 0);
    for (const ref of refs) {
      const m = /^#\/components\/schemas\/(.+)$/.exec(ref);
      assert.ok(m && doc.components.schemas[m[1] as string], ref);
    }
  });

  test('the agency schema is the one the API answers with', () => {
    const agency = doc.components.schemas.Agency;
    assert.deepEqual([...agency.required].sort(), [
      'code',
      'fullName',
      'guideUrl',
      'kind',
      'level',
      'office',
      'parentSlug',
      'portalUrl',
      'shortName',
      'slug',
      'updatedAt',
    ]);
    assert.deepEqual(agency.properties.level.enum, [
      'state_council',
      'province',
      'city',
      'county',
      'township',
    ]);
    const get = doc.paths['/api/v1/agencies/{slug}'].get;
    assert.equal(get.parameters[0].in, 'path');
    assert.equal(
      get.responses['404'].content['application/json'].schema.$ref,
      '#/components/schemas/Error',
    );
  });
});
