// The staff side of intake and the privacy of applicants (《个人信息保护法》): the work list
// and case page are masked; opening the personal data is an audited POST; the public,
// another agency's handler, the parent's supervisor and roles without request.handle never
// see the ID number or phone. Staff register a letter and confirm an online application.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { replaceRoles } from '../../src/auth/account-repository.js';
import { hashPassword } from '../../src/auth/password.js';
import { DEMO_PASSWORD } from '../../src/demo/demo-data.js';
import { DEMO_ACCESS_CODE } from '../../src/requests/demo.js';
import {
  createTestApp,
  TEST_PASSWORD_PARAMS,
  type TestApp,
  type TestClient,
} from '../support/app.js';
import { insertTestAccount } from '../support/accounts.js';

// The first demo case of 2021 (张演示) and the overdue open one (陈演示).
const ID = '370211198001011239';
const PHONE = '13800000001';
const OVERDUE_ID = '370211198808080067';

describe('request intake in the console', () => {
  let t: TestApp;
  let dir: string;
  let handler: TestClient;
  let caseId: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-requests-console-'));
    t = await createTestApp({
      demo: true,
      now: '2026-12-01T02:00:00.000Z',
      config: { fileStoreDir: dir },
    });
    handler = await t.signIn('lsw-handler');
    const row = await t.db.kysely
      .selectFrom('requests')
      .select('id')
      .where('tracking_number', '=', 'GK-DEM0-2021-01')
      .executeTakeFirstOrThrow();
    caseId = row.id;
  });
  after(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the work list: open cases by due date, to be confirmed first, awaiting correction last, overdue and masked', async () => {
    const res = await handler.get('/console/requests');
    assert.equal(res.status, 200);
    const html = await res.text();
    const order = [
      'GK-DEM0-2026-51',
      'GK-DEM0-2026-55',
      'GK-DEM0-2026-54',
      'GK-DEM0-2026-52',
      // Awaiting correction: no due date runs, so last.
      'GK-DEM0-2026-53',
    ];
    const positions = order.map((n) => html.indexOf(n));
    assert.ok(
      positions.every((p) => p > 0),
      'every open case listed',
    );
    assert.deepEqual(
      [...positions].sort((a, b) => a - b),
      positions,
      'ordered by due date',
    );
    assert.ok(!html.includes('GK-DEM0-2021-01'), 'closed cases are not in the default list');
    assert.match(html, /已超期/, 'the overdue demo case is marked by the clock');
    assert.match(html, /等待补正，补正后重新计算/, 'a case awaiting correction has no due date');
    assert.match(html, /陈\*\*/);
    assert.match(html, /370211\*{8}0067/);
    assert.ok(!html.includes(OVERDUE_ID) && !html.includes('陈演示'));
    const all = await (await handler.get('/console/requests?state=all')).text();
    assert.match(all, /GK-DEM0-2021-01/);
  });

  test('the case page is masked; opening the personal data shows it and is audited without it', async () => {
    const page = await (await handler.get(`/console/requests/${caseId}`)).text();
    assert.ok(!page.includes(ID) && !page.includes(PHONE));
    assert.match(page, /370211\*{8}1239/);
    const res = await handler.post(`/console/requests/${caseId}/personal-data`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const open = await res.text();
    assert.ok(open.includes(ID) && open.includes(PHONE));
    const events = await t.db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('subject_id', '=', caseId)
      .where('action', '=', 'request.personal_data.view')
      .execute();
    assert.equal(events.length, 1);
    assert.equal(events[0]?.actor_id, t.demo!.accounts['lsw-handler']);
    assert.ok(!JSON.stringify(events).includes(ID) && !JSON.stringify(events).includes(PHONE));
  });

  test('no one else sees the personal data: the public, other roles, the parent, another agency', async () => {
    const paths = [
      '/console/requests',
      '/console/requests?state=all',
      `/console/requests/${caseId}`,
    ];
    for (const username of [
      'lsw-reviewer',
      'lsw-publisher',
      'lsw-supervisor',
      'lsw-admin',
      'hd-supervisor',
      'hd-platform',
    ]) {
      const client = await t.signIn(username);
      for (const path of paths) {
        const res = await client.get(path);
        assert.equal(res.status, 403, `${username} ${path}`);
        const body = await res.text();
        assert.ok(!body.includes(ID) && !body.includes(PHONE), `${username} ${path}`);
      }
      assert.equal((await client.post(`/console/requests/${caseId}/personal-data`)).status, 403);
    }
    // A handler of another agency: 403 on the case, and their own list shows none of ours.
    await insertTestAccount(t.db, 'other-handler');
    await t.db.kysely
      .updateTable('accounts')
      .set({ password_hash: await hashPassword(DEMO_PASSWORD, TEST_PASSWORD_PARAMS) })
      .where('id', '=', 'other-handler')
      .execute();
    await replaceRoles(t.db.kysely, 'other-handler', ['handler']);
    const other = await t.signIn('other-handler');
    assert.equal((await other.get(`/console/requests/${caseId}`)).status, 403);
    assert.equal((await other.post(`/console/requests/${caseId}/personal-data`)).status, 403);
    const list = await (await other.get('/console/requests?state=all')).text();
    assert.ok(!list.includes('GK-DEM0') && !list.includes(ID));
    // The public: portal pages and tracking with the demo code show status, never the person.
    const visitor = t.client();
    for (const path of [
      '/agencies/lingshanwei/requests',
      '/agencies/lingshanwei',
      '/requests/track',
    ]) {
      const body = await (await visitor.get(path)).text();
      assert.ok(!body.includes(ID) && !body.includes(PHONE), path);
    }
    const tracked = await visitor.post('/requests/track', {
      trackingNumber: 'GK-DEM0-2021-01',
      accessCode: DEMO_ACCESS_CODE,
    });
    assert.equal(tracked.status, 200);
    const body = await tracked.text();
    assert.match(body, /已办结/);
    assert.ok(!body.includes(ID) && !body.includes(PHONE) && !body.includes('张演示'));
    assert.equal((await visitor.get(`/console/requests/${caseId}`)).status, 303);
  });

  test('staff register a letter signed for: registered at once, with its due date and a one-time code', async () => {
    const form = await (await handler.get('/console/requests/new')).text();
    const token = /name="submissionToken" value="([^"]+)"/.exec(form)?.[1] ?? '';
    const fields = {
      submissionToken: token,
      channel: 'registered_post',
      arrivedOn: '2026-11-30',
      'applicant.category': 'natural_person',
      'applicant.name': '孙演示',
      'applicant.idType': 'resident_id_card',
      'applicant.idNumber': '370211197802140124',
      'applicant.phone': '13800000012',
      'applicant.address': '青岛市西海岸新区演示路12号',
      itemRows: '3',
      'items.0.description': '灵山卫街道2026年城市管理考核办法',
      'delivery.form': 'paper',
      'delivery.method': 'post',
    };
    const missing = await handler.post('/console/requests', {
      ...fields,
      channel: '',
      arrivedOn: '',
    });
    assert.equal(missing.status, 400);
    const text = await missing.text();
    assert.match(text, /请选择申请渠道/);
    assert.match(text, /value="孙演示"/);
    const res = await handler.post('/console/requests', fields);
    assert.equal(res.status, 200);
    const done = await res.text();
    const number = /(GK-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2})/.exec(done)?.[1] ?? '';
    const row = await t.db.kysely
      .selectFrom('requests')
      .selectAll()
      .where('tracking_number', '=', number)
      .executeTakeFirstOrThrow();
    assert.equal(row.state, 'registered');
    assert.equal(row.received_on, '2026-11-30');
    // 20 working days after Monday 30 November 2026.
    assert.equal(row.due_on, '2026-12-28');
    // A double click registers it once.
    assert.equal((await handler.post('/console/requests', fields)).status, 200);
    const same = await t.db.kysely
      .selectFrom('requests')
      .select('id')
      .where('submitted_on', '=', '2026-11-30')
      .where('channel', '=', 'registered_post')
      .execute();
    assert.equal(same.length, 1);
    // Its 受理回执 was issued with the registration, once.
    const letters = await t.db.kysely
      .selectFrom('issued_letters')
      .select('kind')
      .where('subject_id', '=', row.id)
      .execute();
    assert.deepEqual(
      letters.map((l) => l.kind),
      ['receipt'],
    );
  });

  test('confirming an online application fixes its date of receipt', async () => {
    const row = await t.db.kysely
      .selectFrom('requests')
      .select(['id', 'version'])
      .where('tracking_number', '=', 'GK-DEM0-2026-51')
      .executeTakeFirstOrThrow();
    const page = await (await handler.get(`/console/requests/${row.id}`)).text();
    assert.match(page, /确认收到申请/);
    const bad = await handler.post(`/console/requests/${row.id}/confirm-receipt`, {
      receivedOn: '2026-12-09',
      version: String(row.version),
    });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /不能晚于今天/);
    const res = await handler.post(`/console/requests/${row.id}/confirm-receipt`, {
      receivedOn: '2026-12-01',
      version: String(row.version),
    });
    assert.equal(res.status, 303);
    const after = await (await handler.get(res.headers.get('location') ?? '')).text();
    assert.match(after, /已确认收到申请/);
    assert.match(after, /2026-12-29/);
    const again = await handler.post(`/console/requests/${row.id}/confirm-receipt`, {
      receivedOn: '2026-12-01',
      version: String(row.version + 1),
    });
    assert.equal(again.status, 400);
  });
});
