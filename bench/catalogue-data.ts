// Generated catalogue data for the benches: published items with realistic Chinese titles,
// summaries, bodies and document numbers (so the search index holds what a real one holds:
// Han bigrams of notices about 征地, 低保, 城市管理…), made by a fixed-seed generator, so
// every run and both databases get the same items. Written in bulk (one transaction per
// chunk) straight through the database driver; the shape of each row is the app's own
// (publications, publication_channels, and the search entry from search-tokens.ts).
// PostgreSQL gets the very same rows, copied from the SQLite file (bench-db.ts).
import type BetterSqlite3 from 'better-sqlite3';
import { addDays } from '../src/calendar/dates.js';
import { seededRandom } from '../src/demo/seeded-random.js';
import { formatIndexNumber, MAX_SERIAL, urlKeyOf } from '../src/publications/index-number.js';
import { CHANNELS, GENRES, SUBJECTS } from '../src/publications/item.js';
import { agencyToken, htmlText, indexText } from '../src/publications/search-tokens.js';

/** Bump when the generated rows change, so cached databases are made again. */
export const GENERATOR_VERSION = 2;

/** The same items on every run and database (src/demo/seeded-random.ts). */
const random = seededRandom;

export interface BenchAgency {
  id: string;
  slug: string;
  fullName: string;
  code: string;
  /** The 文号 prefix, e.g. 灵街办发. */
  prefix: string;
}

const PLACES = [
  '灵山卫',
  '黄岛',
  '薛家岛',
  '辛安',
  '隐珠',
  '珠海',
  '长江路',
  '红石崖',
  '胶南',
  '王台',
];
const KINDS: [string, string][] = [
  ['街道办事处', '街办'],
  ['人民政府', '政'],
  ['自然资源局', '自然资'],
  ['民政局', '民'],
  ['城市管理局', '城管'],
  ['卫生健康局', '卫健'],
  ['教育和体育局', '教体'],
  ['生态环境分局', '环'],
  ['应急管理局', '应急'],
  ['人力资源和社会保障局', '人社'],
];

/** `n` agencies, each with its own slug, code and 文号 prefix. */
export function benchAgencies(n: number, idPrefix = 'cat'): BenchAgency[] {
  return Array.from({ length: n }, (_, i) => {
    const place = PLACES[i % PLACES.length]!;
    const [kind, short] = KINDS[Math.floor(i / PLACES.length) % KINDS.length]!;
    const round = Math.floor(i / (PLACES.length * KINDS.length));
    const id = `${idPrefix}${String(i).padStart(4, '0')}`;
    return {
      id,
      slug: id,
      fullName: `青岛市${place}${kind}${round > 0 ? `第${round + 1}分支` : ''}（测量）`,
      code: `9137${String(i).padStart(5, '0')}`,
      prefix: `${place.slice(0, 1)}${short}发`,
    };
  });
}

/**
 * Topics of real catalogues; each gives title phrases and body sentences, and a weight (how
 * many in a hundred items are on it), so a search for 征地 finds a few in a hundred, not one
 * in ten.
 */
