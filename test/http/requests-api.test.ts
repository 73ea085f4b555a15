// The public JSON API of applications: 201 with number and code, Idempotency-Key honoured,
// 422 with one Chinese message per field, tracking by X-Access-Code with a hintless 404,
// and both operations in the OpenAPI document.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../support/app.js';
import { ORGANISATION, PERSON } from '../support/requests.js';

const SUBMIT = '/api/v1/agencies/lingshanwei/requests';

describe('the applications API', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ demo: true, now: '2026-12-01T02:00:00.000Z' });
  });
  after(() => t.close());

  const submit = (body: unknown, key?: string) =>
    t.client().fetch(SUBMIT, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
    });

  test('the issue example gets 201 with a tracking number and access code', async () => {
    const res = await submit(PERSON);
    assert.equal(res.status, 201);
    const body = (await res.json()) as { trackingNumber: string; accessCode: string };
    assert.match(body.trackingNumber, /^GK-/);
    assert.match(body.accessCode, /^[0-9A-Z]{4}-/);
    assert.equal((await submit(ORGANISATION)).status, 201);
  });

  test('the same Idempotency-Key and body give the same answer and one case; another body is refused', async () => {
    const key = 'a3c1f0e2-1111-4222-8333-944455556666';
    const [a, b] = await Promise.all([submit(PERSON, key), submit(PERSON, key)]);
    assert.equal(a.status, 201);
    assert.equal(b.status, 201);
    const first = await a.json();
    assert.deepEqual(await b.json(), first);
    const rows = await t.db.kysely
      .selectFrom('requests')
      .select('id')
      .where('tracking_number', '=', (first as { trackingNumber: string }).trackingNumber)
      .execute();
    assert.equal(rows.length, 1);
    const other = await submit({ ...PERSON, items: [{ description: '另一份' }] }, key);
    assert.equal(other.status, 422);
    assert.match(
      ((await other.json()) as { error: { message: string } }).error.message,
      /已用于另一份内容不同的申请/,
    );
    assert.equal((await submit(PERSON, 'short')).status, 400);
  });

  test('invalid input: 422 with one Chinese message per field', async () => {
    const res = await submit({
      applicant: { ...PERSON.applicant, idNumber: '370211198001011230', phone: 7 },
      items: [],
      delivery: { form: 'fax', method: 'email' },
    });
    assert.equal(res.status, 422);
    const { error } = (await res.json()) as {
      error: { status: number; fields: Record<string, string> };
    };
    assert.equal(error.status, 422);
    assert.deepEqual(Object.keys(error.fields).sort(), [
      'applicant.idNumber',
      'applicant.phone',
      'delivery.form',
      'items',
    ]);
    for (const m of Object.values(error.fields)) assert.match(m, /[\u4e00-\u9fff]/);
    assert.equal(
      (
        await t.client().fetch(SUBMIT, {
          method: 'POST',
          body: '{',
          headers: { 'content-type': 'application/json' },
        })
      ).status,
      400,
    );
    const nowhere = await t.client().fetch('/api/v1/agencies/nowhere/requests', {
      method: 'POST',
      body: JSON.stringify(PERSON),
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(nowhere.status, 404);
  });

  test('status by tracking number and X-Access-Code; a wrong code is the same 404 as an unknown number', async () => {
    const { trackingNumber, accessCode } = (await (await submit(PERSON)).json()) as {
      trackingNumber: string;
      accessCode: string;
    };
    const get = (n: string, code?: string) =>
      t.client().fetch(`/api/v1/requests/${n}`, { headers: code ? { 'x-access-code': code } : {} });
    const res = await get(trackingNumber, accessCode);
    assert.equal(res.status, 200);
    const text = await res.text();
    const status = JSON.parse(text) as Record<string, unknown>;
    assert.equal(status.state, 'submitted');
    assert.equal(status.receivedOn, null);
    assert.deepEqual(status.letters, []);
    for (const secret of [
      PERSON.applicant.idNumber,
      PERSON.applicant.phone,
      PERSON.applicant.name,
      PERSON.applicant.email,
    ])
      assert.ok(!text.includes(secret), `status shows ${secret}`);
    const wrong = await get(trackingNumber, 'AAAA-AAAA-AAAA');
    const unknown = await get('GK-ZZZZ-ZZZZ-ZZ', 'AAAA-AAAA-AAAA');
    assert.equal(wrong.status, 404);
    assert.equal(unknown.status, 404);
    assert.deepEqual(await wrong.json(), await unknown.json());
    assert.equal((await get(trackingNumber)).status, 400);
  });

  test('both operations and their schemas are in the OpenAPI document', async () => {
    const doc = (await (await t.client().get('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    assert.ok(doc.paths['/api/v1/agencies/{slug}/requests']?.post);
    assert.ok(doc.paths['/api/v1/requests/{trackingNumber}']?.get);
    const app = doc.components.schemas.Application;
    assert.deepEqual(Object.keys(app?.properties ?? {}), ['applicant', 'items', 'delivery']);
  });
});
