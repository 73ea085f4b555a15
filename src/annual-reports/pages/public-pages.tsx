// The public 年度报告 column: the list of published reports per year, each report as an
// HTML page in the official layout with its downloads and older versions, and a page that
// explains each figure in plain Chinese.
import type { Agency } from '../../agencies/agency.js';
import { chineseDate } from '../../portal/dates.js';
import { EmptyColumnNote } from '../../portal/empty-note.js';
import { FORMATS } from '../../reports/format/index.js';
import { ReportTable } from '../../reports/render/html-tables.js';
import { tableLayouts } from '../../reports/render/layout.js';
import { PortalPage, portalColumn } from '../../web/layout.js';
import type { StoredReport } from '../annual-report.js';
import { explainFigures } from '../explain.js';
import { publicReportPath } from '../paths.js';

const column = () => portalColumn('/reports');

export function PublishedList({
  agency,
  reports,
}: {
  agency: Agency;
  reports: readonly StoredReport[];
}) {
  return (
    <ul class="report-list">
      {reports.map((r) => (
        <li>
          <a href={publicReportPath(agency.slug, r.year)}>
            {agency.fullName}
            {r.year}年政府信息公开工作年度报告
          </a>
          <span class="muted">
            　{chineseDate(r.report.publishedOn ?? r.publishedAt!)}
            {r.version > 1 ? `（第${r.version}版，已更正）` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function ReportColumnList({
  agency,
  reports,
  now,
}: {
  agency: Agency;
  reports: readonly StoredReport[];
  now: Date;
}) {
  return reports.length > 0 ? (
    <PublishedList agency={agency} reports={reports} />
  ) : (
    <EmptyColumnNote now={now} what="本栏目暂无已发布的年度报告" />
  );
}

function base(agency: Agency, r: StoredReport, current: boolean) {
  return current
    ? publicReportPath(agency.slug, r.year)
    : publicReportPath(agency.slug, r.year, r.version);
}

export function PublicReportPage(p: {
  agency: Agency;
  stored: StoredReport;
  versions: readonly StoredReport[];
  stylesheet: string;
}) {
  const { agency, stored } = p;
  const report = stored.report;
  const latest = p.versions[0]!;
  const current = latest.id === stored.id;
  const here = base(agency, stored, current);
  const title = `${agency.fullName}${stored.year}年政府信息公开工作年度报告`;
  const layouts = tableLayouts(report);
  return (
    <PortalPage title={title} agency={agency} column={column()}>
      <link rel="stylesheet" href={p.stylesheet} />
      {!current ? (
        <p class="notice notice-warning" role="note">
          这是第{stored.version}版（{chineseDate(stored.publishedAt!)}发布），已被第{latest.version}
          版更正。
          <a href={publicReportPath(agency.slug, stored.year)}>查看现行版本</a>
        </p>
      ) : null}
      {stored.changeNote ? (
        <p class="notice" role="note">
          <strong>更正说明（第{stored.version}版）：</strong>
          {stored.changeNote}
        </p>
      ) : null}
      <p>
        <a href={`${here}/report.docx`}>下载 Word 文档（.docx）</a>　
        <a href={`${here}/report.json`}>下载 JSON 数据</a>　
        <a href={`${publicReportPath(agency.slug, stored.year)}/explained`}>各项数字的含义</a>
      </p>
      <article class="report-document">
        {(report.preamble ?? '').split('\n').map((line) => (line ? <p>{line}</p> : null))}
        {FORMATS[report.format].sections.map((def) => {
          const s = report.sections.find((x) => x.key === def.key);
          const table =
            def.key === 'proactive' || def.key === 'requests' || def.key === 'review'
              ? def.key
              : null;
          return (
            <section>
              <h2>{s?.heading ?? `${def.numeral}、${def.title}`}</h2>
              {(s?.text || '无。').split('\n').map((line) => (line ? <p>{line}</p> : null))}
              {table ? (
                <ReportTable
                  layout={layouts.find((l) => l.key === table)!}
                  prefix=""
                  captionVisible={true}
                />
              ) : null}
            </section>
          );
        })}
        <p class="signature">
          {agency.fullName}
          <br />
          {report.publishedOn ? chineseDate(report.publishedOn) : ''}
        </p>
      </article>
      {p.versions.length > 1 ? (
        <section aria-labelledby="versions-title">
          <h2 id="versions-title">历次版本</h2>
          <ul>
            {p.versions.map((v) => (
              <li>
                {v.id === stored.id ? (
                  <strong>第{v.version}版（本页）</strong>
                ) : (
                  <a href={base(agency, v, v.id === latest.id)}>第{v.version}版</a>
                )}
                ，{chineseDate(v.publishedAt!)}发布
                {v.changeNote ? `；更正说明：${v.changeNote}` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </PortalPage>
  );
}

export function ExplainedPage({ agency, stored }: { agency: Agency; stored: StoredReport }) {
  const items = explainFigures(stored.report);
  return (
    <PortalPage title={`${stored.year}年度报告各项数字的含义`} agency={agency} column={column()}>
      <p>
        下面用通俗的话说明{agency.fullName}
        {stored.year}年度报告表格中的每一项数字。
        <a href={publicReportPath(agency.slug, stored.year)}>返回报告</a>
      </p>
      {items.map((group) => (
        <section>
          <h2>{group.title}</h2>
          <dl class="explained">
            {group.items.map((i) => (
              <>
                <dt>
                  {i.label}：<strong>{i.value}</strong>
                </dt>
                <dd>{i.meaning}</dd>
              </>
            ))}
          </dl>
        </section>
      ))}
    </PortalPage>
  );
}
