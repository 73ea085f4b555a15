// The authorisation matrix, asked cell by cell (see authorisation-matrix.ts): every route the
// app serves (a route added without a row fails), by a visitor and by an account of every role
// in L itself, in its superior H and in its unrelated sibling U, with the real objects of L
// (a case, a publication, a review case, a batch, a letter, files…). Each answer is compared
// with the matrix, and searched for the applicants' personal data: a role without access to
// it — or anyone outside the deliberate, audited opening — gets zero hits, in pages, CSV and
// the XML inside xlsx / docx / zip downloads; so does the server's log.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { unzipSync } from 'fflate';
import { PERMISSIONS } from '../../src/auth/policy.js';
import { ROLES, type Role } from '../../src/auth/roles.js';
import { createAuthzWorld, RELATIONS, usernameOf, type World } from '../support/authz-world.js';
import type { TestClient } from '../support/app.js';
import {
  expected,
  namesObject,
  OBJECTS,
  ROUTES,
  type Asker,
  type ObjectRow,
  type Outcome,
} from './authorisation-matrix.js';

/** The stylesheet of the report tables is served under a content hash. */
const key = (method: string, path: string): string =>
  `${method} ${path.replace(/report-tables\.[0-9a-f]+\.css$/u, ':file')}`;

/** A public route without a row: its parameters filled with values that need not exist. */
const SAMPLE: Record<string, string> = { slug: 'lingshanwei', file: 'gongkai.css' };
const concrete = (path: string): string =>
  path
    .replace(/:([A-Za-z]+)(\{[^}]*\})?/gu, (_, name: string) => SAMPLE[name] ?? 'x')
    .replace(/\.x$/u, '.html');

/** Opening a case's personal data, on purpose and audited: its body is the data. */
const OPENINGS = new Set([
  'POST /console/requests/:id/personal-data',
  'POST /console/requests/:id/files/:fileId',
  'GET /console/requests/:id/letters/:file',
  // The case archive (档案) holds the whole case, applicant included; handlers only, audited.
  'GET /console/requests/:id/archive.zip',
]);
const HANDLES: readonly string[] = PERMISSIONS['request.handle'];

const ASKERS: (Asker & { username: string | null })[] = [
  { role: null, username: null },
  ...RELATIONS.flatMap((relation) =>
    ROLES.map((role: Role) => ({
      role,
      relation,
      // The demo's top agency is H: its administrator is the platform administrator.
      platform: relation === 'subordinate' && role === 'admin',
      username: usernameOf(role, relation),
    })),
  ),
];
const label = (a: Asker & { username: string | null }) => a.username ?? '访客';

function outcomeOf(res: Response, method: string): Outcome | `status ${number}` {
  const location = res.headers.get('location') ?? '';
  if ([302, 303].includes(res.status) && /^\/console\/login/u.test(location)) return 'sign-in';
  if (res.status === 401) return 'sign-in';
  if (res.status === 403) return 'forbidden';
  if (res.status === 404) return 'not-found';
  if (res.status >= 500) return `status ${res.status}`;
  // A page or download asked for as it is linked is given; a post may be refused as invalid.
  if (method === 'GET' && res.status >= 400) return `status ${res.status}`;
  return 'allowed';
}

/** The body as text; a zip (xlsx, docx, zip) as the text of every file inside, tags removed too. */
async function bodyText(res: Response): Promise<string> {
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const parts = Object.values(unzipSync(bytes)).map((b) => new TextDecoder().decode(b));
    return [...parts, ...parts.map((p) => p.replace(/<[^>]+>/gu, ''))].join('\n');
  }
  return new TextDecoder().decode(bytes);
}

