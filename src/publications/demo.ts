// Demo publications of 灵山卫街道: a handful of published items with full metadata (征地,
// 城市管理, 财政, 社会救助; one repealed and replaced), one awaiting confidentiality review and
// one withdrawn — and, generated (demo-generated.ts), the rest of the 179 items its 2021
// report counts on the 政府网站, each marked as demo content. Titles follow the agency's
// real kinds of publication; the bodies are short and say they are demo content, and the
// index numbers are issued by the platform's issuer under the demo agency's fictional code.
// Idempotent: fixed ids, each item reset to its demo values on every run; a number once
// issued is kept. Written in batches: the demo runs in many tests.
import type { Agency } from '../agencies/agency.js';
import type { CommandContext } from '../commands/command.js';
import type { PublicationsTable } from '../db/schema.js';
import { nextIndexNumbers } from './commands.js';
import { generateDemoItems } from './demo-generated.js';
import { demoId, type DemoItem } from './demo-item.js';
import { urlKeyOf } from './index-number.js';
import { rowToPublication } from './repository.js';
import { sanitizeBody } from './sanitize.js';
import { indexPublications } from './search.js';
import {
  DEMO_CHANNEL_TOTALS_2021,
  DEMO_ITEMS_ON_CHANNEL_2021,
  seedDemoChannelCounts,
} from './table-two/demo.js';

