// The console's list of the agency's annual reports, year by year, with the deadline that
// applies and the form that composes a year's draft from the records.
import { chineseDate } from '../../portal/dates.js';
import {
  ErrorSummary,
  PostForm,
  SelectField,
  SubmitButton,
  type FieldErrors,
} from '../../web/forms.js';
import { ConsolePage } from '../../web/layout.js';
import { NoticeBanner } from '../../web/notice.js';
import { STATUS_LABELS, type StoredReport } from '../annual-report.js';
import { publicReportsPath, reportPath, REPORTS_PATH } from '../paths.js';

export interface ListProps {
  agency: { fullName: string; slug: string };
  reports: readonly StoredReport[];
  years: readonly number[];
  dueYear: number;
  deadline: { due: string; basis: string };
  errors: FieldErrors;
  notice: string | null;
  seedHref: string | null;
  /** Whether the viewer may compose (a supervisor reading a subordinate's reports may not). */
  canCompose: boolean;
}

export function ListPage(p: ListProps) {
  return (
    <ConsolePage title="政府信息公开工作年度报告">
      <NoticeBanner message={p.notice} />
      <ErrorSummary errors={p.errors} />
      <p>
        {p.dueYear}年度报告应于{chineseDate(p.deadline.due)}前公布（{p.deadline.basis}）。
        <a href={publicReportsPath(p.agency.slug)}>查看公开的年度报告栏目</a>
      </p>
      {p.reports.length === 0 ? (
        <p class="muted">本机关还没有在本平台编制的年度报告。</p>
      ) : (
        <div class="table-scroll" role="region" tabindex={0} aria-label="年度报告列表">
          <table class="data-table">
            <caption>各年度报告</caption>
            <thead>
              <tr>
                <th scope="col">年度</th>
                <th scope="col">最新版本</th>
                <th scope="col">状态</th>
                <th scope="col">更新时间</th>
              </tr>
            </thead>
            <tbody>
              {p.reports.map((r) => (
                <tr>
                  <td>
                    <a href={reportPath(r.id)}>{r.year}年度</a>
                  </td>
                  <td>第{r.version}版</td>
                  <td>{STATUS_LABELS[r.status]}</td>
                  <td>{chineseDate(r.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {p.seedHref ? (
        <p>
          <a href={p.seedHref}>2021年度报告原件（已发布）与本平台生成的报告对照</a>
        </p>
      ) : null}
      {p.canCompose ? (
        <>
          <h2>编制年度报告</h2>
          <PostForm action={`${REPORTS_PATH}/compose`} label="生成年度报告草稿">
            <p class="hint">
              表格根据本平台的申请、主动公开、复议诉讼等记录计算；没有记录的表格由本机关填报。正文根据记录起草，可以修改。
            </p>
            <SelectField
              name="year"
              label="报告年度"
              value={String(p.dueYear)}
              options={p.years.map((y) => ({ value: String(y), label: `${y}年度` }))}
              error={p.errors.year}
            />
            <SubmitButton>生成草稿</SubmitButton>
          </PostForm>
        </>
      ) : (
        <p class="muted">您对该机关的年度报告只有查阅权限。</p>
      )}
    </ConsolePage>
  );
}
