// The agency's 政府信息公开 专栏: its home and the columns that hold no items yet. Each page
// says what the column is for and, while nothing is published, a dated 「暂无信息」 note —
// never sample items or figures.
import type { Agency } from '../agencies/agency.js';
import { PORTAL_COLUMNS, PortalPage, portalColumn } from '../web/layout.js';
import { EmptyColumnNote } from './empty-note.js';
import type { GuideMediaAccount } from '../guide/guide.js';
import { chineseDate, isoDateCst } from './dates.js';
import { NewMediaList, OfficeFacts } from './guide-page.js';

export interface ColumnHomeProps {
  agency: Agency;
  /** The current guide version, or null while none is published. */
  guide: { version: number; publishedAt: string } | null;
  newMedia: readonly GuideMediaAccount[];
}

/** What a column's card adds to its description: the state of what it holds now. */
function CardStatus({ path, p }: { path: string; p: ColumnHomeProps }) {
  const base = `/agencies/${p.agency.slug}`;
  if (path === '/guide')
    return p.guide ? (
      <p class="muted">
        现行第 {p.guide.version} 版，
        <time datetime={isoDateCst(p.guide.publishedAt)}>{chineseDate(p.guide.publishedAt)}</time>
        发布
      </p>
    ) : (
      <p class="muted">尚未发布</p>
    );
  if (path === '/requests')
    return (
      <p>
        <a href={`${base}/application-form`}>政府信息公开申请表</a>
      </p>
    );
  return null;
}

export function ColumnHomePage(p: ColumnHomeProps) {
  const { agency } = p;
  const columns = PORTAL_COLUMNS.filter((c) => c.path !== '');
  return (
    <PortalPage title={`${agency.fullName}政府信息公开`} agency={agency} column={portalColumn('')}>
      <p class="lead">
        本专栏依照《中华人民共和国政府信息公开条例》和国务院办公厅关于规范政府信息公开平台的要求设置，集中发布
        {agency.fullName}的法定主动公开内容。
      </p>
      <ul class="card-grid">
        {columns.map((col) => (
          <li class="card">
            <h2>
              <a href={`/agencies/${agency.slug}${col.path}`}>{col.name}</a>
            </h2>
            <p>{col.description}</p>
            <CardStatus path={col.path} p={p} />
          </li>
        ))}
      </ul>
      <h2>政府信息公开工作机构</h2>
      <OfficeFacts agency={agency} />
      <h2 id="new-media">政务新媒体</h2>
      <p>本机关通过以下政务新媒体账号发布政府信息（《条例》第二十三条）：</p>
      <NewMediaList accounts={p.newMedia} />
    </PortalPage>
  );
}

export function RulesPage({ agency, now }: { agency: Agency; now: Date }) {
  return (
    <PortalPage title="政府信息公开制度" agency={agency} column={portalColumn('/rules')}>
      <p>
        本栏目发布{agency.fullName}
        开展政府信息公开工作的制度，包括主动公开、依申请公开、政府信息公开保密审查和发布审核、政府信息公开工作年度报告等方面的工作制度，以及本机关执行的上级有关规定。
      </p>
      <EmptyColumnNote now={now} />
    </PortalPage>
  );
}

/** 第二十条 (一)–(十五): what every agency publishes proactively. */
const ARTICLE_20 = [
  '行政法规、规章和规范性文件',
  '机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名',
  '国民经济和社会发展规划、专项规划、区域规划及相关政策',
  '国民经济和社会发展统计信息',
  '办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果',
  '实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定',
  '财政预算、决算信息',
  '行政事业性收费项目及其依据、标准',
  '政府集中采购项目的目录、标准及实施情况',
  '重大建设项目的批准和实施情况',
  '扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况',
  '突发公共事件的应急预案、预警信息及应对情况',
  '环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况',
  '公务员招考的职位、名额、报考条件等事项以及录用结果',
  '法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息',
];

const CN_NUMBERS = [
  '一',
  '二',
  '三',
  '四',
  '五',
  '六',
  '七',
  '八',
  '九',
  '十',
  '十一',
  '十二',
  '十三',
  '十四',
  '十五',
];

/** 第二十一条: the extra items for city and county governments and for townships. */
function article21(agency: Agency): string | null {
  if (agency.level === 'township') {
    return '乡（镇）人民政府（含街道办事处）还应当重点公开农业农村政策落实、农田水利工程建设运营、农村土地承包经营权流转、宅基地使用情况审核、土地征收、房屋征收、筹资筹劳、社会救助等方面的政府信息（《条例》第二十一条）。';
  }
  if (agency.level === 'city' || agency.level === 'county') {
    return '设区的市级、县级人民政府及其部门还应当重点公开市政建设、公共服务、公益事业、土地征收、房屋征收、治安管理、社会救助等方面的政府信息（《条例》第二十一条）。';
  }
  return null;
}

export function CataloguePage({ agency, now }: { agency: Agency; now: Date }) {
  const extra = article21(agency);
  return (
    <PortalPage title="法定主动公开内容" agency={agency} column={portalColumn('/catalogue')}>
      <p>
        本栏目发布{agency.fullName}
        依法应当主动公开的政府信息，按本机关主动公开基本目录分类编排。每条信息标注索引号、名称、发布机构、成文日期和发布日期。
      </p>
      <EmptyColumnNote now={now} what="本栏目暂无已发布的政府信息" />
      <h2>法定主动公开的内容</h2>
      <p>
        依照《中华人民共和国政府信息公开条例》第二十条，行政机关应当主动公开本行政机关的下列政府信息：
      </p>
      <ul class="article-items">
        {ARTICLE_20.map((item, i) => (
          <li>
            （{CN_NUMBERS[i]}）{item}
            {i === ARTICLE_20.length - 1 ? '。' : '；'}
          </li>
        ))}
      </ul>
      {extra ? <p>{extra}</p> : null}
    </PortalPage>
  );
}

export function ReportsPage({ agency, now }: { agency: Agency; now: Date }) {
  return (
    <PortalPage title="政府信息公开工作年度报告" agency={agency} column={portalColumn('/reports')}>
      <p>
        本栏目发布{agency.fullName}
        历年的政府信息公开工作年度报告。年度报告按照国务院办公厅政府信息与政务公开办公室统一的格式（国办公开办函〔2021〕30号）编制，内容包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况以及其他需要报告的事项（《条例》第五十条），统计期限为上一年度1月1日至12月31日。
      </p>
      <p>
        县级以上人民政府部门应当在每年1月31日前公布本部门上一年度的年度报告（《条例》第四十九条）。
      </p>
      <EmptyColumnNote now={now} what="本栏目暂无已发布的年度报告" />
    </PortalPage>
  );
}
