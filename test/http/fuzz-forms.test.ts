// Property-based fuzzing of every form the app accepts, built from the route list (ROUTES in
// authorisation-matrix.ts): each POST route is posted, by an account allowed to use it, with
// its own form's field names (read off the page that shows the form) and arbitrary others,
// holding any text — huge, binary, control characters, bad dates and ID numbers — and, where
// the form takes files, multipart with hostile file names, wrong types and too many files.
// Never a 5xx; a refusal is a 4xx in Chinese that changes nothing (no audit event, so no
// change: every change is written with its event); the app keeps serving.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { sql } from 'kysely';
import { parse } from 'node-html-parser';
import { PERMISSIONS } from '../../src/auth/policy.js';
import type { Role } from '../../src/auth/roles.js';
import { createAuthzWorld, postMultipart, usernameOf, type World } from '../support/authz-world.js';
import type { TestClient } from '../support/app.js';
import { OBJECTS, ROUTES } from './authorisation-matrix.js';

const RUNS_PER_ROUTE = 6;
const CHINESE = /[\u4e00-\u9fff]/u;

const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\u202e\u0007',
    'a'.repeat(70_000),
    '2026-02-30',
    '9999-99-99',
    '-1',
    '1e309',
    '370211199003070035',
    '<script>alert(1)</script>',
    '../../etc/passwd',
    '１２３',
  ),
);

let w: World;
let fuzzed = 0;
before(async () => {
  w = await createAuthzWorld();
});
after(async () => {
  process.stderr.write(`fuzz-forms: ${fuzzed} inputs\n`);
  await w.close();
});

/** What a refusal must leave as it was: the audit log and the rows of what forms store. */
const STORED = [
  'audit_events',
  'agencies',
  'accounts',
  'account_roles',
  'files',
  'requests',
  'request_files',
  'issued_letters',
  'publications',
  'publication_attachments',
  'publication_rechecks',
  'review_cases',
  'review_case_documents',
  'work_records',
  'assisted_requests',
  'new_media_accounts',
  'letter_templates',
  'guide_drafts',
  'supervision_batches',
  'annual_reports',
  'calendar_days',
  'site_settings',
] as const;
const audits = async () => {
  const counts = await sql<{ n: number | string }>`${sql.raw(
    STORED.map((t) => `SELECT COUNT(*) AS n FROM ${t}`).join(' UNION ALL '),
  )}`.execute(w.t.db.kysely);
  return counts.rows.map((r) => Number(r.n)).join(',');
};

/** The client the route is fuzzed as: a visitor for public routes, else an allowed own account. */
async function clientFor(access: string): Promise<TestClient> {
  if (access === 'public' || access === 'staff') {
    if (access === 'staff') return w.as('lsw-handler');
    const c = w.t.client();
    await c.get('/agencies/lingshanwei/requests/apply');
    return c;
  }
  const role = (PERMISSIONS[access as keyof typeof PERMISSIONS] as readonly Role[])[0]!;
  return w.as(usernameOf(role, role === 'admin' ? 'subordinate' : 'own'));
}

/** The names of the fields of the forms posting to `path` on the page at `page`. */
async function fieldsOf(client: TestClient, page: string, path: string) {
  const res = await client.get(page);
  if (res.status !== 200) return { names: [] as string[], multipart: false };
  const forms = parse(await res.text())
    .querySelectorAll('form')
    .filter((f) => (f.getAttribute('action') ?? page).split('?')[0] === path);
  const names = new Set<string>();
  for (const f of forms)
    for (const i of f.querySelectorAll('input, textarea, select'))
      if (i.getAttribute('name') && i.getAttribute('name') !== '_csrf')
        names.add(i.getAttribute('name')!);
  const multipart = forms.some((f) => f.getAttribute('enctype') === 'multipart/form-data');
  return { names: [...names], multipart };
}

const POSTS = Object.entries(ROUTES).filter(
  ([route]) =>
    route.startsWith('POST ') &&
    !OBJECTS[route]?.session &&
    !OBJECTS[route]?.removes &&
    route !== 'POST /console/login',
);

/** The message of a refusal: the error texts of a page, or a JSON error's message. */
function messageOf(body: string): string {
  if (body.startsWith('{')) {
    try {
      return String((JSON.parse(body) as { error?: { message?: string } }).error?.message ?? '');
    } catch {
      return '';
    }
  }
  const root = parse(body);
  return root
    .querySelectorAll('.error-text, .error-summary, .notice, main p')
    .map((e) => e.textContent)
    .join(' ');
}

/** Whether a refused form says where: an error beside a field, or a summary of errors. */
const namesWhatToFix = (html: string): boolean =>
  parse(html)
    .querySelectorAll('.error-text, .error-summary li')
    .some((e) => CHINESE.test(e.textContent));

/** The routes whose form takes files, as the first test found them. */
const uploadRoutes: { route: string; path: string; client: TestClient }[] = [];

const isHtml = (res: Response) => (res.headers.get('content-type') ?? '').startsWith('text/html');