const TOPICS: { weight: number; words: string[]; title: string[]; body: string[] }[] = [
  {
    weight: 3,
    words: ['征地', '土地征收'],
    title: [
      '征地补偿安置方案的公告',
      '土地征收启动公告',
      '征地拆迁工作进展情况',
      '集体土地征收成片开发方案',
    ],
    body: [
      '根据《中华人民共和国土地管理法》有关规定，拟对辖区内集体土地实施征收，现将征地补偿安置方案予以公告。',
      '被征地农村集体经济组织和农户对征地补偿标准有异议的，可在公告之日起三十日内提出听证申请。',
      '征地补偿费用已足额拨付至被征地农村集体经济组织账户，社会保障费用按规定落实。',
    ],
  },
  {
    weight: 4,
    words: ['低保', '最低生活保障'],
    title: [
      '城乡居民最低生活保障对象公示',
      '低保资格复核工作的通知',
      '提高城乡低保标准的通知',
      '低保边缘家庭认定结果',
    ],
    body: [
      '经入户调查、民主评议和审核确认，以下家庭符合城乡居民最低生活保障条件，现予以公示。',
      '低保金按月足额发放至保障对象账户，对不再符合条件的家庭及时停发。',
      '各社区要做好低保对象动态管理，确保应保尽保、应退尽退。',
    ],
  },
  {
    weight: 6,
    words: ['城市管理', '市容'],
    title: [
      '城市管理领域专项整治行动方案',
      '市容环境卫生责任区管理规定',
      '占道经营集中整治的通告',
      '城市管理执法情况通报',
    ],
    body: [
      '为进一步提升城市管理精细化水平，决定在全街道范围内开展市容环境集中整治。',
      '对占道经营、乱堆乱放、违规设置户外广告等行为依法予以查处。',
      '城市管理执法队伍坚持严格规范公正文明执法，全年办结案件情况如下。',
    ],
  },
  {
    weight: 6,
    words: ['安全生产'],
    title: ['安全生产大检查工作方案', '安全生产责任制考核结果', '危险化学品安全专项整治的通知'],
    body: [
      '各单位要认真落实安全生产主体责任，全面排查治理各类安全隐患。',
      '对检查中发现的重大事故隐患实行挂牌督办，限期整改到位。',
    ],
  },
  {
    weight: 5,
    words: ['防汛', '应急'],
    title: ['防汛抗旱应急预案', '汛期地质灾害防治工作的通知', '突发事件应急演练情况'],
    body: [
      '入汛以来，各级防汛责任人已全部到岗到位，防汛物资储备充足。',
      '遇强降雨天气，立即启动应急响应，及时转移危险区域群众。',
    ],
  },
  {
    weight: 5,
    words: ['老旧小区', '改造'],
    title: [
      '老旧小区改造项目计划',
      '老旧小区综合整治工程招标公告',
      '既有住宅加装电梯工作的实施意见',
    ],
    body: [
      '本年度计划实施老旧小区改造项目十二个，涉及居民三千余户。',
      '改造内容包括雨污分流、外墙保温、道路硬化和绿化提升等。',
    ],
  },
  {
    weight: 7,
    words: ['就业', '创业'],
    title: ['就业创业补贴申领的通知', '公益性岗位招聘公告', '高校毕业生就业见习基地名单'],
    body: [
      '符合条件的高校毕业生、就业困难人员可按规定申领一次性创业补贴。',
      '申请人携带身份证明和相关材料到社区服务中心窗口办理。',
    ],
  },
  {
    weight: 7,
    words: ['养老', '医疗保险'],
    title: [
      '城乡居民基本医疗保险参保缴费的通告',
      '养老服务设施建设补助资金分配方案',
      '高龄津贴发放情况公示',
    ],
    body: [
      '城乡居民基本医疗保险集中缴费期为每年九月至十二月。',
      '对八十周岁以上老年人按月发放高龄津贴，资金由财政全额保障。',
    ],
  },
  {
    weight: 10,
    words: ['财政预算', '决算'],
    title: ['部门预算公开', '部门决算公开', '财政专项资金使用情况'],
    body: [
      '按照预算公开有关要求，现将本单位年度部门预算及相关说明予以公开。',
      '一般公共预算财政拨款支出主要用于基本支出和项目支出。',
    ],
  },
  {
    weight: 6,
    words: ['垃圾分类', '环境整治'],
    title: ['生活垃圾分类工作实施方案', '农村人居环境整治提升行动方案', '大气污染防治攻坚行动计划'],
    body: [
      '全面推行生活垃圾分类投放、分类收集、分类运输和分类处理。',
      '持续开展村庄清洁行动，推进农村厕所革命和生活污水治理。',
    ],
  },
  {
    weight: 16,
    words: ['会议', '工作动态'],
    title: ['工作会议召开情况', '重点工作推进会议纪要', '工作动态', '领导班子分工调整的通知'],
    body: [
      '会议传达学习了上级有关会议精神，研究部署了下一阶段重点工作。',
      '会议要求，各部门要提高政治站位，压实工作责任，确保各项任务按期完成。',
      '街道主要负责同志主持会议，班子成员及各科室负责人参加。',
    ],
  },
  {
    weight: 12,
    words: ['政府采购', '招标'],
    title: ['政府采购项目中标结果公告', '采购意向公开', '工程项目招标公告'],
    body: [
      '本项目采用公开招标方式，经评标委员会评审，确定中标供应商如下。',
      '各供应商对中标结果有异议的，可在公告期限届满之日起七个工作日内提出质疑。',
    ],
  },
  {
    weight: 13,
    words: ['政策解读', '统计'],
    title: ['政策解读', '国民经济和社会发展统计公报', '经济运行情况分析'],
    body: [
      '一图读懂本文件的出台背景、主要内容和适用范围。',
      '全年地区生产总值同比增长，固定资产投资保持稳定，居民人均可支配收入持续提高。',
    ],
  },
];

