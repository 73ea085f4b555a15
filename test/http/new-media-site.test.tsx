// The new-media registry and the site identity through the real app: registering and
// closing accounts as staff see it and as the public list shows it; the identity edited by
// the platform administrator only, shown in the footer and the SiteIDCode page tag.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse, type HTMLElement } from 'node-html-parser';
import { createTestApp, type TestApp } from '../support/app.js';

const text = (el: HTMLElement | null | undefined): string =>
  (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('new-media accounts', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ demo: true, now: '2024-09-27T08:00:00.000Z' });
  });
  after(() => t.close());

  test('the list, its filter, and the counts of a year for the report', async () => {
    const publisher = await t.signIn('lsw-publisher');
    const page = parse(await (await publisher.get('/console/new-media')).text());
    assert.equal(page.querySelectorAll('table.data')[0]?.querySelectorAll('tbody tr').length, 6);
    const active = parse(await (await publisher.get('/console/new-media?status=active')).text());
    assert.equal(active.querySelectorAll('table.data')[0]?.querySelectorAll('tbody tr').length, 2);
    const y2021 = parse(await (await publisher.get('/console/new-media?year=2021')).text());
    const counts = y2021.querySelectorAll('table.data')[1]!;
    assert.match(text(counts.querySelector('caption')), /2021 年/);
    const total = counts.querySelectorAll('tbody tr').at(-1)!;
    assert.deepEqual(
      total.querySelectorAll('td').map((td) => text(td)),
      ['2', '0', '4'],
    );
    const bad = parse(await (await publisher.get('/console/new-media?status=x&sort=evil')).text());
    assert.match(text(bad.querySelector('main')), /状态“x”无效/);
  });

  test('registering: bad input is explained and kept; the account appears on the public pages', async () => {
    const head = await t.signIn('lsw-head');
    await head.get('/console/new-media/new');
    const refused = await head.post('/console/new-media', {
      platform: 'other',
      platformOther: '',
      name: '灵山卫视频号',
      operator: '灵山卫街道办事处',
      openedOn: '2024-02-30',
    });
    assert.equal(refused.status, 400);
    const form = parse(await refused.text());
    assert.match(text(form.querySelector('.error-summary')), /平台选“其他”时请填写平台名称/);
    assert.match(text(form.querySelector('.error-summary')), /开通日期应为有效日期/);
    assert.equal(form.querySelector('#field-name')?.getAttribute('value'), '灵山卫视频号');
    const ok = await head.post('/console/new-media', {
      platform: 'other',
      platformOther: '视频号',
      name: '灵山卫视频号',
      operator: '灵山卫街道办事处',
      openedOn: '2024-02-29',
    });
    assert.equal(ok.status, 303);
    const home = parse(await (await t.client().get('/agencies/lingshanwei')).text());
    assert.match(
      text(home.querySelector('#new-media')?.nextElementSibling?.nextElementSibling),
      /视频号：「灵山卫视频号」/,
    );
  });

  test('closing takes the account off the public pages, with its date and reason kept', async () => {
    const head = await t.signIn('lsw-head');
    const row = await t.db.kysely
      .selectFrom('new_media_accounts')
      .select('id')
      .where('name', '=', '灵山卫视频号')
      .executeTakeFirstOrThrow();
    await head.get(`/console/new-media/${row.id}/close`);
    const noReason = await head.post(`/console/new-media/${row.id}/close`, {
      closedOn: '2024-09-01',
      reason: '',
    });
    assert.equal(noReason.status, 400);
    assert.match(
      text(parse(await noReason.text()).querySelector('.error-summary')),
      /请填写关停原因/,
    );
    const closed = await head.post(`/console/new-media/${row.id}/close`, {
      closedOn: '2024-09-01',
      reason: '整合至区级账号',
    });
    assert.equal(closed.status, 303);
    const guide = await (await t.client().get('/agencies/lingshanwei/guide')).text();
    assert.doesNotMatch(guide, /灵山卫视频号/);
    const list = await (await head.get('/console/new-media?status=closed')).text();
    assert.match(list, /已关停（2024-09-01：整合至区级账号）/);
  });

  test("another agency's account cannot be closed from here", async () => {
    const row = await t.db.kysely
      .selectFrom('new_media_accounts')
      .select('id')
      .executeTakeFirstOrThrow();
    const other = await t.signIn('hd-platform'); // an administrator above: may write below
    assert.equal((await other.get(`/console/new-media/${row.id}/close`)).status, 200);
    const head = await t.signIn('lsw-head');
    assert.equal(
      (await head.get('/console/new-media/00000000-0000-4000-8000-000000000000/close')).status,
      404,
    );
  });
});

