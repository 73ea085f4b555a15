// Filling a draft from a report file written elsewhere: the typed tables take the file's
// figures (the computed ones never do), the text only when ticked, the cells the reader was
// unsure of are marked until the office saves, a bad file changes nothing and says why.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import { replaceRoles } from '../../src/auth/account-repository.js';
import { hashPassword } from '../../src/auth/password.js';
import { DEMO_PASSWORD } from '../../src/demo/demo-data.js';
import { insertTestAccount } from '../support/accounts.js';
import {
  createTestApp,
  TEST_PASSWORD_PARAMS,
  type TestApp,
  type TestClient,
} from '../support/app.js';

const SEED = readFileSync(
  new URL('../fixtures/reports/seed-2021-lingshanwei.txt', import.meta.url),
);
const main = (html: string) =>
  parse(html).querySelector('main')?.textContent.replace(/\s+/g, ' ') ?? '';

describe('annual report: import from a report file', () => {
  let t: TestApp;
  let office: TestClient;
  let draftId = '';
  const stored = async (id: string) => {
    const row = await t.db.kysely
      .selectFrom('annual_reports')
      .select(['content_json', 'reading_notes_json', 'updated_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return { ...row, report: JSON.parse(row.content_json) };
  };
  const upload = (
    client: TestClient,
    id: string,
    name: string,
    bytes: Uint8Array | string,
    withText = false,
  ) => {
    const form = new FormData();
    form.append('reportFile', new File([bytes], name));
    if (withText) form.append('withText', '1');
    form.append('_csrf', client.csrfToken);
    return client.fetch(`/console/annual-reports/${id}/import`, { method: 'POST', body: form });
  };

  before(async () => {
    t = await createTestApp({ demo: true, now: '2026-12-01T08:00:00.000Z' });
    await insertTestAccount(t.db, 'elsewhere');
    await t.db.kysely
      .updateTable('accounts')
      .set({ password_hash: await hashPassword(DEMO_PASSWORD, TEST_PASSWORD_PARAMS) })
      .where('id', '=', 'elsewhere')
      .execute();
    await replaceRoles(t.db.kysely, 'elsewhere', ['handler', 'office_head']);
    office = await t.signIn('elsewhere');
    const composed = await office.post('/console/annual-reports/compose', { year: '2026' });
    draftId = composed.headers.get('location')!.split('?')[0]!.split('/').pop()!;
  });
  after(() => t.close());

  test('a file that is not a report says so in Chinese, and nothing stored changes', async () => {
    const before = await stored(draftId);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const res = await upload(office, draftId, '报告.png', png);
    assert.equal(res.status, 400);
    const page = parse(await res.text());
    assert.match(
      page.querySelector('#reportFile-error, .error-text')!.textContent,
      /无法读取“报告\.png”：这是一个图片文件/,
    );
    const empty = await upload(office, draftId, '空.txt', '');
    assert.equal(empty.status, 400);
    assert.match(main(await empty.text()), /请选择要导入的年度报告文件/);
    assert.deepEqual(await stored(draftId), before);
  });

  test('the typed tables take the file’s figures; the text stays unless ticked; unsure cells are marked', async () => {
    const draftText = (await stored(draftId)).report.sections[0].text;
    const res = await upload(office, draftId, '2021年报告.txt', SEED);
    assert.equal(res.status, 303);
    const after = await stored(draftId);
    assert.equal(after.report.tables.requests.received.natural_person, 8);
    assert.equal(after.report.sections[0].text, draftText);
    const notes = JSON.parse(after.reading_notes_json!) as {
      file: string;
      findings: { code: string }[];
    };
    assert.equal(notes.file, '2021年报告.txt');
    assert.ok(
      notes.findings.length > 0 && notes.findings.every((f) => f.code === 'CELL_AMBIGUOUS'),
    );

    const page = parse(await (await office.get(`/console/annual-reports/${draftId}`)).text());
    assert.match(page.querySelector('#reading-notes')!.textContent, /2021年报告\.txt/);
    assert.ok(page.querySelectorAll('td.to-confirm').length > 0, 'the unsure cells are marked');
    const cell = page.querySelector('input[name="cell_requests_received_natural_person"]')!;
    assert.equal(cell.getAttribute('value'), '8');
    // The seed's own tables do not balance: the checks say so, as for typed tables.
    assert.match(page.querySelector('#findings')!.textContent, /T3_|不平衡|不等于|合计/);
    const approve = await office.post(`/console/annual-reports/${draftId}/approve`);
    assert.equal(approve.status, 400);
    assert.match(main(await approve.text()), /读取时不能确定/);

    const withText = await upload(office, draftId, '2021年报告.txt', SEED, true);
    assert.equal(withText.status, 303);
    const both = await stored(draftId);
    assert.match(both.report.sections[0].text, /^2021年以来，灵山卫街道认真贯彻落实/);
    assert.match(both.report.preamble, /^本报告根据《中华人民共和国政府信息公开条例》/);

    const events = await t.db.kysely
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'annual_report.import')
      .execute();
    assert.equal(events.length, 2);
  });

  test('saving the form confirms the marked cells', async () => {
    const root = parse(await (await office.get(`/console/annual-reports/${draftId}`)).text());
    const form = root.querySelector('form[aria-label="编辑年度报告"]')!;
    const fields: Record<string, string> = {};
    for (const el of form.querySelectorAll('textarea'))
      fields[el.getAttribute('name')!] = el.textContent;
    for (const el of form.querySelectorAll('input.cell-input'))
      fields[el.getAttribute('name')!] = el.getAttribute('value') ?? '';
    assert.equal((await office.post(`/console/annual-reports/${draftId}`, fields)).status, 303);
    assert.equal((await stored(draftId)).reading_notes_json, null);
    const page = parse(await (await office.get(`/console/annual-reports/${draftId}`)).text());
    assert.equal(page.querySelector('#reading-notes'), null);
    assert.equal(page.querySelectorAll('td.to-confirm').length, 0);
  });

  test('computed tables are never overwritten by a file', async () => {
    const handler = await t.signIn('lsw-handler');
    const row = await t.db.kysely
      .selectFrom('annual_reports')
      .select('id')
      .where('year', '=', 2026)
      .where('agency_id', '=', t.demo!.agency.id)
      .executeTakeFirstOrThrow();
    const before = await stored(row.id);
    const tablesOnly = await upload(handler, row.id, 'seed.txt', SEED);
    assert.equal(tablesOnly.status, 400);
    assert.match(main(await tablesOnly.text()), /全部根据本平台的记录计算/);
    assert.deepEqual(await stored(row.id), before);
    assert.equal((await upload(handler, row.id, 'seed.txt', SEED, true)).status, 303);
    const after = await stored(row.id);
    assert.deepEqual(after.report.tables, before.report.tables);
    assert.match(after.report.sections[0].text, /^2021年以来/);
  });

  test('a supervisor or another agency cannot import', async () => {
    const sup = await t.signIn('hd-supervisor');
    assert.equal((await upload(sup, draftId, 'seed.txt', SEED)).status, 403);
  });
});
