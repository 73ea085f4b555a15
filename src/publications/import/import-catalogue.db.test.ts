// Importing real-shaped catalogue exports into the demo agency: the messy GB18030 file
// keeps its good rows and reports the others by row number; what is imported is published,
// sanitised and searchable, with the import's event and one event per item in the agency's
// chain (which still verifies); a second import of the same file adds nothing; a file
// refused as a whole stores nothing and records no event; an .xlsx reads the same way.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { createTestDb, testDialect, type TestDb } from '../../../test/support/db.js';
import type { Agency } from '../../agencies/agency.js';
import { verifyAuditChain } from '../../audit/audit-verify.js';
import { actorOf, systemActor } from '../../commands/actor.js';
import { fixedClock } from '../../db/time.js';
import { seedDemo } from '../../demo/seed-demo.js';
import { searchPublished } from '../search.js';
import { IMPORT_ITEM_ACTION, IMPORT_SUBJECT, importCatalogue } from './import-catalogue.js';

const clock = fixedClock('2026-11-20T02:00:00.000Z');
const actor = systemActor('命令行导入（测试）');
const fixture = (name: string) =>
  new Uint8Array(readFileSync(join(import.meta.dirname, '../../../test/fixtures/catalogue', name)));

async function withDemo(fn: (db: TestDb, agency: Agency) => Promise<void>) {
  const db = await createTestDb();
  try {
    const demo = await seedDemo({ db, clock, passwordParams: { N: 2 ** 10, r: 8, p: 1 } });
    await fn(db, demo.agency);
  } finally {
    await db.destroy();
  }
}

