// Table 二's yearly figures imported in the console: the template downloads with the
// header the import reads; a check lists each refused row by line and stores nothing; the
// import stores the good rows (shown on the figures page) with one audit event; a file
// without the source column is refused whole; a reviewer may not import.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import { createTestApp, type TestApp, type TestClient } from '../support/app.js';

const text = (html: string) => parse(html).textContent.replace(/\s+/g, ' ');
const FIXTURE = readFileSync(
  join(import.meta.dirname, '../fixtures/figures/figures-2021-gb18030.csv'),
);
const PATH = '/console/publications/report-figures';

function upload(client: TestClient, mode: string, bytes: Uint8Array = FIXTURE) {
  const form = new FormData();
  form.append('file', new File([bytes], 'figures-2021.csv'));
  form.append('mode', mode);
  form.append('_csrf', client.csrfToken);
  return client.fetch(`${PATH}/import`, { method: 'POST', body: form });
}

describe('table 二 figures import over HTTP', () => {
  let t: TestApp;
  let head: TestClient;
  before(async () => {
    t = await createTestApp({ demo: true, now: '2022-03-01T02:00:00.000Z' });
    head = await t.signIn('lsw-head');
  });
  after(() => t.close());

  const events = async () =>
    (
      await t.db.kysely
        .selectFrom('audit_events')
        .select('seq')
        .where('action', '=', 'publication.year_figures_import')
        .execute()
    ).length;

  test('the template has the header the import reads, for last year', async () => {
    const page = await head.get(`${PATH}/import`);
    assert.equal(page.status, 200);
    assert.ok(parse(await page.text()).querySelector(`a[href="${PATH}/template.csv"]`));
    const res = await head.get(`${PATH}/template.csv`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/csv/);
    assert.match(res.headers.get('content-disposition') ?? '', /attachment/);
    const csv = await res.text();
    assert.match(csv, /^\ufeff?年度,事项,数量\/金额,来源\r\n2021,行政许可,,/);
  });

  test('check, then import: refused rows by line, good rows stored with one event', async () => {
    await head.get(`${PATH}/import`);
    const check = await upload(head, 'check');
    assert.equal(check.status, 200);
    const checked = text(await check.text());
    assert.match(checked, /检查结果（尚未导入）/);
    assert.match(checked, /共 8 行数据，可导入 3 项，5 行未导入/);
    assert.match(checked, /第 9 行请写明行政强制的数据来源/);
    assert.match(checked, /第 7 行与第 2 行重复/);
    assert.equal(await events(), 0);

    const done = await upload(head, 'import');
    assert.equal(done.status, 200);
    assert.match(text(await done.text()), /已导入 3 项/);
    assert.equal(await events(), 1);
    const shown = await (await head.get(`${PATH}?year=2021`)).text();
    assert.match(shown, /value="126"/);
    assert.match(shown, /value="12\.5"/);
    assert.match(shown, /value="区财政局非税收入票据汇总"/);
  });

  test('a file without the source column is refused whole, saying what to fix', async () => {
    await head.get(`${PATH}/import`);
    const bad = await upload(
      head,
      'import',
      new TextEncoder().encode('年度,事项,数量\n2021,行政许可,3\n'),
    );
    assert.equal(bad.status, 400);
    assert.match(text(await bad.text()), /缺少：来源/);
    assert.equal(await events(), 1);
  });

  test('a reviewer may not import figures or download the template', async () => {
    const reviewer = await t.signIn('lsw-reviewer');
    assert.equal((await reviewer.get(`${PATH}/import`)).status, 403);
    assert.equal((await reviewer.get(`${PATH}/template.csv`)).status, 403);
    await reviewer.get('/console');
    assert.equal((await upload(reviewer, 'import')).status, 403);
  });
});
