// A citizen applies for disclosure in a real browser — without JavaScript, on a phone-sized
// screen — gets a tracking number and access code, and follows the case with them; a
// handler sees the case in the work list, confirms its receipt and opens the personal data.
// Every page is checked with axe-core (WCAG 2.1 AA) and must not break its CSP.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, screenshot, seriousViolations } from './support/browser.js';
import { signInAs } from './support/session.js';
import { startServer, type RunningServer } from './support/server.js';

let server: RunningServer;
let browser: Browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function accessible(page: Page, csp: string[]): Promise<void> {
  const violations = await seriousViolations(page, { javaScriptEnabled: false });
  assert.deepEqual(violations, [], `axe on ${new URL(page.url()).pathname}`);
  assert.deepEqual(csp, [], `CSP on ${new URL(page.url()).pathname}`);
}

const squash = (s: string) => s.replace(/\s+/g, '');

describe('applying for disclosure, JavaScript disabled, on a phone', { timeout: 240_000 }, () => {
  let context: BrowserContext;
  let page: Page;
  const csp: string[] = [];
  let trackingNumber = '';
  let accessCode = '';
  before(async () => {
    context = await browser.newContext({
      baseURL: server.baseUrl,
      locale: 'zh-CN',
      javaScriptEnabled: false,
      viewport: { width: 375, height: 812 },
    });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) csp.push(m.text());
    });
  });
  after(() => context.close());

  test('a citizen applies, fixes a mistake, adds an item and gets a tracking number', async () => {
    await page.goto('/agencies/lingshanwei/requests');
    await accessible(page, csp);
    await page.getByRole('link', { name: '在线提交申请' }).click();
    await page.waitForURL('**/agencies/lingshanwei/requests/apply');
    await accessible(page, csp);

    await page.getByLabel('自然人（公民）').check();
    await page.getByLabel('姓名或者名称').fill('张演示');
    await page.getByLabel('证件类型').selectOption('resident_id_card');
    await page.getByLabel('证件号码').fill('370211198001011230'); // wrong check digit
    await page.getByLabel('联系地址').fill('青岛市西海岸新区演示路1号');
    await page.getByLabel('联系电话').fill('13800000001');
    await page.locator('#field-items-0-title').fill('灵山卫街道征地规划文件');
    await page.getByLabel('电子文件').check();
    await page.getByLabel('邮寄').check();
    await page.getByRole('button', { name: '提交申请' }).click();
    assert.match(squash(await page.locator('.error-summary').innerText()), /最后一位应为9/);
    assert.equal(await page.getByLabel('姓名或者名称').inputValue(), '张演示');
    await accessible(page, csp);
    await screenshot(page, 'request-apply-error-phone');

    await page.getByLabel('证件号码').fill('370211198001011239');
    await page.getByRole('button', { name: '再添加一项' }).click();
    assert.equal(await page.locator('textarea[name^="items."]').count(), 4);
    await page.locator('#field-items-3-description').fill('城市管理执法的相关文件');
    await page.getByRole('button', { name: '提交申请' }).click();
    assert.equal((await page.locator('h1').textContent())?.trim(), '申请已提交');
    const facts = await page.locator('dl.facts dd strong').allTextContents();
    [trackingNumber = '', accessCode = ''] = facts.map((s) => s.trim());
    assert.match(trackingNumber, /^GK-/);
    assert.match(accessCode, /^[0-9A-Z]{4}-/);
    await accessible(page, csp);
    await screenshot(page, 'request-submitted-phone');
  });

  test('the citizen follows the case with the number and code', async () => {
    await page.goto('/requests/track');
    await accessible(page, csp);
    await page.getByLabel('查询号').fill(trackingNumber);
    await page.getByLabel('查询码').fill(accessCode);
    await page.getByRole('button', { name: '查询' }).click();
    assert.equal((await page.locator('h1').textContent())?.trim(), '办理进度');
    assert.match(squash(await page.locator('main').innerText()), /已提交，待本机关确认收到/);
    assert.ok(!page.url().includes(accessCode));
    await accessible(page, csp);
  });

  test('a handler confirms receipt and opens the personal data', async () => {
    await signInAs(page, 'lsw-handler');
    await page
      .getByRole('navigation', { name: '工作台导航' })
      .getByRole('link', { name: '依申请公开' })
      .click();
    await page.waitForURL('**/console/requests');
    await accessible(page, csp);
    const main = await page.locator('main').innerText();
    assert.ok(!main.includes('370211198001011239'));
    await page.getByRole('link', { name: trackingNumber }).click();
    await accessible(page, csp);
    await page.getByRole('button', { name: '确认收到' }).click();
    assert.match(squash(await page.getByRole('status').innerText()), /已确认收到申请/);
    await page.getByRole('button', { name: '查看完整信息' }).click();
    assert.match(await page.locator('main').innerText(), /370211198001011239/);
    await accessible(page, csp);
    await screenshot(page, 'request-case-phone');
    await page.goto('/console/requests/new');
    await accessible(page, csp);
  });
});