const DEMO: readonly DemoItem[] = [
  {
    n: 1,
    state: 'published',
    title: '灵山卫街道办事处关于2021年度集体土地征收补偿安置方案的公告',
    summary: '公布2021年度集体土地征收的范围、补偿标准、安置方式和异议途径。',
    body: '<h2>一、征收范围</h2><p>本次征收涉及辖区内部分村集体土地，具体位置、面积以征地预公告附图为准。</p><h2>二、补偿标准</h2><p>土地补偿费、安置补助费按照青岛市公布的区片综合地价执行；地上附着物和青苗补偿按区有关规定执行。</p><h2>三、异议途径</h2><p>被征地农村集体经济组织和农户对本方案有异议的，可在公告之日起30日内向街道办事处提出。</p><p>（演示内容）</p>',
    documentNumber: '灵街办发〔2021〕8号',
    writtenOn: '2021-03-10',
    formedOn: '2021-03-12',
    publishedOn: '2021-03-19',
    subject: '国土资源、能源',
    genre: '公告',
    keywords: ['征地', '补偿', '安置'],
    category: 'a21-land-expropriation',
    channels: { wechat: '2021-03-19', notice_board: '2021-03-20' },
  },
  {
    n: 2,
    state: 'published',
    title: '灵山卫街道征收土地预公告',
    summary: '拟征收土地的位置、范围、用途和土地现状调查安排，预公告期间不得抢栽抢建。',
    body: '<p>为保障项目建设用地，拟征收辖区内部分集体土地。现将拟征收土地的位置、范围、用途予以预公告。</p><p>自本预公告发布之日起，在拟征收范围内抢栽抢建的，不予补偿。</p><p>（演示内容）</p>',
    documentNumber: null,
    writtenOn: '2021-02-22',
    formedOn: '2021-02-22',
    publishedOn: '2021-02-26',
    subject: '国土资源、能源',
    genre: '公告',
    keywords: ['征地', '预公告'],
    category: 'a21-land-expropriation',
    channels: { notice_board: '2021-02-26' },
  },
  {
    n: 3,
    state: 'published',
    title: '灵山卫街道关于开展城市管理领域违规占道经营专项整治的通告',
    summary: '明确专项整治的时间、范围和对违规占道经营、乱堆乱放行为依法处理的依据。',
    body: '<p>为改善城市环境，依据《城市市容和环境卫生管理条例》，街道决定于2021年5月至7月开展违规占道经营专项整治。</p><ul><li>整治范围：辖区主要道路两侧及农贸市场周边。</li><li>整治内容：占道经营、店外经营、乱堆乱放。</li></ul><p>（演示内容）</p>',
    documentNumber: '灵街办通〔2021〕2号',
    writtenOn: '2021-04-25',
    formedOn: '2021-04-26',
    publishedOn: '2021-04-28',
    subject: '城乡建设、环境保护',
    genre: '通告',
    keywords: ['城市管理', '占道经营', '专项整治'],
    category: 'a20-6',
    channels: { wechat: '2021-04-28', weibo: '2021-04-28' },
  },
  {
    n: 4,
    state: 'published',
    title: '关于印发《灵山卫街道城市管理网格化工作实施方案》的通知',
    summary: '划分城市管理网格，明确网格员职责和问题发现、处置、反馈的流程。',
    body: '<p>各社区、各科室：现将《灵山卫街道城市管理网格化工作实施方案》印发给你们，请认真贯彻执行。</p><p>（演示内容）</p>',
    documentNumber: '灵街办发〔2019〕21号',
    writtenOn: '2019-06-03',
    formedOn: '2019-06-03',
    publishedOn: '2019-06-10',
    subject: '城乡建设、环境保护',
    genre: '通知',
    keywords: ['城市管理', '网格化'],
    category: 'a20-1',
    validity: 'repealed',
    validityOn: '2021-09-01',
    replacedBy: 5,
  },
  {
    n: 5,
    state: 'published',
    title: '关于印发《灵山卫街道城市管理网格化工作实施方案（2021年修订）》的通知',
    summary: '修订网格划分和考核办法，原2019年方案同时废止。',
    body: '<p>各社区、各科室：现将修订后的实施方案印发给你们。《灵山卫街道城市管理网格化工作实施方案》（灵街办发〔2019〕21号）同时废止。</p><p>（演示内容）</p>',
    documentNumber: '灵街办发〔2021〕30号',
    writtenOn: '2021-08-20',
    formedOn: '2021-08-23',
    publishedOn: '2021-08-27',
    subject: '城乡建设、环境保护',
    genre: '通知',
    keywords: ['城市管理', '网格化', '修订'],
    category: 'a20-1',
    validity: 'valid',
    validityOn: '2021-09-01',
    channels: { wechat: '2021-08-27' },
  },
  {
    n: 6,
    state: 'published',
    title: '灵山卫街道2021年部门预算公开',
    summary: '公开街道2021年一般公共预算收支、“三公”经费预算及其说明。',
    body: '<p>根据预算公开有关规定，现将灵山卫街道2021年部门预算予以公开。具体数据见附表。</p><p>（演示内容）</p>',
    documentNumber: null,
    writtenOn: '2021-02-05',
    formedOn: '2021-02-05',
    publishedOn: '2021-02-09',
    subject: '财政、金融、审计',
    genre: '其他',
    keywords: ['预算', '三公经费'],
    category: 'a20-7',
  },
  {
    n: 7,
    state: 'published',
    title: '灵山卫街道2021年临时救助工作情况',
    summary: '2021年临时救助的申请条件、办理流程和全年救助人次、金额的汇总情况。',
    body: '<p>街道按照“先行救助、后补手续”原则开展临时救助，全年办理情况汇总如下（不含个人信息）。</p><p>（演示内容）</p>',
    documentNumber: null,
    writtenOn: '2021-12-28',
    formedOn: '2021-12-28',
    publishedOn: '2021-12-30',
    subject: '民政、扶贫、救灾',
    genre: '其他',
    keywords: ['社会救助', '临时救助'],
    category: 'a21-social-assistance',
    channels: { wechat: '2021-12-30' },
  },
  {
    n: 8,
    state: 'withdrawn',
    title: '关于某社区公共服务设施建设项目的公示',
    summary: '公示某社区公共服务设施建设项目的建设内容和工期。',
    body: '<p>（演示内容）</p>',
    documentNumber: null,
    writtenOn: '2021-05-10',
    formedOn: '2021-05-10',
    publishedOn: '2021-05-12',
    subject: '城乡建设、环境保护',
    genre: '公示',
    keywords: ['公示', '公共服务设施'],
    category: 'a20-10',
    withdrawal: '该项目建设方案已调整，本公示内容不再适用，以调整后的公示为准。',
  },
  {
    n: 9,
    state: 'in_review',
    title: '灵山卫街道2021年农村土地承包经营权流转情况',
    summary: '2021年辖区农村土地承包经营权流转的面积、方式和流转合同备案情况。',
    body: '<p>2021年，街道加强农村土地承包经营权流转管理，流转合同均已备案。</p><p>（演示内容）</p>',
    documentNumber: null,
    writtenOn: '2022-01-10',
    formedOn: '2022-01-10',
    publishedOn: null,
    subject: '农业、林业、水利',
    genre: '报告',
    keywords: ['土地流转', '承包经营权'],
    category: 'a21-land-contract',
  },
];

