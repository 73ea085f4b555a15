// Table 二 and the channel counts as the database counts them, against a direct count over
// the same items one by one: named validity histories with their figures written out, then
// random catalogues (other agencies' items, drafts, withdrawn items, items with no date, a
// repeal dated before the issue, channel dates on the year's edges) on both databases.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import fc from 'fast-check';
import { insertAgencyRow } from '../../../test/support/agencies.js';
import { createTestDb, testDialect, type TestDb } from '../../../test/support/db.js';
import { CHANNELS, VALIDITIES, type Validity } from '../item.js';
import { computeTableTwo, onlineTotal, publishedPerChannel } from './report-source.js';
import { legalKindOf, stockFor, type LegalDocumentGroup } from './table-two.js';
import { itemsPerChannel } from './year-figures-repository.js';

const NOW = new Date('2026-11-20T02:00:00.000Z');
const STATES = ['published', 'withdrawn', 'draft', 'in_review', 'approved'] as const;

interface Item {
  state: (typeof STATES)[number];
  category: string;
  genre: string;
  writtenOn: string | null;
  publishedOn: string | null;
  validity: Validity;
  validityOn: string | null;
  channels: { channel: string; publishedOn: string }[];
}

const item = (over: Partial<Item>): Item => ({
  state: 'published',
  category: 'a20-1',
  genre: '通知',
  writtenOn: '2021-03-01',
  publishedOn: '2021-03-02',
  validity: 'valid',
  validityOn: null,
  channels: [],
  ...over,
});

async function store(db: TestDb, agencyId: string, items: readonly Item[]): Promise<void> {
  for (const it of items) {
    const id = randomUUID();
    await db.kysely
      .insertInto('publications')
      .values({
        id,
        agency_id: agencyId,
        state: it.state,
        title: '关于印发测试办法的通知',
        summary: '',
        body_html: '<p>正文</p>',
        issuer: '测试街道办事处',
        written_on: it.writtenOn,
        formed_on: it.writtenOn ?? '2021-01-01',
        published_on: it.publishedOn,
        subject: '综合政务',
        genre: it.genre,
        keywords: '',
        category: it.category,
        validity: it.validity,
        validity_on: it.validityOn,
        created_at: NOW.toISOString(),
        updated_at: NOW.toISOString(),
      })
      .execute();
    if (it.channels.length > 0)
      await db.kysely
        .insertInto('publication_channels')
        .values(
          it.channels.map((c) => ({
            publication_id: id,
            channel: c.channel,
            published_on: c.publishedOn,
          })),
        )
        .execute();
  }
}

const counted = (it: Item) => it.state === 'published' || it.state === 'withdrawn';

/** Table 二's stock rows the way it was first computed: every document read, one by one. */
function directStock(items: readonly Item[], year: number) {
  const docs = items.flatMap((it): LegalDocumentGroup[] => {
    const kind = legalKindOf(it.category, it.genre);
    const issuedOn = it.writtenOn ?? it.publishedOn;
    if (!counted(it) || !kind || !issuedOn) return [];
    const validityYear = it.validityOn ? Number(it.validityOn.slice(0, 4)) : null;
    return [
      {
        kind,
        issuedYear: Number(issuedOn.slice(0, 4)),
        validity: it.validity,
        validityYear,
        count: 1,
      },
    ];
  });
  return {
    rules: stockFor(docs, 'rules', year),
    normative_documents: stockFor(docs, 'normative_documents', year),
  };
}

/** Channel rows of counted items dated within the year, one by one. */
function directChannels(items: readonly Item[], year: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const it of items.filter(counted))
    for (const c of it.channels)
      if (c.publishedOn.startsWith(`${year}-`)) out[c.channel] = (out[c.channel] ?? 0) + 1;
  return out;
}

async function withDb(fn: (db: TestDb) => Promise<void>): Promise<void> {
  const db = await createTestDb();
  try {
    await fn(db);
  } finally {
    await db.destroy();
  }
}

