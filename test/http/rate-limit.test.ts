// Rate limits counted atomically: however many requests arrive together, exactly the limit
// get through — applications per address (API and form), wrong tracking codes per address.
// The refusals are Chinese 429s with Retry-After; the form keeps what was typed.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { RATE_LIMITED_MESSAGE } from '../../src/auth/rate-limit.js';
import { TRACK_LIMIT } from '../../src/requests/intake-service.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { PERSON } from '../support/requests.js';

const LIMIT = 5;
const SUBMIT = '/api/v1/agencies/lingshanwei/requests';

async function countRequests(t: TestApp): Promise<number> {
  const r = await t.db.kysely
    .selectFrom('requests')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

describe('rate limits under simultaneous requests', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({
      demo: true,
      now: '2026-12-01T02:00:00.000Z',
      config: { applicationRateLimit: LIMIT },
    });
  });
  after(() => t.close());

  test(`${LIMIT * 4} simultaneous API submissions from one address: exactly ${LIMIT} accepted`, async () => {
    const before = await countRequests(t);
    const responses = await Promise.all(
      Array.from({ length: LIMIT * 4 }, () =>
        t.client().fetch(SUBMIT, {
          method: 'POST',
          body: JSON.stringify(PERSON),
          headers: { 'content-type': 'application/json' },
        }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    assert.equal(statuses.filter((s) => s === 201).length, LIMIT, statuses.join(','));
    assert.equal(statuses.filter((s) => s === 429).length, LIMIT * 3, statuses.join(','));
    const refused = responses.find((r) => r.status === 429)!;
    assert.equal(refused.headers.get('retry-after'), '900');
    const body = (await refused.json()) as { error: { message: string } };
    assert.equal(body.error.message, RATE_LIMITED_MESSAGE);
    assert.equal(await countRequests(t), before + LIMIT);
  });

  test('the form, once the limit is used up, answers 429 and keeps what was typed', async () => {
    const client = t.client();
    const html = await (await client.get('/agencies/lingshanwei/requests/apply')).text();
    const token = /name="submissionToken" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const res = await client.post('/agencies/lingshanwei/requests/apply', {
      submissionToken: token,
      'applicant.category': 'natural_person',
      'applicant.name': '张演示',
      'applicant.idType': 'resident_id_card',
      'applicant.idNumber': '370211198001011239',
      'applicant.phone': '13800000001',
      'applicant.address': '青岛市西海岸新区演示路1号',
      'applicant.email': 'zhang@example.com',
      itemRows: '3',
      'items.0.title': '征地规划文件',
      'delivery.form': 'electronic',
      'delivery.method': 'email',
    });
    assert.equal(res.status, 429);
    const page = await res.text();
    assert.ok(page.includes(RATE_LIMITED_MESSAGE));
    assert.match(page, /value="征地规划文件"/);
  });

  test(`${TRACK_LIMIT * 3} simultaneous wrong tracking codes: ${TRACK_LIMIT} checked, the rest 429`, async () => {
    const responses = await Promise.all(
      Array.from({ length: TRACK_LIMIT * 3 }, (_, i) =>
        t.client().fetch('/api/v1/requests/GK-DEM0-2026-51', {
          headers: { 'x-access-code': `WRNG-${String(i).padStart(4, '0')}` },
        }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    assert.equal(statuses.filter((s) => s === 404).length, TRACK_LIMIT, statuses.join(','));
    assert.equal(statuses.filter((s) => s === 429).length, TRACK_LIMIT * 2, statuses.join(','));
  });
});
