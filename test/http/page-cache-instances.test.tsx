// Two app instances over one database, each with its own page cache, as behind a load
// balancer: an item withdrawn through one disappears from the other's kept pages within the
// staleness bound (decision 0029: at once on SQLite, within STALENESS_BOUND_MS on PostgreSQL),
// and on PostgreSQL the other instance survives losing its listening connection — changes
// still show within the bound while it is gone, and pages are kept again once it is back.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql, type KyselyPlugin } from 'kysely';
import { parse } from 'node-html-parser';
import { createApp } from '../../src/app.js';
import { openDatabase, type Db } from '../../src/db/database.js';
import { createTestApp, TestClient, type TestApp } from '../support/app.js';
import { testDialect } from '../support/db.js';
import { newestPublishedItem } from '../support/published-items.js';
import { CHANGE_BOUND_MS, seenWithin } from '../support/seen-within.js';

const text = (html: string) => parse(html).textContent.replace(/\s+/g, ' ');

describe(`the page cache on two instances of one database (${testDialect})`, () => {
  let a: TestApp;
  let dbB: Db;
  let visitorB: TestClient;
  let queriesB = 0;

  before(async () => {
    a = await createTestApp({ demo: true, now: '2024-09-27T08:00:00.000Z' });
    // Instance B: its own connections (and listener), its own app and page cache.
    dbB = openDatabase(a.db.url, { poolSize: 2 });
    const counting: KyselyPlugin = {
      transformQuery: (args) => {
        queriesB++;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const appB = createApp({
      ...a.deps,
      db: { ...dbB, kysely: dbB.kysely.withPlugin(counting) },
    });
    visitorB = new TestClient(appB);
    if (testDialect === 'postgres') assert.ok(await dbB.changes?.whenListening(10_000));
  });
  after(async () => {
    await dbB?.close();
    await a?.close();
  });

  /** B's page at `path`: its text, and how many queries B made for it. */
  async function onB(path: string) {
    queriesB = 0;
    const res = await visitorB.get(path);
    assert.equal(res.status, 200, path);
    return { page: text(await res.text()), queries: queriesB };
  }

  test(`an item withdrawn on A is gone from B's kept pages within ${CHANGE_BOUND_MS} ms`, async () => {
    const item = await newestPublishedItem(a.db.kysely, 'lingshanwei');
    const itemPage = `/agencies/lingshanwei/catalogue/${item.url_key}`;
    const catalogue = '/agencies/lingshanwei/catalogue';
    for (const path of [itemPage, catalogue]) {
      assert.ok((await onB(path)).page.includes(item.title), path);
      const kept = await onB(path);
      assert.equal(kept.queries, 0, `${path} is kept on B`);
      assert.ok(kept.page.includes(item.title));
    }

    const publisher = await a.signIn('lsw-publisher');
    const withdrawn = await publisher.post(`/console/publications/${item.id}/withdraw`, {
      reason: '内容有误，已撤回',
    });
    assert.equal(withdrawn.status, 303);
    const committed = performance.now();

    await seenWithin(async () => /该信息已撤回/.test((await onB(itemPage)).page), committed);
    await seenWithin(async () => !(await onB(catalogue)).page.includes(item.title), committed);
    const again = await onB(itemPage);
    assert.doesNotMatch(again.page, new RegExp(item.title.slice(0, 8)));
  });

  // SQLite has no listening connection: its mark is read from the file on every page.
  if (testDialect === 'postgres') {
    test('B losing its listening connection: changes still show within the bound, and pages are kept again once it is back', async () => {
      const rename = async (name: string) => {
        await a.db.kysely
          .updateTable('agencies')
          .set({ full_name: name })
          .where('slug', '=', 'lingshanwei')
          .execute();
        return performance.now();
      };
      const home = '/agencies/lingshanwei';
      await onB(home);
      const pid = dbB.changes?.backendPid();
      assert.ok(pid);
      await sql`SELECT pg_terminate_backend(${pid})`.execute(a.db.kysely);

      // While it is gone (or before it is known gone), A's change still shows on B in time.
      const first = await rename('青岛市黄岛区灵山卫街道办事处（断线时）');
      await seenWithin(async () => (await onB(home)).page.includes('（断线时）'), first);

      // It comes back by itself, on a new server process, and is vouched for again.
      assert.ok(await dbB.changes?.whenListening(10_000));
      assert.notEqual(dbB.changes?.backendPid(), pid);
      const second = await rename('青岛市黄岛区灵山卫街道办事处（重连后）');
      await seenWithin(async () => (await onB(home)).page.includes('（重连后）'), second);
      await onB(home);
      assert.equal((await onB(home)).queries, 0, 'kept again, no round trip for the mark');
    });
  }
});
