// Browser journey of proactive disclosure against the real server: a handler drafts, a
// reviewer approves, a publisher publishes, a visitor finds the item in the catalogue and
// reads it; a withdrawal then shows the notice at the same URL. With JavaScript, without it
// and on a phone; every page checked with axe and the CSP. And a publisher imports a small
// catalogue export, sees the refused row by its line number, and the item is public.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { useJourney } from './support/journey.js';
import { assertAccessible, openSession, type Session, signInAs } from './support/session.js';

const journey = useJourney();

async function signIn(options: BrowserContextOptions, username: string): Promise<Session> {
  const s = await openSession(journey.browser, journey.server.baseUrl, options);
  await signInAs(s.page, username);
  return s;
}

const mainText = async (page: Page) => (await page.locator('main').innerText()).replace(/\s+/g, '');

async function publishingJourney(options: BrowserContextOptions, title: string): Promise<void> {
  // The handler drafts: a missing field first, then the whole form.
  const handler = await signIn(options, 'lsw-handler');
  let page = handler.page;
  await page.goto('/console/publications');
  await assertAccessible(handler);
  await page.getByRole('link', { name: '起草新信息' }).click();
  await page.waitForURL('**/console/publications/new');
  await assertAccessible(handler);
  await page.getByLabel('标题（名称）').fill(title);
  await page.getByRole('button', { name: '保存草稿' }).click();
  await page.locator('.error-summary').waitFor();
  assert.match(await mainText(page), /请填写内容概述/);
  assert.equal(await page.getByLabel('标题（名称）').inputValue(), title);
  await assertAccessible(handler);
  await page.getByLabel('内容概述').fill('占道经营整治的范围、时间和处理依据。');
  await page.getByLabel('公开类别').selectOption('a20-6');
  await page.getByLabel('文号').fill('灵街办通〔2024〕5号');
  await page.getByLabel('生成日期').fill('2024-09-20');
  await page.getByLabel('主题分类').selectOption('城乡建设、环境保护');
  await page.getByLabel('体裁').selectOption('通告');
  await page.getByLabel('关键词').fill('城市管理、占道经营');
  await page.getByLabel('正文').fill('一、整治范围\n\n二、整治时间');
  await page.getByRole('button', { name: '保存草稿' }).click();
  await page.waitForURL(/\/console\/publications\/[0-9a-f-]{36}\?/);
  const itemUrl = page.url().split('?')[0] ?? '';
  await assertAccessible(handler);
  await page.getByRole('button', { name: '送保密审查' }).click();
  await page.waitForURL('**?done=submitted');
  await handler.context.close();

  // The reviewer approves.
  const reviewer = await signIn(options, 'lsw-reviewer');
  page = reviewer.page;
  await page.goto(itemUrl);
  await assertAccessible(reviewer);
  // A re-check round's page, fifty items a page with a checkbox each, passes axe too.
  await page.goto('/console/publications/rechecks');
  await assertAccessible(reviewer);
  await page.getByLabel('清查名称').fill(`清查（${title}）`);
  await page.getByRole('button', { name: '发起清查' }).click();
  await page.waitForURL('**?done=recheck');
  await assertAccessible(reviewer);
  const roundUrl = page.url().split('?')[0] ?? '';
  // The second page: two items kept at once, and back on the same page.
  await page.getByRole('link', { name: '第 2 页' }).first().click();
  await page.waitForURL('**?page=2');
  await page.locator('input[name="items"]').nth(0).check();
  await page.locator('input[name="items"]').nth(1).check();
  await page.getByLabel('清查意见').fill('经核查，内容仍然有效。');
  await page.getByRole('button', { name: '所选信息继续公开' }).click();
  await page.waitForURL('**?page=2&kept=2');
  assert.match(await mainText(page), /已将所勾选的2条信息记录为继续公开/);
  assert.match(await mainText(page), /继续公开（2）/);
  await assertAccessible(reviewer);
  // An item's own page, with the withdrawal form, links back to the same page.
  await page
    .getByRole('link', { name: /^核查或撤回/ })
    .first()
    .click();
  await page.waitForURL('**/items/**');
  assert.match(await mainText(page), /撤回（原网址显示撤回说明）/);
  await assertAccessible(reviewer);
  await page.getByRole('link', { name: /^返回清查/ }).click();
  await page.waitForURL(`${roundUrl}?page=2`);
  await page.goto('/console/publications/overdue');
  assert.match(await mainText(page), /尚未发布的信息/);
  await assertAccessible(reviewer);
  await page.goto(itemUrl);
  await page.getByLabel('同意公开', { exact: true }).check();
  await page.getByLabel('审查意见').fill('不涉及国家秘密和个人隐私，同意公开。');
  await page.getByRole('button', { name: '提交审查结论' }).click();
  await page.waitForURL('**?done=approved');
  assert.equal(await page.getByRole('button', { name: '发布', exact: true }).count(), 0);
  await reviewer.context.close();

  // The publisher publishes.
  const publisher = await signIn(options, 'lsw-publisher');
  page = publisher.page;
  await page.goto(itemUrl);
  await page.getByRole('button', { name: '发布', exact: true }).click();
  await page.waitForURL('**?done=published');
  await assertAccessible(publisher);
  const publicHref = await page.locator('dt:text("公开网址") + dd a').getAttribute('href');
  assert.ok(publicHref);

  // A visitor finds it by searching a two-character word, then by browsing, and reads it.
  const visitor = await openSession(journey.browser, journey.server.baseUrl, options);
  await visitor.page.goto('/agencies/lingshanwei/catalogue');
  await assertAccessible(visitor);
  await visitor.page.getByLabel('检索', { exact: true }).fill('占道');
  await visitor.page.getByRole('button', { name: '检索', exact: true }).click();
  await visitor.page.waitForURL('**q=**');
  // The link's text is split by the <mark> of the match: compare its text content.
  assert.equal(await visitor.page.locator('main .card h3 a', { hasText: title }).count(), 1);
  await assertAccessible(visitor);
  await visitor.page.goto('/agencies/lingshanwei/catalogue');
  await visitor.page.getByLabel('公开类别').selectOption('a20-6');
  await visitor.page.getByRole('button', { name: '筛选' }).click();
  await visitor.page.waitForURL('**category=a20-6**');
  await visitor.page.getByRole('link', { name: title }).click();
  await visitor.page.waitForURL(`**${publicHref}`);
  assert.match(await mainText(visitor.page), /灵街办通〔2024〕5号/);
  assert.match(await mainText(visitor.page), /一、整治范围/);
  await assertAccessible(visitor);

  // A demo item that was repealed is marked, and links to what replaced it.
  await visitor.page.goto('/agencies/lingshanwei/catalogue?validity=repealed');
  await visitor.page.locator('main .card a').first().click();
  assert.match(await mainText(visitor.page), /废止/);
  await assertAccessible(visitor);

  // The publisher withdraws it; the visitor sees only the notice.
  await page.getByLabel('撤回说明').fill('整治时间调整，以新通告为准。');
  await page.getByRole('button', { name: '撤回', exact: true }).click();
  await page.waitForURL('**?done=withdrawn');
  await publisher.context.close();
  await visitor.page.goto(publicHref);
  assert.equal((await visitor.page.locator('h1').innerText()).trim(), '该信息已撤回');
  const notice = await mainText(visitor.page);
  assert.match(notice, /整治时间调整，以新通告为准/);
  assert.doesNotMatch(notice, /一、整治范围/);
  await assertAccessible(visitor);
  await visitor.context.close();
}

