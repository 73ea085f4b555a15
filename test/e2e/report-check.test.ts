// The console's report check in a real browser, JavaScript off on a phone: upload the seed,
// read a marked cell's finding number on screen, follow it to the finding and the finding's
// link back to the cell, and see a reading note's cells marked apart — while the wide
// table scrolls in its own box, not the page. Every page is checked with axe and the CSP.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Locator } from 'playwright-core';
import { assertAccessible, openSession, signInAs, type Session } from './support/session.js';
import { useJourney } from './support/journey.js';

// These callbacks run in the browser; the project compiles without the DOM library, so the
// browser globals used are declared here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const document: any;
declare function getComputedStyle(el: unknown): { outlineStyle: string; overflowX: string };

const journey = useJourney();

/** The text a sighted reader sees in a cell's mark: without the words for screen readers. */
const seen = (mark: Locator) =>
  mark.evaluate((el) => {
    const copy = el.cloneNode(true) as typeof el;
    for (const h of copy.querySelectorAll('.visually-hidden')) h.remove();
    return (copy.textContent ?? '').replace(/\s+/g, '');
  });

const seed = readFileSync(
  new URL('../fixtures/reports/seed-2021-lingshanwei.txt', import.meta.url),
);

describe('the console report check, JavaScript disabled, on a phone', { timeout: 180_000 }, () => {
  let s: Session;
  before(async () => {
    s = await openSession(journey.browser, journey.server.baseUrl, {
      javaScriptEnabled: false,
      viewport: { width: 375, height: 812 },
    });
    s.page.setDefaultTimeout(30_000);
  });
  after(() => s.context.close());

  test('a cell shows its finding number; the number and the finding link to each other', async () => {
    const { page } = s;
    await signInAs(page, 'hd-supervisor');
    await page.goto('/console/reports/check');
    await assertAccessible(s);
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: '灵山卫街道2021年度报告.txt', mimeType: 'text/plain', buffer: seed });
    await page.getByRole('button', { name: '开始检查' }).click();
    await page.getByRole('heading', { name: '年度报告检查结果' }).waitFor();
    await assertAccessible(s);

    // 一、本年新收 / 总计: the misplaced total. Its numbers are visible, not only read out.
    const cell = page.locator('[id="report-1-cell-requests-received-total"]');
    const numbers = cell.locator('.mark-numbers a');
    assert.ok((await numbers.count()) >= 2);
    const shown = await seen(cell.locator('.mark-numbers'));
    assert.match(shown, /^✗\d+(、\d+)+$/);
    const n = (await numbers.first().innerText()).trim();
    assert.ok(await numbers.first().isVisible());

    await numbers.first().click();
    await page.waitForURL(new RegExp(`#report-1-finding-${n}$`));
    const finding = page.locator(`[id="report-1-finding-${n}"]`);
    assert.ok(await finding.isVisible());
    await finding.getByRole('link', { name: `在表中查看第${n}条` }).click();
    await page.waitForURL(/#report-1-cell-requests-/);
    const target = decodeURIComponent(new URL(page.url()).hash.slice(1));
    assert.ok(
      await page
        .locator(`[id="${target}"] .mark-numbers a`, { hasText: new RegExp(`^${n}$`) })
        .count(),
      'the first cell of the finding cites it',
    );

    // A reading note's cells: a dotted frame and 「?」 with the note's number, not ✗ or !.
    const note = page.locator('td.cell-note').first();
    assert.match(await seen(note.locator('.mark-numbers')), /^\?\d+$/);
    assert.equal(await note.evaluate((td) => getComputedStyle(td).outlineStyle), 'dotted');

    // A table wider than the screen scrolls in its own box; the page never scrolls sideways.
    const box = page.locator('#report-1-table-requests').locator('xpath=..');
    assert.equal(await box.evaluate((el) => getComputedStyle(el).overflowX), 'auto');
    const [scrollWidth, clientWidth] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    assert.ok(scrollWidth! <= clientWidth!, `the page does not scroll sideways (${scrollWidth})`);
  });
});
