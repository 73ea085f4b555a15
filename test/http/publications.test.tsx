// Proactive disclosure through the real app: a handler drafts (bad input kept and explained),
// attaches a file checked by content, a reviewer approves, a publisher publishes; the public
// catalogue shows only what is published, escapes what was typed, serves the attachment, and
// after a withdrawal shows the notice instead of the content.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import { createTestApp, type TestApp, type TestClient } from '../support/app.js';

const text = (html: string) => parse(html).textContent.replace(/\s+/g, ' ');

const DRAFT = {
  title: '关于<script>alert(1)</script>某村征地补偿安置方案的公告',
  summary: '公布某村集体土地征收的补偿标准和安置方式。',
  body: '<p>一、征地范围</p><img src=x onerror="alert(2)"><p onclick="x()">二、补偿标准</p>',
  issuer: '灵山卫街道办事处',
  documentNumber: '灵街发〔2024〕3号',
  writtenOn: '2024-09-02',
  formedOn: '2024-09-03',
  changedOn: '',
  subject: '国土资源、能源',
  genre: '公告',
  keywords: '征地、补偿',
  category: 'a21-land-expropriation',
};

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

function upload(client: TestClient, path: string, name: string, bytes: Uint8Array) {
  const form = new FormData();
  form.append('files', new File([bytes], name));
  form.append('_csrf', client.csrfToken);
  return client.fetch(path, { method: 'POST', body: form });
}

