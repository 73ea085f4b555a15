// An office head edits a letter template in a real browser on a phone, without JavaScript:
// opens the templates, mistypes a placeholder and is told where, previews, saves, reads the
// history. An issued letter's own HTML document is checked too. Every page passes axe-core.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { DEFAULT_TEMPLATES } from '../../src/letters/default-templates.js';
import { LETTER_CSS_HREF } from '../../src/letters/letter-style.js';
import { sampleContext } from '../../src/letters/placeholders.js';
import { renderLetter } from '../../src/letters/render-letter.js';
import { screenshot } from './support/browser.js';
import { assertAccessible, openSession, signInAs, type Session } from './support/session.js';
import { useJourney } from './support/journey.js';

const journey = useJourney();

const squash = (s: string) => s.replace(/\s+/g, '');

describe('letter templates on a phone, JavaScript disabled', { timeout: 240_000 }, () => {
  let session: Session;
  let page: Page;
  before(async () => {
    session = await openSession(journey.browser, journey.server.baseUrl, {
      javaScriptEnabled: false,
      viewport: { width: 375, height: 812 },
    });
    page = session.page;
    page.setDefaultTimeout(15_000);
  });
  after(() => session.context.close());

  test('edit the partial-disclosure reply with a preview, then save it as a new version', async () => {
    await signInAs(page, 'lsw-head');

    await page
      .getByRole('navigation', { name: '工作台导航' })
      .getByRole('link', { name: '文书模板' })
      .click();
    await page.waitForURL('**/console/letters/templates');
    await assertAccessible(session);

    await page.getByRole('link', { name: '编辑答复告知书（部分公开）模板' }).click();
    await page.waitForURL('**/console/letters/templates/reply_partially_disclosed');
    assert.match(squash(await page.locator('.letter-sheet').innerText()), /6个月内依法向/);
    await assertAccessible(session);
    await screenshot(page, 'letter-template-phone');

    const body = page.getByLabel('正文（必填）');
    const typed = `${DEFAULT_TEMPLATES.reply_partially_disclosed.body}\n附：{附件清单}`;
    await body.fill(typed);
    await page.getByRole('button', { name: '预览' }).click();
    await page.locator('.error-summary').waitFor();
    assert.match(
      squash(await page.locator('.error-summary').innerText()),
      /正文第6行第3个字处的占位符\{附件清单\}不存在/,
    );
    assert.equal(await body.inputValue(), typed);
    await assertAccessible(session);

    await body.fill(
      DEFAULT_TEMPLATES.reply_partially_disclosed.body.replace(
        '可以公开部分的提供方式',
        '可公开部分的提供方式',
      ),
    );
    await page.getByRole('button', { name: '预览' }).click();
    await page.getByRole('heading', { name: '预览（尚未保存）' }).waitFor();
    assert.match(squash(await page.locator('.letter-sheet').innerText()), /可公开部分的提供方式/);
    await assertAccessible(session);

    await page.getByLabel('修改说明').fill('措辞调整');
    await page.getByRole('button', { name: '保存为新版本' }).click();
    await page.waitForURL('**/reply_partially_disclosed?saved=1');
    assert.match(squash(await page.getByRole('status').innerText()), /已保存为新版本/);
    await assertAccessible(session);

    await page.getByRole('link', { name: '历史版本' }).first().click();
    await page.waitForURL('**/reply_partially_disclosed/versions');
    assert.match(squash(await page.locator('tbody').innerText()), /第1版.*措辞调整/);
    await assertAccessible(session);
  });

  test('an issued letter is an accessible A4 document in the letter stylesheet', async () => {
    const letter = await renderLetter({
      kind: 'reply_partially_disclosed',
      template: DEFAULT_TEMPLATES.reply_partially_disclosed,
      agency: { fullName: '灵山卫街道办事处', shortName: '灵山卫街道' },
      issuedOn: '2024-03-12',
      seq: 3,
      values: sampleContext('reply_partially_disclosed'),
    });
    // Served from the app's origin, as the requests feature serves a stored letter.
    await session.context.route('**/letter-under-test', (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: letter.html }),
    );
    await page.goto('/letter-under-test');
    assert.equal(await page.title(), '政府信息公开申请答复告知书 灵山卫街道依申答〔2024〕3号');
    assert.equal(await page.locator('link[rel=stylesheet]').getAttribute('href'), LETTER_CSS_HREF);
    await assertAccessible(session);
    await screenshot(page, 'letter-reply-phone');
  });
});
