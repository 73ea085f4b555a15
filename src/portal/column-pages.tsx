// The agency's 政府信息公开 专栏: its home and the columns that hold no items yet. Each page
// says what the column is for and, while nothing is published, a dated 「暂无信息」 note —
// never sample items or figures.
import type { Agency } from '../agencies/agency.js';
import { PORTAL_COLUMNS, PortalPage, portalColumn } from '../web/layout.js';
import { EmptyColumnNote } from './empty-note.js';
import type { StoredReport } from '../annual-reports/annual-report.js';
import { ReportColumnList } from '../annual-reports/pages/public-pages.js';
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

// The catalogue column (法定主动公开内容) is src/publications/pages/catalogue-page.tsx.

export function ReportsPage({
  agency,
  now,
  published,
}: {
  agency: Agency;
  now: Date;
  published: readonly StoredReport[];
}) {
  return (
    <PortalPage title="政府信息公开工作年度报告" agency={agency} column={portalColumn('/reports')}>
      <p>
        本栏目发布{agency.fullName}
        历年的政府信息公开工作年度报告。年度报告按照国务院办公厅政府信息与政务公开办公室统一的格式（国办公开办函〔2021〕30号）编制，内容包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况以及其他需要报告的事项（《条例》第五十条），统计期限为上一年度1月1日至12月31日。
      </p>
      <p>
        县级以上人民政府部门应当在每年1月31日前公布本部门上一年度的年度报告（《条例》第四十九条）。
      </p>
      <ReportColumnList agency={agency} reports={published} now={now} />
    </PortalPage>
  );
}
