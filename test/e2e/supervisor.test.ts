// The supervisor's January in a real browser, JavaScript off on a phone and on at a desktop:
// upload a zip of the year's reports, watch the batch being read (the page reloads itself
// without JavaScript, updates in place with it), confirm the agencies suggested, open the
// dashboard (narrowed to the agencies with errors) with its charts and their tables, drill into one report's findings, and download
// the .xlsx and the agency's 整改通知 — both checked to be the real files. Every page is
// checked with axe (no serious violation) and the CSP.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import type { Download, Page } from 'playwright-core';
import { assertAccessible, openSession, signInAs, type Session } from './support/session.js';
import { useJourney } from './support/journey.js';

const journey = useJourney();

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../fixtures/reports/${name}`, import.meta.url)));

/** The year's reports as a supervisor gets them: 灵山卫街道's, two real PDFs of an agency that
 * is no subordinate, and one of another year. */
const ZIP = Buffer.from(
  zipSync({
    '灵山卫街道2021年度报告.txt': fixture('seed-2021-lingshanwei.txt'),
    '其他/洪泽区2023年度报告.pdf': fixture('2023-hongze-district-government.pdf'),
    '其他/洪泽区2024年度报告.pdf': fixture('2024-hongze-district-government.pdf'),
    '示例镇2020年度报告.txt': fixture('word-text-2020-trial-format.txt'),
  }),
);

async function saved(download: Promise<Download>): Promise<Uint8Array> {
  const d = await download;
  const path = await d.path();
  return new Uint8Array(readFileSync(path));
}

async function uploadBatch(s: Session, title: string): Promise<void> {
  const { page } = s;
  await page.goto('/console/supervision/batches');
  await assertAccessible(s);
  await page.getByLabel('报告年度').fill('2021');
  await page.getByLabel('批次名称').fill(title);
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: '2021年报.zip', mimeType: 'application/zip', buffer: ZIP });
  await page.getByRole('button', { name: '开始检查' }).click();
  await page.waitForURL(/\/console\/supervision\/batches\/[0-9a-f]{32}$/);
}

async function confirmAndOpenDashboard(s: Session): Promise<void> {
  const { page } = s;
  await page.locator('#batch-progress', { hasText: /^已完成：/ }).waitFor({ timeout: 90_000 });
  await assertAccessible(s);
  const rows = page.locator('table.data tbody tr');
  assert.equal(await rows.count(), 4);
  const otherYear = rows.filter({ hasText: '示例镇2020年度报告' });
  assert.match(await otherYear.innerText(), /报告年度与本批次不符/);
  await page.getByRole('button', { name: '确认全部建议的机关' }).click();
  await page.locator('.notice.ok', { hasText: /已确认 \d+ 份报告的所属机关/ }).waitFor();
  await page.getByRole('link', { name: '2021年' }).first().click();
  await page.waitForURL(/\/console\/supervision\?year=2021$/);
  await assertAccessible(s);
}

/** The dashboard narrowed to the agencies with errors by its GET form (no script needed). */
async function filterByStatus(s: Session): Promise<void> {
  const { page } = s;
  await page.getByLabel('状态', { exact: true }).selectOption('errors');
  await page.getByRole('button', { name: '筛选' }).click();
  await page.waitForURL(/\/console\/supervision\?year=2021&status=errors$/);
  const rows = page.locator('table.data').first().locator('tbody tr');
  assert.ok((await rows.count()) > 0);
  for (const status of await rows.locator('td:nth-child(2)').allInnerTexts())
    assert.equal(status.trim(), '有错误');
  assert.equal(
    await page.getByLabel('状态', { exact: true }).inputValue(),
    'errors',
    'the choice is kept',
  );
  await assertAccessible(s);
}

async function checkCharts(page: Page): Promise<void> {
  const figures = page.locator('figure.chart');
  assert.equal(await figures.count(), 3);
  for (let i = 0; i < 3; i++) {
    const f = figures.nth(i);
    const label = (await f.locator('svg[role="img"]').getAttribute('aria-label')) ?? '';
    assert.match(label, /2020年.*2021年/, 'the chart names its figures');
    // The table alternative: a row per year, its first figure also in the chart's name.
    const table = f.locator('details table');
    assert.equal(await table.locator('tbody tr').count(), 2);
    const first = (await table.locator('tbody tr').nth(1).locator('td').first().innerText()).trim();
    assert.ok(label.includes(first), `${first} in “${label}”`);
  }
}

async function drillIntoFindings(s: Session): Promise<void> {
  const { page } = s;
  const row = page.locator('table.data tbody tr', { hasText: '灵山卫街道办事处' }).first();
  assert.match(await row.innerText(), /有错误/);
  await row.getByRole('link', { name: /查看问题/ }).click();
  await page.waitForURL(/\/console\/supervision\/reports\/[0-9a-f]{32}$/);
  await assertAccessible(s);
  // The misplaced total's finding: its number is on the cell, and they link to each other.
  const finding = page.locator('li.finding', { hasText: 'T3_TOTAL_COLUMN' }).first();
  assert.match(await finding.innerText(), /^错误（T3_TOTAL_COLUMN）/);
  const id = (await finding.getAttribute('id')) ?? '';
  const n = id.replace('r-finding-', '');
  await finding.getByRole('link', { name: `在表中查看第${n}条` }).click();
  await page.waitForURL(/#r-cell-/);
  const cellId = decodeURIComponent(new URL(page.url()).hash.slice(1));
  const cell = page.locator(`[id="${cellId}"]`);
  assert.ok(await cell.locator(`a[href="#${id}"]`).count(), 'the cell links back');
  assert.ok(
    (await cell.locator('.mark-numbers a').allInnerTexts()).includes(n),
    'its number shown on screen',
  );
}

async function downloadNotice(page: Page): Promise<void> {
  const bytes = await saved(
    Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '下载整改通知（Word）' }).click(),
    ]).then(([d]) => d),
  );
  const files = unzipSync(bytes);
  const xml = new TextDecoder().decode(files['word/document.xml']);
  assert.match(xml, /灵山卫街道办事处2021年政府信息公开工作年度报告存在问题的整改通知/);
}

async function downloadXlsx(page: Page): Promise<void> {
  await page.goto('/console/supervision?year=2021');
  const bytes = await saved(
    Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '下载汇总表（Excel）' }).click(),
    ]).then(([d]) => d),
  );
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const rows: string[][] = [];
  sheet.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  assert.equal(rows[0]![0], '机关');
  const lsw = rows.find((r) => r[0] === '灵山卫街道办事处');
  assert.equal(lsw?.[1], '有错误');
  assert.ok(rows.some((r) => r[0] === '青岛市黄岛区卫生健康局（演示）' && r[1] === '逾期未收到'));
}

describe('the supervisor, JavaScript disabled, on a phone', { timeout: 300_000 }, () => {
  let s: Session;
  before(async () => {
    s = await openSession(journey.browser, journey.server.baseUrl, {
      javaScriptEnabled: false,
      viewport: { width: 375, height: 812 },
      acceptDownloads: true,
    });
    s.page.setDefaultTimeout(30_000);
  });
  after(() => s.context.close());

  test('upload, the page reloads until read, confirm, dashboard, findings, downloads', async () => {
    await signInAs(s.page, 'hd-supervisor');
    await uploadBatch(s, '手机上传的批次');
    await confirmAndOpenDashboard(s);
    await filterByStatus(s);
    await checkCharts(s.page);
    // Without JavaScript the tables are there to open, as for everyone.
    await s.page.locator('figure.chart summary').first().click();
    assert.ok(await s.page.locator('figure.chart details table').first().isVisible());
    await drillIntoFindings(s);
    await downloadNotice(s.page);
    await downloadXlsx(s.page);
  });
});

describe('the supervisor, JavaScript enabled, at a desktop', { timeout: 300_000 }, () => {
  let s: Session;
  before(async () => {
    s = await openSession(journey.browser, journey.server.baseUrl, {
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    s.page.setDefaultTimeout(30_000);
  });
  after(() => s.context.close());

  test('the progress updates in place, without a reload; then the same month of work', async () => {
    const { page } = s;
    await signInAs(page, 'hd-supervisor');
    await uploadBatch(s, '电脑上传的批次');
    const polling = await page.locator('#batch-progress[data-progress]').count();
    await page.evaluate(() => {
      (globalThis as unknown as { notReloaded: boolean }).notReloaded = true;
    });
    await page.locator('#batch-progress', { hasText: /^已完成：/ }).waitFor({ timeout: 90_000 });
    // Two real PDFs take the job some seconds: the page opened while it was still reading.
    assert.equal(polling, 1, 'the batch was still being read when its page opened');
    const kept = await page.evaluate(
      () => (globalThis as unknown as { notReloaded?: boolean }).notReloaded === true,
    );
    assert.ok(kept, 'the page was updated in place, not reloaded');
    // The results came in with the progress: the list is there without a reload either.
    await page.locator('table.data tbody tr').nth(3).waitFor();
    await confirmAndOpenDashboard(s);
    await filterByStatus(s);
    await checkCharts(page);
    await drillIntoFindings(s);
    await downloadNotice(page);
    await downloadXlsx(page);
  });
});
