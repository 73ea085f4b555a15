// The steps of a case over HTTP: the case page offers only the steps allowed now and to
// whom; the head's steps are refused to a handler by the policy; another agency and the
// public see nothing; the tracking page shows the letters only with the right code, lets
// the applicant download them (by POST with the code) and answer a correction.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { replaceRoles } from '../../src/auth/account-repository.js';
import { hashPassword } from '../../src/auth/password.js';
import { DEMO_PASSWORD } from '../../src/demo/demo-data.js';
import { STALE_CASE } from '../../src/requests/commands.js';
import { DEMO_ACCESS_CODE } from '../../src/requests/demo.js';
import { insertTestAccount } from '../support/accounts.js';
import {
  createTestApp,
  TEST_PASSWORD_PARAMS,
  type TestApp,
  type TestClient,
} from '../support/app.js';

const REPLY = {
  outcome: 'partially_disclosed',
  legalBasis: '',
  reasons: '其中涉及个人隐私的部分不予公开，其余予以公开。',
  provision: '以电子邮件方式提供电子文本',
  reconsiderationBody: '青岛市黄岛区人民政府',
  court: '青岛市黄岛区人民法院',
};

describe('the steps of a case, in the console and on the tracking page', () => {
  let t: TestApp;
  let dir: string;
  let handler: TestClient;
  let head: TestClient;
  let visitor: TestClient;
  const ids: Record<string, string> = {};

  const caseOf = async (n: string) =>
    t.db.kysely
      .selectFrom('requests')
      .select(['id', 'state', 'version', 'outcome'])
      .where('tracking_number', '=', n)
      .executeTakeFirstOrThrow();
  const step = async (client: TestClient, n: string, name: string, fields = {}) => {
    const c = await caseOf(n);
    return client.post(`/console/requests/${c.id}/steps/${name}`, {
      version: String(c.version),
      date: '2026-12-01',
      ...fields,
    });
  };
  const track = (code: string, path = '/requests/track', fields = {}) =>
    visitor.post(path, { trackingNumber: 'GK-DEM0-2026-52', accessCode: code, ...fields });
  const lettersOfCase = (id: string) =>
    t.db.kysely
      .selectFrom('issued_letters')
      .select(['id', 'kind'])
      .where('subject_id', '=', id)
      .orderBy('issued_at')
      .execute();

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-steps-http-'));
    t = await createTestApp({
      demo: true,
      now: '2026-12-01T02:00:00.000Z',
      config: { fileStoreDir: dir },
    });
    handler = await t.signIn('lsw-handler');
    head = await t.signIn('lsw-head');
    visitor = t.client();
    await visitor.get('/requests/track');
    for (const n of ['52', '54']) ids[n] = (await caseOf(`GK-DEM0-2026-${n}`)).id;
  });
  after(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the case page offers the steps allowed now, to whom they belong, and the clock', async () => {
    const page = await (await handler.get(`/console/requests/${ids['52']}`)).text();
    for (const s of ['要求补正', '开始办理', '申请延期答复', '当场答复', '撤回申请'])
      assert.match(page, new RegExp(`<summary>${s}</summary>`), s);
    for (const s of ['批准延期答复', '审核通过答复', '发出答复', '登记缴费'])
      assert.doesNotMatch(page, new RegExp(`<summary>${s}</summary>`), s);
    assert.match(page, /补正告知应在收到申请之日起7个工作日内发出/);
    assert.match(page, /答复期限的计算（逐日说明）/);
    assert.match(page, /尚未出具文书/);
  });

  test('a correction asked for: the notice is with the case and downloadable by staff', async () => {
    const missing = await step(handler, 'GK-DEM0-2026-52', 'request_correction', {
      deadline: '2026-12-15',
      items: '',
    });
    assert.equal(missing.status, 400);
    const kept = await missing.text();
    assert.match(kept, /请填写需要补正的事项/);
    assert.match(kept, /value="2026-12-15"/, 'the form keeps what was typed');

    const res = await step(handler, 'GK-DEM0-2026-52', 'request_correction', {
      deadline: '2026-12-15',
      items: '请明确所申请信息的名称\n请提供身份证明复印件',
    });
    assert.equal(res.status, 303);
    assert.equal((await caseOf('GK-DEM0-2026-52')).state, 'correction_requested');
    const [letter] = await lettersOfCase(ids['52']!);
    assert.equal(letter?.kind, 'correction_notice');
    const page = await (await handler.get(`/console/requests/${ids['52']}`)).text();
    assert.match(page, /补正告知书/);
    const html = await handler.get(`/console/requests/${ids['52']}/letters/${letter!.id}.html`);
    assert.equal(html.status, 200);
    assert.match(await html.text(), /请提供身份证明复印件/);
    const docx = await handler.get(`/console/requests/${ids['52']}/letters/${letter!.id}.docx`);
    assert.equal(
      docx.headers.get('content-type'),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    // The letter is not another case's: asked through case 54 it does not exist.
    const elsewhere = await handler.get(
      `/console/requests/${ids['54']}/letters/${letter!.id}.html`,
    );
    assert.equal(elsewhere.status, 404);
    // Each download names the applicant: recorded by who, which letter and form, and only
    // the ones served (the 404 through case 54 is not).
    const views = await t.db.kysely
      .selectFrom('audit_events')
      .select(['subject_id', 'actor_id', 'after_json'])
      .where('action', '=', 'request.letter.view')
      .execute();
    assert.equal(views.length, 2);
    assert.ok(views.every((v) => v.subject_id === ids['52']));
    assert.ok(views.every((v) => v.actor_id === t.demo!.accounts['lsw-handler']));
    const facts = views.map((v) => JSON.parse(v.after_json ?? 'null') as Record<string, string>);
    assert.deepEqual(facts.map((f) => f.format).sort(), ['docx', 'html']);
    assert.ok(facts.every((f) => f.letterId === letter!.id));
  });

  test('the tracking page shows the letters only with the right code, and serves them by POST', async () => {
    const wrong = await track('WRONG-CODE-0000');
    assert.equal(wrong.status, 404);
    assert.doesNotMatch(await wrong.text(), /补正告知书/);
    const right = await track(DEMO_ACCESS_CODE);
    assert.equal(right.status, 200);
    const page = await right.text();
    assert.match(page, /补正告知书/);
    assert.match(page, /提交补正/);
    const [letter] = await lettersOfCase(ids['52']!);
    const fields = { letterId: letter!.id, format: 'docx' };
    assert.equal((await track('WRONG-CODE-0000', '/requests/track/letter', fields)).status, 404);
    const got = await track(DEMO_ACCESS_CODE, '/requests/track/letter', fields);
    assert.equal(got.status, 200);
    assert.match(got.headers.get('content-disposition') ?? '', /^attachment/);
    // The API: the letters with the status, each downloadable with the code, never without.
    const api = `/api/v1/requests/GK-DEM0-2026-52`;
    const status = await visitor.get(api, { headers: { 'X-Access-Code': DEMO_ACCESS_CODE } });
    assert.equal(status.status, 200);
    const body = (await status.json()) as { letters: { id: string; name: string }[] };
    assert.deepEqual(
      body.letters.map((l) => [l.id, l.name]),
      [[letter!.id, '补正告知书']],
    );
    const viaApi = await visitor.get(`${api}/letters/${letter!.id}.docx`, {
      headers: { 'X-Access-Code': DEMO_ACCESS_CODE },
    });
    assert.equal(viaApi.status, 200);
    assert.equal(
      (
        await visitor.get(`${api}/letters/${letter!.id}.docx`, {
          headers: { 'X-Access-Code': 'WRONG-CODE-0000' },
        })
      ).status,
      404,
    );
    // A staff URL opens nothing for the public.
    const byUrl = await visitor.get(`/console/requests/${ids['52']}/letters/${letter!.id}.html`);
    assert.notEqual(byUrl.status, 200);
  });

  test('the applicant answers the correction on the tracking page', async () => {
    const c = await caseOf('GK-DEM0-2026-52');
    const post = (note: string) => {
      const body = new FormData();
      body.set('_csrf', visitor.csrfToken);
      body.set('trackingNumber', 'GK-DEM0-2026-52');
      body.set('accessCode', DEMO_ACCESS_CODE);
      body.set('version', String(c.version));
      body.set('note', note);
      body.set('attachment', new File([], ''));
      return visitor.fetch('/requests/track/correction', { method: 'POST', body });
    };
    const empty = await post('');
    assert.equal(empty.status, 400);
    assert.match(await empty.text(), /请填写补正内容/);
    const done = await post('所申请的是2021年某村征地批复');
    assert.equal(done.status, 200);
    assert.match(await done.text(), /补正已提交/);
    assert.equal((await caseOf('GK-DEM0-2026-52')).state, 'in_progress');
    const actions = await t.db.kysely
      .selectFrom('audit_events')
      .select(['action', 'actor_label'])
      .where('subject_id', '=', c.id)
      .where('action', '=', 'request.step.record_correction')
      .execute();
    assert.equal(actions.length, 1);
  });

  test('the reply: the handler drafts, only the head approves, the handler sends; closed', async () => {
    const n = 'GK-DEM0-2026-54';
    assert.equal((await step(handler, n, 'draft_reply', REPLY)).status, 303);
    // The head's step: the policy refuses the handler before the core is asked.
    const byHandler = await step(handler, n, 'approve_reply');
    assert.equal(byHandler.status, 403);
    assert.equal((await caseOf(n)).state, 'reply_drafted');
    const headPage = await (await head.get(`/console/requests/${ids['54']}`)).text();
    assert.match(headPage, /答复稿（待负责人审核）/);
    assert.match(headPage, /第三十七条/, 'the legal ground of 部分公开 filled in');
    assert.equal((await step(head, n, 'approve_reply')).status, 303);
    assert.equal((await step(handler, n, 'send_reply')).status, 303);
    const closed = await caseOf(n);
    assert.equal(closed.state, 'closed');
    assert.equal(closed.outcome, 'partially_disclosed');
    const kinds = (await lettersOfCase(ids['54']!)).map((l) => l.kind);
    assert.deepEqual(kinds, ['reply_partially_disclosed']);
    // An invalid transition is refused with what is wrong, in Chinese.
    const late = await step(handler, n, 'withdraw');
    assert.equal(late.status, 400);
    assert.match(await late.text(), /案件已办结，不能撤回申请/);
  });

  test('a stale page is refused; another agency and roles without the permission see nothing', async () => {
    // The overdue case: too late to ask for an extension, and told so.
    const overdue = await step(handler, 'GK-DEM0-2026-55', 'request_extension', {
      reason: '材料多',
    });
    assert.equal(overdue.status, 400);
    assert.match(await overdue.text(), /届满前申请（第三十三条），现已超过/);
    const n = 'GK-DEM0-2026-52';
    const c = await caseOf(n);
    assert.equal(
      (await step(handler, n, 'request_extension', { reason: '需调取档案' })).status,
      303,
    );
    const stale = await handler.post(`/console/requests/${c.id}/steps/withdraw`, {
      version: String(c.version),
      date: '2026-12-01',
    });
    assert.equal(stale.status, 409);
    assert.ok((await stale.text()).includes(STALE_CASE));

    await insertTestAccount(t.db, 'other-steps');
    await t.db.kysely
      .updateTable('accounts')
      .set({ password_hash: await hashPassword(DEMO_PASSWORD, TEST_PASSWORD_PARAMS) })
      .where('id', '=', 'other-steps')
      .execute();
    await replaceRoles(t.db.kysely, 'other-steps', ['handler', 'office_head']);
    const other = await t.signIn('other-steps');
    assert.equal((await step(other, n, 'approve_extension')).status, 403);
    const reviewer = await t.signIn('lsw-reviewer');
    assert.equal((await step(reviewer, n, 'withdraw')).status, 403);
    const [letter] = await lettersOfCase(ids['52']!);
    assert.equal(
      (await other.get(`/console/requests/${ids['52']}/letters/${letter!.id}.html`)).status,
      403,
    );
    assert.equal(
      (await caseOf(n)).version,
      c.version + 1,
      'only the extension request was written',
    );
  });
});
