// An administrator maintains the working-day calendar in a real browser without
// JavaScript: paste the State Council notice, check the preview, save, correct one day.
// Every page is checked with axe-core (WCAG 2.1 AA).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { screenshot } from './support/browser.js';
import { assertAccessible, openSession, signInAs, type Session } from './support/session.js';
import { useJourney } from './support/journey.js';

const notice2026 = readFileSync(
  new URL('../../src/calendar/fixtures/notice-2026.txt', import.meta.url),
  'utf8',
);

const journey = useJourney();

const squash = (s: string) => s.replace(/\s+/g, '');

describe('working-day calendar, JavaScript disabled', { timeout: 240_000 }, () => {
  let session: Session;
  let page: Page;
  before(async () => {
    session = await openSession(journey.browser, journey.server.baseUrl, {
      javaScriptEnabled: false,
      viewport: { width: 390, height: 844 },
    });
    page = session.page;
    page.setDefaultTimeout(15_000);
  });
  after(() => session.context.close());

  test('import the 2026 notice with a preview, then correct one day', async () => {
    await signInAs(page, 'hd-platform');

    await page
      .getByRole('navigation', { name: '工作台导航' })
      .getByRole('link', { name: '工作日历' })
      .click();
    await page.waitForURL('**/console/calendar');
    await assertAccessible(session);

    await page.getByLabel('通知全文').fill(notice2026);
    await page.getByRole('button', { name: '读取并预览' }).click();
    await page.waitForURL('**/console/calendar/preview');
    assert.equal((await page.locator('h1').textContent())?.trim(), '核对节假日安排');
    const lead = squash(await page.locator('.lead').innerText());
    assert.match(lead, /读到2026年：放假33天，调休上班6天/);
    assert.match(squash(await page.locator('main').innerText()), /2026年已经载入/);
    await assertAccessible(session);
    await screenshot(page, 'calendar-preview-phone');

    await page.getByRole('button', { name: '确认保存' }).click();
    await page.waitForURL('**/console/calendar?saved=2026');
    assert.match(squash(await page.getByRole('status').innerText()), /已保存2026年的节假日安排/);
    await assertAccessible(session);

    // A date that does not exist: the error is next to the field, the typed text kept.
    await page.getByLabel('日期（必填）').fill('2026-02-30');
    await page.getByLabel('放假（法定节假日或调休放假）').check();
    await page.getByRole('button', { name: '保存更正' }).click();
    await page.locator('#field-date-error').waitFor();
    assert.match(squash(await page.locator('#field-date-error').innerText()), /2026年2月只有28天/);
    assert.equal(await page.getByLabel('日期（必填）').inputValue(), '2026-02-30');
    await assertAccessible(session);

    await page.getByLabel('日期（必填）').fill('2026-03-02');
    await page.getByLabel('节日名称').fill('临时调整');
    await page.getByRole('button', { name: '保存更正' }).click();
    await page.waitForURL('**/console/calendar?corrected=2026-03-02**');
    assert.match(squash(await page.getByRole('status').innerText()), /已更正2026-03-02/);
    const rows = squash(
      await page.locator('section[aria-labelledby="days-title"] table').innerText(),
    );
    assert.match(rows, /2026-03-02（星期一）放假临时调整/);
    await assertAccessible(session);
  });
});