/** The realistic items that count on the 2021 政府网站 (published or withdrawn since). */
const realisticOn2021 = (channel: 'website' | 'wechat' | 'weibo') =>
  DEMO.filter(
    (d) =>
      d.publishedOn?.startsWith('2021-') &&
      (channel === 'website' || d.channels?.[channel]?.startsWith('2021-')),
  ).length;

/** Every demo item: the realistic ones and the generated rest of the 2021 website count. */
const DEMO_ITEMS: readonly DemoItem[] = [
  ...DEMO,
  ...generateDemoItems({
    count: DEMO_CHANNEL_TOTALS_2021.website - realisticOn2021('website'),
    onWechat: DEMO_ITEMS_ON_CHANNEL_2021.wechat - realisticOn2021('wechat'),
    onWeibo: DEMO_ITEMS_ON_CHANNEL_2021.weibo - realisticOn2021('weibo'),
    firstN: 101,
    takenNumbers: new Set(DEMO.flatMap((d) => (d.documentNumber ? [d.documentNumber] : []))),
  }),
];

/** Rows per statement (PostgreSQL and SQLite both take far more parameters than this needs). */
const CHUNK = 100;

function chunks<T>(xs: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK));
  return out;
}

const publishedAtOf = (d: DemoItem) =>
  d.publishedOn ? (d.publishedAt ?? `${d.publishedOn}T01:30:00.000Z`) : null;

/** The columns a second run resets (all but the id and when the row was first written). */
const RESET_COLUMNS = [
  'agency_id',
  'state',
  'title',
  'summary',
  'body_html',
  'index_number',
  'url_key',
  'issuer',
  'document_number',
  'written_on',
  'formed_on',
  'changed_on',
  'published_on',
  'published_at',
  'published_by',
  'subject',
  'genre',
  'keywords',
  'category',
  'validity',
  'validity_on',
  'replaced_by',
  'submitted_by',
  'withdrawal_reason',
  'withdrawn_on',
  'created_by',
  'updated_at',
] as const satisfies readonly (keyof PublicationsTable)[];

