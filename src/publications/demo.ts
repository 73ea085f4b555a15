// Demo publications of 灵山卫街道: a handful of published items with full metadata (征地,
// 城市管理, 财政, 社会救助; one repealed and replaced), one awaiting confidentiality review and
// one withdrawn. Titles follow the agency's real kinds of publication; the bodies are short
// and end with 「（演示内容）」, and the index numbers use the demo agency's fictional code.
// Idempotent: fixed ids, each item reset to its demo values on every run.
import type { Agency } from '../agencies/agency.js';
import type { CommandContext } from '../commands/command.js';
import { formatIndexNumber, urlKeyOf } from './index-number.js';
import type { Channel, Validity } from './item.js';
import { getPublication, raiseSerial, setChannel } from './repository.js';
import type { PublicationState } from './review.js';
import { sanitizeBody } from './sanitize.js';
import { indexPublication, unindexPublication } from './search.js';
import { seedDemoChannelCounts } from './table-two/demo.js';

interface DemoItem {
  n: number;
  state: PublicationState;
  title: string;
  summary: string;
  body: string;
  documentNumber: string | null;
  writtenOn: string;
  formedOn: string;
  publishedOn: string | null;
  subject: string;
  genre: string;
  keywords: string[];
  category: string;
  validity?: Validity;
  validityOn?: string;
  /** The `n` of the demo item that replaced this one. */
  replacedBy?: number;
  channels?: Partial<Record<Channel, string>>;
  withdrawal?: string;
}

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

const demoId = (n: number) => `00000000-0000-4000-8000-0000000d${String(n).padStart(4, '0')}`;

/** Writes (or resets) the demo publications of `agency` inside the demo command. */
export async function seedDemoPublications(
  ctx: CommandContext,
  agency: Agency,
  accounts: Record<string, string>,
): Promise<void> {
  const { trx } = ctx;
  const now = ctx.now.toISOString();
  // Serials run 1, 2, 3 … within each year, in publication order, as issuing would give them.
  const serials = new Map<number, number>();
  const perYear = new Map<number, number>();
  for (const d of [...DEMO].sort((a, b) =>
    (a.publishedOn ?? '').localeCompare(b.publishedOn ?? ''),
  )) {
    if (!d.publishedOn) continue;
    const year = Number(d.publishedOn.slice(0, 4));
    perYear.set(year, (perYear.get(year) ?? 0) + 1);
    serials.set(d.n, perYear.get(year) ?? 1);
  }
  const numberOf = (d: DemoItem) =>
    d.publishedOn
      ? formatIndexNumber(agency.code, Number(d.publishedOn.slice(0, 4)), serials.get(d.n) ?? 1)
      : null;
  const byN = new Map(DEMO.map((d) => [d.n, d]));
  const counters = new Map<number, number>();
  for (const d of DEMO) {
    const id = demoId(d.n);
    const indexNumber = numberOf(d);
    const replacement = d.replacedBy ? byN.get(d.replacedBy) : undefined;
    const row = {
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
      published_at: d.publishedOn ? `${d.publishedOn}T01:30:00.000Z` : null,
      published_by: d.publishedOn ? (accounts['lsw-publisher'] ?? null) : null,
      subject: d.subject,
      genre: d.genre,
      keywords: d.keywords.join('、'),
      category: d.category,
      validity: d.validity ?? 'valid',
      validity_on: d.validityOn ?? null,
      replaced_by: replacement ? numberOf(replacement) : null,
      submitted_by: accounts['lsw-handler'] ?? null,
      withdrawal_reason: d.withdrawal ?? null,
      withdrawn_on: d.withdrawal ? '2021-06-01' : null,
      created_by: accounts['lsw-handler'] ?? null,
      updated_at: now,
    };
    const existing = await getPublication(trx, id);
    if (existing) await trx.updateTable('publications').set(row).where('id', '=', id).execute();
    else
      await trx
        .insertInto('publications')
        .values({ id, ...row, created_at: now })
        .execute();
    await trx.deleteFrom('publication_channels').where('publication_id', '=', id).execute();
    await trx.deleteFrom('publication_reviews').where('publication_id', '=', id).execute();
    const stored = await getPublication(trx, id);
    if (stored?.state === 'published') await indexPublication(trx, stored);
    else await unindexPublication(trx, id);
    if (d.publishedOn) {
      await setChannel(trx, id, 'website', d.publishedOn);
      for (const [channel, date] of Object.entries(d.channels ?? {}))
        await setChannel(trx, id, channel as Channel, date);
      await trx
        .insertInto('publication_reviews')
        .values({
          id: `${id}-review`,
          publication_id: id,
          decision: 'approved',
          opinion: '经审查，不涉及国家秘密、工作秘密、商业秘密和个人隐私，同意公开。',
          reviewer_id: accounts['lsw-reviewer'] ?? null,
          reviewer_label: '演示保密审查员（lsw-reviewer）',
          decided_at: `${d.publishedOn}T01:00:00.000Z`,
        })
        .execute();
      const year = Number(d.publishedOn.slice(0, 4));
      counters.set(year, Math.max(counters.get(year) ?? 0, serials.get(d.n) ?? 0));
    }
    ctx.record({
      agencyId: agency.id,
      subjectType: 'publication',
      subjectId: id,
      action: existing ? 'publication.demo.refresh' : 'publication.demo.create',
      after: { title: d.title, state: d.state, indexNumber },
    });
  }
  // Numbers issued later continue after the demo ones.
  for (const [year, last] of counters) await raiseSerial(trx, agency.id, year, last);
  await seedDemoChannelCounts(ctx, agency);
}
