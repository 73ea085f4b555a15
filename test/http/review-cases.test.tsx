// Review cases through the real app: the demo's cases and table 四 of 2021; registering a
// case and its decision, with bad input explained and kept; documents checked by content;
// and nobody outside the agency's handling staff sees or changes anything.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse, type HTMLElement } from 'node-html-parser';
import { hashPassword } from '../../src/auth/password.js';
import { replaceRoles } from '../../src/auth/account-repository.js';
import { DEMO_PASSWORD } from '../../src/demo/demo-data.js';
import { insertTestAccount } from '../support/accounts.js';
import { oneWinnerRace } from '../support/races.js';
import {
  createTestApp,
  TEST_PASSWORD_PARAMS,
  type TestApp,
  type TestClient,
} from '../support/app.js';

const text = (el: HTMLElement | null | undefined): string =>
  (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const P = '/console/review-cases';

describe('review cases', () => {
  let t: TestApp;
  let handler: TestClient;
  let caseId = '';
  before(async () => {
    t = await createTestApp({ demo: true, now: '2024-09-27T08:00:00.000Z' });
    handler = await t.signIn('lsw-handler');
  });
  after(() => t.close());

  test('the demo cases and table 四 of 2021, with no applicant shown', async () => {
    const page = parse(await (await handler.get(`${P}?year=2021`)).text());
    const [list, table] = page.querySelectorAll('table.data');
    assert.equal(list?.querySelectorAll('tbody tr').length, 2);
    assert.match(text(list), /GK-DEM0-2021-01/);
    assert.match(text(list), /维持/);
    assert.match(text(list), /纠正/);
    assert.match(text(table?.querySelector('caption')), /2021 年/);
    assert.deepEqual(
      table
        ?.querySelectorAll('tbody tr')
        .map((r) => r.querySelectorAll('td').map((td) => text(td))),
      [
        ['1', '1', '0', '0', '2'],
        ['0', '0', '0', '0', '0'],
        ['0', '0', '0', '0', '0'],
      ],
    );
    assert.doesNotMatch(page.toString(), /张演示|李演示|演示企业/);
    const bad = parse(await (await handler.get(`${P}?kind=evil`)).text());
    assert.match(text(bad.querySelector('main')), /案件类型“evil”无效/);
  });

  test('registering: bad input is explained and kept, then the case is created', async () => {
    await handler.get(`${P}/new`);
    const fields = {
      kind: 'litigation_direct',
      trackingNumber: 'GK-NONE-2024-99',
      body: '',
      caseNumber: '（2024）鲁0211行初12号',
      receivedOn: '2024-08-01',
      notes: '原告不服答复起诉',
    };
    const refused = await handler.post(P, fields);
    assert.equal(refused.status, 400);
    const form = parse(await refused.text());
    assert.match(text(form.querySelector('.error-summary')), /请填写复议机关或受理法院/);
    assert.equal(form.querySelector('#field-caseNumber')?.getAttribute('value'), fields.caseNumber);
    assert.equal(text(form.querySelector('#field-notes')), fields.notes);
    assert.equal(
      form.querySelector('#field-kind option[selected]')?.getAttribute('value'),
      'litigation_direct',
    );
    // The form itself is right now, but the tracking number is not this agency's.
    const unknown = await handler.post(P, { ...fields, body: '青岛市黄岛区人民法院' });
    assert.equal(unknown.status, 400);
    const again = parse(await unknown.text());
    assert.match(
      text(again.querySelector('.error-summary')),
      /本机关没有查询号为 GK-NONE-2024-99 的申请/,
    );
    assert.equal(again.querySelector('#field-body')?.getAttribute('value'), '青岛市黄岛区人民法院');
    const made = await handler.post(P, {
      ...fields,
      body: '青岛市黄岛区人民法院',
      trackingNumber: 'GK-DEM0-2021-05',
    });
    assert.equal(made.status, 303);
    caseId = (made.headers.get('location') ?? '').split('?')[0]!.split('/').pop()!;
    const detail = parse(await (await handler.get(`${P}/${caseId}`)).text());
    assert.match(text(detail.querySelector('dl.facts')), /GK-DEM0-2021-05/);
    assert.match(text(detail.querySelector('dl.facts')), /尚未审结/);
  });

  test('recording the decision: a bad date is explained and kept; 2024 counts the case', async () => {
    const bad = await handler.post(`${P}/${caseId}/decision`, {
      result: 'corrected',
      decidedOn: '2024-07-01',
      decisionNote: '判决撤销原答复',
      version: '1',
    });
    assert.equal(bad.status, 400);
    const page = parse(await bad.text());
    assert.match(
      text(page.querySelector('.error-summary')),
      /结案日期不能早于收到或立案日期（2024-08-01）/,
    );
    assert.equal(
      page.querySelector('input[name="result"][checked]')?.getAttribute('value'),
      'corrected',
    );
    assert.equal(text(page.querySelector('#field-decisionNote')), '判决撤销原答复');
    const ok = await handler.post(`${P}/${caseId}/decision`, {
      result: 'corrected',
      decidedOn: '2024-09-20',
      decisionNote: '判决撤销原答复',
      version: '1',
    });
    assert.equal(ok.status, 303);
    const list = parse(await (await handler.get(`${P}?year=2024`)).text());
    const row = list.querySelectorAll('table.data')[1]?.querySelectorAll('tbody tr')[1];
    assert.deepEqual(
      row?.querySelectorAll('td').map((td) => text(td)),
      ['0', '1', '0', '0', '1'],
    );
    // A form opened before that decision is refused, not applied.
    const stale = await handler.post(`${P}/${caseId}/decision`, {
      result: 'upheld',
      decidedOn: '2024-09-21',
      decisionNote: '',
      version: '1',
    });
    assert.equal(stale.status, 400);
    assert.match(await stale.text(), /该案件已被他人修改/);
  });

  test('documents: checked by their content, downloadable, removable', async () => {
    const upload = (name: string, bytes: string) => {
      const form = new FormData();
      form.append('files', new File([bytes], name));
      form.append('_csrf', handler.csrfToken);
      return handler.fetch(`${P}/${caseId}/documents`, { method: 'POST', body: form });
    };
    const fake = await upload('判决书.pdf', 'not a pdf at all');
    assert.equal(fake.status, 400);
    assert.match(text(parse(await fake.text()).querySelector('.error-text')), /判决书\.pdf/);
    assert.equal(
      (await t.db.kysely.selectFrom('review_case_documents').selectAll().execute()).length,
      0,
    );
    const pdf = '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n';
    const saved = await upload('判决书.pdf', pdf);
    assert.equal(saved.status, 303);
    const detail = parse(await (await handler.get(`${P}/${caseId}`)).text());
    const link = detail.querySelector('section[aria-labelledby="documents-heading"] ul a');
    assert.equal(text(link), '判决书.pdf');
    const file = await handler.get(link?.getAttribute('href') ?? '');
    assert.equal(file.status, 200);
    assert.equal(file.headers.get('content-type'), 'application/pdf');
    assert.equal(await file.text(), pdf);
    const fileId = (link?.getAttribute('href') ?? '').split('/').pop()!;
    assert.equal((await handler.post(`${P}/${caseId}/documents/${fileId}/delete`)).status, 303);
    assert.equal((await handler.get(`${P}/${caseId}/documents/${fileId}`)).status, 404);
  });

  test('the same case number posted at once: one case, the others told it is taken', async () => {
    const message = await oneWinnerRace(
      () =>
        handler.post(P, {
          kind: 'reconsideration',
          trackingNumber: '',
          body: '青岛市人民政府',
          caseNumber: '青政复字〔2024〕第88号',
          receivedOn: '2024-09-02',
          notes: '',
        }),
      'caseNumber',
      4,
    );
    assert.equal(message, '本机关已登记过该复议机关或法院的这一案号');
    const rows = await t.db.kysely
      .selectFrom('review_cases')
      .select('id')
      .where('case_number', '=', '青政复字〔2024〕第88号')
      .execute();
    assert.equal(rows.length, 1);
  });

  test('a lawsuit after reconsideration is linked to its reconsideration, shown both ways', async () => {
    const recon = await t.db.kysely
      .selectFrom('review_cases')
      .select(['id', 'case_number', 'received_on'])
      .where('agency_id', '=', t.demo!.agency.id)
      .where('kind', '=', 'reconsideration')
      .orderBy('received_on')
      .executeTakeFirstOrThrow();
    const form = parse(await (await handler.get(`${P}/new`)).text());
    assert.ok(form.querySelector(`#field-reconsiderationId option[value="${recon.id}"]`));
    const fields = {
      kind: 'litigation_after_reconsideration',
      trackingNumber: '',
      reconsiderationId: caseId,
      body: '青岛市黄岛区人民法院',
      caseNumber: '（2024）鲁0211行初30号',
      receivedOn: '2024-09-01',
      notes: '',
    };
    // Not a reconsideration: refused, and the choice is kept.
    const refused = await handler.post(P, fields);
    assert.equal(refused.status, 400);
    assert.match(
      text(parse(await refused.text()).querySelector('.error-summary')),
      /请从本机关登记的行政复议案件中选择/,
    );
    const made = await handler.post(P, { ...fields, reconsiderationId: recon.id });
    assert.equal(made.status, 303);
    const lawsuitId = (made.headers.get('location') ?? '').split('?')[0]!.split('/').pop()!;
    const lawsuit = parse(await (await handler.get(`${P}/${lawsuitId}`)).text());
    const up = lawsuit.querySelector(`dl.facts a[href="${P}/${recon.id}"]`);
    assert.equal(text(up), recon.case_number);
    // The request's console page lists the cases about it, with links.
    const demoCase = await t.db.kysely
      .selectFrom('review_cases')
      .select(['id', 'request_id', 'case_number'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    const requestPage = parse(
      await (await handler.get(`/console/requests/${demoCase.request_id}`)).text(),
    );
    const listed = requestPage.querySelector('section[aria-labelledby="review-cases-title"]')!;
    assert.match(text(listed.querySelector(`a[href="${P}/${caseId}"]`)), /鲁0211行初12号/);
    const reconPage = parse(await (await handler.get(`${P}/${recon.id}`)).text());
    assert.match(
      text(reconPage.querySelector(`dl.facts a[href="${P}/${lawsuitId}"]`)),
      /鲁0211行初30号/,
    );
  });

  test('the parent’s supervisor reads the cases below, without their documents, and changes nothing', async () => {
    const sup = await t.signIn('hd-supervisor');
    assert.equal((await sup.post('/console/agency', { agencyId: t.demo!.agency.id })).status, 303);
    const list = parse(await (await sup.get(`${P}?year=2024`)).text());
    assert.ok(list.querySelector(`a[href="${P}/${caseId}"]`));
    assert.equal(list.querySelector(`a[href="${P}/new"]`), null);
    const page = parse(await (await sup.get(`${P}/${caseId}`)).text());
    assert.match(text(page.querySelector('main')), /鲁0211行初12号/);
    assert.match(text(page.querySelector('main')), /只有查阅权限/);
    assert.equal(page.querySelectorAll('main form').length, 0);
    assert.equal(page.querySelector(`a[href^="${P}/${caseId}/documents/"]`), null);
    assert.equal((await sup.get(`${P}/${caseId}/edit`)).status, 403);
    assert.equal((await sup.get(`${P}/new`)).status, 403);
    const changed = await sup.post(`${P}/${caseId}/decision`, {
      result: 'pending',
      decidedOn: '',
      decisionNote: '',
    });
    assert.equal(changed.status, 403);
  });

  test('another agency, other roles and the public can neither see nor change a case', async () => {
    await insertTestAccount(t.db, 'other-handler');
    await t.db.kysely
      .updateTable('accounts')
      .set({ password_hash: await hashPassword(DEMO_PASSWORD, TEST_PASSWORD_PARAMS) })
      .where('id', '=', 'other-handler')
      .execute();
    await replaceRoles(t.db.kysely, 'other-handler', ['handler']);
    const other = await t.signIn('other-handler');
    assert.equal((await other.get(`${P}/${caseId}`)).status, 403);
    assert.equal((await other.get(`${P}/${caseId}/edit`)).status, 403);
    const changed = await other.post(`${P}/${caseId}/decision`, {
      result: 'pending',
      decidedOn: '',
      decisionNote: '',
    });
    assert.equal(changed.status, 403);
    const own = await (await other.get(P)).text();
    assert.doesNotMatch(own, /鲁0211行初12号|青黄政复字/);
    const publisher = await t.signIn('lsw-publisher');
    assert.equal((await publisher.get(`${P}/${caseId}`)).status, 403);
    const visitor = t.client();
    assert.equal((await visitor.get(`${P}/${caseId}`)).status, 303);
    for (const path of ['/agencies/lingshanwei', '/agencies/lingshanwei/requests']) {
      assert.doesNotMatch(await (await visitor.get(path)).text(), /鲁0211行初12号/);
    }
    const kase = await t.db.kysely
      .selectFrom('review_cases')
      .select('result')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    assert.equal(kase.result, 'corrected');
  });
});