describe('the authorisation matrix', () => {
  let w: World;
  const log: string[] = [];
  const restore: (() => void)[] = [];
  let secrets: { value: string; isName: boolean }[] = [];
  const leaks: string[] = [];
  let cells = 0;
  let scanned = 0;

  before(async () => {
    // The server's log: what the app writes to the console while it is asked everything.
    for (const name of ['log', 'error', 'warn', 'info'] as const) {
      const original = console[name];
      console[name] = (...args: unknown[]) => {
        log.push(args.map((a) => (a instanceof Error ? `${a.stack}` : String(a))).join(' '));
      };
      restore.push(() => (console[name] = original));
    }
    w = await createAuthzWorld();
    const people = await w.t.db.kysely.selectFrom('request_applicants').selectAll().execute();
    const values = new Map<string, boolean>();
    for (const p of people) {
      for (const v of [p.id_number, p.phone, p.address, p.email, p.credit_code])
        if (v) values.set(v, false);
      for (const v of [p.name, p.legal_representative, p.contact_name]) if (v) values.set(v, true);
    }
    secrets = [...values].map(([value, isName]) => ({ value, isName }));
    assert.ok(secrets.length > 20, 'the demo applicants and the probe are there to search for');
  });
  after(async () => {
    for (const r of restore) r();
    await w.close();
  });

  const served = (): string[] => [
    ...new Set(w.t.app.routes.filter((r) => r.method !== 'ALL').map((r) => key(r.method, r.path))),
  ];

  test('the app serves exactly the routes of the table', () => {
    const routes = served();
    assert.deepEqual(
      routes.filter((r) => !(r in ROUTES)),
      [],
      'served without a row in ROUTES (authorisation-matrix.ts): add one with what it requires',
    );
    assert.deepEqual(
      Object.keys(ROUTES).filter((r) => !routes.includes(r)),
      [],
      'in the table but not served',
    );
  });

  test('every non-public route that names an object says which object, and how it binds', () => {
    const missing = Object.entries(ROUTES)
      .filter(([route, access]) => access !== 'public' && namesObject(route))
      .filter(([route]) => !(route in OBJECTS))
      .map(([route]) => route);
    assert.deepEqual(missing, [], 'add a row to OBJECTS (authorisation-matrix.ts)');
  });

  const ask = async (
    route: string,
    row: ObjectRow | undefined,
    who: (typeof ASKERS)[number],
  ): Promise<Response> => {
    const [method, pattern] = route.split(' ') as [string, string];
    const path = row ? row.path(w.ids) : concrete(pattern);
    const fields = row?.fields?.(w.ids) ?? {};
    let client: TestClient;
    if (who.username === null) {
      client = w.t.client();
      if (method === 'POST') await client.get('/console/login');
    } else client = row?.session ? await w.t.signIn(who.username) : await w.as(who.username);
    return method === 'GET' ? client.get(path) : client.post(path, fields);
  };

  test('every cell: each route, by a visitor and by every role in every relation', async () => {
    const wrong: string[] = [];
    // Changes that end something run last: deletions, then sign-out and switching agency.
    const order = (r: string) => (OBJECTS[r]?.session ? 2 : OBJECTS[r]?.removes ? 1 : 0);
    const routes = Object.keys(ROUTES).sort((a, b) => order(a) - order(b));
    for (const route of routes) {
      const access = ROUTES[route]!;
      const row = OBJECTS[route];
      // Refusals first: an allowed change must not alter what a refusal is asked about.
      const cellsOf = ASKERS.map((who) => ({ who, want: expected(access, row, who) })).sort(
        (a, b) => Number(a.want === 'allowed') - Number(b.want === 'allowed'),
      );
      let removed = false;
      for (const { who, want } of cellsOf) {
        const res = await ask(route, row, who);
        const got = outcomeOf(res, route.split(' ')[0]!);
        cells++;
        const fine =
          got === want ||
          // A visitor's post may fail the CSRF check before it is sent to sign in.
          (want === 'sign-in' && got === 'forbidden' && route.startsWith('POST ')) ||
          // A public route without a row is asked with made-up values: any answer but a 5xx.
          (access === 'public' && !row && res.status < 500) ||
          // Signing out ends at the sign-in page.
          (want === 'allowed' && row?.session && got === 'sign-in') ||
          (row?.unreachable && got === 'not-found') ||
          (want === 'allowed' && got === 'not-found' && (removed || row?.emptyFor !== undefined));
        if (!fine)
          wrong.push(`${route} as ${label(who)}: expected ${want}, got ${got} (${res.status})`);
        if (want === 'allowed' && got === 'allowed' && row?.removes) removed = true;

        const body = await bodyText(res);
        scanned++;
        const mayOpen =
          who.role !== null &&
          who.relation === 'own' &&
          HANDLES.includes(who.role) &&
          want === 'allowed';
        if (mayOpen && OPENINGS.has(route)) continue;
        for (const s of secrets) {
          if (s.isName && mayOpen) continue; // handlers see their cases' applicants by name
          if (body.includes(s.value)) leaks.push(`${route} as ${label(who)}: ${s.value}`);
        }
      }
    }
    if (process.env.AUTHZ_DUMP)
      (await import('node:fs')).writeFileSync(process.env.AUTHZ_DUMP, wrong.join('\n'));
    assert.deepEqual(wrong, []);
    assert.ok(cells >= Object.keys(ROUTES).length * ASKERS.length);
  });

  test('personal data: zero hits in every answer above and in the server log', () => {
    assert.ok(scanned > 0);
    assert.deepEqual(leaks, []);
    const logged = secrets.filter((s) => log.some((line) => line.includes(s.value)));
    assert.deepEqual(logged, []);
  });

  test('the opening itself works for the agency’s handlers: the scan would see a leak', async () => {
    const res = await (
      await w.as('lsw-handler')
    ).post(`/console/requests/${w.ids.request}/personal-data`);
    assert.equal(res.status, 200);
    assert.ok((await res.text()).includes('370211199003070034'));
  });
});
