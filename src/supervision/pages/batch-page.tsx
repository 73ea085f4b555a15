// One batch: its progress while the job reads it (the page refreshes itself, see the route),
// then its reports as a sortable, filterable list, one page per report, with the flags that
// keep a report from being counted.
import { chineseDateTime } from '../times.js';
import { DataTable, ListProblems } from '../../web/data-table.js';
import { PostForm, SelectField, SubmitButton, TextField } from '../../web/forms.js';
import { ConsolePage } from '../../web/layout.js';
import type { ListQuery } from '../../web/list-query.js';
import { Pager } from '../../web/pager.js';
import type { Page } from '../../db/paginate.js';
import { FLAG_LABELS, type BatchFlag } from '../matching.js';
import { PROGRESS_SCRIPT_PATH } from '../assets.js';
import {
  batchPath,
  batchProgressPath,
  dashboardPath,
  findingsExportPath,
  reportPath,
} from '../paths.js';
import { READ_AS_LABELS } from '../read-kind.js';
import { CHECKED_STATUSES, STATUS_LABELS, type ReportStatus } from '../status.js';
import type { BatchView, ReportView } from '../views.js';

/** The statuses of a batch's reports, worst first: the filter's choices and the sort's order. */
export const REPORT_STATUSES: readonly ReportStatus[] = [
  ...CHECKED_STATUSES,
  'unreadable',
  'pending',
];
export const FLAG_FILTERS = [
  'flagged',
  'counted',
  'unconfirmed',
  'duplicate',
  'other_year',
  'outside',
  'unmatched',
] as const;
export type FlagFilter = (typeof FLAG_FILTERS)[number];
export const FLAG_FILTER_LABELS: Readonly<Record<FlagFilter, string>> = {
  flagged: '有任一标记（不计入）',
  counted: '无标记（计入）',
  ...FLAG_LABELS,
};
export const BATCH_SORTS = [
  'seq',
  'name',
  'agency',
  'status',
  'errors',
  'warnings',
  'notes',
] as const;
export type BatchSort = (typeof BATCH_SORTS)[number];

type Filters = {
  q: (raw: string) => { ok: true; value: string } | { ok: false; error: string };
  status: (raw: string) => { ok: true; value: ReportStatus } | { ok: false; error: string };
  flag: (raw: string) => { ok: true; value: FlagFilter } | { ok: false; error: string };
};

export function FlagList({ flags, state }: { flags: readonly BatchFlag[]; state: string }) {
  if (state === 'pending') return <>正在检查</>;
  if (state !== 'read') return <>无法读取，不计入</>;
  if (flags.length === 0) return <>计入</>;
  return <strong class="flag">{flags.map((f) => FLAG_LABELS[f]).join('；')}</strong>;
}

export interface BatchProgress {
  done: number;
  total: number;
  finished: boolean;
  /** The status line, as the page and the progress endpoint say it. */
  text: string;
}

export function batchProgress(view: BatchView): BatchProgress {
  const { batch, reports, done } = view;
  const finished = batch.finished_at !== null;
  const counted = reports.filter((r) => r.row.state === 'read' && r.flags.length === 0).length;
  return {
    done,
    total: batch.file_count,
    finished,
    text: finished
      ? `已完成：共 ${batch.file_count} 个文件，${counted} 份计入 ${batch.year} 年度。`
      : `正在检查：已完成 ${done} / ${batch.file_count} 个文件。本页每隔几秒自动更新。`,
  };
}