/** Writes (or resets) the demo publications of `agency` inside the demo command. */
export async function seedDemoPublications(
  ctx: CommandContext,
  agency: Agency,
  accounts: Record<string, string>,
): Promise<void> {
  const { trx } = ctx;
  const now = ctx.now.toISOString();
  const ids = DEMO_ITEMS.map((d) => demoId(d.n));
  const existing = new Map<string, { index_number: string | null; created_at: string }>();
  for (const part of chunks(ids))
    for (const r of await trx
      .selectFrom('publications')
      .select(['id', 'index_number', 'created_at'])
      .where('id', 'in', part)
      .execute())
      existing.set(r.id, r);
  // Numbers come from the platform's issuer in publication order, as publishing would have
  // given them; a number already issued to a demo item is kept (it never changes).
  const numbers = new Map<number, string>();
  const unnumbered = new Map<number, DemoItem[]>();
  for (const d of DEMO_ITEMS.filter((x) => x.publishedOn).sort(
    (a, b) => (publishedAtOf(a) ?? '').localeCompare(publishedAtOf(b) ?? '') || a.n - b.n,
  )) {
    const kept = existing.get(demoId(d.n))?.index_number;
    if (kept) numbers.set(d.n, kept);
    else {
      const year = Number(d.publishedOn?.slice(0, 4));
      unnumbered.set(year, [...(unnumbered.get(year) ?? []), d]);
    }
  }
  for (const [year, items] of unnumbered) {
    const issued = await nextIndexNumbers(ctx, agency, year, items.length);
    if (issued.length < items.length) throw new Error(`演示机关 ${year} 年的索引号已用完`);
    items.forEach((d, i) => numbers.set(d.n, issued[i] as string));
  }
  const rows = DEMO_ITEMS.map((d) => {
    const id = demoId(d.n);
    const indexNumber = numbers.get(d.n) ?? null;
    return {
      id,
      agency_id: agency.id,
      state: d.state,
      title: d.title,
      summary: d.summary,
      body_html: sanitizeBody(d.body),
      index_number: indexNumber,
      url_key: indexNumber ? urlKeyOf(indexNumber) : null,
      issuer: agency.fullName,
      document_number: d.documentNumber,
      written_on: d.writtenOn,
      formed_on: d.formedOn,
      changed_on: null,
      published_on: d.publishedOn,
      published_at: publishedAtOf(d),
      published_by: d.publishedOn ? (accounts['lsw-publisher'] ?? null) : null,
      subject: d.subject,
      genre: d.genre,
      keywords: d.keywords.join('、'),
      category: d.category,
      validity: d.validity ?? 'valid',
      validity_on: d.validityOn ?? null,
      replaced_by: d.replacedBy ? (numbers.get(d.replacedBy) ?? null) : null,
      submitted_by: accounts['lsw-handler'] ?? null,
      withdrawal_reason: d.withdrawal ?? null,
      withdrawn_on: d.withdrawal ? '2021-06-01' : null,
      created_by: accounts['lsw-handler'] ?? null,
      created_at: existing.get(id)?.created_at ?? now,
      updated_at: now,
    };
  });
  for (const part of chunks(rows)) {
    await trx
      .insertInto('publications')
      .values(part)
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet((eb) =>
            Object.fromEntries(RESET_COLUMNS.map((c) => [c, eb.ref(`excluded.${c}`)])),
          ),
      )
      .execute();
    const partIds = part.map((r) => r.id);
    await trx.deleteFrom('publication_channels').where('publication_id', 'in', partIds).execute();
    await trx.deleteFrom('publication_reviews').where('publication_id', 'in', partIds).execute();
    await trx.deleteFrom('publication_search').where('publication_id', 'in', partIds).execute();
  }
  const published = DEMO_ITEMS.filter((d) => d.publishedOn);
  // Every item on the portal (政府网站) the day it was published; other channels as listed.
  const channels = published.flatMap((d) => [
    { publication_id: demoId(d.n), channel: 'website', published_on: d.publishedOn as string },
    ...Object.entries(d.channels ?? {}).map(([channel, on]) => ({
      publication_id: demoId(d.n),
      channel,
      published_on: on,
    })),
  ]);
  for (const part of chunks(channels))
    await trx.insertInto('publication_channels').values(part).execute();
  const reviews = published.map((d) => ({
    id: `${demoId(d.n)}-review`,
    publication_id: demoId(d.n),
    decision: 'approved',
    opinion: '经审查，不涉及国家秘密、工作秘密、商业秘密和个人隐私，同意公开。',
    reviewer_id: accounts['lsw-reviewer'] ?? null,
    reviewer_label: '演示保密审查员（lsw-reviewer）',
    // Half an hour before publishing.
    decided_at: new Date(Date.parse(publishedAtOf(d) as string) - 30 * 60_000).toISOString(),
  }));
  for (const part of chunks(reviews))
    await trx.insertInto('publication_reviews').values(part).execute();
  await indexPublications(
    trx,
    rows.filter((r) => r.state === 'published').map((r) => rowToPublication(r)),
  );
  for (const row of rows)
    ctx.record({
      agencyId: agency.id,
      subjectType: 'publication',
      subjectId: row.id,
      action: existing.has(row.id) ? 'publication.demo.refresh' : 'publication.demo.create',
      after: { title: row.title, state: row.state, indexNumber: row.index_number },
    });
  await seedDemoChannelCounts(ctx, agency);
}
