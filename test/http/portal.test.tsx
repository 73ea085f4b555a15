// The public portal and the page shell, through the real app on a fresh database.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse, type HTMLElement } from 'node-html-parser';
import { createTestApp, type TestApp } from '../support/app.js';

async function page(
  t: TestApp,
  path: string,
  cookie?: string,
): Promise<{ status: number; root: HTMLElement; html: string; res: Response }> {
  const res = await t.app.request(`http://localhost${path}`, cookie ? { headers: { cookie } } : {});
  const html = await res.text();
  return { status: res.status, root: parse(html), html, res };
}

function text(el: HTMLElement | null): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function meta(root: HTMLElement, name: string): string | undefined {
  return root.querySelector(`meta[name="${name}"]`)?.getAttribute('content');
}

describe('portal with the demo agencies', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ demo: true, now: '2024-09-27T08:00:00.000Z' });
  });
  after(() => t.close());

  test('the directory nests 灵山卫街道办事处 under 青岛市黄岛区人民政府', async () => {
    const { status, root } = await page(t, '/');
    assert.equal(status, 200);
    assert.equal(root.querySelector('html')?.getAttribute('lang'), 'zh-CN');
    const parentLink = root.querySelector('.agency-tree a[href="/agencies/huangdao"]');
    assert.ok(parentLink, 'the parent agency is listed');
    const parentItem = parentLink.parentNode as HTMLElement;
    const child = parentItem.querySelector('ul a[href="/agencies/lingshanwei"]');
    assert.equal(text(child), '灵山卫街道办事处');
  });

  test('every page has the landmarks, a skip link to main and the versioned stylesheet', async () => {
    for (const path of [
      '/',
      '/agencies/lingshanwei',
      '/agencies/lingshanwei/guide',
      '/accessibility',
    ]) {
      const { root, html } = await page(t, path);
      const skip = root.querySelector('a.skip-link');
      assert.equal(skip?.getAttribute('href'), '#main', path);
      assert.ok(root.querySelector('main#main'), path);
      assert.ok(root.querySelector('header'), path);
      assert.ok(root.querySelector('nav'), path);
      assert.ok(root.querySelector('footer'), path);
      assert.equal(root.querySelectorAll('h1').length, 1, path);
      assert.match(
        root.querySelector('link[rel="stylesheet"]')?.getAttribute('href') ?? '',
        /^\/static\/gongkai\.[0-9a-f]{12}\.css$/,
      );
      // The CSP forbids inline code: no script elements, no style attributes or elements.
      assert.doesNotMatch(html, /<script|\sstyle=|<style/i, path);
      assert.match(html, /^<!DOCTYPE html>/);
    }
  });

  test('the agency column home links the four first-level columns and 依申请公开', async () => {
    const { status, root } = await page(t, '/agencies/lingshanwei');
    assert.equal(status, 200);
    assert.equal(text(root.querySelector('h1')), '灵山卫街道办事处政府信息公开');
    const cards = root
      .querySelectorAll('main .card h2 a')
      .map((a) => [text(a), a.getAttribute('href')]);
    assert.deepEqual(cards, [
      ['政府信息公开指南', '/agencies/lingshanwei/guide'],
      ['政府信息公开制度', '/agencies/lingshanwei/rules'],
      ['法定主动公开内容', '/agencies/lingshanwei/catalogue'],
      ['政府信息公开工作年度报告', '/agencies/lingshanwei/reports'],
      ['依申请公开', '/agencies/lingshanwei/requests'],
    ]);
    assert.equal(meta(root, 'SiteName'), '青岛市黄岛区人民政府');
    assert.equal(meta(root, 'ColumnName'), '灵山卫街道办事处政府信息公开');
  });

  test('the 指南 is built from the agency data, with the statutory deadlines, fees and remedies', async () => {
    const { status, root } = await page(t, '/agencies/lingshanwei/guide');
    assert.equal(status, 200);
    const facts = Object.fromEntries(
      root.querySelectorAll('dl.facts dt').map((dt) => [text(dt), text(dt.nextElementSibling)]),
    );
    assert.equal(facts['机构名称'], '综合办公室');
    assert.equal(facts['办公地址'], '青岛市西海岸新区灵岩路77号');
    assert.equal(facts['联系电话'], '0532-83185761');
    assert.equal(facts['传真号码'], '暂未公布');
    assert.equal(facts['电子邮箱'], '暂未公布');
    const body = text(root.querySelector('main'));
    assert.match(body, /自收到申请之日起20个工作日内予以答复/);
    assert.match(body, /延长的期限最长不超过20个工作日/);
    assert.match(body, /7个工作日内一次性告知/);
    assert.match(body, /不收取费用/);
    assert.match(body, /国办函〔2020〕109号/);
    assert.match(body, /上一级行政机关（青岛市黄岛区人民政府）/);
    assert.match(body, /60日内/);
    assert.match(body, /6个月内/);
    assert.match(body, /11370211D00000021X\/年份-顺序号/);
    assert.equal(meta(root, 'ColumnName'), '政府信息公开指南');
    assert.equal(
      root.querySelector('nav.site-nav a[aria-current="page"]')?.getAttribute('href'),
      '/agencies/lingshanwei/guide',
    );
  });

  test('a change to the agency data shows at once in a 指南 not yet published, never in a published one', async () => {
    // The demo street's guide is a published version: it reads as it was published.
    const before = await page(t, '/agencies/lingshanwei/guide');
    await t.db.kysely
      .updateTable('agencies')
      .set({ office_fax: '0532-88886666', office_email: 'xxgk@example.gov.cn' })
      .where('slug', 'in', ['lingshanwei', 'huangdao'])
      .execute();
    try {
      const published = await page(t, '/agencies/lingshanwei/guide');
      assert.equal(
        text(published.root.querySelector('main')),
        text(before.root.querySelector('main')),
      );
      assert.doesNotMatch(text(published.root.querySelector('main')), /0532-88886666/);
      // The district has published none: its page is its registered data, read at once.
      const { root } = await page(t, '/agencies/huangdao/guide');
      const facts = Object.fromEntries(
        root.querySelectorAll('dl.facts dt').map((dt) => [text(dt), text(dt.nextElementSibling)]),
      );
      assert.equal(facts['传真号码'], '0532-88886666');
      assert.equal(
        root.querySelector('dl.facts a[href="mailto:xxgk@example.gov.cn"]')?.textContent,
        'xxgk@example.gov.cn',
      );
    } finally {
      await t.db.kysely
        .updateTable('agencies')
        .set({ office_fax: null, office_email: null })
        .where('slug', 'in', ['lingshanwei', 'huangdao'])
        .execute();
    }
  });

  test('empty columns say so, dated, and show no items', async () => {
    for (const [path, note] of [
      ['/agencies/lingshanwei/rules', '本栏目暂无信息'],
      // The demo street has published items (src/publications/demo.ts); the district has none.
      ['/agencies/huangdao/catalogue', '本栏目暂无已发布的政府信息'],
      // The demo street has published its 2021 report (src/annual-reports/demo.ts).
      ['/agencies/huangdao/reports', '本栏目暂无已发布的年度报告'],
    ] as const) {
      const { status, root } = await page(t, path);
      assert.equal(status, 200, path);
      const notice = root.querySelector('main .notice');
      assert.equal(text(notice), `截至2024年9月27日，${note}。`, path);
      assert.equal(notice?.querySelector('time')?.getAttribute('datetime'), '2024-09-27');
      assert.equal(root.querySelectorAll('main table').length, 0, path);
    }
    t.clock.set('2025-01-02T01:00:00.000Z');
    const { root } = await page(t, '/agencies/lingshanwei/rules');
    assert.match(text(root.querySelector('main .notice')), /截至2025年1月2日/);
    t.clock.set('2024-09-27T08:00:00.000Z');
  });

  test('the catalogue lists 第二十条 and, for a 街道, the township items of 第二十一条', async () => {
    const { root } = await page(t, '/agencies/lingshanwei/catalogue');
    const items = root.querySelectorAll('ul.article-items li');
    assert.equal(items.length, 15);
    assert.match(text(items[6] ?? null), /^（七）财政预算、决算信息；$/);
    assert.match(text(root.querySelector('main')), /宅基地使用情况审核/);
    const county = await page(t, '/agencies/huangdao/catalogue');
    assert.match(text(county.root.querySelector('main')), /治安管理/);
    assert.doesNotMatch(text(county.root.querySelector('main')), /宅基地/);
  });

  test('the 依申请公开 page gives the channels and the office address', async () => {
    const { root } = await page(t, '/agencies/lingshanwei/requests');
    const main = text(root.querySelector('main'));
    assert.match(main, /当面提交或者邮寄至综合办公室（青岛市西海岸新区灵岩路77号）/);
    assert.match(main, /申请无需注册账号/);
  });

  test('an unknown agency gets a Chinese 404 page', async () => {
    const { status, root } = await page(t, '/agencies/no-such-agency/guide');
    assert.equal(status, 404);
    assert.equal(text(root.querySelector('h1')), '页面不存在');
    assert.match(text(root.querySelector('main')), /没有找到该机关/);
    const other = await page(t, '/no/such/page');
    assert.equal(other.status, 404);
    assert.equal(other.root.querySelector('html')?.getAttribute('lang'), 'zh-CN');
  });

  test('the footer names the 主办单位', async () => {
    const { root } = await page(t, '/agencies/lingshanwei');
    assert.match(text(root.querySelector('footer')), /主办单位：青岛市黄岛区人民政府/);
  });
});

