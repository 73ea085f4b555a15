// The world the authorisation matrix and the form fuzzer run in: the demo data of
// 灵山卫街道办事处 (L) with one of each kind of object a route can name — a case with an
// identity proof and a letter, a publication with an attachment, a review case with a
// document, a recheck round, a supervision batch with its reports, a check result, a saved
// letter-template version, a work record, an account… — and an account of every role in
// three places relative to those objects: in L itself (own), in its superior 黄岛区 (H, for
// whom L is a subordinate) and in 隐珠街道 (U, L's sibling, unrelated to it).
//
// Moving the accounts rather than the data keeps one set of real objects: what the policy
// decides depends only on how the account's agency stands to the object's agency.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inputToColumns } from '../../src/agencies/agency-repository.js';
import { replaceRoles } from '../../src/auth/account-repository.js';
import { hashPassword } from '../../src/auth/password.js';
import { ROLES, type Role } from '../../src/auth/roles.js';
import { DEMO_PASSWORD } from '../../src/demo/demo-data.js';
import { ReportReader } from '../../src/reports/read/reader-pool.js';
import { runCheckBatch } from '../../src/supervision/check-job.js';
import { agencyInput } from './agencies.js';
import {
  createTestApp,
  TEST_PASSWORD_PARAMS,
  type TestApp,
  type TestAppOptions,
  type TestClient,
} from './app.js';
import { PERSON } from './requests.js';

/** How the account's agency stands to the objects' agency (L). */
export type Relation = 'own' | 'subordinate' | 'unrelated';
export const RELATIONS: readonly Relation[] = ['own', 'subordinate', 'unrelated'];

/** Usernames: the demo accounts in L; made here in H (where missing) and U. */
const PREFIX: Record<Relation, string> = { own: 'lsw', subordinate: 'hd', unrelated: 'yz' };
const DEMO_NAME: Partial<Record<Role, string>> = {
  handler: 'handler',
  office_head: 'head',
  reviewer: 'reviewer',
  publisher: 'publisher',
  supervisor: 'supervisor',
  admin: 'admin',
};
export function usernameOf(role: Role, relation: Relation): string {
  // The demo's administrator of H is the platform administrator, 'hd-platform'.
  if (relation === 'subordinate' && role === 'admin') return 'hd-platform';
  return `${PREFIX[relation]}-${DEMO_NAME[role]}`;
}

/** The probe applicant: distinctive personal data to search every response and the log for. */
export const PROBE_APPLICANT = {
  ...PERSON.applicant,
  name: '泄露检测人',
  idNumber: '370211199003070034',
  phone: '13912345678',
  address: '青岛市西海岸新区隐私检测路99号',
  email: 'leak-probe@example.com',
};

/** The ids of one object of each kind, all of agency L. */
export interface WorldIds {
  agencyL: string;
  agencyH: string;
  agencyU: string;
  /** The probe applicant's case, with its identity proof. */
  request: string;
  requestTracking: string;
  requestFile: string;
  /** A demo case with a correction notice issued. */
  letterCase: string;
  letter: string;
  publication: string;
  publicationKey: string;
  draft: string;
  attachment: string;
  publishedAttachment: string | null;
  recheck: string;
  recheckItem: string;
  reviewCase: string;
  reviewDocument: string;
  batch: string;
  supervisionReport: string;
  checkResult: string;
  annualReport: string;
  workRecord: string;
  workRecordKind: string;
  newMedia: string;
  assisted: string;
  account: string;
  templateKind: string;
}

export interface World {
  t: TestApp;
  ids: WorldIds;
  /** Signed-in clients by username (made once, on first use). */
  as(username: string): Promise<TestClient>;
  /** The account that ran the stored check result. */
  checkOwner: string;
  close(): Promise<void>;
}

const PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  ),
);
export const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const SEED_REPORT = readFileSync(
  new URL('../fixtures/reports/seed-2021-lingshanwei.txt', import.meta.url),
);

function must(ok: boolean, what: string, status?: number): void {
  if (!ok) throw new Error(`authz world: ${what} failed${status ? ` (${status})` : ''}`);
}

