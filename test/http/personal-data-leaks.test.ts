// Personal data reaches only handling staff. An applicant is submitted with distinctive ID
// number, phone, address and e-mail; then every GET route the app serves (enumerated from
// the app, so new routes are scanned too) is fetched by a visitor and by every demo account,
// and the opening of the personal data (POST …/personal-data, the proof download) by every
// account without `request.handle` for that agency. Zero hits: the data appears only where
// a handler of the agency deliberately opens it (and that opening is audited).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PERMISSIONS } from '../../src/auth/policy.js';
import { DEMO_ACCOUNTS } from '../../src/demo/demo-data.js';
import { createTestApp, type TestApp, type TestClient } from '../support/app.js';
import { PERSON } from '../support/requests.js';

const APPLICANT = {
  ...PERSON.applicant,
  name: '泄露检测人',
  idNumber: '370211199003070034',
  phone: '13912345678',
  address: '青岛市西海岸新区隐私检测路99号',
  email: 'leak-probe@example.com',
};
const SECRETS = [APPLICANT.idNumber, APPLICANT.phone, APPLICANT.address, APPLICANT.email];

let t: TestApp;
let requestId = '';
let trackingNumber = '';

before(async () => {
  t = await createTestApp({ demo: true, now: '2026-12-01T02:00:00.000Z' });
  const res = await t.client().fetch('/api/v1/agencies/lingshanwei/requests', {
    method: 'POST',
    body: JSON.stringify({ ...PERSON, applicant: APPLICANT }),
    headers: { 'content-type': 'application/json' },
  });
  assert.equal(res.status, 201);
  trackingNumber = ((await res.json()) as { trackingNumber: string }).trackingNumber;
  const row = await t.db.kysely
    .selectFrom('requests')
    .select('id')
    .where('tracking_number', '=', trackingNumber)
    .executeTakeFirstOrThrow();
  requestId = row.id;
});
after(() => t.close());

/** A concrete URL for a route pattern: the seeded case, the demo agency, else a dummy. */
function concrete(path: string): string {
  return path
    .replace(':slug', 'lingshanwei')
    .replace(':trackingNumber', trackingNumber)
    .replace(/:id\b/, requestId)
    .replace(/:[A-Za-z]+(\{[^}]*\})?/g, 'x');
}

function leaks(body: string): string[] {
  return SECRETS.filter((s) => body.includes(s));
}

async function scanGets(client: TestClient, who: string): Promise<string[]> {
  const found: string[] = [];
  const paths = [
    ...new Set(t.app.routes.filter((r) => r.method === 'GET').map((r) => concrete(r.path))),
  ];
  for (const path of paths) {
    const res = await client.get(path);
    const hits = leaks(await res.text());
    if (hits.length > 0) found.push(`${who} GET ${path}: ${hits.join(', ')}`);
  }
  return found;
}

test('no GET page or API shows the applicant’s personal data, to anyone', async () => {
  const found = await scanGets(t.client(), '访客');
  for (const a of DEMO_ACCOUNTS)
    found.push(...(await scanGets(await t.signIn(a.username), a.username)));
  assert.deepEqual(found, []);
});

test('opening the personal data is refused, without it, to every account not handling the case', async () => {
  const found: string[] = [];
  let opened = 0;
  for (const a of DEMO_ACCOUNTS) {
    const client = await t.signIn(a.username);
    const res = await client.post(`/console/requests/${requestId}/personal-data`);
    const body = await res.text();
    const handles =
      a.agency === 'agency' &&
      a.roles.some((r) => (PERMISSIONS['request.handle'] as readonly string[]).includes(r));
    if (handles) {
      assert.equal(res.status, 200, a.username);
      assert.ok(leaks(body).length > 0, `${a.username} handles the case and sees it`);
      opened++;
    } else {
      assert.ok(res.status >= 400, `${a.username}: ${res.status}`);
      if (leaks(body).length > 0) found.push(a.username);
    }
  }
  assert.ok(opened > 0);
  assert.deepEqual(found, []);
});
