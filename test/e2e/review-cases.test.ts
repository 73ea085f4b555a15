// A disclosure officer records a reconsideration and its decision in a real browser on a
// phone, without JavaScript: opens the register from the navigation, leaves the body out
// and is told so with everything typed kept, registers the case linked to a demo request,
// records the decision and sees it counted in table 四; then an office head records an open
// day among the other records (same server, to spare the machine). Every page passes axe-core.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { screenshot } from './support/browser.js';
import { assertAccessible, openSession, signInAs, type Session } from './support/session.js';
import { useJourney } from './support/journey.js';

const journey = useJourney();

const squash = (s: string) => s.replace(/\s+/g, '');

describe('review cases on a phone, JavaScript disabled', { timeout: 240_000 }, () => {
  let session: Session;
  let context: BrowserContext;
  let page: Page;
  before(async () => {
    session = await openSession(journey.browser, journey.server.baseUrl, {
      javaScriptEnabled: false,
      viewport: { width: 375, height: 812 },
    });
    ({ context, page } = session);
    page.setDefaultTimeout(15_000);
  });
  after(() => context.close());

  test('record a reconsideration and its decision; table 四 counts it', async () => {
    // Last year: the list shows its table 四 by default, and the dates are in the past.
    const year = new Date().getUTCFullYear() - 1;
    await signInAs(page, 'lsw-handler');
    await page
      .getByRole('navigation', { name: '工作台导航' })
      .getByRole('link', { name: '行政复议、行政诉讼' })
      .click();
    await page.waitForURL('**/console/review-cases');
    await assertAccessible(session);

    await page.getByRole('link', { name: '登记案件' }).click();
    await page.waitForURL('**/console/review-cases/new');
    await assertAccessible(session);
    await page.getByLabel('案件类型').selectOption('reconsideration');
    await page.getByLabel('关联申请的查询号').fill('GK-DEM0-2021-02');
    await page.getByLabel('案号').fill(`青黄政复字〔${year}〕第5号`);
    await page.getByLabel('收到或立案日期').fill(`${year}-03-02`);
    await page.getByLabel('备注').fill('申请人认为答复不全');
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await page.locator('.error-summary').waitFor();
    assert.match(
      squash(await page.locator('.error-summary').innerText()),
      /请填写复议机关或受理法院/,
    );
    assert.equal(await page.getByLabel('案号').inputValue(), `青黄政复字〔${year}〕第5号`);
    assert.equal(await page.getByLabel('备注').inputValue(), '申请人认为答复不全');
    await assertAccessible(session);
    await screenshot(page, 'review-case-form-phone');

    await page.getByLabel('复议机关或受理法院').fill('青岛市黄岛区人民政府');
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await page.waitForURL(/\/console\/review-cases\/[0-9a-f-]{36}\?saved=created/);
    assert.match(squash(await page.locator('dl.facts').innerText()), /GK-DEM0-2021-02/);
    assert.match(squash(await page.locator('dl.facts').innerText()), /尚未审结/);
    await assertAccessible(session);

    await page.getByLabel(/^维持/).check();
    await page.getByLabel('结案日期').fill(`${year}-04-28`);
    await page.getByLabel('决定或判决要点').fill('维持被申请人的答复');
    await page.getByRole('button', { name: '登记结果' }).click();
    await page.waitForURL(/decided=1/);
    assert.match(squash(await page.getByRole('status').innerText()), /已登记审理结果/);
    assert.match(
      squash(await page.locator('dl.facts').innerText()),
      new RegExp(`维持（${year}-04-28）`),
    );
    await assertAccessible(session);
    await screenshot(page, 'review-case-decided-phone');

    await page.getByRole('link', { name: '返回案件列表' }).click();
    await page.waitForURL('**/console/review-cases');
    const table = page.locator('table.data').nth(1);
    assert.match(await table.locator('caption').innerText(), new RegExp(`${year} 年`));
    const upheld = await table.locator('tbody tr').first().locator('td').first().innerText();
    assert.equal(upheld.trim(), '1');
    await assertAccessible(session);
  });
  test('record an open day among the other records', async () => {
    const year = new Date().getUTCFullYear() - 1;
    await context.clearCookies(); // signed out: the office head signs in
    await signInAs(page, 'lsw-head');
    await page
      .getByRole('navigation', { name: '工作台导航' })
      .getByRole('link', { name: '工作记录' })
      .click();
    await page.waitForURL('**/console/work-records');
    await assertAccessible(session);
    await page.getByRole('link', { name: '登记政府开放日活动' }).click();
    await page.waitForURL('**/console/work-records/open-days/new');
    await page.getByLabel('活动日期').fill(`${year}-05-18`);
    await page.getByLabel('活动主题').fill('政务公开 你我同行');
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await page.locator('.error-summary').waitFor();
    assert.match(squash(await page.locator('.error-summary').innerText()), /请填写参加人员/);
    assert.equal(await page.getByLabel('活动主题').inputValue(), '政务公开 你我同行');
    await assertAccessible(session);
    await page.getByLabel('参加人员').fill('群众代表20名');
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await page.waitForURL('**/console/work-records/open-days?saved=created');
    assert.match(squash(await page.locator('table.data tbody').innerText()), /政务公开你我同行/);
    await assertAccessible(session);
    await screenshot(page, 'work-records-open-days-phone');
  });
});
