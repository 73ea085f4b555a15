// Search in the database (FTS5 on SQLite, tsvector + GIN on PostgreSQL): two-character words
// and document numbers match, characters far apart do not, only published items are found, and
// only the agency's own: another agency's item with the same words never is.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestDb, testDialect, type TestDb } from '../../test/support/db.js';
import { PERMISSIONS, type Permission } from '../auth/policy.js';
import { fixedClock } from '../db/time.js';
import { seedDemo, type DemoResult } from '../demo/seed-demo.js';
import type { Agency } from '../agencies/agency.js';
import {
  createDraft,
  publish,
  recordReview,
  submitForReview,
  withdraw,
  type Staff,
} from './commands.js';
import { searchPublished } from './search.js';
import { agencyToken } from './search-tokens.js';

describe(`search on ${testDialect}`, () => {
  let db: TestDb;
  let demo: DemoResult;
  const clock = fixedClock('2022-03-01T02:00:00.000Z');
  before(async () => {
    db = await createTestDb();
    demo = await seedDemo({ db, clock, passwordParams: { N: 2 ** 10, r: 8, p: 1 } });
  });
  after(() => db.destroy());

  const titles = async (
    query: string,
    order: 'relevance' | 'date' = 'relevance',
    agency: Agency = demo.agency,
  ) =>
    (
      await searchPublished(db.kysely, {
        agencyId: agency.id,
        query,
        order,
        page: 1,
        pageSize: 50,
      })
    ).rows.map((r) => r.title);

  test('a two-character word finds the items that contain it, best match first', async () => {
    const found = await titles('征地');
    assert.ok(found.length >= 1);
    assert.ok(found.every((t) => /征/.test(t) || t.includes('集体土地')));
    assert.ok(found.includes('灵山卫街道办事处关于2021年度集体土地征收补偿安置方案的公告'));
    assert.ok(found.includes('灵山卫街道征收土地预公告'));
    assert.deepEqual(await titles('城市管理 预算'), []);
    assert.ok((await titles('城市管理')).length >= 3);
  });

  test('document numbers match; a different number does not', async () => {
    assert.deepEqual(await titles('灵街办发〔2021〕30号'), [
      '关于印发《灵山卫街道城市管理网格化工作实施方案（2021年修订）》的通知',
    ]);
    assert.deepEqual(await titles('〔2021〕31号'), []);
  });

  test('characters that are not adjacent do not make a word', async () => {
    // 「征」 and 「地」 both occur in the demo items, never as 「征地」 in these two.
    const found = await titles('征地');
    assert.equal(found.includes('灵山卫街道2021年临时救助工作情况'), false);
  });

  test('drafts, items in review and withdrawn items are never found', async () => {
    assert.deepEqual(await titles('土地承包经营权流转'), []);
    assert.deepEqual(await titles('公共服务设施建设项目'), []);
    const staff: Staff = {
      actor: { id: demo.accounts['lsw-publisher'] ?? null, label: '发布员' },
      holds: (p: Permission) => (PERMISSIONS[p] as readonly string[]).includes('publisher'),
    };
    const handler: Staff = {
      actor: { id: demo.accounts['lsw-handler'] ?? null, label: '承办人' },
      holds: (p: Permission) => (PERMISSIONS[p] as readonly string[]).includes('handler'),
    };
    await createDraft({ db, clock }, handler, demo.agency, {
      title: '低保对象动态管理草稿',
      summary: '草稿',
      body: '',
      issuer: '灵山卫街道办事处',
      documentNumber: null,
      writtenOn: null,
      formedOn: '2022-02-01',
      changedOn: null,
      subject: '民政、扶贫、救灾',
      genre: '其他',
      keywords: [],
      category: 'a21-social-assistance',
    });
    assert.deepEqual(await titles('低保'), []);
    // The budget item is found, and once withdrawn it is not (generated demo items about
    // 财政收支 still are).
    const budget = '灵山卫街道2021年部门预算公开';
    assert.ok((await titles('预算')).includes(budget));
    const id = '00000000-0000-4000-8000-0000000d0006';
    assert.ok((await withdraw({ db, clock }, staff, id, '更正后重新发布')).ok);
    const after = await titles('预算');
    assert.ok(!after.includes(budget));
  });

  test("another agency's item with the same words is never found, nor is the agency's token", async () => {
    const staff = (username: string, role: string): Staff => ({
      actor: { id: demo.accounts[username] ?? null, label: username },
      holds: (p: Permission) => (PERMISSIONS[p] as readonly string[]).includes(role),
    });
    const own = await titles('灵街办发〔2021〕30号');
    assert.equal(own.length, 1);
    const deps = { db, clock };
    const draft = await createDraft(deps, staff('lsw-handler', 'handler'), demo.parent, {
      title: '上级机关转发灵山卫街道城市管理网格化工作实施方案的通知',
      summary: '征地补偿安置方案与城市管理网格化工作。',
      body: '<p>灵街办发〔2021〕30号 征地 城市管理</p>',
      issuer: '上级机关',
      documentNumber: '灵街办发〔2021〕30号',
      writtenOn: '2022-02-01',
      formedOn: '2022-02-01',
      changedOn: null,
      subject: '城乡建设、环境保护',
      genre: '通知',
      keywords: ['征地', '城市管理'],
      category: 'a20-1',
    });
    assert.ok(draft.ok);
    const id = draft.value.id;
    assert.ok((await submitForReview(deps, staff('lsw-handler', 'handler'), id)).ok);
    assert.ok(
      (await recordReview(deps, staff('lsw-reviewer', 'reviewer'), id, 'approve', '无涉密内容')).ok,
    );
    assert.ok((await publish(deps, staff('lsw-publisher', 'publisher'), id)).ok);
    // The other agency finds its item; this agency's results are as before.
    assert.deepEqual(await titles('灵街办发〔2021〕30号', 'relevance', demo.parent), [
      '上级机关转发灵山卫街道城市管理网格化工作实施方案的通知',
    ]);
    assert.deepEqual(await titles('灵街办发〔2021〕30号'), own);
    assert.equal((await titles('征地')).includes(draft.value.title), false);
    assert.equal((await titles('城市管理')).includes(draft.value.title), false);
    // Every entry carries its agency's token, yet typing it (or the id) matches nothing.
    for (const agency of [demo.agency, demo.parent]) {
      assert.deepEqual(await titles(agencyToken(agency.id), 'relevance', agency), []);
      assert.deepEqual(await titles(agency.id, 'relevance', agency), []);
    }
  });

  test('a query with nothing to search finds nothing; pages hold', async () => {
    assert.deepEqual(await titles('，。'), []);
    const r = await searchPublished(db.kysely, {
      agencyId: demo.agency.id,
      query: '灵山卫',
      order: 'date',
      page: 99,
      pageSize: 2,
    });
    assert.ok(r.total >= 4);
    assert.equal(r.page, r.pageCount);
  });

  test('the total is the number of items the pages list, each once; a page past the end is the last', async () => {
    for (const order of ['relevance', 'date'] as const) {
      const search = (page: number) =>
        searchPublished(db.kysely, {
          agencyId: demo.agency.id,
          query: '灵山卫',
          order,
          page,
          pageSize: 2,
        });
      const first = await search(1);
      assert.ok(first.pageCount >= 2, 'the demo street has several items about 灵山卫');
      const listed: string[] = [];
      for (let page = 1; page <= first.pageCount; page++) {
        const r = await search(page);
        assert.equal(r.total, first.total);
        assert.equal(r.page, page);
        listed.push(...r.rows.map((row) => row.id));
      }
      assert.equal(listed.length, first.total);
      assert.equal(new Set(listed).size, listed.length);
      const past = await search(first.pageCount + 5);
      const last = await search(first.pageCount);
      assert.deepEqual(
        { total: past.total, page: past.page, ids: past.rows.map((r) => r.id) },
        { total: last.total, page: last.page, ids: last.rows.map((r) => r.id) },
      );
    }
    const none = await searchPublished(db.kysely, {
      agencyId: demo.agency.id,
      query: '〔2021〕31号',
      order: 'relevance',
      page: 3,
      pageSize: 2,
    });
    assert.deepEqual(none, { total: 0, page: 1, pageCount: 1, rows: [] });
  });
});
