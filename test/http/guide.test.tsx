// The guide through the real app: what a visitor reads while it is incomplete, how an
// office head fills it in and publishes versions, the history, and the blank application
// form as a print page and a Word document.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { parse, type HTMLElement } from 'node-html-parser';
import { createTestApp, type TestApp, type TestClient } from '../support/app.js';

const text = (el: HTMLElement | null | undefined): string =>
  (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

const FILLED = {
  officeName: '综合办公室',
  officeAddress: '青岛市西海岸新区灵岩路77号',
  officeHours: '法定工作日 上午9:00—12:00，下午13:30—17:00',
  officePhone: '0532-83185761',
  officeFax: '0532-83185762',
  officeEmail: 'lsw-xxgk@example.gov.cn',
  officeWebsite: '',
  postcode: '266400',
  onlineFormUrl: '',
  competentOffice: '青岛市黄岛区人民政府办公室',
  reconsiderationBody: '青岛市黄岛区人民政府',
  arrangementNote: '本机关主动公开基本目录分为机构职能、政策文件、规划计划等类别。',
  otherNote: '',
};

describe('the guide', () => {
  let t: TestApp;
  let head: TestClient;
  before(async () => {
    t = await createTestApp({ demo: true, now: '2024-09-27T08:00:00.000Z' });
    head = await t.signIn('lsw-head');
  });
  after(() => t.close());

  const get = async (client: TestClient, path: string) => {
    const res = await client.get(path);
    return { res, root: parse(await res.text()) };
  };

  test('an agency with no office registered: never 「…工作机构为政府信息公开工作机构」, and what is missing is stated', async () => {
    const { res, root } = await get(t.client(), '/agencies/huangdao/guide');
    assert.equal(res.status, 200);
    const body = text(root.querySelector('main'));
    assert.doesNotMatch(body, /工作机构为政府信息公开工作机构/);
    assert.match(body, /本机关尚未发布政府信息公开指南/);
    const warning = text(root.querySelector('.notice-warning'));
    for (const what of ['政府信息公开工作机构的名称', '办公地址', '联系电话'])
      assert.ok(warning.includes(what), what);
    // The platform's own form is its internet contact, so that is not missing.
    assert.ok(!warning.includes('互联网联系方式'));
    assert.ok(root.querySelector('main a[href="/agencies/huangdao/requests/apply"]'));
    assert.match(body, /本机关的办公地址暂未公布/);
  });

  test("the demo agency: filled from the report, phones dial, this platform's form is the online channel", async () => {
    const { root } = await get(t.client(), '/agencies/lingshanwei/guide');
    // The demo has published two versions: the current one of October 2021.
    assert.match(text(root.querySelector('.version-line')), /第 2 版，发布日期：2021年10月15日/);
    assert.match(text(root.querySelector('main')), /本机关的政府信息公开工作机构为综合办公室/);
    assert.ok(root.querySelector('main a[href="tel:053283185761"]'), 'the phone is a tel: link');
    assert.equal(root.querySelectorAll('.notice-warning li').length, 0, 'nothing missing');
    const channels = text(root.querySelector('#channels')?.nextElementSibling?.nextElementSibling);
    assert.match(channels, /网上申请：通过网上申请页面填写并提交申请/);
    assert.ok(root.querySelector('main a[href="/agencies/lingshanwei/requests/apply"]'));
    // The new-media accounts operating now, and none of the closed ones.
    const media = text(root.querySelector('#new-media')?.nextElementSibling);
    assert.match(media, /微信：「卫 您好」/);
    assert.match(media, /微博：「美丽灵山卫」/);
    assert.doesNotMatch(media, /演示/);
    assert.ok(root.querySelector('a[href="/agencies/lingshanwei/application-form.docx"]'));
  });

  test("the demo's history: the 2020 guide, replaced by the current one", async () => {
    const history = await get(t.client(), '/agencies/lingshanwei/guide/versions');
    assert.deepEqual(
      history.root.querySelectorAll('.version-list li').map((li) => text(li)),
      ['第 2 版，发布日期：2021年10月15日（现行）', '第 1 版，发布日期：2020年3月16日'],
    );
    const first = await get(t.client(), '/agencies/lingshanwei/guide/versions/1');
    assert.equal(first.res.status, 200);
    assert.match(text(first.root.querySelector('.notice-warning')), /本版已被第 2 版取代/);
    // The earlier guide named no 行政复议机关; the current one names the district government.
    assert.doesNotMatch(
      text(first.root.querySelector('main')),
      /60日内 ?向青岛市黄岛区人民政府 ?提出/,
    );
    const current = await get(t.client(), '/agencies/lingshanwei/guide/versions/2');
    assert.match(text(current.root.querySelector('main')), /60日内 ?向青岛市黄岛区人民政府 ?提出/);
  });

  test('the console says what to fill in; a bad value keeps what was typed', async () => {
    // Without the office that handles complaints, the console links to the field to fill in.
    assert.equal(
      (await head.post('/console/guide', { ...FILLED, competentOffice: '' })).status,
      303,
    );
    const { root } = await get(head, '/console/guide');
    const fixes = root.querySelectorAll('.notice-warning li a');
    assert.equal(fixes.length, 1);
    assert.equal(fixes[0]?.getAttribute('href'), '#field-competentOffice');
    const res = await head.post('/console/guide', {
      ...FILLED,
      postcode: '2664',
      officeEmail: 'not-mail',
    });
    assert.equal(res.status, 400);
    const again = parse(await res.text());
    assert.match(text(again.querySelector('.error-summary')), /邮政编码应为 6 位数字/);
    assert.match(text(again.querySelector('.error-summary')), /电子邮箱格式不正确/);
    assert.equal(again.querySelector('#field-postcode')?.getAttribute('value'), '2664');
    assert.equal(
      again.querySelector('#field-competentOffice')?.getAttribute('value'),
      FILLED.competentOffice,
    );
    // Publishing the incomplete draft is refused with the reason.
    const refused = await head.post('/console/guide/publish');
    assert.equal(refused.status, 400);
    assert.match(
      text(parse(await refused.text()).querySelector('[role="alert"]')),
      /政府信息公开工作主管部门/,
    );
  });

  test('saving and publishing: the public page shows the version and date, then the history', async () => {
    assert.equal((await head.post('/console/guide', FILLED)).status, 303);
    const published = await head.post('/console/guide/publish');
    assert.equal(published.status, 303);
    assert.match(published.headers.get('location') ?? '', /published=1/);

    const { root } = await get(t.client(), '/agencies/lingshanwei/guide');
    const line = text(root.querySelector('.version-line'));
    assert.match(line, /第 3 版，发布日期：2024年9月27日/);
    assert.ok(root.querySelector('a[href="/agencies/lingshanwei/guide/versions"]'));
    assert.equal(root.querySelector('.notice-warning'), null);
    const channels = text(root.querySelector('#channels')?.nextElementSibling?.nextElementSibling);
    assert.match(channels, /电子邮件：将申请表发送至 lsw-xxgk@example.gov.cn/);
    assert.match(channels, /传真：将申请表传真至 0532-83185762/);
    // No other address was set: the platform's own form is offered.
    assert.match(channels, /网上申请：通过网上申请页面填写并提交申请/);

    // A later change is a draft until it is published again.
    t.clock.set('2025-02-10T02:00:00.000Z');
    head = await t.signIn('lsw-head'); // the session of September has ended
    await head.post('/console/guide', { ...FILLED, officePhone: '0532-86170000' });
    assert.ok(
      (await get(t.client(), '/agencies/lingshanwei/guide')).root.querySelector(
        'a[href="tel:053283185761"]',
      ),
    );
    assert.equal((await head.post('/console/guide/publish')).status, 303);
    const current = await get(t.client(), '/agencies/lingshanwei/guide');
    assert.match(
      text(current.root.querySelector('.version-line')),
      /第 4 版，发布日期：2025年2月10日/,
    );

    const history = await get(t.client(), '/agencies/lingshanwei/guide/versions');
    assert.deepEqual(
      history.root.querySelectorAll('.version-list a').map((a) => a.getAttribute('href')),
      [4, 3, 2, 1].map((n) => `/agencies/lingshanwei/guide/versions/${n}`),
    );
    const v3 = await get(t.client(), '/agencies/lingshanwei/guide/versions/3');
    assert.equal(v3.res.status, 200);
    assert.match(text(v3.root.querySelector('h1')), /第 3 版/);
    assert.match(text(v3.root.querySelector('.notice-warning')), /本版已被第 4 版取代/);
    assert.ok(v3.root.querySelector('a[href="tel:053283185761"]'));
    for (const bad of ['9', 'abc', '0', '1e3'])
      assert.equal(
        (await t.client().get(`/agencies/lingshanwei/guide/versions/${bad}`)).status,
        404,
        bad,
      );
    // The column home's card says which version is current.
    const home = await get(t.client(), '/agencies/lingshanwei');
    assert.match(text(home.root.querySelector('.card-grid')), /现行第 4 版/);
  });

  test('the blank application form as a print page and as a Word document', async () => {
    const { res, root } = await get(t.client(), '/agencies/lingshanwei/application-form');
    assert.equal(res.status, 200);
    const captions = root.querySelectorAll('table.paper-form caption').map((c) => text(c));
    assert.ok(captions.includes('申请人信息（公民）'));
    assert.ok(captions.includes('所需政府信息'));
    assert.match(text(root.querySelector('main')), /受理机关：灵山卫街道办事处/);
    const docx = await t.client().get('/agencies/lingshanwei/application-form.docx');
    assert.equal(docx.status, 200);
    assert.equal(
      docx.headers.get('content-type'),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    assert.match(docx.headers.get('content-disposition') ?? '', /attachment/);
    const files = unzipSync(new Uint8Array(await docx.arrayBuffer()));
    const xml = strFromU8(files['word/document.xml']!);
    for (const s of [
      '政府信息公开申请表',
      '受理机关：灵山卫街道办事处',
      '统一社会信用代码',
      '□ 当场查阅、抄录',
    ])
      assert.ok(xml.includes(s), s);
    assert.equal((await t.client().get('/agencies/nowhere/application-form.docx')).status, 404);
  });

  test('a handler may not edit the guide', async () => {
    const handler = await t.signIn('lsw-handler');
    assert.equal((await handler.post('/console/guide', FILLED)).status, 403);
    assert.equal((await handler.post('/console/guide/publish')).status, 403);
  });
});
