// The publication use cases on a real database (SQLite, or PostgreSQL with TEST_DATABASE_URL):
// index numbers under concurrency, the review steps with their audit events, role boundaries.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestDb, testDialect, type TestDb } from '../../test/support/db.js';
import { PERMISSIONS, type Permission } from '../auth/policy.js';
import type { Role } from '../auth/roles.js';
import { fixedClock } from '../db/time.js';
import { seedDemo, type DemoResult } from '../demo/seed-demo.js';
import {
  changeValidity,
  createDraft,
  createRecheck,
  decideRecheck,
  publish,
  recordChannels,
  recordReview,
  submitForReview,
  updateDraft,
  withdraw,
  type Staff,
} from './commands.js';
import type { PublicationInput } from './item.js';
import { getPublication, listChannels, listPublished } from './repository.js';

const clock = fixedClock('2021-06-18T02:00:00.000Z');

function staffOf(demo: DemoResult, username: string, roles: Role[]): Staff {
  return {
    actor: { id: demo.accounts[username] ?? null, label: username },
    holds: (p: Permission) => roles.some((r) => (PERMISSIONS[p] as readonly string[]).includes(r)),
  };
}

const input = (title: string): PublicationInput => ({
  title,
  summary: '公布征地补偿安置方案。',
  body: '<p>正文</p><script>alert(1)</script>',
  issuer: '灵山卫街道办事处',
  documentNumber: '灵街发〔2021〕12号',
  writtenOn: '2021-06-01',
  formedOn: '2021-06-02',
  changedOn: null,
  subject: '国土资源、能源',
  genre: '公告',
  keywords: ['征地', '补偿'],
  category: 'a21-land-expropriation',
});

