// The case archive (档案): one .zip with the 案卷目录, the history and every letter as stored,
// for the handling agency's staff only (other roles and agencies 403, no case 404), audited
// without personal data; and the case page's retention state, before and after the purge.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { replaceRoles } from '../../src/auth/account-repository.js';
import { hashPassword } from '../../src/auth/password.js';
import { DEMO_PASSWORD } from '../../src/demo/demo-data.js';
import { seedDemo } from '../../src/demo/seed-demo.js';
import { fixedClock } from '../../src/db/time.js';
import { letterFile } from '../../src/letters/issue.js';
import { purgeCasePersonalData } from '../../src/privacy/purge-case.js';
import { RETENTION_ACTOR } from '../../src/privacy/retention-job.js';
import { getApplicant } from '../../src/requests/repository.js';
import { fileStoreOf } from '../../src/requests/intake-service.js';
import { insertTestAccount } from '../support/accounts.js';
import { createTestApp, TEST_PASSWORD_PARAMS, type TestApp } from '../support/app.js';

const NOW = '2026-12-01T02:00:00.000Z';

describe('the case archive', () => {
  let t: TestApp;
  let dir: string;
  const idOf = async (tracking: string) =>
    (
      await t.db.kysely
        .selectFrom('requests')
        .select('id')
        .where('tracking_number', '=', tracking)
        .executeTakeFirstOrThrow()
    ).id;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-archive-'));
    t = await createTestApp({ now: NOW, config: { fileStoreDir: dir } });
    await seedDemo({ ...t.deps, files: fileStoreOf(t.deps), passwordParams: TEST_PASSWORD_PARAMS });
  });
  after(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a handler downloads one zip: summary, history, every letter as stored; audited', async () => {
    const id = await idOf('GK-DEM0-2026-56');
    const applicant = (await getApplicant(t.db.kysely, id))!;
    const handler = await t.signIn('lsw-handler');
    const page = await (await handler.get(`/console/requests/${id}`)).text();
    assert.match(page, /案卷与个人信息/);
    assert.match(page, /办结后保存申请人个人信息 10 年/);
    assert.ok(page.includes(`/console/requests/${id}/archive.zip`));

    const res = await handler.get(`/console/requests/${id}/archive.zip`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/zip');
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const entries = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const summary = strFromU8(entries['案卷目录.html']!);
    assert.ok(summary.includes('GK-DEM0-2026-56'));
    assert.ok(summary.includes(applicant.phone), 'the handler’s archive holds the applicant');
    assert.match(summary, /办理环节/);
    assert.match(summary, /操作记录/);

    const letters = await t.db.kysely
      .selectFrom('issued_letters')
      .select(['id', 'letter_number'])
      .where('subject_id', '=', id)
      .execute();
    assert.ok(letters.length >= 2);
    const names = Object.keys(entries).filter((n) => n.startsWith('文书/'));
    assert.equal(names.length, letters.length * 2);
    for (const l of letters)
      for (const format of ['html', 'docx'] as const) {
        const name = names.find((n) => n.includes(l.letter_number) && n.endsWith(`.${format}`));
        assert.ok(name, `${l.letter_number}.${format}`);
        const stored = await letterFile(t.db.kysely, fileStoreOf(t.deps), l.id, format);
        assert.deepEqual(entries[name]!, stored!.bytes);
        assert.ok(summary.includes(name));
      }

    const audit = await t.db.kysely
      .selectFrom('audit_events')
      .select(['actor_id', 'after_json'])
      .where('action', '=', 'request.archive.export')
      .where('subject_id', '=', id)
      .execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.actor_id, t.demo?.accounts['lsw-handler'] ?? audit[0]!.actor_id);
    assert.ok(!audit[0]!.after_json!.includes(applicant.phone));
  });

  test('other roles, other agencies: 403; no such case: 404', async () => {
    const id = await idOf('GK-DEM0-2026-56');
    const path = `/console/requests/${id}/archive.zip`;
    for (const username of [
      'lsw-reviewer',
      'lsw-publisher',
      'lsw-supervisor',
      'lsw-admin',
      'hd-supervisor',
    ]) {
      const client = await t.signIn(username);
      assert.equal((await client.get(path)).status, 403, username);
    }
    // A visitor is sent to sign in.
    const visitor = await t.client().get(path);
    assert.equal(visitor.status, 303);
    assert.match(visitor.headers.get('location') ?? '', /\/console\/login/);
    await insertTestAccount(t.db, 'other-archive-handler');
    await t.db.kysely
      .updateTable('accounts')
      .set({ password_hash: await hashPassword(DEMO_PASSWORD, TEST_PASSWORD_PARAMS) })
      .where('id', '=', 'other-archive-handler')
      .execute();
    await replaceRoles(t.db.kysely, 'other-archive-handler', ['handler']);
    const other = await t.signIn('other-archive-handler');
    assert.equal((await other.get(path)).status, 403);
    const handler = await t.signIn('lsw-handler');
    assert.equal((await handler.get('/console/requests/no-such-case/archive.zip')).status, 404);
    const exports = await t.db.kysely
      .selectFrom('audit_events')
      .select('seq')
      .where('action', '=', 'request.archive.export')
      .where('subject_id', '=', id)
      .execute();
    assert.equal(exports.length, 1, 'a refused download is not an export');
  });

  test('after the purge: the page and the archive say so and hold no personal data', async () => {
    const id = await idOf('GK-DEM0-2021-02');
    const applicant = (await getApplicant(t.db.kysely, id))!;
    const handler = await t.signIn('lsw-handler');
    assert.match(
      await (await handler.get(`/console/requests/${id}`)).text(),
      /申请人个人信息保存至 2031-03-22（办结后满 10 年）/,
    );
    const r = await purgeCasePersonalData(
      { db: t.db.kysely, files: fileStoreOf(t.deps), clock: fixedClock(NOW) },
      RETENTION_ACTOR,
      id,
      '2031-03-22',
    );
    assert.equal(r.status, 'purged');
    const page = await (await handler.get(`/console/requests/${id}`)).text();
    assert.match(page, /申请人个人信息已于 2031-03-22 按保存期限清除/);
    const zip = unzipSync(
      new Uint8Array(
        await (await handler.get(`/console/requests/${id}/archive.zip`)).arrayBuffer(),
      ),
    );
    const summary = strFromU8(zip['案卷目录.html']!);
    assert.match(summary, /已于 2031-03-22 按保存期限清除/);
    assert.ok(summary.includes('GK-DEM0-2021-02'));
    for (const v of [applicant.name, applicant.phone, applicant.idNumber!])
      assert.ok(!summary.includes(v) && !page.includes(v));
  });
});
