// Browser journey of assisted handling (协查) and the console home's request clock: a handler
// sees the overdue count on the home page, records a 协查 (a missing field first, then the
// whole form), finds it in the year's list and records its answer. With JavaScript, without
// it and on a phone; every page checked with axe and the CSP.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { useJourney } from './support/journey.js';
import { assertAccessible, openSession, signInAs } from './support/session.js';

const journey = useJourney();

const mainText = async (page: Page) => (await page.locator('main').innerText()).replace(/\s+/g, '');

async function assistedJourney(options: BrowserContextOptions, subject: string): Promise<void> {
  const s = await openSession(journey.browser, journey.server.baseUrl, options);
  await signInAs(s.page, 'lsw-handler');
  const page = s.page;
  await page.goto('/console');
  assert.match(await mainText(page), /依申请公开答复期限已超过答复期限\d+件/);
  await assertAccessible(s);

  await page.goto('/console/assisted-requests');
  await assertAccessible(s);
  await page.getByRole('link', { name: '登记协查' }).click();
  await page.waitForURL('**/console/assisted-requests/new');
  await assertAccessible(s);
  await page
    .getByLabel('提出协查的机关', { exact: false })
    .first()
    .selectOption({ label: '其他机关（不在平台上）' });
  await page.getByLabel('协查事项').fill(subject);
  await page.getByLabel('收到协查之日').fill('2024-05-06');
  await page.getByRole('button', { name: '登记' }).click();
  await page.locator('.error-summary').waitFor();
  assert.match(await mainText(page), /选“其他机关”时请填写提出协查的机关全称/);
  assert.equal(await page.getByLabel('协查事项').inputValue(), subject);
  await assertAccessible(s);
  await page.getByLabel('机关全称（选“其他机关”时填写）').fill('青岛市黄岛区城市管理局');
  await page.getByLabel('来文编号').fill('黄城管协〔2024〕7号');
  await page.getByRole('button', { name: '登记' }).click();
  await page.waitForURL('**/console/assisted-requests?saved=1');
  await assertAccessible(s);

  await page.goto('/console/assisted-requests?year=2024');
  const row = page.locator('table.data tbody tr', { hasText: subject });
  assert.match((await row.innerText()).replace(/\s+/g, ''), /青岛市黄岛区城市管理局.*未答复/);
  await row.getByRole('link', { name: `修改 ${subject}` }).click();
  await page.waitForURL('**/edit');
  await assertAccessible(s);
  await page.getByLabel('答复协查之日').fill('2024-05-10');
  await page.getByRole('button', { name: '保存' }).click();
  await page.waitForURL('**/console/assisted-requests?saved=2');
  await page.goto('/console/assisted-requests?year=2024&status=answered');
  assert.match(await mainText(page), new RegExp(`${subject}.*2024-05-10`));
  await assertAccessible(s);
  await s.context.close();
}

describe('assisted handling (协查) in a browser', { timeout: 600_000 }, () => {
  test('desktop with JavaScript', async () => {
    await assistedJourney(
      { viewport: { width: 1280, height: 900 } },
      '某小区占道经营整治记录（桌面）',
    );
  });
  test('desktop without JavaScript', async () => {
    await assistedJourney(
      { viewport: { width: 1280, height: 900 }, javaScriptEnabled: false },
      '某小区占道经营整治记录（无脚本）',
    );
  });
  test('phone (375 px) without JavaScript', async () => {
    await assistedJourney(
      {
        viewport: { width: 375, height: 812 },
        isMobile: true,
        hasTouch: true,
        javaScriptEnabled: false,
      },
      '某小区占道经营整治记录（手机）',
    );
  });
});
