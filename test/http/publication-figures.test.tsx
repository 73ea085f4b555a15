// Table 二 figures through the real app: the office head sees table 二 as computed and the
// demo's channel counts, a figure without its source is refused with the typed values kept,
// a good save is audited and shown; a reviewer may not enter figures.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import { createTestApp, type TestApp, type TestClient } from '../support/app.js';

const text = (html: string) => parse(html).textContent.replace(/\s+/g, ' ');
const PATH = '/console/publications/report-figures';

describe('table 二 figures over HTTP', () => {
  let t: TestApp;
  let head: TestClient;

  before(async () => {
    t = await createTestApp({ demo: true });
    head = await t.signIn('lsw-head');
  });
  after(() => t.close());

  test('the demo 2021 page shows the computed stock and the seed channel counts', async () => {
    const res = await head.get(`${PATH}?year=2021`);
    assert.equal(res.status, 200);
    const page = text(await res.text());
    assert.match(page, /政府网站179政务微信1050政务微博122/);
    assert.match(page, /（不含公告栏）1351/);
    assert.match(page, /行政规范性文件111/);
  });

  test('a figure without a source is refused, what was typed kept; a good one saved and audited', async () => {
    await head.get(`${PATH}?year=2022`);
    const unsourced = await head.post(`${PATH}?year=2022`, {
      licensing: '12',
      licensingSource: '',
    });
    assert.equal(unsourced.status, 400);
    assert.match(text(await unsourced.text()), /请写明行政许可的数据来源/);
    const bad = await head.post(`${PATH}?year=2022`, { fees: '1.2.3', feesSource: '票据' });
    assert.equal(bad.status, 400);
    const html = await bad.text();
    assert.match(text(html), /以万元为单位的金额/);
    assert.match(html, /value="1\.2\.3"/);
    const good = await head.post(`${PATH}?year=2022`, {
      licensing: '12',
      licensingSource: '区行政审批服务局审批系统统计',
      fees: '0.35',
      feesSource: '非税收入票据汇总',
    });
    assert.equal(good.status, 303);
    const shown = await head.get(`${PATH}?year=2022`);
    const again = await shown.text();
    assert.match(again, /value="0\.35"/);
    assert.match(again, /value="区行政审批服务局审批系统统计"/);
    const events = await t.db.kysely
      .selectFrom('audit_events')
      .select('seq')
      .where('action', '=', 'publication.year_figures')
      .execute();
    assert.equal(events.length, 1);
  });

  test('a reviewer may not enter figures', async () => {
    const reviewer = await t.signIn('lsw-reviewer');
    assert.equal((await reviewer.get(PATH)).status, 403);
    assert.equal((await reviewer.post(PATH, { licensing: '1', licensingSource: 'x' })).status, 403);
  });
});
