// The working-day calendar is national: only the platform administrator (an administrator
// of the agency at the top of the tree) changes it. Hand corrections are marked and named in
// a later import's preview; from November the missing next year is called out; a failed
// import's errors come first on the page and take focus.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { parse, type HTMLElement } from 'node-html-parser';
import { createTestApp, type TestApp, type TestClient } from '../support/app.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../src/calendar/fixtures/${name}`, import.meta.url), 'utf8');
const text = (el: HTMLElement | null | undefined) =>
  (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const page = async (res: Response) => parse(await res.text());

function postMultipart(client: TestClient, path: string, fields: Record<string, string>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('_csrf', client.csrfToken);
  return client.fetch(path, { method: 'POST', body: form });
}

const REMINDER = '尚未载入2027年的节假日安排，国务院办公厅通知发布后请及时导入';

describe('the calendar belongs to the platform administrator', () => {
  let t: TestApp;
  let platform: TestClient;
  let lower: TestClient;
  before(async () => {
    t = await createTestApp({ demo: true, now: '2026-11-20T02:00:00.000Z' });
    platform = await t.signIn('hd-platform');
    lower = await t.signIn('lsw-admin');
  });
  after(() => t.close());

  test('an administrator below the top reads the calendar, cannot change it, and is told who can', async () => {
    assert.notEqual(t.demo!.agency.parentId, null, 'lsw-admin is below the top');
    const res = await lower.get('/console/calendar');
    assert.equal(res.status, 200);
    const root = await page(res);
    assert.ok(root.querySelector('section[aria-labelledby="days-title"] tbody tr'));
    assert.equal(root.querySelector('form[action="/console/calendar/preview"]'), null);
    assert.equal(root.querySelector('form[action="/console/calendar/day"]'), null);
    assert.match(
      text(root.querySelector('main')),
      /只能由平台管理员（青岛市黄岛区人民政府的系统管理员）导入节假日安排或更正单日/,
    );
    assert.doesNotMatch(text(root.querySelector('main')), /尚未载入2027年/);

    const day = await lower.post('/console/calendar/day', { date: '2026-03-02', kind: 'holiday' });
    assert.equal(day.status, 403);
    assert.match(await day.text(), /工作日历全国统一，只有平台管理员/);
    const preview = await postMultipart(lower, '/console/calendar/preview', {
      text: fixture('notice-2026.txt'),
    });
    assert.equal(preview.status, 403);
    const save = await lower.post('/console/calendar/save', {
      payload: Buffer.from(fixture('notice-2026.txt')).toString('base64'),
      fileName: '',
    });
    assert.equal(save.status, 403);
    const stored = await t.db.kysely
      .selectFrom('calendar_days')
      .select('kind')
      .where('date', '=', '2026-03-02')
      .executeTakeFirst();
    assert.equal(stored, undefined, 'nothing changed');
  });

  test('from November the platform administrator is told next year is missing, on the console and the calendar', async () => {
    const home = await page(await platform.get('/console'));
    assert.match(text(home.querySelector('main')), new RegExp(REMINDER));
    const cal = await page(await platform.get('/console/calendar'));
    assert.match(text(cal.querySelector('main')), new RegExp(REMINDER));
    assert.doesNotMatch(
      text((await page(await lower.get('/console'))).querySelector('main')),
      /尚未载入/,
    );
  });

  test('a hand correction is marked 「人工更正」, and a later import names it before overwriting it', async () => {
    const corrected = await platform.post('/console/calendar/day', {
      date: '2026-03-02',
      kind: 'holiday',
      name: '临时调整',
    });
    assert.equal(corrected.status, 303);
    const root = await page(await platform.get('/console/calendar?year=2026'));
    const row = root
      .querySelectorAll('section[aria-labelledby="days-title"] tbody tr')
      .find((r) => text(r).startsWith('2026-03-02'));
    assert.match(text(row), /临时调整\s*人工更正/);
    const other = root
      .querySelectorAll('section[aria-labelledby="days-title"] tbody tr')
      .find((r) => text(r).startsWith('2026-10-10'));
    assert.doesNotMatch(text(other), /人工更正/);

    const preview = await page(
      await postMultipart(platform, '/console/calendar/preview', {
        text: fixture('notice-2026.txt'),
      }),
    );
    assert.match(
      text(preview.querySelector('section[aria-labelledby="manual-title"]')),
      /将覆盖的人工更正（1天）.*2026-03-02（星期一）：现为“放假（临时调整）”/,
    );
    const payload = preview.querySelector('input[name="payload"]')?.getAttribute('value') ?? '';
    assert.equal(
      (await platform.post('/console/calendar/save', { payload, fileName: '' })).status,
      303,
    );
    const after = await page(await platform.get('/console/calendar?year=2026'));
    assert.doesNotMatch(
      text(after.querySelector('section[aria-labelledby="days-title"]')),
      /人工更正/,
    );
  });

  test('a failed import puts the error summary first in <main>, with autofocus', async () => {
    const res = await postMultipart(platform, '/console/calendar/preview', {
      text: '今年元旦放假三天',
    });
    assert.equal(res.status, 400);
    const main = (await page(res)).querySelector('main');
    const first = main?.childNodes.find((n) => n.nodeType === 1) as HTMLElement | undefined;
    assert.equal(first?.getAttribute('class'), 'error-summary');
    assert.equal(first?.hasAttribute('autofocus'), true);
    assert.equal(first?.getAttribute('tabindex'), '-1');
    assert.ok(first?.querySelector('a[href="#field-text"]'));
    assert.equal(main?.querySelectorAll('.error-summary').length, 1, 'one summary only');
  });
});