const WEIGHTED = TOPICS.flatMap((t) => Array<typeof t>(t.weight).fill(t));

const OPENINGS = [
  '为深入贯彻落实上级有关决策部署，',
  '根据《中华人民共和国政府信息公开条例》及有关规定，',
  '为切实保障人民群众合法权益，',
  '经研究决定，',
];
const CLOSINGS = [
  '如有疑问，请在工作日内与本机关联系。',
  '本通知自印发之日起施行。',
  '特此公告。',
  '请各社区、各有关单位认真贯彻执行。',
];
const ACTIONS = ['关于', '关于做好', '关于印发', '关于进一步加强'];

export interface GeneratedItem {
  id: string;
  agencyId: string;
  title: string;
  summary: string;
  bodyHtml: string;
  indexNumber: string;
  urlKey: string;
  issuer: string;
  documentNumber: string | null;
  writtenOn: string;
  publishedOn: string;
  subject: string;
  genre: string;
  keywords: string;
  category: string;
  validity: string;
  validityOn: string | null;
  channels: { channel: string; publishedOn: string }[];
  /** The search entry, made by the app's tokenizer. */
  tokens: string;
}

const FIRST_YEAR = 2015;
const YEARS = 11; // 2015–2025

/**
 * Items `from`…`to - 1` of `total`, spread round-robin over `agencies`: the same item for
 * the same number on every run. `search: false` leaves the tokens empty (the compose bench
 * does not search, and tokenizing a million bodies costs a minute).
 */
export function* generateItems(
  agencies: readonly BenchAgency[],
  from: number,
  to: number,
  options: { search: boolean },
): Generator<GeneratedItem> {
  // Serial per agency and year: counted as we go, so chunked generation must start at 0.
  const serials = new Map<string, number>();
  for (let n = from; n < to; n++) {
    const rnd = random(n * 7919 + 17);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
    const agency = agencies[n % agencies.length]!;
    const topic = pick(WEIGHTED);
    const year = FIRST_YEAR + Math.floor(rnd() * YEARS);
    const writtenOn = addDays(`${year}-01-01`, Math.floor(rnd() * 358));
    const publishedOn = addDays(writtenOn, Math.floor(rnd() * 7));
    const pubYear = Number(publishedOn.slice(0, 4));
    const key = `${agency.id}:${pubYear}`;
    const serial = (serials.get(key) ?? 0) + 1;
    serials.set(key, serial);
    // A serial has five digits; past 99,999 in a year (only the compose bench's million
    // items of one agency come near) the number takes a sixth, as imported local variants do.
    const indexNumber =
      serial <= MAX_SERIAL
        ? formatIndexNumber(agency.code, pubYear, serial)
        : `${agency.code}/${pubYear}-${serial}`;
    const genre = rnd() < 0.08 ? '命令（令）' : pick(GENRES);
    const legal = rnd() < 0.06;
    const category = legal ? 'a20-1' : `a20-${2 + Math.floor(rnd() * 14)}`;
    const hasNumber = legal || rnd() < 0.5;
    const documentNumber = hasNumber
      ? `${agency.prefix}〔${year}〕${1 + Math.floor(rnd() * 120)}号`
      : null;
    const title = `${agency.fullName.replace(/（测量）$/, '')}${pick(ACTIONS)}${year}年度${pick(topic.title)}`;
    const sentences = [pick(OPENINGS), pick(topic.body), pick(topic.body), pick(topic.body)];
    if (rnd() < 0.3) sentences.push(pick(pick(WEIGHTED).body));
    sentences.push(pick(CLOSINGS));
    const body = sentences.join('');
    const summary = `${pick(topic.body)}`;
    const validityRoll = rnd();
    const validity =
      validityRoll < 0.8
        ? 'valid'
        : validityRoll < 0.9
          ? 'expired'
          : validityRoll < 0.96
            ? 'repealed'
            : 'amended';
    const validityOn =
      validity === 'valid' ? null : addDays(writtenOn, 30 + Math.floor(rnd() * 1500));
    const channels = [{ channel: 'website', publishedOn }];
    if (rnd() < 0.6) channels.push({ channel: pick(CHANNELS.slice(1)), publishedOn });
    const bodyHtml = `<p>${body}</p>`;
    const keywords = topic.words.join('、');
    yield {
      id: `${agency.id}-${n}`,
      agencyId: agency.id,
      title,
      summary,
      bodyHtml,
      indexNumber,
      urlKey: urlKeyOf(indexNumber),
      issuer: agency.fullName,
      documentNumber,
      writtenOn,
      publishedOn,
      subject: pick(SUBJECTS),
      genre,
      keywords,
      category,
      validity,
      validityOn,
      channels,
      tokens: options.search
        ? indexText(
            title,
            documentNumber,
            keywords.replace(/、/g, ' '),
            indexNumber,
            summary,
            htmlText(bodyHtml),
          )
        : '',
    };
  }
}

