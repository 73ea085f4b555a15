// The annual report in a real browser, JavaScript off and on: compose → edit prose → see a
// NARRATIVE_MISMATCH appear and go → approve → publish → visible in the public column
// with its downloads. Every page is checked with axe (no serious violation) and the CSP.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertAccessible, openSession, signInAs, type Session } from './support/session.js';
import { useJourney } from './support/journey.js';

const journey = useJourney();

const findings = (s: Session) => s.page.locator('#findings').innerText();

async function composeYear(s: Session, year: string): Promise<void> {
  await s.page.goto('/console/annual-reports');
  await assertAccessible(s);
  await s.page.getByLabel('报告年度').selectOption(year);
  await s.page.getByRole('button', { name: '生成草稿' }).click();
  await s.page.waitForURL(/\/console\/annual-reports\/[0-9a-f-]{36}/);
  await assertAccessible(s);
}

describe('annual report, JavaScript disabled', { timeout: 300_000 }, () => {
  let s: Session;
  before(async () => {
    s = await openSession(journey.browser, journey.server.baseUrl, {
      javaScriptEnabled: false,
      viewport: { width: 390, height: 844 },
    });
    s.page.setDefaultTimeout(20_000);
  });
  after(() => s.context.close());

  test('compose, edit, mismatch shown and gone, approve, publish, public with downloads', async () => {
    const { page } = s;
    await signInAs(page, 'lsw-handler');
    await composeYear(s, '2024');
    const requests = page.getByLabel('三、收到和处理政府信息公开申请情况');
    await requests.fill('2024年共办理依申请公开件12件。');
    await page.getByRole('button', { name: '保存并检查' }).click();
    await page.waitForURL(/saved=1/);
    assert.match(await findings(s), /NARRATIVE_MISMATCH/);
    await assertAccessible(s);
    await page
      .getByLabel('三、收到和处理政府信息公开申请情况')
      .fill('2024年本机关未收到政府信息公开申请。');
    await page.getByRole('button', { name: '保存并检查' }).click();
    await page.waitForURL(/saved=1/);
    assert.doesNotMatch(await findings(s), /NARRATIVE_MISMATCH/);
    const url = page.url().split('?')[0]!;

    // The office head, in a browser of their own.
    const head = await openSession(journey.browser, journey.server.baseUrl, {
      javaScriptEnabled: false,
    });
    try {
      head.page.setDefaultTimeout(20_000);
      await signInAs(head.page, 'lsw-head');
      await head.page.goto(url);
      await head.page.getByRole('button', { name: '审核通过' }).click();
      await head.page.waitForURL(/approved=1/);
      await head.page.getByRole('button', { name: '发布到政府信息公开专栏' }).click();
      await head.page.waitForURL(/published=1/);
      await assertAccessible(head);
    } finally {
      await head.context.close();
    }

    await page.goto('/agencies/lingshanwei/reports');
    await page.getByRole('link', { name: /2024年政府信息公开工作年度报告/ }).click();
    await page.waitForURL('**/agencies/lingshanwei/reports/2024');
    await assertAccessible(s);
    const json = await page.request.get('/agencies/lingshanwei/reports/2024/report.json');
    assert.equal(json.status(), 200);
    assert.equal(((await json.json()) as { year: number }).year, 2024);
    const docx = await page.request.get('/agencies/lingshanwei/reports/2024/report.docx');
    assert.equal(docx.status(), 200);
    assert.equal(await page.getByRole('link', { name: '下载 Word 文档（.docx）' }).count(), 1);
  });

  test('last year beside this year; a report file read into the draft, a bad one explained', async () => {
    const { page } = s;
    // 2024 was published by the test above: it is 2025's last year.
    await composeYear(s, '2025');
    const beside = page.locator('.last-year');
    assert.match(
      await page.locator('section[aria-labelledby="previous-title"]').innerText(),
      /2024年度报告（本平台发布的第1版）/,
    );
    assert.equal(await beside.locator('table.compare-table').count(), 3);
    assert.match(await beside.locator('table.compare-table caption').nth(1).innerText(), /表三/);
    assert.match(await beside.locator('.diff-section').first().innerText(), /一、总体情况/);

    await page.getByLabel('年度报告文件').setInputFiles({
      name: '图片.png',
      mimeType: 'image/png',
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]),
    });
    await page.getByRole('button', { name: '读取并填入' }).click();
    assert.match(await page.locator('.error-summary').innerText(), /这是一个图片文件/);
    await assertAccessible(s);

    await page
      .getByLabel('年度报告文件')
      .setInputFiles(
        new URL('../fixtures/reports/seed-2021-lingshanwei.txt', import.meta.url).pathname,
      );
    await page.getByLabel('同时导入各部分正文和开头的说明（替换当前的正文）').check();
    await page.getByRole('button', { name: '读取并填入' }).click();
    await page.waitForURL(/imported=1/);
    assert.match(
      await page.locator('textarea[name="section_overview"]').inputValue(),
      /^2021年以来，灵山卫街道认真贯彻落实/,
    );
    assert.match(await page.locator('textarea[name="preamble"]').inputValue(), /^本报告根据/);
    // This street keeps its records here: its tables stay computed, no form to type them in.
    assert.equal(await page.locator('input.cell-input').count(), 0);
    await assertAccessible(s);
  });
});

describe('annual report, JavaScript enabled', { timeout: 300_000 }, () => {
  let s: Session;
  before(async () => {
    s = await openSession(journey.browser, journey.server.baseUrl);
    s.page.setDefaultTimeout(20_000);
  });
  after(() => s.context.close());

  test('the mismatch appears and goes as the office types, before saving', async () => {
    const { page } = s;
    await signInAs(page, 'lsw-handler');
    await composeYear(s, '2023');
    const requests = page.getByLabel('三、收到和处理政府信息公开申请情况');
    await requests.fill('2023年共办理依申请公开件12件。');
    await page.locator('#findings', { hasText: 'NARRATIVE_MISMATCH' }).waitFor();
    await assertAccessible(s);
    await requests.fill('2023年本机关未收到政府信息公开申请。');
    // No element of #findings names the mismatch any more.
    await page.locator('#findings', { hasText: 'NARRATIVE_MISMATCH' }).waitFor({ state: 'hidden' });
    assert.doesNotMatch(page.url(), /saved=1/, 'nothing was submitted');
  });
});
