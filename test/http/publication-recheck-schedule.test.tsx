// The round the yearly schedule starts, as the officers meet it in the console: in the list
// of rounds beside those started by hand, open, and decided item by item the same way.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import { startPeriodicRechecks } from '../../src/publications/recheck-job.js';
import { createTestApp, type TestApp } from '../support/app.js';

const text = (html: string) => parse(html).textContent.replace(/\s+/g, ' ');
const RECHECKS = '/console/publications/rechecks';

describe('the scheduled re-check round in the console', () => {
  let t: TestApp;
  before(async () => {
    // 09:00 on 1 January 2022 in Beijing.
    t = await createTestApp({ demo: true, now: '2022-01-01T01:00:00.000Z' });
  });
  after(() => t.close());

  test('the officers see the system’s open round in their list and decide in it as in one started by hand', async () => {
    const run = await startPeriodicRechecks(t.deps);
    assert.equal(run.started.length, 1);
    const roundId = run.started[0]?.roundId ?? '';

    const handler = await t.signIn('lsw-handler');
    const list = await (await handler.get(RECHECKS)).text();
    const row = parse(list)
      .querySelectorAll('tr')
      .find((tr) => tr.querySelector(`a[href="${RECHECKS}/${roundId}"]`));
    assert.ok(row, 'the round is listed with a link to it');
    assert.match(text(row.innerHTML), /2022年度已公开信息清查/);
    assert.match(text(row.innerHTML), /系统（每年定期清查）/);
    assert.match(text(row.innerHTML), /0\/179/);
    assert.match(text(row.innerHTML), /进行中/);
    assert.match(text(list), /每年1月1日起，系统自动为本机关发起当年度清查/);

    const reviewer = await t.signIn('lsw-reviewer');
    const roundPath = `${RECHECKS}/${roundId}`;
    const page = text(await (await reviewer.get(roundPath)).text());
    assert.match(page, /由系统（每年定期清查）发起，共 179 条，已核查 0 条/);
    const item = await t.db.kysely
      .selectFrom('publication_recheck_items')
      .select('publication_id')
      .where('recheck_id', '=', roundId)
      .orderBy('publication_id')
      .executeTakeFirstOrThrow();
    const id = item.publication_id;
    const kept = await reviewer.post(`${roundPath}/items/${id}`, {
      [`decision-${id}`]: 'kept',
      [`opinion-${id}`]: '仍在有效期内，继续公开。',
    });
    assert.equal(kept.status, 303);
    assert.match(text(await (await reviewer.get(roundPath)).text()), /已核查 1 条/);

    // A second run the same year starts nothing more.
    t.clock.advance(60 * 60_000);
    assert.deepEqual((await startPeriodicRechecks(t.deps)).started, []);
    const rows = parse(await (await handler.get(RECHECKS)).text()).querySelectorAll('tbody tr');
    assert.equal(rows.length, 1);
  });
});
