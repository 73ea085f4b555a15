// The other records through the real app: the overview of a year, one list and form per
// kind with the same routes, bad input explained and kept, and nobody outside the
// agency's handling staff sees or changes anything.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse, type HTMLElement } from 'node-html-parser';
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

const text = (el: HTMLElement | null | undefined): string =>
  (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const P = '/console/work-records';

describe('work records', () => {
  let t: TestApp;
  let head: TestClient;
  before(async () => {
    t = await createTestApp({ demo: true, now: '2024-09-27T08:00:00.000Z' });
    head = await t.signIn('lsw-head');
  });
  after(() => t.close());

  test('the overview of 2021 and the list of one kind', async () => {
    const page = parse(await (await head.get(`${P}?year=2021`)).text());
    const rows = page
      .querySelectorAll('table.data tbody tr')
      .map((r) => [text(r.querySelector('th')), text(r.querySelector('td'))]);
    assert.deepEqual(rows, [
      ['政府开放日活动', '3 次'],
      ['人大代表建议', '2 件（主办 0 件，协办 2 件，已办结 2 件）'],
      ['政协提案', '1 件（主办 0 件，协办 1 件，已办结 1 件）'],
      ['政务公开业务培训', '0 次'],
      ['基层政务公开工作', '3 次'],
    ]);
    const openDays = parse(
      await (await head.get(`${P}/open-days?year=2021&sort=occurredOn&dir=asc`)).text(),
    );
    assert.deepEqual(
      openDays
        .querySelectorAll('table.data tbody tr')
        .map((r) => text(r.querySelectorAll('td')[1])),
      ['创卫齐参与 成果同受益', '创城创卫 成果共享', '影视文化和社区建设'],
    );
    assert.equal((await head.get(`${P}/nothing`)).status, 404);
  });

  test('a training session: bad input is explained and kept, then it is listed', async () => {
    await head.get(`${P}/trainings/new`);
    const fields = {
      occurredOn: '2024-06-12',
      title: '政府信息公开条例专题培训',
      participants: '四十',
      detail: '讲解依申请公开办理流程',
    };
    const refused = await head.post(`${P}/trainings`, fields);
    assert.equal(refused.status, 400);
    const form = parse(await refused.text());
    assert.match(text(form.querySelector('.error-summary')), /参加人数应为整数/);
    assert.equal(form.querySelector('#field-title')?.getAttribute('value'), fields.title);
    assert.equal(form.querySelector('#field-participants')?.getAttribute('value'), '四十');
    assert.equal(text(form.querySelector('#field-detail')), fields.detail);
    // A training form has no lead/assisting choice; a suggestion form has it.
    assert.equal(form.querySelector('input[name="role"]'), null);
    const suggestion = parse(await (await head.get(`${P}/deputy-suggestions/new`)).text());
    assert.equal(suggestion.querySelectorAll('input[name="role"]').length, 2);
    const saved = await head.post(`${P}/trainings`, { ...fields, participants: '40' });
    assert.equal(saved.status, 303);
    const list = parse(await (await head.get(`${P}/trainings`)).text());
    assert.match(text(list.querySelector('table.data tbody')), /政府信息公开条例专题培训.*40/);
  });

  test('editing and deleting a record', async () => {
    const row = await t.db.kysely
      .selectFrom('work_records')
      .select('id')
      .where('title', '=', '政府信息公开条例专题培训')
      .executeTakeFirstOrThrow();
    const edit = parse(await (await head.get(`${P}/trainings/${row.id}/edit`)).text());
    assert.equal(edit.querySelector('#field-participants')?.getAttribute('value'), '40');
    // The record is a training session: under another kind's URL it does not exist.
    assert.equal((await head.get(`${P}/open-days/${row.id}/edit`)).status, 404);
    const saved = await head.post(`${P}/trainings/${row.id}`, {
      occurredOn: '2024-06-12',
      title: '政府信息公开条例专题培训',
      participants: '42',
      detail: '',
    });
    assert.equal(saved.status, 303);
    const list = parse(await (await head.get(`${P}/trainings?year=2024`)).text());
    assert.match(text(list.querySelector('table.data tbody')), /42/);
    assert.equal((await head.post(`${P}/trainings/${row.id}/delete`)).status, 303);
    assert.equal((await head.get(`${P}/trainings/${row.id}/edit`)).status, 404);
  });

  test('another agency, other roles and the public can neither see nor change a record', async () => {
    const row = await t.db.kysely
      .selectFrom('work_records')
      .select('id')
      .where('kind', '=', 'open_day')
      .executeTakeFirstOrThrow();
    await insertTestAccount(t.db, 'other-handler');
    await t.db.kysely
      .updateTable('accounts')
      .set({ password_hash: await hashPassword(DEMO_PASSWORD, TEST_PASSWORD_PARAMS) })
      .where('id', '=', 'other-handler')
      .execute();
    await replaceRoles(t.db.kysely, 'other-handler', ['handler']);
    const other = await t.signIn('other-handler');
    assert.equal((await other.get(`${P}/open-days/${row.id}/edit`)).status, 403);
    assert.equal((await other.post(`${P}/open-days/${row.id}/delete`)).status, 403);
    assert.doesNotMatch(await (await other.get(`${P}/open-days`)).text(), /创卫齐参与/);
    const reviewer = await t.signIn('lsw-reviewer');
    assert.equal((await reviewer.get(`${P}/open-days`)).status, 403);
    assert.equal((await t.client().get(`${P}/open-days`)).status, 303);
    assert.ok(
      await t.db.kysely
        .selectFrom('work_records')
        .select('id')
        .where('id', '=', row.id)
        .executeTakeFirst(),
    );
  });
});
