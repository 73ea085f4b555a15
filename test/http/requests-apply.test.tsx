// The public application form, the one-time tracking page and tracking, over HTTP:
// works without JavaScript, keeps what was typed, makes one case of a double submission,
// refuses a bad upload leaving nothing, and never shows personal data.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp, type TestClient } from '../support/app.js';

const APPLY = '/agencies/lingshanwei/requests/apply';
const ID = '370211198001011239';
const PHONE = '13800000001';

const VALID: Record<string, string> = {
  'applicant.category': 'natural_person',
  'applicant.name': '张演示',
  'applicant.idType': 'resident_id_card',
  'applicant.idNumber': ID,
  'applicant.phone': PHONE,
  'applicant.address': '青岛市西海岸新区演示路1号',
  'applicant.email': 'zhang@example.com',
  itemRows: '3',
  'items.0.title': '征地规划文件',
  'delivery.form': 'electronic',
  'delivery.method': 'email',
};

/** Posts the form as a browser does (multipart), with the page's token and an optional file. */
async function postForm(
  client: TestClient,
  fields: Record<string, string>,
  file?: { name: string; type: string; bytes: Uint8Array },
): Promise<Response> {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  body.set('_csrf', client.csrfToken);
  body.append(
    'identityProof',
    file ? new File([file.bytes], file.name, { type: file.type }) : new File([], ''),
  );
  return client.fetch(APPLY, { method: 'POST', body });
}

const tokenOf = (html: string) => /name="submissionToken" value="([^"]+)"/.exec(html)?.[1] ?? '';
const trackingOf = (html: string) =>
  /(GK-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2})/.exec(html)?.[1] ?? '';
const codeOf = (html: string) =>
  /<dt>查询码<\/dt><dd><strong>([0-9A-Z-]+)<\/strong>/.exec(html)?.[1] ?? '';