describe('publications over HTTP', () => {
  let t: TestApp;
  let dir: string;
  let handler: TestClient;
  let reviewer: TestClient;
  let publisher: TestClient;
  let itemPath = '';

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-pub-files-'));
    t = await createTestApp({ demo: true, config: { fileStoreDir: dir } });
    handler = await t.signIn('lsw-handler');
    reviewer = await t.signIn('lsw-reviewer');
    publisher = await t.signIn('lsw-publisher');
  });
  after(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a bad draft is refused with Chinese messages and what was typed kept', async () => {
    await handler.get('/console/publications/new');
    const res = await handler.post('/console/publications', {
      ...DRAFT,
      title: '',
      formedOn: '2024-02-30',
      writtenOn: '2024-09-05',
    });
    assert.equal(res.status, 400);
    const page = text(await res.text());
    assert.match(page, /请填写标题/);
    assert.match(page, /2024年2月只有29天/);
    const html = await (
      await handler.post('/console/publications', { ...DRAFT, formedOn: '2024-09-01' })
    ).text();
    assert.match(text(html), /成文日期不能晚于生成日期/);
    assert.match(html, /公布某村集体土地征收的补偿标准和安置方式。/);
    const created = await t.db.kysely
      .selectFrom('publications')
      .select('id')
      .where('created_at', '!=', t.demo?.agency.createdAt ?? '')
      .execute();
    // Only the demo items exist: none of the refused drafts was stored.
    assert.equal(created.length, 0);
  });

  test('the handler drafts and attaches a PDF; a file that is not what it claims is refused', async () => {
    const res = await handler.post('/console/publications', DRAFT);
    assert.equal(res.status, 303);
    itemPath = (res.headers.get('location') ?? '').split('?')[0] ?? '';
    assert.match(itemPath, /^\/console\/publications\/[0-9a-f-]{36}$/);
    const page = await (await handler.get(itemPath)).text();
    assert.doesNotMatch(page, /<script>alert|onerror|onclick/);
    assert.match(page, /待保密审查|草稿/);
    const fake = await upload(
      handler,
      `${itemPath}/attachments`,
      '补偿标准.pdf',
      new TextEncoder().encode('不是 PDF'),
    );
    assert.equal(fake.status, 400);
    assert.match(text(await fake.text()), /补偿标准\.pdf/);
    const ok = await upload(handler, `${itemPath}/attachments`, '补偿标准.pdf', PDF);
    assert.equal(ok.status, 303);
    assert.match(text(await (await handler.get(itemPath)).text()), /补偿标准\.pdf/);
  });

  test('drafts and items in review are never public', async () => {
    const visitor = t.client();
    // Each looked for where it would be listed: the catalogue has more than one page.
    const listed = async (query: string) =>
      text(await (await visitor.get(`/agencies/lingshanwei/catalogue?${query}`)).text());
    const land = await listed(`q=${encodeURIComponent('征地')}`);
    assert.doesNotMatch(land, /某村征地补偿安置方案/);
    assert.match(land, /集体土地征收补偿安置方案的公告/);
    // The demo data's item in review and its withdrawn item are not listed either.
    assert.doesNotMatch(await listed('category=a21-land-contract'), /农村土地承包经营权流转情况/);
    const projects = await listed('category=a20-10');
    assert.match(projects, /（演示）灵山卫街道2021年/);
    assert.doesNotMatch(projects, /公共服务设施建设项目的公示/);
    // Not reachable by id in the console either without signing in.
    assert.equal((await visitor.get(itemPath)).status, 303);
  });

  test('review and publish: each role may take only its own step', async () => {
    assert.equal((await handler.post(`${itemPath}/submit`)).status, 303);
    assert.equal(
      (await handler.post(`${itemPath}/review`, { decision: 'approve', opinion: '同意' })).status,
      403,
    );
    await reviewer.get(itemPath);
    const noOpinion = await reviewer.post(`${itemPath}/review`, {
      decision: 'approve',
      opinion: '',
    });
    assert.equal(noOpinion.status, 400);
    assert.match(text(await noOpinion.text()), /请填写审查意见/);
    assert.equal(
      (
        await reviewer.post(`${itemPath}/review`, {
          decision: 'approve',
          opinion: '不涉及国家秘密和个人隐私，同意公开',
        })
      ).status,
      303,
    );
    assert.equal((await reviewer.post(`${itemPath}/publish`)).status, 403);
    await publisher.get(itemPath);
    assert.equal((await publisher.post(`${itemPath}/publish`)).status, 303);
    const again = await publisher.post(`${itemPath}/publish`);
    assert.equal(again.status, 400);
    assert.match(text(await again.text()), /只有通过保密审查的信息可以发布/);
    // The item's history, oldest first: drafted, sent for review, approved, published.
    const history = parse(await (await publisher.get(itemPath)).text())
      .querySelectorAll('section[aria-labelledby=item-history] li')
      .map((li) => li.textContent.replace(/^[^，]*，/, ''));
    assert.deepEqual(
      history.filter((h) => !/附件/.test(h)),
      [
        '演示承办人（lsw-handler）：起草主动公开信息',
        '演示承办人（lsw-handler）：送保密审查',
        '演示保密审查员（lsw-reviewer）：保密审查通过',
        '演示发布员（lsw-publisher）：发布主动公开信息',
      ],
    );
  });

  test('the published item is in the catalogue, escaped, with its metadata and attachment', async () => {
    const visitor = t.client();
    const listHtml = await (await visitor.get('/agencies/lingshanwei/catalogue')).text();
    // The list's rows are written as a template (catalogue-cards.ts), not JSX: escaped alike.
    assert.doesNotMatch(listHtml, /<script>alert/);
    assert.match(listHtml, /&lt;script&gt;alert\(1\)&lt;\/script&gt;某村/);
    const link = parse(listHtml)
      .querySelectorAll('a')
      .find((a) => /某村征地补偿安置方案/.test(a.textContent));
    assert.ok(link, 'listed');
    const href = link.getAttribute('href') ?? '';
    assert.match(href, /^\/agencies\/lingshanwei\/catalogue\/11370211D00000021X-2024-00001$/);
    const res = await visitor.get(href);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.doesNotMatch(html, /<script>alert|onerror|onclick|<img/);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    const dl = parse(html).querySelector('dl.facts');
    const page = (dl?.querySelectorAll('dt') ?? [])
      .map((dt) => `${dt.textContent} ${dt.nextElementSibling?.textContent ?? ''}`)
      .join('\n');
    for (const expected of [
      '索引号 11370211D00000021X/2024-00001',
      '发布机构 灵山卫街道办事处',
      '文号 灵街发〔2024〕3号',
      '成文日期 2024年9月2日',
      '生成日期 2024年9月3日',
      '发布日期 2024年9月27日',
      '主题分类 国土资源、能源',
      '体裁 公告',
      '关键词 征地、补偿',
      '有效性 有效',
    ])
      assert.ok(page.includes(expected), expected);
    const file = parse(html)
      .querySelectorAll('a')
      .find((a) => a.textContent.includes('补偿标准.pdf'));
    const download = await visitor.get(file?.getAttribute('href') ?? '');
    assert.equal(download.status, 200);
    assert.equal(download.headers.get('content-type'), 'application/pdf');
    assert.deepEqual(new Uint8Array(await download.arrayBuffer()), PDF);
    // Filters: a category with nothing in it, and a bad year explained.
    const filtered = text(
      await (await visitor.get('/agencies/lingshanwei/catalogue?category=a20-14&year=abc')).text(),
    );
    assert.match(filtered, /没有符合筛选条件的政府信息/);
    assert.match(filtered, /发布年份“abc”无效/);
  });

  test('a withdrawal leaves the notice at the same URL and takes the content and files away', async () => {
    const key = '11370211D00000021X-2024-00001';
    const before = await t.client().get(`/agencies/lingshanwei/catalogue/${key}`);
    const fileHref = parse(await before.text())
      .querySelectorAll('a')
      .find((a) => a.textContent.includes('补偿标准.pdf'))
      ?.getAttribute('href');
    assert.equal((await handler.post(`${itemPath}/withdraw`, { reason: '内容有误' })).status, 403);
    const empty = await publisher.post(`${itemPath}/withdraw`, { reason: '' });
    assert.equal(empty.status, 400);
    assert.equal(
      (await publisher.post(`${itemPath}/withdraw`, { reason: '补偿标准已调整，以新公告为准' }))
        .status,
      303,
    );
    const res = await t.client().get(`/agencies/lingshanwei/catalogue/${key}`);
    assert.equal(res.status, 200);
    const page = text(await res.text());
    assert.match(page, /该信息已撤回/);
    assert.match(page, /补偿标准已调整，以新公告为准/);
    assert.doesNotMatch(page, /征地范围|某村征地补偿安置方案/);
    assert.equal((await t.client().get(fileHref ?? '')).status, 404);
    const list = text(await (await t.client().get('/agencies/lingshanwei/catalogue')).text());
    assert.doesNotMatch(list, /某村征地补偿安置方案/);
    const actions = (
      await t.db.kysely.selectFrom('audit_events').select('action').orderBy('seq').execute()
    )
      .map((e) => e.action)
      .filter((a) => a.startsWith('publication.') && !a.startsWith('publication.demo.'));
    assert.deepEqual(actions, [
      'publication.create',
      'publication.attach',
      'publication.submit',
      'publication.approve',
      'publication.publish',
      'publication.withdraw',
    ]);
  });

  test('an unpublished item past its 20 working days is on the overdue list', async () => {
    await handler.post('/console/publications', {
      ...DRAFT,
      title: '城市管理领域违规占道经营整治情况通报',
      writtenOn: '2024-07-01',
      formedOn: '2024-07-01',
    });
    const page = text(await (await handler.get('/console/publications/overdue')).text());
    // This one and the demo item in review (formed 2022-01-10).
    assert.match(page, /有 2 条信息已超过公开期限仍未发布/);
    assert.match(page, /城市管理领域违规占道经营整治情况通报/);
    assert.match(page, /已逾期/);
  });

  test('unknown keys and other agencies’ items are not found', async () => {
    assert.equal((await t.client().get('/agencies/lingshanwei/catalogue/no-such-key')).status, 404);
    assert.equal(
      (await t.client().get('/agencies/huangdao/catalogue/11370211D00000021X-2024-00001')).status,
      404,
    );
    assert.equal(
      (await t.client().get('/agencies/lingshanwei/catalogue/%3Cscript%3E')).status,
      404,
    );
  });
});
