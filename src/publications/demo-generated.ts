// The generated part of 灵山卫街道's 2021 demo catalogue: enough items of the kinds a 街道
// publishes (工作动态, 通知公告, 政策文件) that the year's 政府网站 count comes from items alone.
// Every title begins 「（演示）」 and every summary and body says the item is generated demo
// content. Deterministic (a fixed seed, no Math.random): the same items, dates and channels
// on every run and database. Dates are working days of the official 2021 calendar.
// Generated text avoids the words the realistic items are found by (征地, 城市管理, 占道), so
// searching those still shows the realistic items and nothing made up. Pure: no I/O.
import { officialSeed } from '../calendar/seed.js';
import { createCalendar, isWorkingDay } from '../calendar/working-days.js';
import { addDays } from '../calendar/dates.js';
import { seededRandom } from '../demo/seeded-random.js';
import type { DemoItem } from './demo-item.js';

/** Said by every generated summary. */
export const GENERATED_SUMMARY_NOTE = '（本条为系统生成的演示内容，不是真实的政府信息。）';
const BODY_NOTE =
  '<p>（演示内容：本条由系统生成，用于展示目录、检索和统计，不是真实的政府信息。）</p>';
export const GENERATED_TITLE_PREFIX = '（演示）';

const COMMUNITIES = ['星光岛社区', '东岳路社区', '星海滩路社区'];
/** The seed report's three 政府开放日 of 2021, by their themes. */
const OPEN_DAYS = ['创卫齐参与 成果同受益', '创城创卫 成果共享', '影视文化和社区建设'];

interface Context {
  month: number;
  pick: <T>(xs: readonly T[]) => T;
}

interface Drafted {
  title: string;
  summary: string;
  body: string;
  /** Which series the 文号 comes from, when the item has one. */
  series?: 'fa' | 'tong';
  keywords: string[];
}

interface Kind {
  weight: number;
  /** The months it is published in, when not every month. */
  months?: readonly number[];
  category: string;
  subject: string;
  genre: string;
  draft: (c: Context) => Drafted;
}

const SEASON = (m: number) =>
  m <= 2 || m === 12 ? '冬季' : m <= 5 ? '春季' : m <= 8 ? '夏季' : '秋季';
const QUARTER = (m: number) => ['一', '二', '三', '四'][Math.floor((m - 1) / 3)] ?? '四';
const HOLIDAY = (m: number) =>
  m <= 2
    ? '春节'
    : m <= 4
      ? '清明节'
      : m === 5
        ? '劳动节'
        : m <= 7
          ? '端午节'
          : m <= 10
            ? '中秋节、国庆节'
            : '元旦';
const para = (text: string) => `<p>${text}</p>${BODY_NOTE}`;

