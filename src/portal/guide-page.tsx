// 政府信息公开指南 (《条例》第十二条), generated from the agency's own data: the disclosure
// office's contacts, how information is arranged and obtained, how a request is handled
// (deadlines, fees) and the remedies. The legal text quoted here is the 2019 条例's.
import type { Agency } from '../agencies/agency.js';
import { PortalPage, portalColumn } from '../web/layout.js';
import { chineseDate, isoDateCst } from './dates.js';

const NOT_PUBLISHED = '暂未公布';

function Fact({ label, value, href }: { label: string; value: string | null; href?: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>
        {value ? (
          href ? (
            <a href={href}>{value}</a>
          ) : (
            value
          )
        ) : (
          <span class="muted">{NOT_PUBLISHED}</span>
        )}
      </dd>
    </>
  );
}

/** Only http(s) addresses become links; anything else is shown as text. */
function webHref(url: string | null): string | undefined {
  if (!url) return undefined;
  if (/^https?:\/\//i.test(url)) return url;
  if (/^[\w.-]+\.[a-z]{2,}(\/.*)?$/i.test(url)) return `http://${url}`;
  return undefined;
}

export function OfficeFacts({ agency }: { agency: Agency }) {
  const o = agency.office;
  return (
    <dl class="facts">
      <Fact label="机构名称" value={o.name} />
      <Fact label="办公地址" value={o.address} />
      <Fact label="办公时间" value={o.hours} />
      <Fact label="联系电话" value={o.phone} />
      <Fact label="传真号码" value={o.fax} />
      <Fact label="电子邮箱" value={o.email} href={o.email ? `mailto:${o.email}` : undefined} />
      <Fact label="网址" value={o.website} href={webHref(o.website)} />
    </dl>
  );
}

export function GuidePage({ agency, parent }: { agency: Agency; parent: Agency | null }) {
  const office = agency.office.name ?? '政府信息公开工作机构';
  const hasAddress = agency.office.address !== null;
  return (
    <PortalPage title="政府信息公开指南" agency={agency} column={portalColumn('/guide')}>
      <div class="doc-body">
        <p>
          为了保障公民、法人和其他组织依法获取政府信息，根据《中华人民共和国政府信息公开条例》（以下简称《条例》）第十二条的规定，编制本指南。需要获取
          {agency.fullName}（以下简称本机关）政府信息的公民、法人和其他组织，请阅读本指南。
        </p>
        <p class="muted">
          本指南根据本机关登记的信息生成，最近更新：
          <time datetime={isoDateCst(agency.updatedAt)}>{chineseDate(agency.updatedAt)}</time>。
        </p>

        <h2 id="office">一、政府信息公开工作机构</h2>
        <p>本机关的政府信息公开工作机构为{office}，负责本机关政府信息公开的日常工作。</p>
        <OfficeFacts agency={agency} />

        <h2 id="arrangement">二、政府信息的分类与编排</h2>
        <p>
          本机关在本平台设立“政府信息公开”专栏，下设四个一级栏目：
          <a href={`/agencies/${agency.slug}/guide`}>政府信息公开指南</a>、
          <a href={`/agencies/${agency.slug}/rules`}>政府信息公开制度</a>、
          <a href={`/agencies/${agency.slug}/catalogue`}>法定主动公开内容</a>、
          <a href={`/agencies/${agency.slug}/reports`}>政府信息公开工作年度报告</a>。
        </p>
        <p>
          法定主动公开内容按照《条例》第二十条、第二十一条规定的内容和本机关主动公开基本目录分类编排。每条政府信息标注索引号、名称、发布机构、成文日期和发布日期等要素。索引号由本机关代码（
          {agency.code}）、年份和顺序号组成，格式为“{agency.code}/年份-顺序号”，一经编制不再改变。
        </p>

        <h2 id="proactive">三、主动公开政府信息的获取方式</h2>
        <p>
          本机关主动公开的政府信息，通过本平台“法定主动公开内容”栏目公开，公众可以在本平台查阅（《条例》第二十四条）；本机关还通过政府公报、政府网站或者其他互联网政务媒体、新闻发布会以及报刊、广播、电视等途径公开（《条例》第二十三条）。属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起20个工作日内及时公开（《条例》第二十六条）。
        </p>

        <h2 id="request">四、依申请公开</h2>
        <h3>（一）申请的提出</h3>
        <p>
          除本机关主动公开的政府信息外，公民、法人或者其他组织可以向本机关申请获取相关政府信息（《条例》第二十七条）。申请应当采用书面形式（包括数据电文形式）；采用书面形式确有困难的，申请人可以口头提出，由本机关代为填写政府信息公开申请（《条例》第二十九条）。
        </p>
        <p>政府信息公开申请应当包括下列内容（《条例》第二十九条）：</p>
        <ol>
          <li>申请人的姓名或者名称、身份证明、联系方式；</li>
          <li>申请公开的政府信息的名称、文号或者便于行政机关查询的其他特征性描述；</li>
          <li>申请公开的政府信息的形式要求，包括获取信息的方式、途径。</li>
        </ol>
        <p>建议一份申请只申请一项政府信息，便于准确检索和及时答复。</p>

        <h3>（二）申请渠道</h3>
        <p>本机关接收政府信息公开申请的渠道如下：</p>
        <ul>
          <li>
            网上申请：通过本平台
            <a href={`/agencies/${agency.slug}/requests/apply`}>在线申请表</a>
            提交，提交后获得查询号和查询码，凭此查询办理进度。
          </li>
          <li>
            当面提交：
            {hasAddress
              ? `在办公时间内到${agency.office.address}（${office}）提交书面申请`
              : `到${office}提交书面申请`}
            。
          </li>
          <li>
            邮政寄送：
            {hasAddress ? `邮寄至${agency.office.address}，${office}收` : `邮寄至${office}`}
            ，请在信封上注明“政府信息公开申请”字样。
          </li>
        </ul>
        <p>申请人有阅读困难或者视听障碍的，本机关将为其提供必要的帮助（《条例》第四十三条）。</p>

        <h3>（三）收到申请的时间</h3>
        <p>本机关收到政府信息公开申请的时间，按照下列规定确定（《条例》第三十一条）：</p>
        <ul>
          <li>申请人当面提交的，以提交之日为收到申请之日；</li>
          <li>
            以邮寄方式提交的，以本机关签收之日为收到申请之日；以平常信函等无需签收的邮寄方式提交的，以本机关与申请人确认之日为收到申请之日；
          </li>
          <li>通过互联网渠道或者传真提交的，以双方确认之日为收到申请之日。</li>
        </ul>

        <h3>（四）补正</h3>
        <p>
          申请内容不明确的，本机关将给予指导和释明，并自收到申请之日起7个工作日内一次性告知申请人作出补正，说明需要补正的事项和合理的补正期限。答复期限自本机关收到补正的申请之日起计算。申请人无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请（《条例》第三十条）。
        </p>

        <h3>（五）答复期限</h3>
        <p>
          本机关收到政府信息公开申请，能够当场答复的，当场予以答复；不能当场答复的，自收到申请之日起20个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过20个工作日（《条例》第三十三条）。
        </p>
        <p>
          征求第三方和其他机关意见所需时间不计算在上述期限内（《条例》第三十三条）。第三方、其他机关应当自收到征求意见书之日起15个工作日内提出意见（《条例》第三十二条、第三十四条）。
        </p>
        <p>
          工作日按国务院办公厅公布的节假日安排计算（含调休上班日）；收到申请的当日不计入，自次日起算。
        </p>

        <h3>（六）收费</h3>
        <p>
          本机关依申请提供政府信息，不收取费用。但是，申请人申请公开政府信息的数量、频次明显超过合理范围的，可以收取信息处理费（《条例》第四十二条）。收费按照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）执行，按件计收或者按量计收，同一申请只适用一种方式：
        </p>
        <ul>
          <li>
            按件计收：同一申请人一个自然月内累计申请10件以下（含10件）的，不收费；11—30件，每件100元；31件以上，每增加10件，每件收费标准提高100元。
          </li>
          <li>
            按量计收：30页以下（含30页）的，不收费；31—100页，每页10元；101—200页，每页20元；201页以上，每页40元。
          </li>
        </ul>
        <p>
          需要收费的，本机关将出具收费通知书；申请人应当自收到收费通知书之次日起20个工作日内缴纳，逾期未缴纳的视为放弃申请。
        </p>

        <h2 id="remedies">五、监督和救济</h2>
        <p>
          公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，可以向
          {parent ? `上一级行政机关（${parent.fullName}）` : '上一级行政机关'}
          或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼（《条例》第五十一条）。
        </p>
        <ul>
          <li>
            申请行政复议：自知道或者应当知道该行政行为之日起60日内提出（《中华人民共和国行政复议法》第二十条）。
          </li>
          <li>
            提起行政诉讼：自知道或者应当知道作出行政行为之日起6个月内提出（《中华人民共和国行政诉讼法》第四十六条）。
          </li>
        </ul>
      </div>
    </PortalPage>
  );
}
