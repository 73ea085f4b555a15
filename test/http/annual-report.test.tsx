// The annual report through the real app: the handler drafts and edits (a sentence that
// contradicts the tables is flagged, and goes when corrected), only the office head
// approves and publishes, the public column shows only published versions with their
// downloads, and a correction keeps the old version reachable with its change note.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import {
  createTestApp,
  TEST_PASSWORD_PARAMS,
  type TestApp,
  type TestClient,
} from '../support/app.js';
import { insertTestAccount } from '../support/accounts.js';
import { hashPassword } from '../../src/auth/password.js';
import { replaceRoles } from '../../src/auth/account-repository.js';
import { DEMO_PASSWORD } from '../../src/demo/demo-data.js';
import { checkReport } from '../../src/reports/checks/index.js';
import type { AnnualReport } from '../../src/reports/model.js';

const text = (html: string) =>
  parse(html).querySelector('main')?.textContent.replace(/\s+/g, ' ') ?? '';

describe('annual report', () => {
  let t: TestApp;
  let handler: TestClient;
  /** The demo street's current draft: its tables are all computed from its records. */
  let demoDraftId: string;
  /** The current draft of an agency that keeps no records here: its tables are typed. */
  let draftId: string;
  /** Handler and office head of that agency (one account with both roles). */
  let elsewhere: TestClient;
  const ELSEWHERE = '/agencies/agency-elsewhere/reports';
  before(async () => {
    t = await createTestApp({ demo: true, now: '2026-12-01T08:00:00.000Z' });
    handler = await t.signIn('lsw-handler');
    const row = await t.db.kysely
      .selectFrom('annual_reports')
      .select('id')
      .where('year', '=', 2026)
      .executeTakeFirstOrThrow();
    demoDraftId = row.id;
    await insertTestAccount(t.db, 'elsewhere');
    await t.db.kysely
      .updateTable('accounts')
      .set({ password_hash: await hashPassword(DEMO_PASSWORD, TEST_PASSWORD_PARAMS) })
      .where('id', '=', 'elsewhere')
      .execute();
    await replaceRoles(t.db.kysely, 'elsewhere', ['handler', 'office_head']);
    elsewhere = await t.signIn('elsewhere');
    const composed = await elsewhere.post('/console/annual-reports/compose', { year: '2026' });
    assert.equal(composed.status, 303);
    draftId = composed.headers.get('location')!.split('?')[0]!.split('/').pop()!;
  });
  after(() => t.close());

  const fields = async (client: TestClient, id: string) => {
    const root = parse(await (await client.get(`/console/annual-reports/${id}`)).text());
    const form = root.querySelector('form[aria-label="编辑年度报告"]')!;
    const out: Record<string, string> = {};
    for (const el of form.querySelectorAll('textarea'))
      out[el.getAttribute('name')!] = el.textContent;
    for (const el of form.querySelectorAll('input.cell-input'))
      out[el.getAttribute('name')!] = el.getAttribute('value') ?? '';
    return out;
  };

  test('the demo 2021 report is published: public page, downloads, figures explained', async () => {
    const visitor = t.client();
    const list = await visitor.get('/agencies/lingshanwei/reports');
    assert.match(text(await list.text()), /灵山卫街道办事处2021年政府信息公开工作年度报告/);
    const page = await visitor.get('/agencies/lingshanwei/reports/2021');
    assert.equal(page.status, 200);
    const body = text(await page.text());
    assert.match(body, /一、总体情况/);
    assert.match(body, /六、其他需要报告的事项/);
    const json = await visitor.get('/agencies/lingshanwei/reports/2021/report.json');
    const report = (await json.json()) as AnnualReport;
    assert.equal(report.tables.requests.received?.total, 9);
    assert.deepEqual(
      checkReport(report).filter((f) => f.severity === 'error'),
      [],
    );
    const docx = await visitor.get('/agencies/lingshanwei/reports/2021/report.docx');
    assert.deepEqual([...new Uint8Array(await docx.arrayBuffer()).subarray(0, 2)], [0x50, 0x4b]);
    const explained = text(
      await (await visitor.get('/agencies/lingshanwei/reports/2021/explained')).text(),
    );
    assert.match(explained, /本年新收政府信息公开申请数量：9件/);
  });

  test('an agency whose records are kept here gets its tables computed, never typed', async () => {
    const page = parse(await (await handler.get(`/console/annual-reports/${demoDraftId}`)).text());
    assert.equal(page.querySelectorAll('input.cell-input').length, 0);
    const typed = parse(await (await elsewhere.get(`/console/annual-reports/${draftId}`)).text());
    assert.ok(typed.querySelectorAll('input.cell-input').length > 0, 'no records: typed');
  });

  test('a draft is not public', async () => {
    assert.equal((await t.client().get('/agencies/lingshanwei/reports/2026')).status, 404);
    assert.equal(
      (await t.client().get('/agencies/lingshanwei/reports/2026/report.json')).status,
      404,
    );
    assert.doesNotMatch(
      text(await (await t.client().get('/agencies/lingshanwei/reports')).text()),
      /2026年政府信息公开/,
    );
  });

  test('edit prose → NARRATIVE_MISMATCH appears, as you type and on save, and goes when fixed', async () => {
    const values = await fields(elsewhere, draftId);
    const typed = { ...values, section_requests: '2026年共办理依申请公开件12件。' };
    const check = await elsewhere.post(`/console/annual-reports/${draftId}/check`, typed);
    assert.match(await check.text(), /NARRATIVE_MISMATCH/);
    const saved = await elsewhere.post(`/console/annual-reports/${draftId}`, typed);
    assert.equal(saved.status, 303);
    const page = await (await elsewhere.get(`/console/annual-reports/${draftId}`)).text();
    assert.match(text(page), /NARRATIVE_MISMATCH/);
    assert.match(page, /2026年共办理依申请公开件12件/, 'the text is kept');
    // The typed table is blank: the right figure is 0.
    const fixed = await elsewhere.post(`/console/annual-reports/${draftId}`, {
      ...typed,
      section_requests: '2026年本机关未收到政府信息公开申请。',
    });
    assert.equal(fixed.status, 303);
    assert.doesNotMatch(
      text(await (await elsewhere.get(`/console/annual-reports/${draftId}`)).text()),
      /NARRATIVE_MISMATCH/,
    );
  });

  test('roles: the handler cannot approve; the head cannot approve an unbalanced typed table, then approves and publishes', async () => {
    assert.equal(
      (await handler.post(`/console/annual-reports/${demoDraftId}/approve`)).status,
      403,
    );
    const values = await fields(elsewhere, draftId);
    const zeros = Object.fromEntries(
      Object.entries(values).map(([k, v]) => [k, k.startsWith('cell_') ? '0' : v]),
    );
    const unbalanced = {
      ...zeros,
      cell_requests_received_natural_person: '2',
      cell_requests_received_total: '2',
    };
    assert.equal(
      (await elsewhere.post(`/console/annual-reports/${draftId}`, unbalanced)).status,
      303,
    );
    const refused = await elsewhere.post(`/console/annual-reports/${draftId}/approve`);
    assert.equal(refused.status, 400);
    assert.match(text(await refused.text()), /改正后才能审核通过/);
    const balanced = {
      ...unbalanced,
      cell_requests_carried_out_natural_person: '2',
      cell_requests_carried_out_total: '2',
    };
    assert.equal(
      (await elsewhere.post(`/console/annual-reports/${draftId}`, balanced)).status,
      303,
    );
    assert.equal((await elsewhere.post(`/console/annual-reports/${draftId}/approve`)).status, 303);
    assert.equal(
      (await handler.post(`/console/annual-reports/${demoDraftId}/publish`)).status,
      403,
    );
    assert.equal((await elsewhere.post(`/console/annual-reports/${draftId}/publish`)).status, 303);
    const page = await t.client().get(`${ELSEWHERE}/2026`);
    assert.equal(page.status, 200);
    // Published: the editor no longer takes edits.
    const edit = await elsewhere.post(`/console/annual-reports/${draftId}`, {
      ...balanced,
      section_problems: '改',
    });
    assert.equal(edit.status, 400);
  });

  test('a correction is a new version; the old stays reachable with the change note shown', async () => {
    const corrected = await elsewhere.post(`/console/annual-reports/${draftId}/correct`);
    assert.equal(corrected.status, 303);
    const v2 = corrected.headers.get('location')!.split('?')[0]!;
    const values = await fields(elsewhere, v2.split('/').pop()!);
    assert.equal(
      (await elsewhere.post(v2, { ...values, section_problems: '补写存在的问题。' })).status,
      303,
    );
    assert.equal((await elsewhere.post(`${v2}/approve`)).status, 303);
    const noNote = await elsewhere.post(`${v2}/publish`, { changeNote: '' });
    assert.equal(noNote.status, 400);
    assert.equal(
      (await elsewhere.post(`${v2}/publish`, { changeNote: '补写第五部分' })).status,
      303,
    );
    const current = text(await (await t.client().get(`${ELSEWHERE}/2026`)).text());
    assert.match(current, /更正说明（第2版）：补写第五部分/);
    const old = await t.client().get(`${ELSEWHERE}/2026/v/1`);
    assert.equal(old.status, 200);
    assert.match(text(await old.text()), /已被第2版更正/);
  });

  test('the parent’s supervisor reads the drafts and versions of the agency below, and changes nothing', async () => {
    const sup = await t.signIn('hd-supervisor');
    assert.equal((await sup.post('/console/agency', { agencyId: t.demo!.agency.id })).status, 303);
    const list = parse(await (await sup.get('/console/annual-reports')).text());
    assert.ok(list.querySelector(`a[href="/console/annual-reports/${demoDraftId}"]`));
    assert.equal(list.querySelector('form[aria-label="生成年度报告草稿"]'), null);
    assert.match(list.querySelector('main')!.textContent, /只有查阅权限/);
    const editor = await sup.get(`/console/annual-reports/${demoDraftId}`);
    assert.equal(editor.status, 200);
    const page = parse(await editor.text());
    assert.match(page.querySelector('main')!.textContent, /检查结果/);
    for (const label of ['编辑年度报告', '审核通过', '重新计算表格', '发起更正'])
      assert.equal(page.querySelector(`form[aria-label="${label}"]`), null, label);
    const json = await sup.get(`/console/annual-reports/${demoDraftId}/download.json?confirm=1`);
    assert.equal(json.status, 200);
    for (const [path, body] of [
      [`/console/annual-reports/${demoDraftId}`, { section_problems: '上级改写' }],
      [`/console/annual-reports/${demoDraftId}/approve`, {}],
      [`/console/annual-reports/${demoDraftId}/recompute`, {}],
      ['/console/annual-reports/compose', { year: '2026' }],
    ] as const)
      assert.equal((await sup.post(path, body)).status, 403, path);
    // An agency outside the supervisor's tree stays closed.
    assert.equal((await sup.get(`/console/annual-reports/${draftId}`)).status, 403);
  });

  test('another agency’s staff cannot open the report', async () => {
    const other = await t.signIn('hd-platform');
    assert.equal((await other.get(`/console/annual-reports/${demoDraftId}`)).status, 403);
    assert.equal((await handler.get(`/console/annual-reports/${draftId}`)).status, 403);
  });
});
