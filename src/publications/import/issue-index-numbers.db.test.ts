// Importing a list without 索引号 on explicit request (decision 0024): the real 河北省教育厅
// crawl comes in whole with numbers from the platform's issuer and the agency as 发布机构;
// without the request it is refused and told about it; a mixed file keeps the numbers it
// brings and the issued ones never collide with them; a file that fails stores nothing and
// uses no number.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createTestDb, testDialect, type TestDb } from '../../../test/support/db.js';
import type { Agency } from '../../agencies/agency.js';
import { systemActor } from '../../commands/actor.js';
import { fixedClock } from '../../db/time.js';
import { seedDemo } from '../../demo/seed-demo.js';
import { importCatalogue } from './import-catalogue.js';

const clock = fixedClock('2026-11-20T02:00:00.000Z');
const actor = systemActor('命令行导入（测试）');
const JYT = new Uint8Array(
  readFileSync(
    join(import.meta.dirname, '../../../test/fixtures/catalogue/real/hebei-jyt-zcwj.csv'),
  ),
);

async function withDemo(fn: (db: TestDb, agency: Agency) => Promise<void>) {
  const db = await createTestDb();
  try {
    const demo = await seedDemo({ db, clock, passwordParams: { N: 2 ** 10, r: 8, p: 1 } });
    await fn(db, demo.agency);
  } finally {
    await db.destroy();
  }
}

const lastSerial = async (db: TestDb, agency: Agency, year: number) =>
  Number(
    (
      await db.kysely
        .selectFrom('publication_index_counters')
        .select('last_serial')
        .where('agency_id', '=', agency.id)
        .where('year', '=', year)
        .executeTakeFirst()
    )?.last_serial ?? 0,
  );

const byTitle = (db: TestDb, agency: Agency, title: string) =>
  db.kysely
    .selectFrom('publications')
    .select(['index_number', 'url_key', 'issuer', 'published_on', 'validity', 'state'])
    .where('agency_id', '=', agency.id)
    .where('title', '=', title)
    .executeTakeFirstOrThrow();

const serialOf = (indexNumber: string | null) => Number(indexNumber?.slice(-5));

test(`the real 教育厅 list: refused without the request, all 58 rows numbered with it (${testDialect})`, async () => {
  await withDemo(async (db, agency) => {
    const file = { filename: 'hebei-jyt-zcwj.csv', bytes: JYT };
    const refused = await importCatalogue({ db, clock }, actor, agency, file);
    assert.equal(refused.ok, false);
    assert.match(refused.ok ? '' : (refused.errors.file ?? ''), /--issue-index-numbers/);

    const dry = await importCatalogue({ db, clock }, actor, agency, file, {
      dryRun: true,
      issueIndexNumbers: true,
    });
    assert.ok(dry.ok);
    assert.deepEqual(dry.ok && [dry.value.imported, dry.value.issued], [58, 58]);
    // A dry run uses no number.
    const before2024 = await lastSerial(db, agency, 2024);
    const before2023 = await lastSerial(db, agency, 2023);

    const r = await importCatalogue({ db, clock }, actor, agency, file, {
      issueIndexNumbers: true,
    });
    assert.ok(r.ok);
    if (!r.ok) return;
    assert.deepEqual(
      [r.value.rows, r.value.imported, r.value.issued, r.value.issuerFilled, r.value.rejected],
      [58, 58, 58, 58, []],
    );
    // Hand-checked against the crawl: its first row and its last.
    const first = await byTitle(
      db,
      agency,
      '河北省语言文字工作委员会  河北省教育厅关于公布第六届中华经典诵写讲大赛“诵读中国”经典诵读大赛河北省选拔赛...',
    );
    const second = await byTitle(
      db,
      agency,
      '河北省语言文字工作委员会  河北省教育厅关于公布第六届中华经典诵写讲大赛“笔墨中国”汉字书写大赛河北省选拔赛...',
    );
    const last = await byTitle(db, agency, '教育部颁布《校外培训行政处罚暂行办法》');
    assert.deepEqual(
      [first.published_on, first.validity, first.state, first.issuer],
      ['2024-08-31', 'valid', 'published', agency.fullName],
    );
    assert.equal(
      first.index_number,
      `${agency.code}/2024-${String(before2024 + 1).padStart(5, '0')}`,
    );
    assert.equal(first.url_key, `${agency.code}-2024-${String(before2024 + 1).padStart(5, '0')}`);
    // In the file's order, one after the other.
    assert.equal(serialOf(second.index_number), before2024 + 2);
    assert.deepEqual([last.published_on, last.validity], ['2023-09-12', 'valid']);
    assert.match(last.index_number ?? '', new RegExp(`^${agency.code}/2023-\\d{5}$`));
    assert.ok(serialOf(last.index_number) > before2023);
    const numbers = await db.kysely
      .selectFrom('publications')
      .select('index_number')
      .where('agency_id', '=', agency.id)
      .execute();
    assert.equal(new Set(numbers.map((n) => n.index_number)).size, numbers.length);
    const event = await db.kysely
      .selectFrom('audit_events')
      .select('after_json')
      .where('action', '=', 'publication.import')
      .executeTakeFirstOrThrow();
    const after = JSON.parse(event.after_json ?? '{}') as {
      issuedIndexNumbers: number;
      issuerFilled: number;
    };
    assert.deepEqual([after.issuedIndexNumbers, after.issuerFilled], [58, 58]);
  });
});