test('every form route, any fields with any text, files with hostile names: never a 5xx, a Chinese refusal changes nothing', async () => {
  const problems: string[] = [];
  for (const [route, access] of POSTS) {
    const pattern = route.slice(5);
    const path =
      OBJECTS[route]?.path(w.ids) ??
      pattern.replace(/:slug/u, 'lingshanwei').replace(/:[A-Za-z]+(\{[^}]*\})?/gu, 'x');
    const client = await clientFor(access);
    const page = path.endsWith('/preview') ? path.replace(/\/preview$/u, '') : path;
    let form = await fieldsOf(client, page, path);
    if (form.names.length === 0) form = await fieldsOf(client, page.replace(/\/[^/]+$/u, ''), path);
    if (form.names.length === 0) form = await fieldsOf(client, `${page}/new`, path);
    if (form.multipart) uploadRoutes.push({ route, path, client });
    const names = form.names.length > 0 ? form.names : ['title', 'name', 'date', 'version'];
    const fields = fc.dictionary(
      fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 20 })),
      hostileText,
      { maxKeys: names.length + 2 },
    );
    const files = fc.array(
      fc.record({
        name: fc.oneof(
          fc.constantFrom(
            '../../etc/passwd',
            'a\u0000.pdf',
            `${'名'.repeat(300)}.pdf`,
            '.htaccess',
            'CON',
          ),
          fc.string({ maxLength: 40 }),
        ),
        type: fc.constantFrom('application/pdf', 'text/html', 'application/x-msdownload', ''),
        bytes: fc.oneof(
          fc.uint8Array({ maxLength: 200 }),
          fc.constant(new TextEncoder().encode('%PDF-1.4\n%%EOF\n')),
        ),
      }),
      { maxLength: form.multipart ? 25 : 0 },
    );
    await fc.assert(
      fc.asyncProperty(
        fields,
        files,
        fc.constantFrom('form', 'json'),
        async (values, uploads, encoding) => {
          const before = await audits();
          let res: Response;
          if (encoding === 'json') res = await client.json('POST', path, values);
          else if (form.multipart) {
            const body = new FormData();
            for (const [k, v] of Object.entries(values)) body.append(k, v);
            for (const f of uploads)
              body.append('files', new File([f.bytes], f.name, f.type ? { type: f.type } : {}));
            body.set('_csrf', client.csrfToken);
            res = await client.fetch(path, { method: 'POST', body });
          } else res = await client.post(path, values);
          fuzzed++;
          const text = await res.text();
          const at = `${route} (${encoding}${uploads.length ? `, ${uploads.length} files` : ''})`;
          if (res.status >= 500) problems.push(`${at}: ${res.status}`);
          else if (res.status >= 400 && res.status !== 404) {
            if ((await audits()) !== before)
              problems.push(`${at}: refused (${res.status}) yet changed`);
            if (!CHINESE.test(messageOf(text)))
              problems.push(`${at}: ${res.status} without a Chinese message`);
            else if ([400, 422].includes(res.status) && isHtml(res) && !namesWhatToFix(text))
              problems.push(`${at}: ${res.status} names no field to fix`);
          }
        },
      ),
      { numRuns: RUNS_PER_ROUTE },
    );
  }
  assert.deepEqual(problems, []);
  const alive = await w.t.client().get('/healthz');
  assert.equal(alive.status, 200, 'the app keeps serving');
  assert.ok(fuzzed >= POSTS.length * RUNS_PER_ROUTE);
});

test('every upload route: a file over the size limit and a body over the request limit are refused in Chinese, nothing stored', async () => {
  assert.ok(uploadRoutes.length >= 4, uploadRoutes.map((u) => u.route).join(', '));
  const MB = 1024 * 1024;
  const problems: string[] = [];
  for (const size of [31 * MB, 33 * MB]) {
    const bytes = new Uint8Array(size);
    bytes.set(new TextEncoder().encode('%PDF-1.4\n'));
    for (const { route, path, client } of uploadRoutes) {
      const before = await audits();
      const body = new FormData();
      body.append('files', new File([bytes], '大文件.pdf', { type: 'application/pdf' }));
      body.append('identityProof', new File([bytes], '大文件.pdf', { type: 'application/pdf' }));
      body.set('_csrf', client.csrfToken);
      const res = await client.fetch(path, { method: 'POST', body });
      fuzzed++;
      const text = await res.text();
      const at = `${route} (${size / MB} MB)`;
      if (res.status < 400 || res.status >= 500) problems.push(`${at}: ${res.status}`);
      else if (!CHINESE.test(messageOf(text))) problems.push(`${at}: no Chinese message`);
      if ((await audits()) !== before) problems.push(`${at}: stored something`);
    }
  }
  assert.deepEqual(problems, []);
});

test('a report named with control characters is checked and kept under a clean name (PostgreSQL refuses NUL)', async () => {
  const seed = new Uint8Array(
    readFileSync(new URL('../fixtures/reports/seed-2021-lingshanwei.txt', import.meta.url)),
  );
  const handler = await w.as('lsw-handler');
  const checked = await postMultipart(handler, '/console/reports/check', {}, [
    { field: 'files', name: '年度\u0000报告\u0007.txt', bytes: seed },
  ]);
  assert.equal(checked.status, 200);
  assert.match(await checked.text(), /年度报告\.txt/);
  const supervisor = await w.as('lsw-supervisor');
  const batch = await postMultipart(
    supervisor,
    '/console/supervision/batches',
    { year: '2021', title: '', addresses: '' },
    [{ field: 'files', name: '灵山卫\u0000街道.txt', bytes: seed }],
  );
  assert.equal(batch.status, 303);
  const names = await w.t.db.kysely
    .selectFrom('supervision_reports')
    .select('name')
    .where('batch_id', '=', batch.headers.get('location')!.split('/').pop()!)
    .execute();
  assert.deepEqual(
    names.map((n) => n.name),
    ['灵山卫街道.txt'],
  );
});