/** A small export of the old portal: one good row, one without a title (line 3). */
const IMPORT_CSV = [
  '索引号,名称,发布机构,文号,成文日期,发布日期,内容概述',
  '11370211D00000021X/2023-00901,灵山卫街道关于开展2023年度防汛应急演练的通知,灵山卫街道办事处,灵街办通〔2023〕9号,2023-06-01,2023-06-02,防汛应急演练的时间、地点和参加人员。',
  '11370211D00000021X/2023-00902,,灵山卫街道办事处,,2023-06-05,2023-06-05,',
  '',
].join('\r\n');

async function importJourney(options: BrowserContextOptions): Promise<void> {
  const publisher = await signIn(options, 'lsw-publisher');
  const page = publisher.page;
  await page.goto('/console/publications/import');
  await assertAccessible(publisher);
  const choose = () =>
    page.getByLabel('目录文件').setInputFiles({
      name: '原网站目录.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(IMPORT_CSV, 'utf8'),
    });
  // First only a check: the refused row is shown with its line number, nothing stored.
  await choose();
  await page.getByLabel('只检查，不导入').check();
  await page.getByRole('button', { name: '提交' }).click();
  await page.getByRole('heading', { name: '检查结果（尚未导入）' }).waitFor();
  const checked = await mainText(page);
  assert.match(checked, /共2行数据，可导入1条/);
  assert.match(checked, /第3行11370211D00000021X\/2023-00902缺少名称/);
  await assertAccessible(publisher);
  // Then the import.
  await choose();
  await page.getByLabel('导入（有问题的行不导入，其余行全部导入）').check();
  await page.getByRole('button', { name: '提交' }).click();
  await page.getByRole('heading', { name: '导入结果' }).waitFor();
  assert.match(await mainText(page), /已导入1条/);
  await assertAccessible(publisher);
  await publisher.context.close();

  // A visitor finds the imported item in the public catalogue, under its own index number.
  const visitor = await openSession(journey.browser, journey.server.baseUrl, options);
  await visitor.page.goto('/agencies/lingshanwei/catalogue?q=' + encodeURIComponent('防汛'));
  await visitor.page.locator('main .card h3 a', { hasText: '防汛应急演练' }).click();
  await visitor.page.waitForURL('**/catalogue/11370211D00000021X-2023-00901');
  const item = await mainText(visitor.page);
  assert.match(item, /11370211D00000021X\/2023-00901/);
  assert.match(item, /灵街办通〔2023〕9号/);
  await assertAccessible(visitor);
  await visitor.context.close();
}

describe('proactive disclosure in a browser', { timeout: 600_000 }, () => {
  test("a publisher imports the old portal's catalogue; a visitor finds the item", async () => {
    await importJourney({ viewport: { width: 1280, height: 900 } });
  });
  test('desktop with JavaScript', async () => {
    await publishingJourney(
      { viewport: { width: 1280, height: 900 } },
      '关于开展违规占道经营整治的通告（桌面）',
    );
  });
  test('desktop without JavaScript', async () => {
    await publishingJourney(
      { viewport: { width: 1280, height: 900 }, javaScriptEnabled: false },
      '关于开展违规占道经营整治的通告（无脚本）',
    );
  });
  test('phone (375 px) without JavaScript', async () => {
    await publishingJourney(
      {
        viewport: { width: 375, height: 812 },
        isMobile: true,
        hasTouch: true,
        javaScriptEnabled: false,
      },
      '关于开展违规占道经营整治的通告（手机）',
    );
  });
});