test(`named validity histories give table 二's figures of 2021 (${testDialect})`, async () => {
  await withDb(async (db) => {
    const [agencyId, other] = [
      await insertAgencyRow(db.kysely, NOW),
      await insertAgencyRow(db.kysely, NOW),
    ];
    const items = [
      // 规范性文件: issued 2019, repealed in 2021 → 废止 1.
      item({ writtenOn: '2019-05-01', validity: 'repealed', validityOn: '2021-12-31' }),
      // Repealed on 1 January 2022: still in force at 31 December 2021.
      item({ writtenOn: '2018-05-01', validity: 'repealed', validityOn: '2022-01-01' }),
      // 已修改 stays in force.
      item({ writtenOn: '2017-05-01', validity: 'amended', validityOn: '2021-06-01' }),
      // Expired in 2020: neither counted nor in force in 2021.
      item({ writtenOn: '2016-05-01', validity: 'expired', validityOn: '2020-06-30' }),
      // Imported without a 成文日期: dated by its publication (2021) → 制发 1.
      item({ writtenOn: null, publishedOn: '2021-08-08' }),
      // Imported with no date at all: not counted.
      item({ writtenOn: null, publishedOn: null, state: 'withdrawn' }),
      // Repealed with no date recorded: in the year it was issued (2021) → 制发 1, 废止 1.
      item({ writtenOn: '2021-02-02', validity: 'repealed' }),
      // Withdrawn from the catalogue is still a document the agency issued.
      item({ writtenOn: '2021-04-04', state: 'withdrawn' }),
      // Not counted: a draft, another category, a document of next year.
      item({ writtenOn: '2021-04-04', state: 'draft' }),
      item({ writtenOn: '2021-04-04', category: 'a20-2' }),
      item({ writtenOn: '2022-01-02' }),
      // 规章 (a 令): issued 2020, in force.
      item({ genre: '命令（令）', writtenOn: '2020-10-10' }),
      // 规章 repealed, the date typed before its issue: ends in 2021, the issue year.
      item({
        genre: '命令（令）',
        writtenOn: '2021-09-09',
        validity: 'repealed',
        validityOn: '2001-01-01',
      }),
    ];
    await store(db, agencyId, items);
    await store(db, other, [item({ writtenOn: '2021-01-05' })]);
    const grid = await computeTableTwo({ db: db.kysely, agencyId, year: 2021 });
    assert.deepEqual(grid.normative_documents, { issued: 3, repealed: 2, in_force: 4 });
    assert.deepEqual(grid.rules, { issued: 1, repealed: 1, in_force: 1 });
    const direct = directStock(items, 2021);
    assert.deepEqual({ rules: grid.rules, normative_documents: grid.normative_documents }, direct);
  });
});

const DATES = [
  '2019-01-01',
  '2019-12-31',
  '2020-01-01',
  '2020-06-15',
  '2020-12-31',
  '2021-01-01',
  '2021-07-01',
  '2021-12-31',
  '2022-01-01',
  '2022-12-31',
] as const;
const date = fc.constantFrom(...DATES);
const itemArb: fc.Arbitrary<Item> = fc.record({
  state: fc.constantFrom(...STATES),
  category: fc.constantFrom('a20-1', 'a20-1', 'a20-1', 'a20-6'),
  genre: fc.constantFrom('命令（令）', '通知', '规定', '意见'),
  writtenOn: fc.option(fc.oneof(date, date, date, fc.constant('')), { freq: 4 }),
  publishedOn: fc.option(date, { freq: 6 }),
  validity: fc.constantFrom(...VALIDITIES),
  validityOn: fc.option(fc.oneof(date, fc.constant('')), { freq: 3 }),
  channels: fc.uniqueArray(
    fc.record({ channel: fc.constantFrom(...CHANNELS), publishedOn: date }),
    { selector: (c) => c.channel, maxLength: 4 },
  ),
});

test(`random catalogues: the database's counts are the item-by-item counts, every year (${testDialect})`, async () => {
  await withDb(async (db) => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(itemArb, { maxLength: 40 }),
        fc.array(itemArb, { maxLength: 5 }),
        async (mine, others) => {
          const [agencyId, other] = [
            await insertAgencyRow(db.kysely, NOW),
            await insertAgencyRow(db.kysely, NOW),
          ];
          await store(db, agencyId, mine);
          await store(db, other, others);
          for (let year = 2019; year <= 2023; year++) {
            const query = { db: db.kysely, agencyId, year };
            const grid = await computeTableTwo(query);
            assert.deepEqual(
              { rules: grid.rules, normative_documents: grid.normative_documents },
              directStock(mine, year),
              `table 二 ${year}`,
            );
            const channels = directChannels(mine, year);
            assert.deepEqual(await itemsPerChannel(db.kysely, agencyId, year), channels);
            const perChannel = await publishedPerChannel(query);
            assert.deepEqual(perChannel, channels);
            assert.equal(
              onlineTotal(perChannel),
              Object.entries(channels)
                .filter(([c]) => c !== 'notice_board')
                .reduce((n, [, k]) => n + k, 0),
            );
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
