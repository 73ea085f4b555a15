// A re-check round (清查) of 179 items over HTTP: the round page a page of 50 at a time,
// filtered by outcome and searched by title, 索引号 or 文号, with the counts; the bulk
// 「继续公开」 (all or nothing, at most 100, back to the same page); an item's own page with
// the withdrawal; and who may do what (403 for those without the permission).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import { createTestApp, type TestApp, type TestClient } from '../support/app.js';

const text = (html: string) => parse(html).textContent.replace(/\s+/g, ' ');
/** The ids of the checkboxes of the round page: the items still to check on this page. */
const checkable = (html: string) =>
  parse(html)
    .querySelectorAll('input[name="items"]')
    .map((i) => i.getAttribute('value') ?? '');
const rowCount = (html: string) =>
  parse(html)
    .querySelectorAll('table.data tbody tr')
    .filter((tr) => tr.querySelectorAll('td').length > 1).length;

describe('a re-check round page at size', () => {
  let t: TestApp;
  let reviewer: TestClient;
  before(async () => {
    t = await createTestApp({ demo: true, now: '2022-03-01T02:00:00.000Z' });
    reviewer = await t.signIn('lsw-reviewer');
  });
  after(() => t.close());

  async function newRound(title: string): Promise<string> {
    await reviewer.get('/console/publications/rechecks');
    const started = await reviewer.post('/console/publications/rechecks', { title });
    assert.equal(started.status, 303);
    return (started.headers.get('location') ?? '').split('?')[0] ?? '';
  }

  test('fifty items a page, in the database, with the pages linked and the counts shown', async () => {
    const round = await newRound('分页清查');
    const first = await (await reviewer.get(round)).text();
    assert.equal(rowCount(first), 50);
    assert.equal(checkable(first).length, 50);
    assert.match(text(first), /共 179 条，第 1\/4 页/);
    assert.match(text(first), /全部（179）/);
    assert.match(text(first), /待核查（179）/);
    assert.match(first, new RegExp(`href="${round}\\?page=2"`));
    const last = await (await reviewer.get(`${round}?page=4`)).text();
    assert.equal(rowCount(last), 29);
    // No item twice across the pages.
    const all = new Set<string>();
    for (let p = 1; p <= 4; p++)
      for (const id of checkable(await (await reviewer.get(`${round}?page=${p}`)).text()))
        all.add(id);
    assert.equal(all.size, 179);
    const bad = text(await (await reviewer.get(`${round}?outcome=maybe&page=x`)).text());
    assert.match(bad, /清查结论“maybe”无效/);
    assert.match(bad, /页码“x”无效/);
  });

  test('the search finds by title, 索引号 and 文号; the outcome filter lists only its items', async () => {
    const round = await newRound('检索清查');
    const item = await t.db.kysely
      .selectFrom('publications')
      .select(['id', 'title', 'index_number', 'document_number'])
      .where('index_number', '=', '11370211D00000021X/2021-00053')
      .executeTakeFirstOrThrow();
    const byIndex = await (await reviewer.get(`${round}?q=2021-00053`)).text();
    assert.deepEqual(checkable(byIndex), [item.id]);
    assert.match(text(byIndex), /共 1 条/);
    const byTitle = await (
      await reviewer.get(`${round}?q=${encodeURIComponent(item.title.slice(0, 12))}`)
    ).text();
    assert.ok(checkable(byTitle).includes(item.id));
    if (item.document_number) {
      const byNumber = await (
        await reviewer.get(`${round}?q=${encodeURIComponent(item.document_number)}`)
      ).text();
      assert.ok(checkable(byNumber).includes(item.id));
    }
    const none = text(
      await (await reviewer.get(`${round}?q=${encodeURIComponent('没有这样的标题')}`)).text(),
    );
    assert.match(none, /没有符合条件的信息/);
    // Wildcards are literal.
    assert.match(text(await (await reviewer.get(`${round}?q=%25`)).text()), /共 0 条/);

    const ids = checkable(await (await reviewer.get(round)).text()).slice(0, 3);
    const kept = await reviewer.post(`${round}/keep`, {
      items: ids,
      opinion: '仍然有效',
      back: '',
    });
    assert.equal(kept.status, 303);
    const keptPage = await (await reviewer.get(`${round}?outcome=kept`)).text();
    assert.equal(rowCount(keptPage), 3);
    assert.equal(checkable(keptPage).length, 0);
    assert.match(text(keptPage), /继续公开（3）/);
    assert.match(text(keptPage), /待核查（176）/);
    assert.match(text(keptPage), /继续公开（演示保密审查员.*：仍然有效/);
    const pending = await (await reviewer.get(`${round}?outcome=pending&page=4`)).text();
    assert.equal(rowCount(pending), 26);
    assert.ok(ids.every((id) => !checkable(pending).includes(id)));
  });

  test('bulk 继续公开 returns to the same page; all or nothing; none or over 100 refused', async () => {
    const round = await newRound('批量清查');
    const page2 = await (await reviewer.get(`${round}?outcome=pending&page=2`)).text();
    // The form carries the view it was shown in.
    assert.match(page2, /name="back" value="outcome=pending&amp;page=2"/);
    const ids = checkable(page2).slice(0, 4);
    const ok = await reviewer.post(`${round}/keep`, {
      items: ids,
      opinion: '经核查仍宜公开',
      back: 'outcome=pending&page=2',
    });
    assert.equal(ok.status, 303);
    assert.equal(ok.headers.get('location'), `${round}?outcome=pending&page=2&kept=4`);
    assert.match(
      text(await (await reviewer.get(ok.headers.get('location') ?? '')).text()),
      /已将所勾选的 4 条信息记录为继续公开/,
    );

    // One of them again, with two still to check: nothing is kept, the form keeps the choice.
    const fresh = checkable(await (await reviewer.get(`${round}?outcome=pending`)).text()).slice(
      0,
      2,
    );
    const mixed = await reviewer.post(`${round}/keep`, {
      items: [...fresh, ids[0] ?? ''],
      opinion: '再次核查',
      back: 'outcome=pending',
    });
    assert.equal(mixed.status, 400);
    const refused = await mixed.text();
    assert.match(text(refused), /未保存任何结论：.*在本次清查中已有结论/);
    assert.match(refused, new RegExp(`value="${fresh[0]}" checked`));
    assert.match(refused, /再次核查<\/textarea>/);
    const counts = text(await (await reviewer.get(round)).text());
    assert.match(counts, /继续公开（4）/);

    const none = await reviewer.post(`${round}/keep`, { opinion: '仍有效', back: '' });
    assert.equal(none.status, 400);
    assert.match(text(await none.text()), /请勾选要继续公开的信息/);
    const all = new Set<string>();
    for (let p = 1; p <= 3; p++)
      for (const id of checkable(await (await reviewer.get(`${round}?page=${p}`)).text()))
        all.add(id);
    const over = await reviewer.post(`${round}/keep`, {
      items: [...all].slice(0, 101),
      opinion: '仍有效',
      back: '',
    });
    assert.equal(over.status, 400);
    assert.match(text(await over.text()), /一次最多勾选 100 条信息，您勾选了 101 条/);
    assert.match(text(await (await reviewer.get(round)).text()), /继续公开（4）/);
    // A `back` that is not the round page's query cannot send the browser elsewhere.
    const [one] = fresh;
    const away = await reviewer.post(`${round}/keep`, {
      items: [one ?? ''],
      opinion: '仍有效',
      back: '//evil.example/x?outcome=<b>',
    });
    assert.equal(away.status, 303);
    assert.ok((away.headers.get('location') ?? '').startsWith(`${round}?`));
  });

  test('an item’s own page shows its catalogue entry and withdraws it, back to the same page', async () => {
    const round = await newRound('逐条清查');
    const id = checkable(await (await reviewer.get(`${round}?page=3`)).text())[0] ?? '';
    const list = await (await reviewer.get(`${round}?page=3`)).text();
    assert.match(list, new RegExp(`href="${round}/items/${id}\\?back=page%3D3"`));
    const itemPage = `${round}/items/${id}`;
    const page = await reviewer.get(`${itemPage}?back=page%3D3`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(text(html), /信息目录/);
    assert.match(text(html), /索引号/);
    assert.match(text(html), /撤回（原网址显示撤回说明）/);
    assert.match(html, new RegExp(`href="${round}\\?page=3"`));

    const missing = await reviewer.post(itemPage, {
      [`decision-${id}`]: 'withdrawn',
      back: 'page=3',
    });
    assert.equal(missing.status, 400);
    const again = await missing.text();
    assert.match(text(again), /请填写清查意见/);
    assert.match(again, /value="withdrawn" checked/);
    const done = await reviewer.post(itemPage, {
      [`decision-${id}`]: 'withdrawn',
      [`opinion-${id}`]: '内容已过时，不宜继续公开。',
      back: 'page=3',
    });
    assert.equal(done.status, 303);
    assert.equal(done.headers.get('location'), `${round}?page=3&done=decided`);
    const state = await t.db.kysely
      .selectFrom('publications')
      .select('state')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(state.state, 'withdrawn');
    assert.match(
      text(await (await reviewer.get(`${round}?outcome=withdrawn`)).text()),
      /内容已过时/,
    );
    // Decided: the page now says the finding instead of the form.
    const decided = text(await (await reviewer.get(itemPage)).text());
    assert.match(decided, /已撤回（/);
    assert.doesNotMatch(decided, /保存结论/);
    assert.equal(
      (await reviewer.get(`${round}/items/00000000-0000-4000-8000-000000000000`)).status,
      404,
    );
  });

  test('those without the permission read the round but get 403 on the item page and the bulk keep', async () => {
    const round = await newRound('权限清查');
    const id = checkable(await (await reviewer.get(round)).text())[0] ?? '';
    for (const username of ['lsw-publisher', 'lsw-handler']) {
      const other = await t.signIn(username);
      const page = await other.get(round);
      assert.equal(page.status, 200);
      const html = await page.text();
      assert.equal(checkable(html).length, 0);
      assert.doesNotMatch(html, /核查或撤回/);
      assert.match(text(html), /第 1\/4 页/);
      assert.equal((await other.get(`${round}/items/${id}`)).status, 403);
      assert.equal(
        (await other.post(`${round}/keep`, { items: [id], opinion: '仍有效', back: '' })).status,
        403,
      );
    }
    const counts = text(await (await reviewer.get(round)).text());
    assert.match(counts, /继续公开（0）/);
  });
});