const KINDS: readonly Kind[] = [
  {
    weight: 14,
    category: 'a20-15',
    subject: '综合政务',
    genre: '其他',
    draft: ({ month, pick }) => {
      const meeting = pick([
        '政务公开工作推进会',
        '安全生产工作调度会',
        '创城创卫工作推进会',
        '垃圾分类工作推进会',
        '“我为群众办实事”实践活动推进会',
        '信访稳定工作调度会',
      ]);
      return {
        title: `灵山卫街道召开${month}月份${meeting}`,
        summary: `街道召开${month}月份${meeting}，通报前一阶段工作情况，部署下一步重点任务。`,
        body: para(`会议听取了各科室、各社区的工作汇报，对存在的问题逐项明确责任人和完成时限。`),
        keywords: ['工作动态', '会议'],
      };
    },
  },
  {
    weight: 14,
    category: 'a20-15',
    subject: '综合政务',
    genre: '其他',
    draft: ({ pick }) => {
      const community = pick(COMMUNITIES);
      const activity = pick([
        '垃圾分类宣传活动',
        '防范电信网络诈骗宣传活动',
        '新冠病毒疫苗接种宣传活动',
        '关爱老年人义诊活动',
        '新时代文明实践志愿服务活动',
        '政务公开体验区开放活动',
        '消防安全知识进社区活动',
        '文明养犬宣传活动',
        '“邻里节”睦邻活动',
        '法律知识进社区宣传活动',
        '健康知识讲座',
        '困难群众走访慰问活动',
      ]);
      return {
        title: `${community}开展${activity}`,
        summary: `${community}组织居民和志愿者开展${activity}。`,
        body: para(`活动由${community}居委会组织，社区志愿者参与，现场解答居民咨询。`),
        keywords: ['工作动态', '社区'],
      };
    },
  },
  {
    weight: 10,
    category: 'a20-13',
    subject: '市场监管、安全生产监管',
    genre: '通知',
    draft: ({ month, pick }) => {
      const check = pick([
        '消防安全检查',
        '安全生产大检查',
        '燃气安全专项排查',
        '校园周边食品安全检查',
        '有限空间作业安全检查',
      ]);
      return {
        title: `灵山卫街道关于开展2021年${SEASON(month)}${check}的通知`,
        summary: `部署2021年${SEASON(month)}${check}的范围、时间、检查重点和整改要求。`,
        body: para(
          `各社区、各有关单位：为防范安全事故，街道决定开展${check}，请按要求组织自查并报送整改情况。`,
        ),
        series: 'fa',
        keywords: ['安全生产', '检查'],
      };
    },
  },
  {
    weight: 6,
    category: 'a20-12',
    subject: '综合政务',
    genre: '通知',
    draft: ({ month }) => ({
      title: `灵山卫街道关于做好2021年${HOLIDAY(month)}期间值班值守和安全防范工作的通知`,
      summary: `明确${HOLIDAY(month)}期间的值班安排、信息报送和突发事件应对要求。`,
      body: para(
        '各科室、各社区：节日期间实行24小时值班和领导带班制度，遇有突发事件按规定及时报告。',
      ),
      keywords: ['值班值守', '应急'],
    }),
  },
  {
    weight: 5,
    category: 'a20-11',
    subject: '劳动、人事、监察',
    genre: '公告',
    draft: ({ month }) => ({
      title: `灵山卫街道2021年${month}月份公益性岗位招聘公告`,
      summary: '公布公益性岗位的数量、条件、报名时间和所需材料。',
      body: para('符合条件的就业困难人员可在报名期间持本人证件到街道便民服务中心报名。'),
      keywords: ['就业', '公益性岗位'],
    }),
  },
  {
    weight: 6,
    category: 'a21-social-assistance',
    subject: '民政、扶贫、救灾',
    genre: '公示',
    draft: ({ month, pick }) => {
      const what = pick(['临时救助审批情况', '特困人员救助供养审核情况', '残疾人两项补贴审核情况']);
      return {
        title: `灵山卫街道2021年${month}月份${what}公示`,
        summary: `公示${month}月份${what}的人数和金额汇总，不含身份证号码等个人信息。`,
        body: para('公示期为5个工作日。对公示内容有异议的，可向街道社会事务办公室反映。'),
        keywords: ['社会救助', '公示'],
      };
    },
  },
  {
    weight: 3,
    category: 'a21-homestead',
    subject: '国土资源、能源',
    genre: '公示',
    draft: ({ month }) => ({
      title: `灵山卫街道2021年${month}月份农村宅基地审核情况公示`,
      summary: '公示本月农村宅基地申请的审核情况，接受群众监督。',
      body: para('公示期为5个工作日，期间可向街道反映意见。'),
      keywords: ['宅基地', '公示'],
    }),
  },
  {
    weight: 3,
    category: 'a21-rural-policy',
    subject: '农业、林业、水利',
    genre: '通知',
    draft: ({ month }) => {
      const task = month <= 6 ? '春季农业生产和动物防疫' : '秋季农业生产和秸秆禁烧';
      return {
        title: `灵山卫街道关于做好2021年${task}工作的通知`,
        summary: `部署${task}工作的任务分工和时间要求。`,
        body: para('各社区要落实专人负责，及时掌握辖区生产情况，按时报送进度。'),
        series: 'fa',
        keywords: ['农业农村', '通知'],
      };
    },
  },
  {
    weight: 2,
    category: 'a21-irrigation',
    subject: '农业、林业、水利',
    genre: '公示',
    draft: ({ pick }) => {
      const work = pick(['灌溉渠道清淤', '机井维修', '小型水库除险加固']);
      return {
        title: `灵山卫街道2021年${work}工程实施情况公示`,
        summary: `公示${work}工程的实施地点、资金来源和完成情况。`,
        body: para('工程资金按规定使用，接受群众监督。'),
        keywords: ['农田水利', '公示'],
      };
    },
  },
  {
    weight: 2,
    category: 'a21-fund-labour',
    subject: '农业、林业、水利',
    genre: '公示',
    draft: ({ pick }) => {
      const community = pick(COMMUNITIES);
      return {
        title: `${community}2021年村内公益事业一事一议筹资筹劳方案公示`,
        summary: '公示一事一议项目的内容、筹资筹劳标准和议事程序。',
        body: para('方案经村民代表会议讨论通过，现予公示。'),
        keywords: ['筹资筹劳', '一事一议'],
      };
    },
  },
  {
    weight: 4,
    category: 'a20-9',
    subject: '财政、金融、审计',
    genre: '公告',
    draft: ({ pick }) => {
      const project = pick([
        '辖区道路保洁服务',
        '社区绿化养护服务',
        '垃圾分类宣传服务',
        '公共区域监控设施维护服务',
        '办公设备',
      ]);
      return {
        title: `灵山卫街道${project}采购项目结果公告`,
        summary: `公布${project}采购项目的成交供应商、成交金额和采购方式。`,
        body: para('本项目按政府采购有关规定组织实施，对结果有异议的可在公告期内提出质疑。'),
        keywords: ['政府采购', '结果公告'],
      };
    },
  },
  {
    weight: 3,
    category: 'a20-10',
    subject: '城乡建设、环境保护',
    genre: '其他',
    draft: ({ pick }) => {
      const project = pick([
        '老旧小区改造',
        '雨污分流改造',
        '社区党群服务中心建设',
        '农贸市场提升改造',
        '口袋公园建设',
      ]);
      return {
        title: `灵山卫街道2021年${project}项目进展情况`,
        summary: `${project}项目的建设内容、工程进度和下一步安排。`,
        body: para('项目按计划推进，施工期间请周边居民注意安全。'),
        keywords: ['建设项目', '进展'],
      };
    },
  },
  {
    weight: 3,
    months: [1, 4, 7, 10],
    category: 'a20-7',
    subject: '财政、金融、审计',
    genre: '其他',
    draft: ({ month }) => ({
      // Published in the month after a quarter: January's is the previous year's last.
      title: `灵山卫街道${month === 1 ? '2020年第四' : `2021年第${QUARTER(month - 1)}`}季度财政收支情况`,
      summary: '公开上一季度一般公共预算收入、支出的完成情况。',
      body: para('具体数据见附表，统计口径与部门预算一致。'),
      keywords: ['财政收支', '季度'],
    }),
  },
  {
    weight: 3,
    category: 'a20-4',
    subject: '国民经济管理、国有资产监管',
    genre: '其他',
    draft: ({ month }) => ({
      title: `灵山卫街道${month === 1 ? '2020年1—12' : month === 2 ? '2021年1' : `2021年1—${month - 1}`}月份经济运行情况`,
      summary: '辖区固定资产投资、规模以上企业产值和招商引资等主要指标的完成情况。',
      body: para('数据来源于区统计部门，为初步统计数。'),
      keywords: ['统计信息', '经济运行'],
    }),
  },
  {
    weight: 3,
    category: 'a20-5',
    subject: '综合政务',
    genre: '其他',
    draft: ({ pick }) => {
      const matter = pick([
        '居住证办理',
        '城乡居民基本医疗保险参保登记',
        '高龄津贴申请',
        '独生子女父母奖励扶助申请',
        '残疾人证办理',
      ]);
      return {
        title: `灵山卫街道便民服务中心${matter}办事指南`,
        summary: `${matter}的办理条件、所需材料、办理流程和办理时限。`,
        body: para('办理地点：街道便民服务中心。办理时间：法定工作日。'),
        keywords: ['办事指南', '便民服务'],
      };
    },
  },
  {
    weight: 3,
    category: 'a20-6',
    subject: '城乡建设、环境保护',
    genre: '通告',
    draft: ({ pick }) => {
      const what = pick(['限期拆除违法建设', '清理沿街违规设置的广告牌匾', '整治建筑垃圾违规倾倒']);
      return {
        title: `灵山卫街道关于${what}的通告`,
        summary: `明确${what}的范围、期限和逾期不改的处理依据。`,
        body: para('请有关单位和个人在规定期限内自行整改；逾期未整改的，依法处理。'),
        series: 'tong',
        keywords: ['综合行政执法', '通告'],
      };
    },
  },
  {
    weight: 5,
    category: 'a20-3',
    subject: '城乡建设、环境保护',
    genre: '通知',
    draft: ({ pick }) => {
      const plan = pick([
        '生活垃圾分类',
        '创建国家卫生城市',
        '文明城市创建',
        '爱国卫生运动',
        '农村人居环境整治',
        '森林防火',
      ]);
      return {
        title: `关于印发《灵山卫街道2021年${plan}工作实施方案》的通知`,
        summary: `印发2021年${plan}工作的目标任务、责任分工和保障措施。`,
        body: para(
          `各科室、各社区：现将《灵山卫街道2021年${plan}工作实施方案》印发给你们，请结合实际认真组织实施。`,
        ),
        series: 'fa',
        keywords: ['实施方案', plan],
      };
    },
  },
];