describe('display setting (字号 / 长辈版)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ demo: true });
  });
  after(() => t.close());

  test('the 长辈版 link sets a cookie, returns to the page, and every page honours it', async () => {
    const visitor = t.client();
    const home = await visitor.get('/agencies/lingshanwei');
    const link = parse(await home.text())
      .querySelectorAll('.display-settings a')
      .find((a) => a.textContent === '长辈版');
    assert.ok(link);
    const res = await visitor.get(link.getAttribute('href') ?? '');
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/agencies/lingshanwei');
    assert.equal(visitor.cookies.get('gk_display'), 'elder');
    for (const path of ['/', '/agencies/lingshanwei/guide', '/console/login', '/no-such-page']) {
      const root = parse(await (await visitor.get(path)).text());
      assert.equal(root.querySelector('html')?.getAttribute('class'), 'elder', path);
      assert.ok(
        root.querySelectorAll('.display-settings a').some((a) => a.textContent === '退出长辈版'),
        path,
      );
    }
    await visitor.get('/display?mode=large&back=%2F');
    const root = parse(await (await visitor.get('/')).text());
    assert.equal(root.querySelector('html')?.getAttribute('class'), 'text-large');
    assert.equal(
      root.querySelector('.display-settings a[aria-current="true"]')?.textContent,
      '大字号',
    );
  });

  test('the return path cannot lead to another site', async () => {
    for (const back of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', '']) {
      const res = await t.app.request(
        `http://localhost/display?mode=large&back=${encodeURIComponent(back)}`,
      );
      assert.equal(res.status, 303, back);
      assert.equal(res.headers.get('location'), '/', back);
    }
  });

  test('an unknown mode is refused in Chinese and sets nothing', async () => {
    const res = await t.app.request('http://localhost/display?mode=huge&back=%2F');
    assert.equal(res.status, 400);
    assert.doesNotMatch(res.headers.get('set-cookie') ?? '', /gk_display/);
    assert.match(await res.text(), /请选择“标准字号”“大字号”或“长辈版”/);
  });

  test('a forged cookie value falls back to the standard size', async () => {
    const { root } = await page(t, '/', 'gk_display=%22%3E%3Cscript%3E');
    assert.equal(root.querySelector('html')?.getAttribute('class'), undefined);
  });
});

describe('stylesheet', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('is served under its hash with a one-year immutable cache', async () => {
    const { root } = await page(t, '/');
    const href = root.querySelector('link[rel="stylesheet"]')?.getAttribute('href') ?? '';
    const res = await t.app.request(`http://localhost${href}`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/css/);
    assert.match(res.headers.get('cache-control') ?? '', /max-age=31536000.*immutable/);
    const css = await res.text();
    assert.match(css, /html\.elder/);
    assert.match(css, /:focus-visible/);
    const stale = await t.app.request('http://localhost/static/gongkai.000000000000.css');
    assert.equal(stale.status, 404);
  });

  test('an empty platform says that no agency is registered yet', async () => {
    const { status, root } = await page(t, '/');
    assert.equal(status, 200);
    assert.match(text(root.querySelector('main')), /本平台尚未登记任何机关/);
    assert.equal(meta(root, 'SiteName'), '政府信息公开平台');
  });
});
