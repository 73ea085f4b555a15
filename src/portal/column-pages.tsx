// The agency's 政府信息公开 专栏: its home and the columns that hold no items yet. Each page
// says what the column is for and, while nothing is published, a dated 「暂无信息」 note —
// never sample items or figures.
import type { Agency } from '../agencies/agency.js';
import { PORTAL_COLUMNS, PortalPage, portalColumn } from '../web/layout.js';
import { EmptyColumnNote } from './empty-note.js';
import { OfficeFacts } from './guide-page.js';

export function ColumnHomePage({ agency }: { agency: Agency }) {
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
          </li>
        ))}
      </ul>
      <h2>政府信息公开工作机构</h2>
      <OfficeFacts agency={agency} />
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

export function RequestsPage({ agency }: { agency: Agency }) {
  const office = agency.office.name ?? '政府信息公开工作机构';
  return (
    <PortalPage title="依申请公开" agency={agency} column={portalColumn('/requests')}>
      <p>
        除主动公开的政府信息外，公民、法人或者其他组织可以向{agency.fullName}
        申请获取相关政府信息（《条例》第二十七条）。申请无需注册账号。
      </p>
      <h2>如何申请</h2>
      <ol>
        <li>写明申请人的姓名或者名称、身份证明、联系方式。</li>
        <li>写明所需政府信息的名称、文号或者便于查询的其他特征性描述。</li>
        <li>写明获取信息的形式（纸质、电子邮件、光盘等）和方式（邮寄、自行领取、当场查阅等）。</li>
        <li>
          当面提交或者邮寄至{office}
          {agency.office.address ? `（${agency.office.address}）` : ''}。
        </li>
      </ol>
      <p>本平台暂未开通网上申请，请通过上述当面提交或者邮政寄送渠道提出申请。</p>
      <h2>办理期限</h2>
      <p>
        能够当场答复的，当场予以答复；不能当场答复的，自收到申请之日起20个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过20个工作日（《条例》第三十三条）。
      </p>
      <p>
        申请渠道、收到申请之日的确定、补正、收费和救济途径，详见
        <a href={`/agencies/${agency.slug}/guide#request`}>政府信息公开指南</a>。
      </p>
      <h2>联系方式</h2>
      <OfficeFacts agency={agency} />
    </PortalPage>
  );
}