const CHUNK = 5_000;
const NOW = '2026-01-01T00:00:00.000Z';

function agencyRow(a: BenchAgency) {
  return [a.id, a.slug, a.fullName, a.fullName.replace(/（测量）$/, ''), a.code];
}

const PUBLICATION_COLUMNS = `id, agency_id, state, title, summary, body_html, index_number, url_key,
  issuer, document_number, written_on, formed_on, published_on, published_at, subject, genre,
  keywords, category, validity, validity_on, created_at, updated_at`;

function publicationRow(it: GeneratedItem) {
  return [
    it.id,
    it.agencyId,
    'published',
    it.title,
    it.summary,
    it.bodyHtml,
    it.indexNumber,
    it.urlKey,
    it.issuer,
    it.documentNumber,
    it.writtenOn,
    it.writtenOn,
    it.publishedOn,
    `${it.publishedOn}T02:00:00.000Z`,
    it.subject,
    it.genre,
    it.keywords,
    it.category,
    it.validity,
    it.validityOn,
    NOW,
    NOW,
  ];
}

/** Writes agencies and `total` items into a migrated SQLite database, chunk by chunk. */
export function fillSqlite(
  sqlite: BetterSqlite3.Database,
  agencies: readonly BenchAgency[],
  total: number,
  options: { search: boolean; progress?: (done: number) => void },
): void {
  sqlite.pragma('synchronous = OFF');
  const addAgency = sqlite.prepare(`INSERT INTO agencies (id, parent_id, slug, full_name,
    short_name, code, level, kind, created_at, updated_at)
    VALUES (?, NULL, ?, ?, ?, ?, 'township', 'government', '${NOW}', '${NOW}')`);
  sqlite.transaction(() => {
    for (const a of agencies) addAgency.run(...agencyRow(a));
  })();
  const addItem = sqlite.prepare(
    `INSERT INTO publications (${PUBLICATION_COLUMNS}) VALUES (${Array(22).fill('?').join(', ')})`,
  );
  const addChannel = sqlite.prepare(
    'INSERT INTO publication_channels (publication_id, channel, published_on) VALUES (?, ?, ?)',
  );
  const addSearch = sqlite.prepare(
    'INSERT INTO publication_search (tokens, agency, publication_id, agency_id) VALUES (?, ?, ?, ?)',
  );
  const items = generateItems(agencies, 0, total, options);
  const chunk = sqlite.transaction((rows: GeneratedItem[]) => {
    for (const it of rows) {
      addItem.run(...publicationRow(it));
      for (const c of it.channels) addChannel.run(it.id, c.channel, c.publishedOn);
      if (options.search) addSearch.run(it.tokens, agencyToken(it.agencyId), it.id, it.agencyId);
    }
  });
  for (let done = 0; done < total;) {
    const rows: GeneratedItem[] = [];
    for (let i = 0; i < CHUNK && done + i < total; i++) rows.push(items.next().value!);
    chunk(rows);
    done += rows.length;
    options.progress?.(done);
  }
}
