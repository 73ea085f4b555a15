// The console shell: the home page needs a sign-in, the header shows the agency and the
// account, supervisors get the agency switcher, the navigation follows the roles.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse, type HTMLElement } from 'node-html-parser';
import { currentNavHref, navFor } from '../../src/console/nav.js';
import { consoleNav } from '../../src/features.js';
import { createTestApp, type TestApp } from '../support/app.js';

function text(el: HTMLElement | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('console home', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ demo: true, now: '2024-09-27T08:00:00.000Z' });
  });
  after(() => t.close());

  test('a visitor is sent to the sign-in page and comes back afterwards', async () => {
    const res = await t.client().get('/console');
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/console/login?next=%2Fconsole');
  });

  test('a handler sees the agency, the roles, a sign-out form and no switcher', async () => {
    const handler = await t.signIn('lsw-handler');
    const res = await handler.get('/console');
    assert.equal(res.status, 200);
    const root = parse(await res.text());
    assert.equal(text(root.querySelector('h1')), '工作台');
    assert.match(text(root.querySelector('header')), /当前机关：灵山卫街道办事处/);
    assert.match(text(root.querySelector('header')), /演示承办人（承办人）/);
    const logout = root.querySelector('form[action="/console/logout"]');
    assert.equal(logout?.getAttribute('method'), 'post');
    assert.equal(
      logout?.querySelector('input[name="_csrf"]')?.getAttribute('value'),
      handler.csrfToken,
    );
    assert.equal(root.querySelector('form[action="/console/agency"]'), null);
    assert.equal(
      root.querySelector('nav.console-nav a[aria-current="page"]')?.getAttribute('href'),
      '/console',
    );
    const main = text(root.querySelector('main'));
    assert.match(main, /2024年度政府信息公开工作年度报告应于2025年1月31日前向社会公布/);
    assert.match(main, /距今还有126天/);
    // The demo agency has no fax, e-mail or web address: the home page says what to fill in.
    assert.match(main, /尚未填写——传真号码、电子邮箱、网址/);
  });

  test('a district supervisor can switch to the 街道, and the switch comes back to the page', async () => {
    const sup = await t.signIn('hd-supervisor');
    const root = parse(await (await sup.get('/console')).text());
    const form = root.querySelector('form[action="/console/agency"]');
    assert.ok(form, 'the switcher is shown');
    const label = form.querySelector('label');
    const select = form.querySelector('select');
    assert.equal(label?.getAttribute('for'), select?.getAttribute('id'));
    const options = form.querySelectorAll('option').map((o) => text(o));
    assert.deepEqual(options, ['青岛市黄岛区人民政府', '灵山卫街道办事处']);
    const target =
      form
        .querySelectorAll('option')
        .find((o) => text(o) === '灵山卫街道办事处')
        ?.getAttribute('value') ?? '';
    const res = await sup.post('/console/agency', { agencyId: target, next: '/console' });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/console');
    const after = parse(await (await sup.get('/console')).text());
    assert.match(text(after.querySelector('header')), /当前机关：灵山卫街道办事处/);
    assert.equal(after.querySelector('option[selected]')?.textContent, '灵山卫街道办事处');
  });

  test('signing out ends the session: /console asks for a sign-in again', async () => {
    const head = await t.signIn('lsw-head');
    assert.equal((await head.get('/console')).status, 200);
    const out = await head.post('/console/logout');
    assert.equal(out.status, 303);
    assert.equal((await head.get('/console')).status, 303);
  });

  test('every link in the console navigation leads to a page that exists', async () => {
    const accountFor: Record<string, string> = {
      handler: 'lsw-handler',
      office_head: 'lsw-head',
      reviewer: 'lsw-reviewer',
      publisher: 'lsw-publisher',
      supervisor: 'hd-supervisor',
      admin: 'lsw-admin',
    };
    for (const item of consoleNav) {
      const username = accountFor[item.roles?.[0] ?? 'handler'] ?? 'lsw-handler';
      const client = await t.signIn(username);
      const res = await client.get(item.href);
      assert.equal(res.status, 200, `${item.label} ${item.href} as ${username}`);
    }
  });

  test('the sign-in page uses the shell without navigation', async () => {
    const root = parse(await (await t.client().get('/console/login')).text());
    assert.equal(root.querySelector('nav.console-nav'), null);
    assert.ok(root.querySelector('main#main'));
    assert.ok(root.querySelector('label[for="field-username"]'));
  });
});

describe('console navigation by role', () => {
  const items = [
    { href: '/console', label: '工作台' },
    { href: '/console/calendar', label: '日历', roles: ['admin'] as const },
    {
      href: '/console/reports/check',
      label: '年度报告核查',
      roles: ['supervisor', 'office_head'] as const,
    },
  ];

  test('links carry only to roles that may use them', () => {
    assert.deepEqual(
      navFor(['handler'], items).map((i) => i.label),
      ['工作台'],
    );
    assert.deepEqual(
      navFor(['admin'], items).map((i) => i.label),
      ['工作台', '日历'],
    );
    assert.deepEqual(
      navFor(['supervisor', 'admin'], items).map((i) => i.label),
      ['工作台', '日历', '年度报告核查'],
    );
  });

  test('a sub-page marks its section, not the home', () => {
    assert.equal(currentNavHref('/console', items), '/console');
    assert.equal(currentNavHref('/console/calendar/2025', items), '/console/calendar');
    assert.equal(currentNavHref('/console/calendarx', items), null);
  });

  test('every registered console link starts at /console and is unique', () => {
    const hrefs = consoleNav.map((i) => i.href);
    assert.ok(hrefs.every((h) => h === '/console' || h.startsWith('/console/')));
    assert.equal(new Set(hrefs).size, hrefs.length);
  });
});