/** Posts multipart, as a browser does for forms with files. */
export function postMultipart(
  client: TestClient,
  path: string,
  fields: Record<string, string>,
  files: { field: string; name: string; bytes: Uint8Array; type?: string }[],
): Promise<Response> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files)
    form.append(f.field, new File([f.bytes], f.name, f.type ? { type: f.type } : {}));
  form.set('_csrf', client.csrfToken);
  return client.fetch(path, { method: 'POST', body: form });
}

export async function createAuthzWorld(options: TestAppOptions = {}): Promise<World> {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-authz-'));
  const reader = new ReportReader({ workers: 1 });
  const t = await createTestApp({
    demo: true,
    now: '2026-12-01T02:00:00.000Z',
    reportReader: reader,
    ...options,
    config: { fileStoreDir: dir, applicationRateLimit: 1_000_000, ...options.config },
  });
  const db = t.db.kysely;
  const L = t.demo!.agency;
  const H = t.demo!.parent;
  const now = '2026-12-01T02:00:00.000Z';

  // U: L's sibling under H, unrelated to L.
  const agencyU = randomUUID();
  await db
    .insertInto('agencies')
    .values({
      id: agencyU,
      ...inputToColumns(
        agencyInput({
          slug: 'yinzhu',
          parentId: H.id,
          fullName: '隐珠街道办事处',
          shortName: '隐珠街道',
        }),
      ),
      created_at: now,
      updated_at: now,
    })
    .execute();
  const hash = await hashPassword(DEMO_PASSWORD, TEST_PASSWORD_PARAMS);
  const addAccount = async (username: string, agencyId: string, roles: readonly Role[]) => {
    const id = randomUUID();
    await db
      .insertInto('accounts')
      .values({
        id,
        agency_id: agencyId,
        username,
        display_name: `测试${username}`,
        password_hash: hash,
        is_active: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await replaceRoles(db, id, roles);
    return id;
  };
  for (const role of ROLES) {
    const inH = usernameOf(role, 'subordinate');
    if (!(inH in t.demo!.accounts)) await addAccount(inH, H.id, [role]);
    await addAccount(usernameOf(role, 'unrelated'), agencyU, [role]);
  }
  // An account of L that is no actor: the target of the account routes.
  const account = await addAccount('lsw-target', L.id, ['handler']);

  const clients = new Map<string, TestClient>();
  const as = async (username: string) => {
    const known = clients.get(username);
    if (known) return known;
    const client = await t.signIn(username);
    clients.set(username, client);
    return client;
  };
  const handler = await as('lsw-handler');

  // The probe applicant applies online with an identity proof.
  const visitor = t.client();
  await visitor.get('/agencies/lingshanwei/requests/apply');
  const applied = await postMultipart(
    visitor,
    '/agencies/lingshanwei/requests/apply',
    Object.fromEntries(
      Object.entries({
        'applicant.category': 'natural_person',
        'applicant.name': PROBE_APPLICANT.name,
        'applicant.idType': 'resident_id_card',
        'applicant.idNumber': PROBE_APPLICANT.idNumber,
        'applicant.phone': PROBE_APPLICANT.phone,
        'applicant.address': PROBE_APPLICANT.address,
        'applicant.email': PROBE_APPLICANT.email,
        itemRows: '3',
        'items.0.title': '灵山卫街道2021年征地规划文件',
        'delivery.form': 'electronic',
        'delivery.method': 'email',
      }),
    ),
    [{ field: 'identityProof', name: '身份证.png', bytes: PNG, type: 'image/png' }],
  );
  must(applied.status === 200, 'the probe application', applied.status);
  const probe = await db
    .selectFrom('request_applicants')
    .innerJoin('requests', 'requests.id', 'request_applicants.request_id')
    .select(['requests.id', 'requests.tracking_number'])
    .where('request_applicants.id_number', '=', PROBE_APPLICANT.idNumber)
    .executeTakeFirstOrThrow();
  const requestFile = await db
    .selectFrom('request_files')
    .select('file_id')
    .where('request_id', '=', probe.id)
    .executeTakeFirstOrThrow();

  // A correction notice on a demo case: a letter to download.
  const letterCase = await db
    .selectFrom('requests')
    .select(['id', 'version'])
    .where('tracking_number', '=', 'GK-DEM0-2026-52')
    .executeTakeFirstOrThrow();
  const corrected = await handler.post(
    `/console/requests/${letterCase.id}/steps/request_correction`,
    {
      version: String(letterCase.version),
      date: '2026-12-01',
      deadline: '2026-12-15',
      items: '请明确所申请信息的名称',
    },
  );
  must(corrected.status === 303, 'the correction notice', corrected.status);
  const letter = await db
    .selectFrom('issued_letters')
    .select('id')
    .where('subject_id', '=', letterCase.id)
    .executeTakeFirstOrThrow();

  // Publications: a published one (public key), a draft with an attachment.
  const published = await db
    .selectFrom('publications')
    .select(['id', 'url_key'])
    .where('agency_id', '=', L.id)
    .where('state', '=', 'published')
    .orderBy('index_number')
    .executeTakeFirstOrThrow();
  const draftRes = await handler.post('/console/publications', {
    title: '灵山卫街道2026年权限检测草稿',
    summary: '用于权限检测的草稿。',
    body: '<p>草稿正文</p>',
    issuer: L.fullName,
    documentNumber: '',
    writtenOn: '2026-11-30',
    formedOn: '2026-11-30',
    changedOn: '',
    subject: '国土资源、能源',
    genre: '公告',
    keywords: '',
    category: 'a21-land-expropriation',
  });
  must(draftRes.status === 303, 'the draft', draftRes.status);
  const draft = draftRes.headers.get('location')!.split('?')[0]!.split('/').pop()!;
  await handler.get(`/console/publications/${draft}`);
  const attached = await postMultipart(handler, `/console/publications/${draft}/attachments`, {}, [
    { field: 'files', name: '附件.pdf', bytes: PDF, type: 'application/pdf' },
  ]);
  must(attached.status === 303, 'the attachment', attached.status);
  const attachment = await db
    .selectFrom('publication_attachments')
    .select('file_id')
    .where('publication_id', '=', draft)
    .executeTakeFirstOrThrow();
  const publishedAttachment = await db
    .selectFrom('publication_attachments')
    .select('file_id')
    .where('publication_id', '=', published.id)
    .executeTakeFirst();

  // A recheck round by the reviewer.
  const reviewer = await as('lsw-reviewer');
  await reviewer.get('/console/publications/rechecks');
  const round = await reviewer.post('/console/publications/rechecks', { title: '权限检测清查' });
  must(round.status === 303, 'the recheck round', round.status);
  const recheck = await db
    .selectFrom('publication_rechecks')
    .select('id')
    .where('agency_id', '=', L.id)
    .executeTakeFirstOrThrow();
  const recheckItem = await db
    .selectFrom('publication_recheck_items')
    .select('publication_id')
    .where('recheck_id', '=', recheck.id)
    .executeTakeFirstOrThrow();

  // A review case with a document.
  const reviewCase = await db
    .selectFrom('review_cases')
    .select('id')
    .where('agency_id', '=', L.id)
    .executeTakeFirstOrThrow();
  await handler.get(`/console/review-cases/${reviewCase.id}`);
  const documented = await postMultipart(
    handler,
    `/console/review-cases/${reviewCase.id}/documents`,
    {},
    [{ field: 'files', name: '决定书.pdf', bytes: PDF, type: 'application/pdf' }],
  );
  must(documented.status === 303, 'the review-case document', documented.status);
  const reviewDocument = await db
    .selectFrom('review_case_documents')
    .select('file_id')
    .where('case_id', '=', reviewCase.id)
    .executeTakeFirstOrThrow();

  // A supervision batch of L's supervisor, read by the job.
  const supervisor = await as('lsw-supervisor');
  await supervisor.get('/console/supervision/batches');
  const batchRes = await postMultipart(
    supervisor,
    '/console/supervision/batches',
    { year: '2021', title: '', addresses: '' },
    [{ field: 'files', name: '灵山卫街道2021年度报告.txt', bytes: SEED_REPORT }],
  );
  must(batchRes.status === 303, 'the supervision batch', batchRes.status);
  const batch = batchRes.headers.get('location')!.split('/').pop()!;
  await runCheckBatch(t.deps, reader, batch);
  const supervisionReport = await db
    .selectFrom('supervision_reports')
    .select('id')
    .where('batch_id', '=', batch)
    .executeTakeFirstOrThrow();

  // A check result, bound to the account that ran it.
  await handler.get('/console/reports/check');
  const checked = await postMultipart(handler, '/console/reports/check', {}, [
    { field: 'files', name: '年度报告.txt', bytes: SEED_REPORT },
  ]);
  must(checked.status === 200, 'the report check', checked.status);
  const checkResult = await db.selectFrom('check_results').select('id').executeTakeFirstOrThrow();

  // A saved version of a letter template, by the office head.
  const head = await as('lsw-head');
  const templateKind = 'correction_notice';
  await saveFormAsShown(head, `/console/letters/templates/${templateKind}`, {
    note: '权限检测',
  });

  const annualReport = await db
    .selectFrom('annual_reports')
    .select('id')
    .where('agency_id', '=', L.id)
    .executeTakeFirstOrThrow();
  const newMedia = await db
    .selectFrom('new_media_accounts')
    .select('id')
    .where('agency_id', '=', L.id)
    .executeTakeFirstOrThrow();
  const assisted = await db
    .selectFrom('assisted_requests')
    .select('id')
    .where('agency_id', '=', L.id)
    .executeTakeFirstOrThrow();
  const workRecord = await db
    .selectFrom('work_records')
    .select(['id', 'kind'])
    .where('agency_id', '=', L.id)
    .executeTakeFirstOrThrow();

  const ids: WorldIds = {
    agencyL: L.id,
    agencyH: H.id,
    agencyU: agencyU,
    request: probe.id,
    requestTracking: probe.tracking_number,
    requestFile: requestFile.file_id,
    letterCase: letterCase.id,
    letter: letter.id,
    publication: published.id,
    publicationKey: published.url_key!,
    draft,
    attachment: attachment.file_id,
    publishedAttachment: publishedAttachment?.file_id ?? null,
    recheck: recheck.id,
    recheckItem: recheckItem.publication_id,
    reviewCase: reviewCase.id,
    reviewDocument: reviewDocument.file_id,
    batch,
    supervisionReport: supervisionReport.id,
    checkResult: checkResult.id,
    annualReport: annualReport.id,
    workRecord: workRecord.id,
    workRecordKind: workRecord.kind,
    newMedia: newMedia.id,
    assisted: assisted.id,
    account,
    templateKind,
  };
  return {
    t,
    ids,
    as,
    checkOwner: 'lsw-handler',
    async close() {
      await reader.close();
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The fields of the first form on page `path` posting to `action`, as the page shows them. */
export async function formAsShown(
  client: TestClient,
  path: string,
  action = path,
): Promise<Record<string, string>> {
  const html = await (await client.get(path)).text();
  const { parse } = await import('node-html-parser');
  const form = parse(html)
    .querySelectorAll('form')
    .find((f) => (f.getAttribute('action') ?? path) === action);
  const fields: Record<string, string> = {};
  for (const input of form?.querySelectorAll('input, textarea, select') ?? []) {
    const name = input.getAttribute('name');
    if (!name || name === '_csrf') continue;
    const type = input.getAttribute('type');
    if ((type === 'checkbox' || type === 'radio') && !input.hasAttribute('checked')) continue;
    if (input.tagName === 'TEXTAREA') fields[name] = input.textContent;
    else if (input.tagName === 'SELECT')
      fields[name] =
        (input.querySelector('option[selected]') ?? input.querySelector('option'))?.getAttribute(
          'value',
        ) ?? '';
    else fields[name] = input.getAttribute('value') ?? '';
  }
  return fields;
}

async function saveFormAsShown(
  client: TestClient,
  path: string,
  changes: Record<string, string>,
): Promise<void> {
  const fields = await formAsShown(client, path);
  const res = await client.post(path, { ...fields, ...changes });
  must(res.status === 303, `saving ${path}`, res.status);
}