test(`a mixed file keeps the numbers it brings and issues the rest after them (${testDialect})`, async () => {
  await withDemo(async (db, agency) => {
    const start = await lastSerial(db, agency, 2021);
    const own = (n: number) => `${agency.code}/2021-${String(n).padStart(5, '0')}`;
    const csv = [
      '索引号,标题,发布机构,发布日期,效力状态',
      `,甲通知,,2021-03-01,有效`,
      `${own(start + 2)},乙通知,本街道,2021-03-02,失效`,
      `202103-00007,丙通知,本街道,2021-03-03,废止`,
      `,丁通知,本街道,2021-03-04,已修改`,
      `,,本街道,2021-03-05,有效`,
      `,戊通知,本街道,2021-02-30,有效`,
    ].join('\r\n');
    const r = await importCatalogue(
      { db, clock },
      actor,
      agency,
      { filename: 'mixed.csv', bytes: new TextEncoder().encode(csv) },
      { issueIndexNumbers: true },
    );
    assert.ok(r.ok);
    if (!r.ok) return;
    assert.deepEqual([r.value.imported, r.value.issued, r.value.issuerFilled], [4, 2, 1]);
    assert.deepEqual(
      r.value.rejected.map((x) => [x.line, x.reason]),
      [
        [6, '缺少名称（标题）'],
        [7, '发布日期「2021-02-30」不存在：2021年2月只有28天'],
      ],
    );
    const rows = await db.kysely
      .selectFrom('publications')
      .select(['title', 'index_number', 'issuer', 'validity'])
      .where('agency_id', '=', agency.id)
      .where('title', 'in', ['甲通知', '乙通知', '丙通知', '丁通知'])
      .orderBy('title')
      .execute();
    const at = (title: string) => rows.find((x) => x.title === title);
    // The brought numbers kept; the issued ones come after the highest brought, never on it.
    assert.equal(at('乙通知')?.index_number, own(start + 2));
    assert.equal(at('丙通知')?.index_number, '202103-00007');
    assert.equal(at('甲通知')?.index_number, own(start + 3));
    assert.equal(at('丁通知')?.index_number, own(start + 4));
    assert.equal(at('甲通知')?.issuer, agency.fullName);
    assert.deepEqual(
      ['甲通知', '乙通知', '丙通知', '丁通知'].map((t) => at(t)?.validity),
      ['valid', 'expired', 'repealed', 'amended'],
    );
    assert.equal(await lastSerial(db, agency, 2021), start + 4);
  });
});

test(`a file that fails stores nothing and uses no number (${testDialect})`, async () => {
  await withDemo(async (db, agency) => {
    await db.kysely
      .insertInto('publication_index_counters')
      .values({ agency_id: agency.id, year: 2022, last_serial: 99_998 })
      .execute();
    const events = async () =>
      (await db.kysely.selectFrom('audit_events').select('seq').execute()).length;
    const eventsBefore = await events();
    const csv = ['标题,发布日期', '甲,2022-01-01', '乙,2022-01-02'].join('\n');
    const r = await importCatalogue(
      { db, clock },
      actor,
      agency,
      { filename: 'full.csv', bytes: new TextEncoder().encode(csv) },
      { issueIndexNumbers: true },
    );
    assert.equal(r.ok, false);
    assert.match(r.ok ? '' : (r.errors.file ?? ''), /第 3 行：本机关 2022 年的索引号已用完/);
    assert.equal(await lastSerial(db, agency, 2022), 99_998);
    const stored = await db.kysely
      .selectFrom('publications')
      .select('id')
      .where('title', 'in', ['甲', '乙'])
      .execute();
    assert.equal(stored.length, 0);
    assert.equal(await events(), eventsBefore);
  });
});
