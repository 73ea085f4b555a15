// The catalogue search in the portal and as JSON: two-character words and document numbers,
// highlighted matches, order by relevance or date, bad input explained, drafts never found.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import { createTestApp, type TestApp } from '../support/app.js';

const text = (html: string) => parse(html).textContent.replace(/\s+/g, ' ');

describe('catalogue search', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ demo: true, now: '2022-03-01T02:00:00.000Z' });
  });
  after(() => t.close());

  test('a visitor finds items by a two-character word, with the matches marked', async () => {
    const res = await t
      .client()
      .get(`/agencies/lingshanwei/catalogue?q=${encodeURIComponent('征地')}`);
    assert.equal(res.status, 200);
    const html = await res.text();
    const root = parse(html);
    const titles = root.querySelectorAll('main .card h3').map((h) => h.textContent.trim());
    assert.ok(titles.includes('灵山卫街道办事处关于2021年度集体土地征收补偿安置方案的公告'));
    assert.ok(titles.includes('灵山卫街道征收土地预公告'));
    assert.ok(
      !titles.some((x) => /农村土地承包经营权流转/.test(x)),
      'the item in review is not found',
    );
    assert.match(text(html), /检索“征地”的结果\s*共找到 2 条，按相关度排列/);
    const byDate = await (
      await t
        .client()
        .get(`/agencies/lingshanwei/catalogue?q=${encodeURIComponent('城市管理')}&sort=date`)
    ).text();
    const dated = parse(byDate)
      .querySelectorAll('main .card h3')
      .map((h) => h.textContent.trim());
    assert.equal(dated[0], '关于印发《灵山卫街道城市管理网格化工作实施方案（2021年修订）》的通知');
    assert.ok(
      parse(byDate)
        .querySelectorAll('main .card mark')
        .some((m) => m.textContent === '城市管理'),
    );
  });

  test('markup typed into the query is shown as text, never as markup', async () => {
    const html = await (
      await t
        .client()
        .get(`/agencies/lingshanwei/catalogue?q=${encodeURIComponent('<script>alert(1)</script>')}`)
    ).text();
    assert.doesNotMatch(html, /<script>alert/);
    assert.match(text(html), /没有找到包含“<script>alert\(1\)<\/script>”的已发布信息/);
  });

  test('the same search as JSON, best match first, with document numbers', async () => {
    const res = await t
      .client()
      .get(
        `/api/v1/agencies/lingshanwei/publications?q=${encodeURIComponent('灵街办发〔2021〕30号')}`,
      );
    assert.equal(res.status, 200);
    const body = (await res.json()) as {
      total: number;
      items: {
        indexNumber: string;
        title: string;
        documentNumber: string;
        publishedOn: string;
        url: string;
      }[];
    };
    assert.equal(body.total, 1);
    assert.equal(body.items[0]?.documentNumber, '灵街办发〔2021〕30号');
    assert.equal(body.items[0]?.publishedOn, '2021-08-27');
    assert.equal(
      body.items[0]?.url,
      `/agencies/lingshanwei/catalogue/${body.items[0]?.indexNumber.replace('/', '-')}`,
    );
    const two = (await (
      await t
        .client()
        .get(`/api/v1/agencies/lingshanwei/publications?q=${encodeURIComponent('征地')}&page=1`)
    ).json()) as { total: number };
    assert.equal(two.total, 2);
    const noQuery = await t.client().get('/api/v1/agencies/lingshanwei/publications');
    assert.equal(noQuery.status, 400);
    assert.match(
      ((await noQuery.json()) as { error: { message: string } }).error.message,
      /请用参数 q/,
    );
    assert.equal(
      (await t.client().get('/api/v1/agencies/lingshanwei/publications?q=x&page=0')).status,
      400,
    );
    assert.equal((await t.client().get('/api/v1/agencies/nowhere/publications?q=x')).status, 404);
  });
});