describe('site identity', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ demo: true, now: '2024-09-27T08:00:00.000Z' });
  });
  after(() => t.close());

  const VALID = {
    siteIdCode: '3702110001',
    icpNumber: '鲁ICP备05012345号-1',
    psbNumber: '鲁公网安备37021102000123号',
  };

  test('an administrator below the top may read it but not change it', async () => {
    const admin = await t.signIn('lsw-admin');
    const page = await admin.get('/console/site');
    assert.equal(page.status, 200);
    assert.match(await page.text(), /只有平台管理员/);
    assert.equal((await admin.post('/console/site', VALID)).status, 403);
  });

  test('the platform administrator sets it; the footer and the page tag show it on every portal page', async () => {
    const platform = await t.signIn('hd-platform');
    await platform.get('/console/site');
    const bad = await platform.post('/console/site', { ...VALID, siteIdCode: '37021' });
    assert.equal(bad.status, 400);
    const badPage = parse(await bad.text());
    assert.match(text(badPage.querySelector('.error-summary')), /网站标识码应为 10 位/);
    assert.equal(badPage.querySelector('#field-icpNumber')?.getAttribute('value'), VALID.icpNumber);
    assert.equal((await platform.post('/console/site', VALID)).status, 303);
    for (const path of [
      '/',
      '/agencies/lingshanwei',
      '/agencies/lingshanwei/guide',
      '/accessibility',
    ]) {
      const root = parse(await (await t.client().get(path)).text());
      assert.equal(
        root.querySelector('meta[name="SiteIDCode"]')?.getAttribute('content'),
        '3702110001',
        path,
      );
      const footer = root.querySelector('.site-footer')!;
      assert.match(text(footer), /网站标识码：3702110001/);
      assert.equal(
        footer.querySelector('a[href="https://beian.miit.gov.cn/"]')?.textContent,
        '鲁ICP备05012345号-1',
      );
      assert.equal(
        text(
          footer.querySelector(
            'a[href="https://beian.mps.gov.cn/#/query/webSearch?code=37021102000123"]',
          ),
        ),
        '鲁公网安备 37021102000123号',
      );
    }
  });
});

describe('the portal on a phone and in 长辈版 (markup)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ demo: true });
  });
  after(() => t.close());

  test('the column menu is a <details> that works without JavaScript, holding the same links as the bar', async () => {
    const res = await t.app.request('http://localhost/agencies/lingshanwei/guide', {
      headers: { cookie: 'gk_display=elder' },
    });
    const root = parse(await res.text());
    assert.equal(root.querySelector('html')?.getAttribute('class'), 'elder');
    const menu = root.querySelector('details.site-menu');
    assert.ok(menu);
    assert.equal(menu.getAttribute('open'), undefined, 'closed until the reader opens it');
    assert.equal(text(menu.querySelector('summary')), '栏目导航');
    const links = (el: HTMLElement | null) =>
      el?.querySelectorAll('a').map((a) => a.getAttribute('href')) ?? [];
    assert.deepEqual(links(menu), links(root.querySelector('nav.site-nav.wide-only')));
    assert.equal(links(menu).length, 6);
  });
});