/** Items with a date of their own: the seed's three 政府开放日 and the year's 决算. */
function fixedItems(): { on: string; kind: Omit<Kind, 'weight' | 'draft'>; drafted: Drafted }[] {
  const openDays = ['2021-04-22', '2021-07-15', '2021-10-28'];
  return [
    ...OPEN_DAYS.map((theme, i) => ({
      on: openDays[i] ?? '2021-10-28',
      kind: { category: 'a20-15', subject: '综合政务', genre: '其他' },
      drafted: {
        title: `灵山卫街道举办“${theme}”主题政府开放日活动`,
        summary: `街道邀请人大代表、政协委员和群众代表参加“${theme}”主题政府开放日活动。`,
        body: para('参加活动的代表实地察看了重点工作现场，并就群众关心的问题与街道负责同志交流。'),
        keywords: ['政府开放日', '工作动态'],
      },
    })),
    {
      on: '2021-08-20',
      kind: { category: 'a20-7', subject: '财政、金融、审计', genre: '其他' },
      drafted: {
        title: '灵山卫街道2020年度部门决算公开',
        summary: '公开街道2020年度收入支出决算、“三公”经费支出决算及其说明。',
        body: para('根据决算公开有关规定，现将灵山卫街道2020年度部门决算予以公开。'),
        keywords: ['决算', '三公经费'],
      },
    },
  ];
}

