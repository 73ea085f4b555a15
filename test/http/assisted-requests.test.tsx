// Assisted handling (协查) through the real app: the demo's 2021 records, recording one with
// bad input explained and kept, correcting it with its audit trail, and who may see it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse, type HTMLElement } from 'node-html-parser';
import { createTestApp, type TestApp } from '../support/app.js';

const text = (el: HTMLElement | null | undefined): string =>
  (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const bodyRows = (html: string) => parse(html).querySelectorAll('table.data tbody tr');

describe('assisted requests (协查)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ demo: true, now: '2024-09-27T08:00:00.000Z' });
  });
  after(() => t.close());

  test("the demo's two 2021 records, counted for the year's report", async () => {
    const handler = await t.signIn('lsw-handler');
    const page = await (await handler.get('/console/assisted-requests?year=2021')).text();
    assert.equal(bodyRows(page).length, 2);
    assert.match(text(parse(page).querySelector('[role=status]')), /2021年收到协查 2 件/);
    assert.match(text(bodyRows(page)[0]), /青岛市黄岛区人民政府/);
    const none = await (await handler.get('/console/assisted-requests?year=2022')).text();
    assert.match(text(parse(none).querySelector('table.data')), /没有符合条件的协查记录/);
  });

  test('recording: bad input is explained in Chinese and kept; a good one is listed and audited', async () => {
    const handler = await t.signIn('lsw-handler');
    await handler.get('/console/assisted-requests/new');
    const refused = await handler.post('/console/assisted-requests', {
      requestingAgencyId: 'other',
      requestingAgencyName: '',
      receivedOn: '2024-02-30',
      subject: '某社区改造补偿方案',
      theirReference: '',
      answeredOn: '',
      note: '',
    });
    assert.equal(refused.status, 400);
    const form = parse(await refused.text());
    const summary = text(form.querySelector('.error-summary'));
    assert.match(summary, /2024年2月只有29天/);
    assert.equal(form.querySelector('#field-subject')?.getAttribute('value'), '某社区改造补偿方案');

    const early = await handler.post('/console/assisted-requests', {
      requestingAgencyId: 'other',
      requestingAgencyName: '青岛市自然资源和规划局黄岛分局',
      receivedOn: '2024-03-05',
      subject: '某社区改造补偿方案',
      theirReference: '',
      answeredOn: '2024-03-01',
      note: '',
    });
    assert.equal(early.status, 400);
    assert.match(
      text(parse(await early.text()).querySelector('.error-summary')),
      /不能早于收到协查之日/,
    );

    const ok = await handler.post('/console/assisted-requests', {
      requestingAgencyId: 'other',
      requestingAgencyName: '青岛市自然资源和规划局黄岛分局',
      receivedOn: '2024-03-05',
      subject: '某社区改造补偿方案',
      theirReference: '黄自然资规协〔2024〕3号',
      answeredOn: '',
      note: '',
    });
    assert.equal(ok.status, 303);
    const list = await (
      await handler.get('/console/assisted-requests?year=2024&status=pending')
    ).text();
    assert.equal(bodyRows(list).length, 1);
    assert.match(
      text(bodyRows(list)[0]),
      /青岛市自然资源和规划局黄岛分局.*某社区改造补偿方案.*未答复/,
    );
    const audit = await t.db.kysely
      .selectFrom('audit_events')
      .select(['action', 'actor_label'])
      .where('action', '=', 'assisted_request.record')
      .execute();
    assert.equal(audit.length, 1);
  });

  test('recording its answer: the edit form shows what is stored, the change is audited with before and after', async () => {
    const head = await t.signIn('lsw-head');
    const row = await t.db.kysely
      .selectFrom('assisted_requests')
      .select('id')
      .where('subject', '=', '某社区改造补偿方案')
      .executeTakeFirstOrThrow();
    const edit = parse(await (await head.get(`/console/assisted-requests/${row.id}/edit`)).text());
    assert.equal(
      edit.querySelector('#field-theirReference')?.getAttribute('value'),
      '黄自然资规协〔2024〕3号',
    );
    const saved = await head.post(`/console/assisted-requests/${row.id}/edit`, {
      requestingAgencyId: 'other',
      requestingAgencyName: '青岛市自然资源和规划局黄岛分局',
      receivedOn: '2024-03-05',
      subject: '某社区改造补偿方案',
      theirReference: '黄自然资规协〔2024〕3号',
      answeredOn: '2024-03-12',
      note: '已函复：本机关不掌握该方案。',
    });
    assert.equal(saved.status, 303);
    const stored = await t.db.kysely
      .selectFrom('assisted_requests')
      .select(['answered_on', 'note'])
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(stored, { answered_on: '2024-03-12', note: '已函复：本机关不掌握该方案。' });
    const event = await t.db.kysely
      .selectFrom('audit_events')
      .select(['before_json', 'after_json'])
      .where('action', '=', 'assisted_request.update')
      .executeTakeFirstOrThrow();
    assert.equal(JSON.parse(event.before_json!).answeredOn, null);
    assert.equal(JSON.parse(event.after_json!).answeredOn, '2024-03-12');
  });

  test('only request-handling staff of the agency: a publisher and another agency are refused', async () => {
    const publisher = await t.signIn('lsw-publisher');
    assert.equal((await publisher.get('/console/assisted-requests')).status, 403);
    const row = await t.db.kysely
      .selectFrom('assisted_requests')
      .select('id')
      .limit(1)
      .executeTakeFirstOrThrow();
    const supervisor = await t.signIn('hd-supervisor');
    const res = await supervisor.get(`/console/assisted-requests/${row.id}/edit`);
    assert.equal(res.status, 403);
  });
});
