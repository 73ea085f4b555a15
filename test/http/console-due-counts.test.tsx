// The console home tells request-handling staff how many cases are overdue or due soon (the
// daily digest's sorting), and says nothing of it to other roles.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import { createTestApp, type TestApp } from '../support/app.js';

describe('console home: the request clock', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ demo: true, now: '2026-12-01T01:00:00.000Z' });
  });
  after(() => t.close());

  const section = async (user: string) => {
    const page = parse(await (await (await t.signIn(user)).get('/console')).text());
    return page.querySelector('#due-title')?.parentNode ?? null;
  };

  test('a handler sees the demo overdue case and a link to the work list', async () => {
    const s = await section('lsw-handler');
    assert.ok(s);
    const text = s.textContent.replace(/\s+/g, ' ');
    assert.match(text, /已超过答复期限 1 件，3个工作日内到期 \d+ 件/);
    assert.equal(s.querySelector('a')?.getAttribute('href'), '/console/requests');
  });

  test('a closed case no longer counts', async () => {
    await t.db.kysely
      .updateTable('requests')
      .set({
        state: 'closed',
        closure: 'withdrawn',
        outcome: 'other.other',
        closed_on: '2026-12-01',
      })
      .where('tracking_number', '=', 'GK-DEM0-2026-55')
      .execute();
    const s = await section('lsw-head');
    assert.match(s?.textContent ?? '', /没有已超期或3个工作日内到期的申请/);
  });

  test('a publisher is not shown the request clock', async () => {
    assert.equal(await section('lsw-publisher'), null);
  });
});
