// The console upload of a catalogue export: a publisher checks then imports the messy
// GB18030 file and reads each refused row; imported items are public and escaped, and the
// console's item page says who imported them from which file and line; a handler may not
// import.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import { createTestApp, type TestApp, type TestClient } from '../support/app.js';

const text = (html: string) => parse(html).textContent.replace(/\s+/g, ' ');
const MESSY = readFileSync(join(import.meta.dirname, '../fixtures/catalogue/messy-gb18030.csv'));

function upload(client: TestClient, mode: string, bytes: Uint8Array = MESSY) {
  const form = new FormData();
  form.append('file', new File([bytes], 'messy-gb18030.csv'));
  form.append('mode', mode);
  form.append('_csrf', client.csrfToken);
  return client.fetch('/console/publications/import', { method: 'POST', body: form });
}

describe('catalogue import over HTTP', () => {
  let t: TestApp;
  let publisher: TestClient;
  before(async () => {
    t = await createTestApp({ demo: true });
    publisher = await t.signIn('lsw-publisher');
  });
  after(() => t.close());

  const stored = async () =>
    (
      await t.db.kysely
        .selectFrom('publications')
        .select('id')
        .where('index_number', 'like', '%/2019-001%')
        .execute()
    ).length;

  test('check, then import; each refused row shown with its reason; the items public and escaped', async () => {
    assert.equal((await publisher.get('/console/publications/import')).status, 200);
    const check = await upload(publisher, 'check');
    assert.equal(check.status, 200);
    const checked = text(await check.text());
    assert.match(checked, /检查结果（尚未导入）/);
    assert.match(checked, /可导入 3 条/);
    assert.match(checked, /第 3 行11370211D00000021X\/2019-00102成文日期「2019-02-30」不存在/);
    assert.equal(await stored(), 0);
    const done = await upload(publisher, 'import');
    assert.equal(done.status, 200);
    assert.match(text(await done.text()), /已导入 3 条/);
    assert.equal(await stored(), 3);
    const page = await publisher.get(
      '/agencies/lingshanwei/catalogue/11370211D00000021X-2019-00103',
    );
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.doesNotMatch(html, /<script>alert\(1\)/);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;征地补偿标准的公告/);
    assert.doesNotMatch(html, /onerror/);
    // In the console, the item's history says who imported it, from which file and line.
    const item = await t.db.kysely
      .selectFrom('publications')
      .select(['id', 'created_by', 'published_by'])
      .where('index_number', '=', '11370211D00000021X/2019-00103')
      .executeTakeFirstOrThrow();
    assert.ok(item.created_by);
    assert.equal(item.published_by, item.created_by);
    const consolePage = await publisher.get(`/console/publications/${item.id}`);
    assert.equal(consolePage.status, 200);
    const history = parse(await consolePage.text()).querySelector(
      'section[aria-labelledby=item-history]',
    );
    assert.match(
      history?.textContent.replace(/\s+/g, ' ') ?? '',
      /办理记录.*演示发布员（lsw-publisher）：从原网站目录导入（导入即为已发布）（文件「messy-gb18030.csv」第 4 行）/,
    );
  });

  test('a refused file says why; no file chosen is asked for', async () => {
    const bad = await upload(publisher, 'import', new TextEncoder().encode('序号,标题\n1,x\n'));
    assert.equal(bad.status, 400);
    assert.match(text(await bad.text()), /缺少以下列：索引号、发布机构、成文日期/);
    const form = new FormData();
    form.append('mode', 'import');
    form.append('_csrf', publisher.csrfToken);
    const none = await publisher.fetch('/console/publications/import', {
      method: 'POST',
      body: form,
    });
    assert.equal(none.status, 400);
    assert.match(text(await none.text()), /请选择要导入的 CSV 或 .xlsx 文件/);
  });

  test('the numbering checkbox: offered unchecked, kept when the form is shown again', async () => {
    const checkbox = (html: string) =>
      parse(html).querySelector('input[type=checkbox][name=issue]')?.hasAttribute('checked');
    assert.equal(
      checkbox(await (await publisher.get('/console/publications/import')).text()),
      false,
    );
    const noIndex = new TextEncoder().encode('标题,日期\n甲通知,2021-03-01\n,2021-03-02\n');
    const form = (issue: boolean, bytes: Uint8Array = noIndex) => {
      const f = new FormData();
      f.append('file', new File([bytes], 'list.csv'));
      f.append('mode', 'check');
      if (issue) f.append('issue', 'yes');
      f.append('_csrf', publisher.csrfToken);
      return publisher.fetch('/console/publications/import', { method: 'POST', body: f });
    };
    const refused = await form(false);
    assert.equal(refused.status, 400);
    const refusedHtml = await refused.text();
    assert.match(
      text(refusedHtml),
      /可勾选「文件中没有索引号的，由本平台按本机关的前段码依次编号」/,
    );
    assert.equal(checkbox(refusedHtml), false);
    const checked = await form(true);
    assert.equal(checked.status, 200);
    const checkedHtml = await checked.text();
    assert.match(
      text(checkedHtml),
      /可导入 1 条，其中 1 条没有索引号，导入时将由本平台按本机关的前段码编号/,
    );
    assert.equal(checkbox(checkedHtml), true);
    // Shown again with an error (a file that cannot be read), the box stays ticked.
    const bad = await form(true, new TextEncoder().encode('x,y\n1,2\n'));
    assert.equal(bad.status, 400);
    assert.equal(checkbox(await bad.text()), true);
  });

  test('a handler may not import', async () => {
    const handler = await t.signIn('lsw-handler');
    assert.equal((await handler.get('/console/publications/import')).status, 403);
    assert.equal((await upload(handler, 'import')).status, 403);
  });
});