describe(`publications on ${testDialect}`, () => {
  let db: TestDb;
  let demo: DemoResult;
  let handler: Staff;
  let reviewer: Staff;
  let publisher: Staff;
  const deps = () => ({ db, clock });

  before(async () => {
    db = await createTestDb();
    demo = await seedDemo({ db, clock, passwordParams: { N: 2 ** 10, r: 8, p: 1 } });
    handler = staffOf(demo, 'lsw-handler', ['handler']);
    reviewer = staffOf(demo, 'lsw-reviewer', ['reviewer']);
    publisher = staffOf(demo, 'lsw-publisher', ['publisher']);
  });
  after(() => db.destroy());

  async function approved(title: string): Promise<string> {
    const draft = await createDraft(deps(), handler, demo.agency, input(title));
    assert.ok(draft.ok);
    assert.ok((await submitForReview(deps(), handler, draft.value.id)).ok);
    assert.ok((await recordReview(deps(), reviewer, draft.value.id, 'approve', '无涉密内容')).ok);
    return draft.value.id;
  }

  test('draft → review → approved → published, each step an audit event; the body is sanitised', async () => {
    const id = await approved('关于灵山卫街道某村征地补偿安置方案的公告');
    const item = await getPublication(db.kysely, id);
    assert.equal(item?.bodyHtml, '<p>正文</p>');
    const published = await publish(deps(), publisher, id);
    assert.ok(published.ok);
    assert.equal(published.value.state, 'published');
    assert.equal(published.value.publishedOn, '2021-06-18');
    assert.match(published.value.indexNumber ?? '', /^11370211D00000021X\/2021-\d{5}$/);
    assert.equal(published.value.urlKey, published.value.indexNumber?.replace('/', '-'));
    assert.deepEqual(await listChannels(db.kysely, id), [
      { channel: 'website', publishedOn: '2021-06-18' },
    ]);
    const actions = (
      await db.kysely
        .selectFrom('audit_events')
        .select('action')
        .where('subject_id', '=', id)
        .orderBy('seq')
        .execute()
    ).map((e) => e.action);
    assert.deepEqual(actions, [
      'publication.create',
      'publication.submit',
      'publication.approve',
      'publication.publish',
    ]);
  });

  test('role boundaries: a handler cannot approve, a reviewer cannot publish, nobody reviews their own', async () => {
    const draft = await createDraft(deps(), handler, demo.agency, input('边界测试'));
    assert.ok(draft.ok);
    const id = draft.value.id;
    assert.ok((await submitForReview(deps(), handler, id)).ok);
    assert.equal((await recordReview(deps(), handler, id, 'approve', '同意')).ok, false);
    // An account that is both handler and reviewer cannot review what it submitted.
    const both = staffOf(demo, 'lsw-handler', ['handler', 'reviewer']);
    const own = await recordReview(deps(), both, id, 'approve', '同意');
    assert.deepEqual(own.ok ? null : own.errors._form?.includes('本人'), true);
    assert.ok((await recordReview(deps(), reviewer, id, 'approve', '同意')).ok);
    assert.equal((await publish(deps(), reviewer, id)).ok, false);
    assert.equal((await publish(deps(), handler, id)).ok, false);
    assert.equal((await updateDraft(deps(), handler, id, input('改标题'))).ok, false);
    assert.equal((await getPublication(db.kysely, id))?.state, 'approved');
  });

  test('a rejection sends the item back to draft with the reasons; it is then editable again', async () => {
    const draft = await createDraft(deps(), handler, demo.agency, input('驳回测试'));
    assert.ok(draft.ok);
    const id = draft.value.id;
    await submitForReview(deps(), handler, id);
    const rejected = await recordReview(
      deps(),
      reviewer,
      id,
      'reject',
      '附件含申请人身份证号，请删除',
    );
    assert.ok(rejected.ok);
    assert.equal(rejected.value.state, 'draft');
    assert.ok((await updateDraft(deps(), handler, id, input('驳回后修改'))).ok);
    const reviews = await db.kysely
      .selectFrom('publication_reviews')
      .selectAll()
      .where('publication_id', '=', id)
      .execute();
    assert.equal(reviews.length, 1);
    assert.equal(reviews[0]?.decision, 'rejected');
    assert.match(reviews[0]?.opinion ?? '', /身份证号/);
  });

  test(`index numbers issued at once are all different and consecutive (${testDialect})`, async () => {
    const ids = await Promise.all(Array.from({ length: 12 }, (_, i) => approved(`并发 ${i}`)));
    const results = await Promise.all(ids.map((id) => publish(deps(), publisher, id)));
    const numbers = results.map((r) => (r.ok ? r.value.indexNumber : null));
    assert.ok(numbers.every((n) => n !== null));
    assert.equal(new Set(numbers).size, numbers.length, 'no duplicates');
    const serials = numbers.map((n) => Number(n?.slice(-5))).sort((a, b) => a - b);
    for (let i = 1; i < serials.length; i++) assert.equal(serials[i], (serials[i - 1] ?? 0) + 1);
    // A second publish of the same item is refused and issues nothing.
    assert.equal((await publish(deps(), publisher, ids[0] ?? '')).ok, false);
  });

  test('a withdrawal hides the item from the public list; validity and channels change on published items', async () => {
    const id = await approved('撤回测试');
    await publish(deps(), publisher, id);
    const other = await approved('替代文件');
    const replacement = await publish(deps(), publisher, other);
    assert.ok(replacement.ok);
    const changed = await changeValidity(deps(), publisher, id, {
      validity: 'repealed',
      validityOn: '2021-06-18',
      replacedBy: replacement.value.indexNumber,
    });
    assert.ok(changed.ok);
    assert.equal(changed.value.validity, 'repealed');
    const unknown = await changeValidity(deps(), publisher, id, {
      validity: 'amended',
      validityOn: '2021-06-18',
      replacedBy: 'no/such',
    });
    assert.equal(unknown.ok ? null : Boolean(unknown.errors.replacedBy), true);
    assert.ok(
      (
        await recordChannels(deps(), publisher, id, {
          wechat: '2021-06-18',
          weibo: null,
          notice_board: '2021-06-19',
          other: null,
        })
      ).ok,
    );
    assert.deepEqual(
      (await listChannels(db.kysely, id)).map((c) => c.channel),
      ['website', 'wechat', 'notice_board'],
    );
    assert.equal((await withdraw(deps(), publisher, id, '')).ok, false);
    assert.ok((await withdraw(deps(), publisher, id, '该文件已废止，内容不再适用')).ok);
    const list = await listPublished(db.kysely, {
      agencyId: demo.agency.id,
      page: 1,
      pageSize: 100,
    });
    assert.equal(
      list.rows.some((p) => p.id === id),
      false,
    );
  });

  test('a re-check round lists what is published; the reviewer keeps or withdraws each', async () => {
    const round = await createRecheck(deps(), reviewer, demo.agency.id, '2021年上半年清查');
    assert.ok(round.ok);
    assert.equal((await createRecheck(deps(), publisher, demo.agency.id, '越权')).ok, false);
    const items = await db.kysely
      .selectFrom('publication_recheck_items')
      .select('publication_id')
      .where('recheck_id', '=', round.value.id)
      .execute();
    assert.equal(items.length, round.value.total);
    let completed = false;
    for (const [i, { publication_id }] of items.entries()) {
      const decision = i === 0 ? 'withdrawn' : 'kept';
      const r = await decideRecheck(
        deps(),
        reviewer,
        round.value.id,
        publication_id,
        decision,
        '已核查',
      );
      assert.ok(r.ok);
      completed = r.value.completed;
    }
    assert.equal(completed, true);
    const first = await getPublication(db.kysely, items[0]?.publication_id ?? '');
    assert.equal(first?.state, 'withdrawn');
    const again = await decideRecheck(
      deps(),
      reviewer,
      round.value.id,
      items[1]?.publication_id ?? '',
      'kept',
      '再次',
    );
    assert.equal(again.ok, false);
  });

  test('an item withdrawn outside a round settles its entry in the round', async () => {
    const id = await approved('清查中撤回');
    await publish(deps(), publisher, id);
    const round = await createRecheck(deps(), reviewer, demo.agency.id, '专项清查');
    assert.ok(round.ok);
    assert.ok((await withdraw(deps(), publisher, id, '内容已过时')).ok);
    const entry = await db.kysely
      .selectFrom('publication_recheck_items')
      .selectAll()
      .where('recheck_id', '=', round.value.id)
      .where('publication_id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(entry.decision, 'withdrawn');
    assert.equal(entry.opinion, '内容已过时');
  });
});
