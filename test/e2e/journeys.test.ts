// Browser journeys against the real server: a visitor reads an agency's portal and 指南;
// a staff member signs in, sees the console and signs out — with JavaScript, without it,
// and on a phone-sized screen. Every page visited is checked with axe-core (WCAG 2.1 AA):
// no serious or critical violation is allowed, and the page must not break its CSP.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/demo/demo-data.js';
import { screenshot } from './support/browser.js';
import { assertAccessible, openSession, type Session } from './support/session.js';
import { useJourney } from './support/journey.js';

// These callbacks run in the browser; the project compiles without the DOM library, so
// the few browser globals used are declared here (module scope only).
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any;
declare function getComputedStyle(el: unknown): { fontSize: string; outlineStyle: string };
declare const window: { innerHeight: number };
/* eslint-enable @typescript-eslint/no-explicit-any */

const journey = useJourney();

/** A new browser session on the test server. */
const open = (options: BrowserContextOptions = {}) =>
  openSession(journey.browser, journey.server.baseUrl, options);

async function h1(page: Page): Promise<string> {
  return ((await page.locator('h1').textContent()) ?? '').trim();
}

async function visitorJourney(s: Session, shotPrefix?: string): Promise<void> {
  const { page } = s;
  await page.goto('/');
  assert.equal(await h1(page), '部门目录');
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
  await assertAccessible(s);
  if (shotPrefix) await screenshot(page, `${shotPrefix}-portal-home`);

  await page.getByRole('link', { name: '灵山卫街道办事处', exact: true }).click();
  await page.waitForURL('**/agencies/lingshanwei');
  assert.equal(await h1(page), '灵山卫街道办事处政府信息公开');
  for (const column of [
    '政府信息公开指南',
    '政府信息公开制度',
    '法定主动公开内容',
    '政府信息公开工作年度报告',
  ]) {
    assert.equal(
      await page.locator('main .card').getByRole('link', { name: column, exact: true }).count(),
      1,
      column,
    );
  }
  await assertAccessible(s);
  if (shotPrefix) await screenshot(page, `${shotPrefix}-agency-home`);

  // On a phone the column links sit in a menu that is opened first.
  const menu = page.locator('details.site-menu > summary');
  if (await menu.isVisible()) await menu.click();
  await page
    .getByRole('navigation', { name: '灵山卫街道政府信息公开栏目' })
    .getByRole('link', { name: '政府信息公开指南', exact: true })
    .click();
  await page.waitForURL('**/agencies/lingshanwei/guide');
  assert.equal(await h1(page), '政府信息公开指南');
  const main = (await page.locator('main').innerText()).replace(/\s+/g, '');
  assert.match(main, /综合办公室/);
  assert.match(main, /青岛市西海岸新区灵岩路77号/);
  assert.match(main, /0532-83185761/);
  assert.match(main, /20个工作日内予以答复/);
  await assertAccessible(s);
  if (shotPrefix) await screenshot(page, `${shotPrefix}-guide`);
}

async function staffJourney(s: Session, shotPrefix?: string): Promise<void> {
  const { page } = s;
  await page.goto('/console');
  await page.waitForURL('**/console/login?next=%2Fconsole');
  assert.equal(await h1(page), '工作人员登录');
  await assertAccessible(s);

  // A wrong password shows the error summary and keeps the typed user name.
  await page.getByLabel('用户名').fill('lsw-handler');
  await page.getByLabel('密码').fill('not-the-password');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.locator('.error-summary').waitFor();
  assert.match(
    (await page.locator('.error-summary').innerText()).replace(/\s+/g, ''),
    /用户名或密码不正确/,
  );
  assert.equal(await page.getByLabel('用户名').inputValue(), 'lsw-handler');
  assert.equal(await page.getByLabel('密码').inputValue(), '');
  await assertAccessible(s);

  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL('**/console');
  assert.equal(await h1(page), '工作台');
  const header = (await page.locator('header').innerText()).replace(/\s+/g, '');
  assert.match(header, /当前机关：灵山卫街道办事处/);
  assert.match(header, /演示承办人/);
  await assertAccessible(s);
  if (shotPrefix) await screenshot(page, `${shotPrefix}-console`);

  await page.getByRole('button', { name: '退出登录' }).click();
  await page.waitForURL('**/console/login');
  assert.equal(await h1(page), '工作人员登录');
  await assertAccessible(s);

  // Signed out means signed out.
  await page.goto('/console');
  await page.waitForURL('**/console/login?next=%2Fconsole');
}

