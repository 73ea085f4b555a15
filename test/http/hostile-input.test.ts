// Property-based fuzzing of the public write paths: whatever arrives — any JSON value in any
// field of an application, bodies that are not JSON, form fields with any text — the answer
// is never a 5xx; a refusal is a 4xx whose message is Chinese and names the field to fix.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { createTestApp, type TestApp } from '../support/app.js';
import { PERSON } from '../support/requests.js';

const SUBMIT = '/api/v1/agencies/lingshanwei/requests';
const APPLY = '/agencies/lingshanwei/requests/apply';
const CHINESE = /[\u4e00-\u9fff]/;
const FUZZ_RUNS = 120;

/** A path into the application and a hostile value to put there. */
const FIELD_PATHS = [
  ['applicant'],
  ['applicant', 'category'],
  ['applicant', 'name'],
  ['applicant', 'idType'],
  ['applicant', 'idNumber'],
  ['applicant', 'phone'],
  ['applicant', 'address'],
  ['applicant', 'email'],
  ['items'],
  ['items', 0],
  ['items', 0, 'description'],
  ['delivery'],
  ['delivery', 'form'],
  ['delivery', 'method'],
] as const;

function withValue(path: readonly (string | number)[], value: unknown): unknown {
  const copy = structuredClone(PERSON) as Record<string, unknown>;
  let node = copy as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
  return copy;
}

const hostileValue = fc.oneof(
  fc.jsonValue(),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constantFrom('', ' ', '<script>alert(1)</script>', '\u0000', 'a'.repeat(100_000), '１２３'),
);

describe('hostile input to the applications API and form', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({
      demo: true,
      now: '2026-12-01T02:00:00.000Z',
      config: { applicationRateLimit: 1_000_000 },
    });
  });
  after(() => t.close());

  const post = (body: string) =>
    t.client().fetch(SUBMIT, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
    });

  test('any value in any field: 201 or a Chinese 422 naming fields, never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FIELD_PATHS), hostileValue, async (path, value) => {
        const res = await post(JSON.stringify(withValue(path, value)));
        assert.ok([201, 422].includes(res.status), `${path.join('.')}: ${res.status}`);
        if (res.status === 422) {
          const body = (await res.json()) as { error: { message: string; fields: object } };
          const fields = Object.entries(body.error.fields) as [string, string][];
          assert.ok(fields.length > 0);
          for (const [key, message] of fields) {
            assert.ok(key.length > 0);
            assert.match(message, CHINESE, `${key}: ${message}`);
          }
        }
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  test('bodies that are not an application: 400 or 422 in Chinese, never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 500 }),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        async (body) => {
          const res = await post(body);
          assert.ok([400, 422].includes(res.status), `${JSON.stringify(body)}: ${res.status}`);
          const json = (await res.json()) as { error: { message: string } };
          assert.match(json.error.message, CHINESE);
        },
      ),
      { numRuns: FUZZ_RUNS },
    );
  });

  test('the form with any text in any field: 200 or a 400 naming a field, never 5xx', async () => {
    const names = [
      'applicant.category',
      'applicant.name',
      'applicant.idType',
      'applicant.idNumber',
      'applicant.phone',
      'applicant.address',
      'applicant.email',
      'itemRows',
      'items.0.title',
      'items.0.description',
      'delivery.form',
      'delivery.method',
    ];
    const client = t.client();
    await client.get(APPLY);
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom(...names), fc.string({ unit: 'grapheme', maxLength: 200 })),
        async (fields) => {
          const res = await client.post(APPLY, fields);
          assert.ok([200, 400].includes(res.status), `${JSON.stringify(fields)}: ${res.status}`);
          if (res.status === 400) {
            const html = await res.text();
            assert.match(
              html,
              /id="field-[^"]+-error"[^>]*>(<span[^>]*>[^<]*<\/span>)?[^<]*[\u4e00-\u9fff]/,
            );
          }
        },
      ),
      { numRuns: FUZZ_RUNS },
    );
  });
});