const count = async (db: TestDb) =>
  Number(
    (
      await db.kysely
        .selectFrom('publications')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const events = async (db: TestDb) =>
  (
    await db.kysely
      .selectFrom('audit_events')
      .select('seq')
      .where('action', '=', 'publication.import')
      .execute()
  ).length;
const allEvents = async (db: TestDb) =>
  Number(
    (
      await db.kysely
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

test(`a messy GB18030 export: good rows imported, the others reported by row (${testDialect})`, async () => {
  await withDemo(async (db, agency) => {
    const before = await count(db);
    const r = await importCatalogue({ db, clock }, actor, agency, {
      filename: 'messy-gb18030.csv',
      bytes: fixture('messy-gb18030.csv'),
    });
    assert.ok(r.ok);
    if (!r.ok) return;
    assert.equal(r.value.encoding, 'GB18030');
    assert.equal(r.value.rows, 8);
    assert.equal(r.value.imported, 3);
    assert.deepEqual(
      r.value.rejected.map((x) => [x.line, x.reason]),
      [
        [3, '成文日期「2019-02-30」不存在：2019年2月只有28天'],
        [5, '索引号与第 2 行重复'],
        [6, '缺少名称（标题）'],
        [7, '成文日期「2019/13/01」的月份不存在，月份应为 01–12'],
        [9, '有效性「永久有效」无法识别，应为：有效、失效、废止或已修改'],
      ],
    );
    assert.equal((await count(db)) - before, 3);
    assert.equal(await events(db), 1);
    const stored = await db.kysely
      .selectFrom('publications')
      .selectAll()
      .where('index_number', '=', '11370211D00000021X/2019-00103')
      .executeTakeFirstOrThrow();
    assert.equal(stored.state, 'published');
    assert.equal(stored.title, '关于<script>alert(1)</script>征地补偿标准的公告');
    assert.doesNotMatch(stored.body_html, /onerror|onclick|<img|<script/i);
    assert.match(stored.body_html, /补偿标准按区片综合地价执行/);
    const found = await searchPublished(db.kysely, {
      agencyId: agency.id,
      query: '征地补偿标准',
      order: 'relevance',
      page: 1,
      pageSize: 10,
    });
    assert.ok(found.rows.some((p) => p.indexNumber === '11370211D00000021X/2019-00103'));
    const flood = await searchPublished(db.kysely, {
      agencyId: agency.id,
      query: '防汛',
      order: 'relevance',
      page: 1,
      pageSize: 10,
    });
    assert.equal(flood.rows[0]?.writtenOn, '2019-06-12');
    assert.equal(flood.rows[0]?.publishedOn, '2019-06-14');
    const counter = await db.kysely
      .selectFrom('publication_index_counters')
      .select('last_serial')
      .where('agency_id', '=', agency.id)
      .where('year', '=', 2019)
      .executeTakeFirst();
    assert.equal(Number(counter?.last_serial), 106);
    // The same file again: everything already there, nothing written, no event.
    const again = await importCatalogue({ db, clock }, actor, agency, {
      filename: 'messy-gb18030.csv',
      bytes: fixture('messy-gb18030.csv'),
    });
    assert.ok(again.ok);
    assert.equal(again.ok && again.value.imported, 0);
    assert.equal(again.ok && again.value.rejected.filter((x) => /已存在/.test(x.reason)).length, 3);
    assert.equal((await count(db)) - before, 3);
    assert.equal(await events(db), 1);
  });
});

test(`the other real shapes: local numbers in UTF-8, a crawler's BOM file without 成文日期 (${testDialect})`, async () => {
  await withDemo(async (db, agency) => {
    const local = await importCatalogue({ db, clock }, actor, agency, {
      filename: 'local-variant-utf8.csv',
      bytes: fixture('local-variant-utf8.csv'),
    });
    assert.ok(local.ok);
    assert.equal(local.ok && local.value.imported, 4);
    const repealed = await db.kysely
      .selectFrom('publications')
      .selectAll()
      .where('index_number', '=', '202006-00027')
      .executeTakeFirstOrThrow();
    assert.equal(repealed.validity, 'repealed');
    assert.equal(repealed.category, 'a20-1');
    assert.equal(repealed.url_key, '202006-00027');
    assert.equal(repealed.written_on, '2020-06-12');
    const crawl = await importCatalogue({ db, clock }, actor, agency, {
      filename: 'gkmlpt-crawl-bom.csv',
      bytes: fixture('gkmlpt-crawl-bom.csv'),
    });
    assert.ok(crawl.ok);
    assert.equal(crawl.ok && crawl.value.imported, 3);
    const noWritten = await db.kysely
      .selectFrom('publications')
      .selectAll()
      .where('index_number', '=', '11370211D00000021X/2024-00035')
      .executeTakeFirstOrThrow();
    assert.equal(noWritten.written_on, null);
    assert.equal(noWritten.formed_on, '2024-05-27');
    assert.equal(noWritten.genre, '公告');
    assert.equal(await events(db), 2);
  });
});

test(`each imported item has its own event, naming the import, file and line; the chain verifies (${testDialect})`, async () => {
  await withDemo(async (db, agency) => {
    const r = await importCatalogue({ db, clock }, actor, agency, {
      filename: 'messy-gb18030.csv',
      bytes: fixture('messy-gb18030.csv'),
    });
    assert.ok(r.ok);
    const rows = await db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('chain_id', '=', agency.id)
      .where('action', 'in', ['publication.import', IMPORT_ITEM_ACTION])
      .orderBy('seq')
      .execute();
    const [batch, ...items] = rows;
    assert.equal(batch?.action, 'publication.import');
    assert.equal(batch?.subject_type, IMPORT_SUBJECT);
    const batchAfter = JSON.parse(batch?.after_json ?? '{}') as { items: string[] };
    const stored = await db.kysely
      .selectFrom('publications')
      .select(['id', 'index_number', 'created_by', 'published_by'])
      .where('index_number', 'in', [
        '11370211D00000021X/2019-00101',
        '11370211D00000021X/2019-00103',
        '11370211D00000021X/2019-00106',
      ])
      .execute();
    assert.equal(stored.length, 3);
    assert.deepEqual([...batchAfter.items].sort(), stored.map((s) => s.id).sort());
    // One event per item, in the file's order, under the item's own subject.
    assert.deepEqual(
      items.map((e) => [e.action, e.subject_type]),
      [
        [IMPORT_ITEM_ACTION, 'publication'],
        [IMPORT_ITEM_ACTION, 'publication'],
        [IMPORT_ITEM_ACTION, 'publication'],
      ],
    );
    assert.deepEqual(
      items.map((e) => e.subject_id),
      batchAfter.items,
    );
    const details = items.map(
      (e) =>
        JSON.parse(e.after_json ?? '{}') as {
          importId: string;
          filename: string;
          line: number;
          state: string;
          indexNumber: string;
          bodyHtml?: string;
        },
    );
    assert.deepEqual(
      details.map((d) => [d.importId, d.filename, d.line, d.state]),
      [
        [batch?.subject_id, 'messy-gb18030.csv', 2, 'published'],
        [batch?.subject_id, 'messy-gb18030.csv', 4, 'published'],
        [batch?.subject_id, 'messy-gb18030.csv', 8, 'published'],
      ],
    );
    assert.ok(details.every((d) => d.bodyHtml === undefined));
    assert.ok(items.every((e) => e.actor_label === actor.label && e.actor_id === null));
    // A second import is a second subject, not the first one's id again.
    await importCatalogue({ db, clock }, actor, agency, {
      filename: 'local-variant-utf8.csv',
      bytes: fixture('local-variant-utf8.csv'),
    });
    const batches = await db.kysely
      .selectFrom('audit_events')
      .select('subject_id')
      .where('action', '=', 'publication.import')
      .execute();
    assert.equal(new Set(batches.map((b) => b.subject_id)).size, 2);
    const verified = await verifyAuditChain(db.kysely, agency.id);
    assert.ok(verified.ok, verified.problem?.message);
  });
});

test(`an officer's import records them as who created and published the items (${testDialect})`, async () => {
  const db = await createTestDb();
  try {
    const demo = await seedDemo({ db, clock, passwordParams: { N: 2 ** 10, r: 8, p: 1 } });
    const accountId = demo.accounts['lsw-publisher'] ?? '';
    const officer = actorOf({ accountId, displayName: '演示发布员', username: 'lsw-publisher' });
    const r = await importCatalogue({ db, clock }, officer, demo.agency, {
      filename: 'gkmlpt-crawl-bom.csv',
      bytes: fixture('gkmlpt-crawl-bom.csv'),
    });
    assert.ok(r.ok);
    const item = await db.kysely
      .selectFrom('publications')
      .select(['id', 'created_by', 'published_by'])
      .where('index_number', '=', '11370211D00000021X/2024-00035')
      .executeTakeFirstOrThrow();
    assert.deepEqual([item.created_by, item.published_by], [accountId, accountId]);
    const event = await db.kysely
      .selectFrom('audit_events')
      .select(['actor_id', 'actor_label'])
      .where('subject_id', '=', item.id)
      .where('action', '=', IMPORT_ITEM_ACTION)
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      [event.actor_id, event.actor_label],
      [accountId, '演示发布员（lsw-publisher）'],
    );
  } finally {
    await db.destroy();
  }
});

test(`a file refused as a whole stores nothing and records no event (${testDialect})`, async () => {
  await withDemo(async (db, agency) => {
    const before = await count(db);
    const eventsBefore = await allEvents(db);
    const cases: [string, Uint8Array, RegExp][] = [
      [
        'a.csv',
        new TextEncoder().encode('序号,标题,发文日期\n1,某通知,2021-01-01\n'),
        /缺少以下列：索引号、发布机构/,
      ],
      ['b.csv', new TextEncoder().encode('索引号,名称,发布机构,成文日期\n'), /没有数据行/],
      ['c.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2]), /另存为/],
      ['d.xlsx', new TextEncoder().encode('not a zip'), /无法读取这个 Excel 文件/],
      ['e.csv', new Uint8Array(0), /文件是空的/],
      // A real crawl of a portal's list (40 rows, no 索引号): refused whole, nothing kept.
      [
        'hebei-szf-bgtwj-excerpt.csv',
        fixture('real/hebei-szf-bgtwj-excerpt.csv'),
        /缺少以下列：索引号、发布机构。.*「序号」只是行的编号/,
      ],
    ];
    for (const [filename, bytes, message] of cases) {
      const r = await importCatalogue({ db, clock }, actor, agency, { filename, bytes });
      assert.equal(r.ok, false, filename);
      assert.match(!r.ok ? (r.errors.file ?? '') : '', message, filename);
    }
    assert.equal(await count(db), before);
    assert.equal(await events(db), 0);
    assert.equal(await allEvents(db), eventsBefore);
  });
});

test(`an .xlsx export: date cells, numbers and rich text read as a reader sees them (${testDialect})`, async () => {
  await withDemo(async (db, agency) => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('目录');
    sheet.addRow(['索引号', '名称', '发布机构', '文号', '成文日期', '发布日期', '有效性']);
    sheet.addRow([
      'XL-2022-0001',
      '灵山卫街道关于印发《低保审核工作规程》的通知',
      '灵山卫街道办事处',
      '灵街办发〔2022〕3号',
      new Date(Date.UTC(2022, 2, 1)),
      new Date(Date.UTC(2022, 2, 4)),
      '有效',
    ]);
    sheet.addRow([
      'XL-2022-0002',
      {
        richText: [
          { text: '灵山卫街道' },
          { text: '征地', font: { bold: true } },
          { text: '信息公示' },
        ],
      },
      '灵山卫街道办事处',
      '',
      '2022/4/1',
      '',
      '',
    ]);
    sheet.addRow(['XL-2022-0003', '日期是个数', '灵山卫街道办事处', '', 20220501, '', '']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const r = await importCatalogue({ db, clock }, actor, agency, { filename: '目录.xlsx', bytes });
    assert.ok(r.ok);
    if (!r.ok) return;
    assert.equal(r.value.encoding, 'xlsx');
    assert.equal(r.value.imported, 3);
    const first = await db.kysely
      .selectFrom('publications')
      .selectAll()
      .where('index_number', '=', 'XL-2022-0001')
      .executeTakeFirstOrThrow();
    assert.equal(first.written_on, '2022-03-01');
    assert.equal(first.published_on, '2022-03-04');
    const rich = await db.kysely
      .selectFrom('publications')
      .selectAll()
      .where('index_number', '=', 'XL-2022-0002')
      .executeTakeFirstOrThrow();
    assert.equal(rich.title, '灵山卫街道征地信息公示');
    const found = await searchPublished(db.kysely, {
      agencyId: agency.id,
      query: '征地',
      order: 'date',
      page: 1,
      pageSize: 50,
    });
    assert.ok(found.rows.some((p) => p.indexNumber === 'XL-2022-0002'));
  });
});
