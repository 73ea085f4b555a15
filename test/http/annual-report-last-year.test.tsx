// Last year's report beside this year's in the editor, with no script: each cell with last
// year's value and the change, each section as a sentence difference, SAME_AS_LAST_YEAR
// marked on its section; last year's copy taken from the supervisor's batch when the agency
// did not publish here.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import { systemActor } from '../../src/commands/actor.js';
import { sampleReport } from '../../src/reports/render/test-support.js';
import { receivePublishedReport } from '../../src/supervision/commands.js';
import { insertTestAccount } from '../support/accounts.js';
import { hashPassword } from '../../src/auth/password.js';
import { replaceRoles } from '../../src/auth/account-repository.js';
import { DEMO_PASSWORD } from '../../src/demo/demo-data.js';
import {
  createTestApp,
  TEST_PASSWORD_PARAMS,
  type TestApp,
  type TestClient,
} from '../support/app.js';

describe('annual report: last year beside this year', () => {
  let t: TestApp;
  let handler: TestClient;
  let draftId = '';
  before(async () => {
    t = await createTestApp({ demo: true, now: '2026-12-01T08:00:00.000Z' });
    handler = await t.signIn('lsw-handler');
    const composed = await handler.post('/console/annual-reports/compose', { year: '2022' });
    assert.equal(composed.status, 303);
    draftId = composed.headers.get('location')!.split('?')[0]!.split('/').pop()!;
  });
  after(() => t.close());

  const editor = async (client: TestClient, id: string) =>
    parse(await (await client.get(`/console/annual-reports/${id}`)).text());

  test('each cell shows last year’s value and the change', async () => {
    const page = await editor(handler, draftId);
    const view = page.querySelector('.last-year')!;
    assert.ok(view, 'the side-by-side view is on the page');
    assert.match(
      page.querySelector('#previous-title')!.parentNode!.textContent,
      /2021年度报告（本平台发布的第\d+版）/,
    );
    const requests = view.querySelectorAll('table.compare-table')[1]!;
    assert.match(requests.querySelector('caption')!.textContent, /表三/);
    const received = requests
      .querySelectorAll('tr')
      .find((tr) =>
        /本年新收政府信息公开申请数量/.test(tr.querySelector('th')?.textContent ?? ''),
      )!;
    const cells = received.querySelectorAll('td').map((td) => td.textContent.replace(/\s+/g, ''));
    // 2021: 9 received (自然人 8); the 2022 draft has none of the demo's 2021 cases.
    assert.ok(
      cells.some((c) => /本年0上年9减9/.test(c)),
      cells.join(' | '),
    );
    assert.ok(
      cells.some((c) => /本年0上年8减8/.test(c)),
      cells.join(' | '),
    );
  });

  test('a section copied from last year is marked SAME_AS_LAST_YEAR, and the difference shows what was added', async () => {
    const root = await editor(handler, draftId);
    const form = root.querySelector('form[aria-label="编辑年度报告"]')!;
    const fields: Record<string, string> = {};
    for (const el of form.querySelectorAll('textarea'))
      fields[el.getAttribute('name')!] = el.textContent;
    const published = await t.db.kysely
      .selectFrom('annual_reports')
      .select('content_json')
      .where('year', '=', 2021)
      .where('status', '=', 'published')
      .executeTakeFirstOrThrow();
    const lastYear = JSON.parse(published.content_json) as {
      sections: { key: string; text: string }[];
    };
    const overview = lastYear.sections.find((s) => s.key === 'overview')!.text;
    fields.section_overview = `${overview}\n本年新增一句。`;
    assert.equal((await handler.post(`/console/annual-reports/${draftId}`, fields)).status, 303);
    const page = await editor(handler, draftId);
    const marked = page.querySelectorAll('.last-year .same-as-last-year');
    assert.ok(marked.length >= 1);
    assert.match(marked[0]!.textContent, /与上年雷同（SAME_AS_LAST_YEAR）/);
    const diff = page.querySelector('.last-year .diff-section .diff')!;
    assert.match(diff.querySelector('ins')!.textContent, /本年新增一句。/);
  });

  test('an agency that published elsewhere: last year is the copy its supervisor received', async () => {
    await insertTestAccount(t.db, 'elsewhere');
    await t.db.kysely
      .updateTable('accounts')
      .set({ password_hash: await hashPassword(DEMO_PASSWORD, TEST_PASSWORD_PARAMS) })
      .where('id', '=', 'elsewhere')
      .execute();
    await replaceRoles(t.db.kysely, 'elsewhere', ['handler']);
    const lastYear = { ...sampleReport(), year: 2025 };
    const received = await receivePublishedReport(t.deps, systemActor('测试'), {
      agencyId: 'agency-elsewhere',
      year: 2025,
      report: lastYear,
      source: '2025年度报告.docx',
    });
    assert.ok(received.ok);
    const office = await t.signIn('elsewhere');
    const composed = await office.post('/console/annual-reports/compose', { year: '2026' });
    const id = composed.headers.get('location')!.split('?')[0]!.split('/').pop()!;
    const page = await editor(office, id);
    assert.match(
      page.querySelector('#previous-title')!.parentNode!.textContent,
      /上级机关核查时收到的文件“2025年度报告\.docx”/,
    );
    assert.equal(page.querySelectorAll('.last-year table.compare-table').length, 3);
  });
});