export interface GeneratedOptions {
  /** How many items to generate. */
  count: number;
  /** How many of them also went out on 政务微信 and on 政务微博. */
  onWechat: number;
  onWeibo: number;
  /** The first `n`; the items take `firstN`, `firstN + 1`, … in publication order. */
  firstN: number;
  /** The 文号 other items hold, never given to a generated one. */
  takenNumbers: ReadonlySet<string>;
}

const SEED = 20211231;

/** The working days of 2021 on the official calendar. */
function workingDays2021(): string[] {
  const seed = officialSeed();
  const calendar = createCalendar({ days: seed.days, loadedYears: seed.years });
  const out: string[] = [];
  for (let d = '2021-01-04'; d <= '2021-12-31'; d = addDays(d, 1))
    if (isWorkingDay(calendar, d).working) out.push(d);
  return out;
}

/** The generated 2021 items, in publication order. */
export function generateDemoItems(o: GeneratedOptions): DemoItem[] {
  const rnd = seededRandom(SEED);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const days = workingDays2021();
  const fixed = fixedItems().slice(0, o.count);
  const dates = Array.from({ length: o.count - fixed.length }, () => pick(days));
  const totalWeight = KINDS.reduce((s, k) => s + k.weight, 0);
  const pickKind = () => {
    let r = rnd() * totalWeight;
    for (const k of KINDS) if ((r -= k.weight) < 0) return k;
    return KINDS[KINDS.length - 1] as Kind;
  };
  const titles = new Set<string>();
  const drafted = dates.map((on) => {
    const month = Number(on.slice(5, 7));
    // A title already used is drafted again (another kind or wording); the templates give
    // several hundred titles, so a few tries find a new one.
    for (let tries = 0; ; tries++) {
      if (tries > 1000) throw new Error('generated demo titles ran out: add templates');
      const kind = pickKind();
      if (kind.months && !kind.months.includes(month)) continue;
      const d = kind.draft({ month, pick });
      if (titles.has(d.title)) continue;
      titles.add(d.title);
      return { on, kind, drafted: d };
    }
  });
  const all = [...drafted, ...fixed].sort((a, b) => a.on.localeCompare(b.on));
  // Which items also went out on WeChat and Weibo: a fixed random order, the first ones.
  const chosen = (n: number) =>
    new Set(
      all
        .map((_, i) => ({ i, key: rnd() }))
        .sort((a, b) => a.key - b.key)
        .slice(0, n)
        .map((x) => x.i),
    );
  const wechat = chosen(o.onWechat);
  const weibo = chosen(o.onWeibo);
  const serials = { fa: 0, tong: 0 };
  const documentNumber = (series: 'fa' | 'tong' | undefined): string | null => {
    if (!series) return null;
    for (;;) {
      serials[series] += 1;
      const n = `灵街办${series === 'fa' ? '发' : '通'}〔2021〕${serials[series]}号`;
      if (!o.takenNumbers.has(n)) return n;
    }
  };
  return all.map(({ on, kind, drafted: d }, i): DemoItem => {
    const formedOn = addDays(on, -Math.floor(rnd() * 4));
    const minutes = 30 + Math.floor(rnd() * 420);
    const at = new Date(`${on}T00:00:00.000Z`);
    at.setUTCMinutes(minutes);
    const channels: DemoItem['channels'] = {};
    if (wechat.has(i)) channels.wechat = on;
    if (weibo.has(i)) channels.weibo = on;
    return {
      n: o.firstN + i,
      state: 'published',
      title: `${GENERATED_TITLE_PREFIX}${d.title}`,
      summary: `${d.summary}${GENERATED_SUMMARY_NOTE}`,
      body: d.body,
      documentNumber: documentNumber(d.series),
      writtenOn: formedOn,
      formedOn,
      publishedOn: on,
      publishedAt: at.toISOString(),
      subject: kind.subject,
      genre: kind.genre,
      keywords: d.keywords,
      category: kind.category,
      channels,
    };
  });
}