export function BatchPage(p: {
  view: BatchView;
  list: ListQuery<Filters, BatchSort>;
  page: Page<ReportView>;
  canConfirm: number;
  notice?: string | null;
}) {
  const { batch } = p.view;
  const progress = batchProgress(p.view);
  const f = p.list.filters;
  return (
    <ConsolePage title={batch.title}>
      {p.notice ? (
        <p class="notice ok" role="status">
          {p.notice}
        </p>
      ) : null}
      <dl class="facts">
        <dt>报告年度</dt>
        <dd>
          <a href={dashboardPath(batch.year)}>{`${batch.year}年`}</a>
        </dd>
        <dt>提交人</dt>
        <dd>{batch.created_by_label}</dd>
        <dt>提交时间</dt>
        <dd>{chineseDateTime(batch.created_at)}</dd>
      </dl>
      <section aria-labelledby="progress-title">
        <h2 id="progress-title">检查进度</h2>
        <p
          role="status"
          id="batch-progress"
          data-progress={progress.finished ? undefined : batchProgressPath(batch.id)}
        >
          {progress.text}
        </p>
        <progress
          id="batch-progress-bar"
          max={progress.total}
          value={progress.done}
          aria-labelledby="progress-title"
        >
          {`${progress.done} / ${progress.total}`}
        </progress>
        {progress.finished ? null : <script src={PROGRESS_SCRIPT_PATH} defer></script>}
      </section>
      {p.canConfirm > 0 ? (
        <PostForm action={`${batchPath(batch.id)}/confirm`} label="确认建议的机关">
          <p>
            {`有 ${p.canConfirm} 份报告的所属机关是系统根据报告中的机关名称或文件名建议的，尚待确认。请先核对下表，再一并确认；个别报告可在其页面上更正。`}
          </p>
          <SubmitButton>确认全部建议的机关</SubmitButton>
        </PostForm>
      ) : null}
      <p>
        <a class="button secondary" href={findingsExportPath(batch.id, 'csv')} download>
          下载问题清单（CSV）
        </a>{' '}
        <a class="button secondary" href={findingsExportPath(batch.id, 'xlsx')} download>
          下载问题清单（Excel）
        </a>
      </p>
      <h2>报告</h2>
      <ListProblems problems={p.list.problems} />
      <form method="get" action={batchPath(batch.id)} class="form" aria-label="筛选报告">
        <TextField name="q" label="文件名或机关" value={f.q ?? ''} />
        <SelectField
          name="status"
          label="结论"
          value={f.status ?? ''}
          emptyLabel="全部"
          options={REPORT_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
        />
        <SelectField
          name="flag"
          label="标记"
          value={f.flag ?? ''}
          emptyLabel="全部"
          options={FLAG_FILTERS.map((s) => ({ value: s, label: FLAG_FILTER_LABELS[s] }))}
        />
        <SubmitButton secondary>筛选</SubmitButton>
      </form>
      <DataTable<ReportView, BatchSort>
        caption={`${batch.title}：报告一览`}
        rows={p.page.rows}
        empty="没有符合条件的报告。"
        sorting={{ sort: p.list.sort, direction: p.list.direction, hrefFor: p.list.hrefFor }}
        columns={[
          { label: '序号', sortKey: 'seq', cell: (r) => String(r.row.seq) },
          {
            label: '文件',
            sortKey: 'name',
            cell: (r) => <a href={reportPath(r.row.id)}>{r.row.name}</a>,
          },
          {
            label: '所属机关',
            sortKey: 'agency',
            cell: (r) =>
              r.agency
                ? `${r.agency.fullName}${r.row.confirmed === 1 ? '' : '（建议）'}`
                : (r.row.report_agency ?? ''),
          },
          {
            label: '读取方式',
            cell: (r) => (r.row.read_as ? (READ_AS_LABELS[r.row.read_as] ?? r.row.read_as) : ''),
          },
          { label: '结论', sortKey: 'status', cell: (r) => STATUS_LABELS[r.status] },
          {
            label: '错误',
            sortKey: 'errors',
            cell: (r) => (r.row.state === 'read' ? String(r.counts.errors) : ''),
          },
          {
            label: '提示',
            sortKey: 'warnings',
            cell: (r) => (r.row.state === 'read' ? String(r.counts.warnings) : ''),
          },
          {
            label: '读取说明',
            sortKey: 'notes',
            cell: (r) => (r.row.state === 'read' ? String(r.counts.notes) : ''),
          },
          {
            label: '计入情况',
            cell: (r) => <FlagList flags={r.flags} state={r.row.state} />,
          },
        ]}
      />
      <Pager
        total={p.page.total}
        page={p.page.page}
        pageCount={p.page.pageCount}
        hrefFor={p.list.hrefFor}
      />
    </ConsolePage>
  );
}
