// The audit log reads as names and fields in Chinese, filters by subject type, person, date
// and action group, shows the national calendar's changes to the platform administrator, and
// every action stored after the demo and the console flows has a Chinese label.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { parse, type HTMLElement } from 'node-html-parser';
import { FEATURES, platformOf } from '../../src/features.js';

const labels = platformOf(FEATURES).auditLabels;
import { createTestApp, type TestApp, type TestClient } from '../support/app.js';

const text = (el: HTMLElement | null | undefined) =>
  (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const page = async (res: Response) => parse(await res.text());
const rows = (root: HTMLElement) =>
  root.querySelectorAll('main > table.data > tbody > tr').map((r) => text(r));

describe('a readable audit log', () => {
  let t: TestApp;
  let platform: TestClient;
  let lower: TestClient;
  before(async () => {
    t = await createTestApp({ demo: true, now: '2026-11-20T02:00:00.000Z' });
    platform = await t.signIn('hd-platform');
    lower = await t.signIn('lsw-admin');
    // A change with fields: the street office's short name, by its administrator.
    const id = t.demo!.agency.id;
    const form = await page(await lower.get(`/console/agencies/${id}/edit`));
    const fields: Record<string, string> = {};
    for (const input of form.querySelectorAll(
      'form[method="post"] input, form[method="post"] select',
    )) {
      const name = input.getAttribute('name');
      if (!name || name === '_csrf') continue;
      fields[name] =
        input.tagName === 'SELECT'
          ? (input.querySelector('option[selected]')?.getAttribute('value') ?? '')
          : (input.getAttribute('value') ?? '');
    }
    fields.shortName = '灵山卫街道（新）';
    const saved = await lower.post(`/console/agencies/${id}`, fields);
    assert.equal(saved.status, 303, 'the agency edit is saved');
  });
  after(() => t.close());

  test('names instead of ids, and the change as 字段 / 修改前 / 修改后', async () => {
    const root = await page(await lower.get('/console/audit'));
    const all = rows(root);
    const update = root
      .querySelectorAll('main > table.data > tbody > tr')
      .find((r) => text(r).includes('修改机关信息'));
    assert.ok(update, 'the agency update is listed');
    assert.match(text(update), /机关：灵山卫街道办事处/);
    assert.match(text(update), /演示系统管理员（lsw-admin）/);
    const change = update.querySelector('table');
    assert.deepEqual(
      change?.querySelectorAll('thead th').map((th) => text(th)),
      ['字段', '修改前', '修改后'],
    );
    assert.match(text(change), /机关简称\s*灵山卫街道\s*灵山卫街道（新）/);
    for (const line of all) {
      assert.doesNotMatch(line, /[0-9a-f]{8}-[0-9a-f]{4}-/, `no UUID shown: ${line}`);
    }
    assert.match(text(root.querySelector('nav.pager')), /共 \d+ 条，第 1\/\d+ 页/);
  });

  test('filters: subject type, person, without sign-ins, date range; bad values are ignored and said', async () => {
    const accounts = rows(await page(await lower.get('/console/audit?subjectType=agency')));
    assert.ok(accounts.length >= 2);
    for (const line of accounts) assert.match(line, /机关：/);

    const actor = t.demo!.accounts['lsw-admin'] ?? '';
    const mine = rows(await page(await lower.get(`/console/audit?actor=${actor}`)));
    assert.ok(mine.length >= 2);
    for (const line of mine) assert.match(line, /演示系统管理员（lsw-admin）/);

    const noSessions = rows(await page(await lower.get('/console/audit?group=no-sessions')));
    assert.ok(noSessions.some((l) => l.includes('修改机关信息')));
    for (const line of noSessions) assert.doesNotMatch(line, /\d\s*登录|退出登录|登录失败/);

    const today = rows(await page(await lower.get('/console/audit?from=2026-11-20&to=2026-11-20')));
    assert.ok(today.length > 0);
    const earlier = await page(await lower.get('/console/audit?to=2026-11-19'));
    assert.deepEqual(rows(earlier), ['没有符合条件的记录。']);

    const bad = await lower.get(
      "/console/audit?subjectType=account'--&from=2026-02-30&sort=seq;drop&page=x",
    );
    assert.equal(bad.status, 200);
    const badRoot = await page(bad);
    assert.match(
      text(badRoot.querySelector('.notice.warn')),
      /对象类型.*无效.*起始日期.*不是有效日期/,
    );
    assert.ok(rows(badRoot).length > 2, 'the unfiltered list');
  });

  test('the oldest-first sort is a link on the time header with aria-sort', async () => {
    const root = await page(await lower.get('/console/audit'));
    const th = root.querySelector('main > table.data > thead th[aria-sort]');
    assert.equal(th?.getAttribute('aria-sort'), 'descending');
    const href = th?.querySelector('a')?.getAttribute('href') ?? '';
    const asc = await page(await lower.get(href));
    const firstCell = asc.querySelector('main > table.data > tbody > tr > td');
    assert.equal(text(firstCell), '1', 'the first event first');
  });

  test('a calendar import appears in the platform administrator’s audit log, not below', async () => {
    const notice = readFileSync(
      new URL('../../src/calendar/fixtures/notice-2026.txt', import.meta.url),
      'utf8',
    );
    const form = new FormData();
    form.append('text', notice);
    form.append('_csrf', platform.csrfToken);
    const preview = await page(
      await platform.fetch('/console/calendar/preview', { method: 'POST', body: form }),
    );
    const payload = preview.querySelector('input[name="payload"]')?.getAttribute('value') ?? '';
    assert.equal(
      (await platform.post('/console/calendar/save', { payload, fileName: '' })).status,
      303,
    );

    const log = await page(await platform.get('/console/audit?chain=system'));
    const line = rows(log).find((l) => l.includes('导入节假日安排'));
    assert.ok(line, 'the import is listed');
    assert.match(line, /演示平台管理员（hd-platform）.*工作日历：2026年/);
    assert.ok(
      log.querySelector('select[name="chain"] option[value="system"]'),
      'the platform chain is offered',
    );
    assert.equal((await lower.get('/console/audit?chain=system')).status, 403);
  });

  test('every action stored after the demo and these flows has a Chinese label', async () => {
    const actions = await t.db.kysely
      .selectFrom('audit_events')
      .select('action')
      .distinct()
      .execute();
    const names = actions.map((a) => a.action);
    for (const expected of [
      'demo.account.create',
      'auth.login',
      'agency.update',
      'calendar.import',
    ])
      assert.ok(names.includes(expected), expected);
    assert.deepEqual(
      names.filter((a) => !labels.hasAction(a)),
      [],
    );
  });
});