describe('desktop, JavaScript enabled', { timeout: 600_000 }, () => {
  let s: Session;
  before(async () => {
    s = await open({ viewport: { width: 1280, height: 900 } });
  });
  after(() => s.context.close());

  test('a visitor opens the 灵山卫街道 portal and its 指南', async () => {
    await visitorJourney(s, 'desktop');
  });

  test('a staff member signs in, sees the console and signs out', async () => {
    await staffJourney(s, 'desktop');
    assert.ok(s.checked.length >= 7);
  });

  test('the other columns, the accessibility statement and the 404 page pass axe too', async () => {
    for (const path of [
      '/agencies/lingshanwei/rules',
      '/agencies/lingshanwei/catalogue',
      '/agencies/lingshanwei/reports',
      '/agencies/lingshanwei/requests',
      '/agencies/huangdao/guide',
      '/accessibility',
      '/agencies/no-such-agency',
    ]) {
      const res = await s.page.goto(path);
      assert.equal(res?.status(), path === '/agencies/no-such-agency' ? 404 : 200, path);
      await assertAccessible(s);
    }
  });

  test('the guide history, the application form and the console pages for the guide, new media and site identity pass axe', async () => {
    for (const path of [
      '/agencies/lingshanwei/guide/versions',
      '/agencies/lingshanwei/application-form',
    ]) {
      assert.equal((await s.page.goto(path))?.status(), 200, path);
      await assertAccessible(s);
    }
    const staff = await open();
    try {
      await staff.page.goto('/console/login');
      await staff.page.getByLabel('用户名').fill('lsw-admin');
      await staff.page.getByLabel('密码').fill(DEMO_PASSWORD);
      await staff.page.getByRole('button', { name: '登录', exact: true }).click();
      await staff.page.waitForURL('**/console');
      for (const path of [
        '/console/guide',
        '/console/new-media',
        '/console/new-media/new',
        '/console/site',
      ]) {
        assert.equal((await staff.page.goto(path))?.status(), 200, path);
        await assertAccessible(staff);
      }
      // The demo guide is complete (the platform's own form is its 网上申请 channel), so it
      // publishes, after the demo's two versions; a refused registration shows its errors
      // accessibly.
      await staff.page.goto('/console/guide');
      await staff.page.getByRole('button', { name: '发布新版本' }).click();
      await staff.page.getByText('已发布新版本的指南。').waitFor();
      assert.match(await staff.page.locator('main').innerText(), /现行为第 3 版/);
      await assertAccessible(staff);
      await staff.page.goto('/console/new-media/new');
      await staff.page.getByRole('button', { name: '登记', exact: true }).click();
      await staff.page.locator('.error-summary').waitFor();
      await assertAccessible(staff);
    } finally {
      await staff.context.close();
    }
  });

  test('the first Tab reaches a visible skip link that moves to the content', async () => {
    await s.page.goto('/agencies/lingshanwei');
    await s.page.keyboard.press('Tab');
    const focused = s.page.locator(':focus');
    assert.equal((await focused.textContent())?.trim(), '跳到主要内容');
    const box = await focused.boundingBox();
    assert.ok(box && box.y >= 0 && box.height > 0, 'the skip link is on screen when focused');
    const outline = await focused.evaluate((el) => getComputedStyle(el).outlineStyle);
    assert.notEqual(outline, 'none');
    await s.page.keyboard.press('Enter');
    // The fragment navigation lands after the key press returns: wait for it, not a race.
    await s.page.waitForURL(/#main$/);
    assert.match(s.page.url(), /#main$/);
  });

  test('body text is at least 16 px; 大字号 makes it at least 18 px', async () => {
    await s.page.goto('/agencies/lingshanwei/guide');
    const size = () =>
      s.page
        .locator('main p')
        .first()
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    assert.ok((await size()) >= 16);
    await s.page.getByRole('link', { name: '大字号' }).click();
    await s.page.waitForURL('**/agencies/lingshanwei/guide');
    assert.ok((await size()) >= 18);
    await assertAccessible(s);
    await s.page.getByRole('link', { name: '标准字号' }).click();
  });
});

describe('desktop, JavaScript disabled', { timeout: 600_000 }, () => {
  let s: Session;
  before(async () => {
    s = await open({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
  });
  after(() => s.context.close());

  test('a visitor opens the 灵山卫街道 portal and its 指南', async () => {
    await visitorJourney(s);
  });

  test('a staff member signs in, sees the console and signs out', async () => {
    await staffJourney(s);
  });

  test('the 长辈版 switch works without JavaScript', async () => {
    await s.page.goto('/agencies/lingshanwei');
    await s.page.getByRole('link', { name: '长辈版', exact: true }).click();
    await s.page.waitForURL('**/agencies/lingshanwei');
    assert.equal(await s.page.locator('html').getAttribute('class'), 'elder');
    await s.page.getByRole('link', { name: '退出长辈版' }).click();
    await s.page.waitForURL('**/agencies/lingshanwei');
    assert.equal(await s.page.locator('html').getAttribute('class'), null);
  });
});

describe('phone (375 × 812)', { timeout: 600_000 }, () => {
  let s: Session;
  before(async () => {
    s = await open({
      viewport: { width: 375, height: 812 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
  });
  after(() => s.context.close());

  async function assertNoHorizontalScroll(): Promise<void> {
    const { scroll, client } = await s.page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    assert.ok(
      scroll <= client,
      `${s.page.url()}: page is ${scroll}px wide on a ${client}px screen`,
    );
  }

  test('a visitor opens the 灵山卫街道 portal and its 指南, without horizontal scrolling', async () => {
    await visitorJourney(s, 'phone');
    for (const path of [
      '/',
      '/agencies/lingshanwei',
      '/agencies/lingshanwei/guide',
      '/agencies/lingshanwei/catalogue',
    ]) {
      await s.page.goto(path);
      await assertNoHorizontalScroll();
    }
  });

  test('a staff member signs in, sees the console and signs out', async () => {
    await staffJourney(s, 'phone');
  });

  test('长辈版 on a phone: text of at least 18 px, targets of at least 60 px, still no horizontal scroll', async () => {
    await s.page.goto('/console/login');
    await s.page.getByRole('link', { name: '长辈版', exact: true }).click();
    await s.page.waitForURL('**/console/login');
    const fontSize = await s.page
      .locator('main p')
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    assert.ok(fontSize >= 18, `body text ${fontSize}px`);
    const button = await s.page.getByRole('button', { name: '登录', exact: true }).boundingBox();
    assert.ok(button && button.height >= 60, `button height ${button?.height}`);
    const input = await s.page.getByLabel('用户名').boundingBox();
    assert.ok(input && input.height >= 60, `input height ${input?.height}`);
    await assertNoHorizontalScroll();
    await assertAccessible(s);
    await s.page.goto('/agencies/lingshanwei/guide');
    await assertNoHorizontalScroll();
    await assertAccessible(s);
    await screenshot(s.page, 'phone-elder-guide');
  });

  test('长辈版 on a phone: the first screen shows the content, the menu opens, every link and button is 60 px tall, phones dial', async () => {
    // The reader is still in 长辈版 from the test before.
    assert.equal(await s.page.locator('html').getAttribute('class'), 'elder');
    for (const path of ['/agencies/lingshanwei', '/agencies/lingshanwei/guide', '/']) {
      await s.page.goto(path);
      // The heading and the first paragraph of the content are on the first screen.
      const first = await s.page.evaluate(() => {
        const p = document.querySelector('main p');
        const h = document.querySelector('main h1');
        return {
          h1Bottom: h.getBoundingClientRect().bottom,
          pTop: p.getBoundingClientRect().top,
          screen: window.innerHeight,
        };
      });
      assert.ok(first.h1Bottom < first.screen, `${path}: h1 ends at ${first.h1Bottom}px`);
      assert.ok(first.pTop + 40 < first.screen, `${path}: content starts at ${first.pTop}px`);
      // Every link, button and menu toggle the reader can see is at least 60 px tall.
      const small = await s.page.evaluate(() =>
        (
          [...document.querySelectorAll('a, button, summary')] as {
            textContent: string;
            getBoundingClientRect(): { width: number; height: number };
          }[]
        )
          .map((el) => ({ el, r: el.getBoundingClientRect() }))
          .filter(({ r }) => r.width > 0 && r.height > 0 && r.height < 60)
          .map(({ el, r }) => `${el.textContent.trim()} (${Math.round(r.height)}px)`),
      );
      assert.deepEqual(small, [], `${path}: targets under 60 px`);
      await assertNoHorizontalScroll();
    }
    // The menu opens and its links work; the guide's phone number is a tel: link.
    await s.page.goto('/agencies/lingshanwei');
    await s.page.locator('details.site-menu > summary').click();
    await s.page
      .getByRole('navigation', { name: '灵山卫街道政府信息公开栏目' })
      .getByRole('link', { name: '政府信息公开指南', exact: true })
      .click();
    await s.page.waitForURL('**/agencies/lingshanwei/guide');
    assert.equal((await s.page.locator('main a[href="tel:053283185761"]').count()) > 0, true);
    await assertAccessible(s);
    await s.page.locator('details.site-menu > summary').click();
    await assertAccessible(s);
    await screenshot(s.page, 'phone-elder-guide-menu-open');
  });
});

describe('phone, JavaScript disabled', { timeout: 600_000 }, () => {
  let s: Session;
  before(async () => {
    s = await open({
      viewport: { width: 375, height: 667 },
      isMobile: true,
      javaScriptEnabled: false,
    });
  });
  after(() => s.context.close());

  test('the column menu opens without JavaScript, and the application form opens from the guide', async () => {
    await s.page.goto('/agencies/lingshanwei/guide');
    const nav = s.page.getByRole('navigation', { name: '灵山卫街道政府信息公开栏目' });
    assert.equal(await nav.count(), 0, 'the links are folded away on the first screen');
    await s.page.locator('details.site-menu > summary').click();
    await nav.getByRole('link', { name: '依申请公开', exact: true }).waitFor();
    await s.page.goto('/agencies/lingshanwei/guide');
    await s.page.getByRole('link', { name: '在线查看并打印' }).click();
    await s.page.waitForURL('**/agencies/lingshanwei/application-form');
    assert.equal(await h1(s.page), '政府信息公开申请表');
    await assertAccessible(s);
  });
});