describe('applying for disclosure online', () => {
  let t: TestApp;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-requests-'));
    t = await createTestApp({
      demo: true,
      now: '2026-12-01T02:00:00.000Z',
      config: { fileStoreDir: dir },
    });
  });
  after(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const openForm = async () => {
    const client = t.client();
    const res = await client.get(APPLY);
    assert.equal(res.status, 200);
    return { client, html: await res.text() };
  };

  test('the 依申请公开 page links the form; the form shows both applicant blocks and three item rows', async () => {
    const info = await (await t.client().get('/agencies/lingshanwei/requests')).text();
    assert.match(info, new RegExp(`href="${APPLY}"`));
    const { html } = await openForm();
    assert.match(html, /申请人是公民（自然人）的，填写以下内容/);
    assert.match(html, /申请人是法人或者其他组织的，填写以下内容/);
    assert.equal(html.match(/name="items\.\d\.description"/g)?.length, 3);
    assert.match(html, /enctype="multipart\/form-data"/);
    assert.doesNotMatch(html, /<script/);
  });

  test('bad input: the form comes back with every value and one Chinese message per field', async () => {
    const { client, html } = await openForm();
    const res = await postForm(client, {
      ...VALID,
      submissionToken: tokenOf(html),
      'applicant.idNumber': '370211198001011230',
      'applicant.phone': '',
      'items.0.title': '',
      'items.2.description': '第三行写的',
      'delivery.method': '',
    });
    assert.equal(res.status, 400);
    const page = await res.text();
    assert.match(page, /最后一位应为 9/);
    assert.match(page, /请填写联系电话/);
    assert.match(page, /请选择获取信息的方式/);
    // Kept as typed, the third row's text in the third row.
    assert.match(page, /value="370211198001011230"/);
    assert.match(page, /name="items\.2\.description"[^>]*>第三行写的</);
    assert.match(page, /value="张演示"/);
    const n = await t.db.kysely
      .selectFrom('requests')
      .select('id')
      .where('channel', '=', 'online')
      .where('submitted_on', '=', '2026-12-01')
      .execute();
    assert.equal(n.length, 0);
  });

  test('「再添加一项」 gives one more row and keeps everything typed', async () => {
    const { client, html } = await openForm();
    const res = await postForm(client, { ...VALID, submissionToken: tokenOf(html), addItem: '1' });
    assert.equal(res.status, 200);
    const page = await res.text();
    assert.equal(page.match(/name="items\.\d\.description"/g)?.length, 4);
    assert.match(page, /name="itemRows" value="4"/);
    assert.match(page, /value="征地规划文件"/);
    assert.equal(tokenOf(page), tokenOf(html));
  });

  test('a submission shows the number and code once; a reload or double click makes no second case', async () => {
    const { client, html } = await openForm();
    const fields = { ...VALID, submissionToken: tokenOf(html) };
    const pdf = {
      name: '身份证.pdf',
      type: 'application/pdf',
      bytes: new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n'),
    };
    const [first, second] = await Promise.all([
      postForm(client, fields, pdf),
      postForm(client, fields, pdf),
    ]);
    assert.equal(first.status, 200);
    assert.equal(second.status, 200);
    assert.equal(first.headers.get('cache-control'), 'no-store');
    const a = await first.text();
    const b = await second.text();
    assert.ok(trackingOf(a));
    assert.equal(trackingOf(a), trackingOf(b));
    assert.equal(codeOf(a), codeOf(b));
    assert.match(a, /只在本页显示这一次/);
    assert.ok(!a.includes(ID) && !a.includes(PHONE), 'no personal data on the page');
    const cases = await t.db.kysely
      .selectFrom('requests')
      .select(['id', 'state'])
      .where('tracking_number', '=', trackingOf(a))
      .execute();
    assert.deepEqual(
      cases.map((c) => c.state),
      ['submitted'],
    );
    // One proof kept with the case; the twin's copy was removed.
    const files = await t.db.kysely
      .selectFrom('request_files')
      .select('file_id')
      .where('request_id', '=', cases[0]!.id)
      .execute();
    assert.equal(files.length, 1);
    const allFiles = await t.db.kysely.selectFrom('files').select('id').execute();
    assert.equal(allFiles.length, 1);

    // Tracking with the number and code: status and dates, and still no personal data.
    const tracker = t.client();
    await tracker.get('/requests/track');
    const res = await tracker.post('/requests/track', {
      trackingNumber: trackingOf(a).toLowerCase(),
      accessCode: codeOf(a),
    });
    assert.equal(res.status, 200);
    const status = await res.text();
    assert.match(status, /已提交，待本机关确认收到/);
    assert.match(status, /尚待本机关确认/);
    assert.ok(!status.includes(ID) && !status.includes(PHONE) && !status.includes('张演示'));
  });

  test('a wrong code looks exactly like an unknown number; the code never goes in a URL', async () => {
    const { client, html } = await openForm();
    const done = await (
      await postForm(client, { ...VALID, submissionToken: tokenOf(html) })
    ).text();
    const tracker = t.client();
    await tracker.get('/requests/track');
    const wrong = await tracker.post('/requests/track', {
      trackingNumber: trackingOf(done),
      accessCode: 'AAAA-AAAA-AAAA',
    });
    const unknown = await tracker.post('/requests/track', {
      trackingNumber: 'GK-ZZZZ-ZZZZ-ZZ',
      accessCode: 'AAAA-AAAA-AAAA',
    });
    assert.equal(wrong.status, 404);
    assert.equal(unknown.status, 404);
    const strip = (s: string) => s.replace(/value="[^"]*"/g, '');
    assert.equal(strip(await wrong.text()), strip(await unknown.text()));
    const form = await (await tracker.get('/requests/track')).text();
    assert.match(form, /<form[^>]*method="post"[^>]*action="\/requests\/track"/);
  });

  test('a rejected upload leaves nothing behind and says what to do', async () => {
    const before = (await t.db.kysely.selectFrom('files').select('id').execute()).length;
    const { client, html } = await openForm();
    const res = await postForm(
      client,
      { ...VALID, submissionToken: tokenOf(html) },
      {
        name: 'id.png',
        type: 'image/png',
        bytes: new TextEncoder().encode('not a picture at all'),
      },
    );
    assert.equal(res.status, 400);
    assert.match(await res.text(), /不是可以上传的类型（只接受PDF 文件、JPEG 图片、PNG 图片）/);
    assert.equal((await t.db.kysely.selectFrom('files').select('id').execute()).length, before);
    const big = await postForm(
      client,
      { ...VALID, submissionToken: tokenOf(html) },
      { name: 'big.pdf', type: 'application/pdf', bytes: new Uint8Array(10 * 1024 * 1024 + 1) },
    );
    assert.equal(big.status, 400);
    assert.match(await big.text(), /超过 10 MB 的上限/);
    assert.equal((await t.db.kysely.selectFrom('files').select('id').execute()).length, before);
  });

  test('wrong codes from one address are throttled', async () => {
    const tracker = t.client();
    await tracker.get('/requests/track');
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push(
        (
          await tracker.post('/requests/track', {
            trackingNumber: 'GK-ZZZZ-ZZZZ-Z1',
            accessCode: `WRONG-${i}`,
          })
        ).status,
      );
    assert.equal(statuses.at(-1), 429);
    assert.ok(statuses.slice(0, 8).every((s) => s === 404));
  });
});
