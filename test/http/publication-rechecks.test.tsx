// Re-check rounds (清查), validity and channels over HTTP, and the agency boundaries of the
// console: staff of another agency cannot read an item; a supervisor above reads but never writes.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import { createTestApp, type TestApp } from '../support/app.js';

const text = (html: string) => parse(html).textContent.replace(/\s+/g, ' ');
const DEMO_ITEM = (n: number) =>
  `/console/publications/00000000-0000-4000-8000-0000000d${String(n).padStart(4, '0')}`;

describe('re-checks, validity, channels and agency boundaries', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ demo: true, now: '2022-03-01T02:00:00.000Z' });
  });
  after(() => t.close());

  test('a reviewer starts a round over everything published and keeps or withdraws each item', async () => {
    const reviewer = await t.signIn('lsw-reviewer');
    await reviewer.get('/console/publications/rechecks');
    const blank = await reviewer.post('/console/publications/rechecks', { title: '' });
    assert.equal(blank.status, 400);
    assert.match(text(await blank.text()), /请填写清查名称/);
    const started = await reviewer.post('/console/publications/rechecks', {
      title: '2021年度已公开信息清查',
    });
    assert.equal(started.status, 303);
    const roundPath = (started.headers.get('location') ?? '').split('?')[0] ?? '';
    const page = text(await (await reviewer.get(roundPath)).text());
    assert.match(page, /共 179 条，已核查 0 条/);
    const id = DEMO_ITEM(3).split('/').pop();
    const missing = await reviewer.post(`${roundPath}/items/${id}`, {
      [`decision-${id}`]: 'withdrawn',
    });
    assert.equal(missing.status, 400);
    assert.match(text(await missing.text()), /请填写清查意见/);
    const res = await reviewer.post(`${roundPath}/items/${id}`, {
      [`decision-${id}`]: 'withdrawn',
      [`opinion-${id}`]: '专项整治已结束，通告不再适用。',
    });
    assert.equal(res.status, 303);
    const notice = text(
      await (
        await t.client().get('/agencies/lingshanwei/catalogue/11370211D00000021X-2021-00053')
      ).text(),
    );
    assert.match(notice, /该信息已撤回/);
    assert.match(notice, /专项整治已结束/);
    // A publisher reads the round but cannot decide in it.
    const publisher = await t.signIn('lsw-publisher');
    assert.equal((await publisher.get(roundPath)).status, 200);
    assert.equal(
      (
        await publisher.post(`${roundPath}/items/${id}`, {
          [`decision-${id}`]: 'kept',
          [`opinion-${id}`]: 'x',
        })
      ).status,
      403,
    );
  });

  test('the publisher changes validity (with a replacement that must exist) and records channels', async () => {
    const publisher = await t.signIn('lsw-publisher');
    const item = DEMO_ITEM(6);
    await publisher.get(item);
    const bad = await publisher.post(`${item}/validity`, {
      validity: 'expired',
      validityOn: '',
      replacedBy: '',
    });
    assert.equal(bad.status, 400);
    assert.match(text(await bad.text()), /请填写失效日期/);
    const unknown = await publisher.post(`${item}/validity`, {
      validity: 'repealed',
      validityOn: '2022-01-01',
      replacedBy: '11370211D00000021X/2021-09999',
    });
    assert.equal(unknown.status, 400);
    assert.match(text(await unknown.text()), /没有已发布的这个索引号/);
    assert.equal(
      (
        await publisher.post(`${item}/validity`, {
          validity: 'expired',
          validityOn: '2022-01-01',
          replacedBy: '',
        })
      ).status,
      303,
    );
    const channels = await publisher.post(`${item}/channels`, {
      wechat: '2021-02-09',
      weibo: '2021-02-30',
      notice_board: '',
      other: '',
    });
    assert.equal(channels.status, 400);
    const kept = await channels.text();
    assert.match(text(kept), /2021年2月只有28天/);
    assert.match(kept, /value="2021-02-09"/);
    assert.equal(
      (
        await publisher.post(`${item}/channels`, {
          wechat: '2021-02-09',
          weibo: '',
          notice_board: '',
          other: '',
        })
      ).status,
      303,
    );
    const page = text(await (await publisher.get(item)).text());
    assert.match(page, /政务微信：2021年2月9日/);
    const pub = text(
      await (await t.client().get('/agencies/lingshanwei/catalogue?validity=expired')).text(),
    );
    assert.match(pub, /2021年部门预算公开/);
  });

  test('a supervisor above reads the agency’s items but cannot change them; drafts need a draft role', async () => {
    const supervisor = await t.signIn('lsw-supervisor');
    assert.equal((await supervisor.get(DEMO_ITEM(9))).status, 200);
    assert.equal((await supervisor.post(`${DEMO_ITEM(9)}/submit`)).status, 403);
    assert.equal((await supervisor.get('/console/publications/new')).status, 403);
    // The district's platform administrator manages the street's agency: it may read it.
    const admin = await t.signIn('hd-platform');
    assert.equal((await admin.get(DEMO_ITEM(9))).status, 200);
    assert.equal(
      (await admin.post(`${DEMO_ITEM(9)}/review`, { decision: 'approve', opinion: '同意' })).status,
      403,
    );
    // The list is of the agency the console works on.
    const list = text(await (await admin.get('/console/publications')).text());
    assert.match(list, /没有符合条件的信息/);
  });

  test('the list filters by state and explains a bad filter', async () => {
    const handler = await t.signIn('lsw-handler');
    const page = text(
      await (await handler.get('/console/publications?state=in_review&year=20x1')).text(),
    );
    assert.match(page, /农村土地承包经营权流转情况/);
    assert.doesNotMatch(page, /部门预算公开/);
    assert.match(page, /年份“20x1”无效/);
  });
});
