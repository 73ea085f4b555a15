// The console list of an agency's items: filters by state, category and year, sortable
// columns, pages; links to the overdue list and the re-check rounds.
import type { Page } from '../../db/paginate.js';
import { DataTable } from '../../web/data-table.js';
import { SelectField, SubmitButton } from '../../web/forms.js';
import { ConsolePage } from '../../web/layout.js';
import type { Direction } from '../../web/list-query.js';
import { Pager } from '../../web/pager.js';
import { categoriesFor, categoryLabel, type Publication } from '../item.js';
import { itemPath, OVERDUE_PATH, PUBLICATIONS_PATH, RECHECKS_PATH } from '../paths.js';
import type { ConsoleSort } from '../repository.js';
import { PUBLICATION_STATES, STATE_LABELS } from '../review.js';
import { chineseDateOf } from '../dates.js';

export interface ConsoleListProps {
  agencyName: string;
  agencyLevel: string;
  page: Page<Publication>;
  filters: { state?: string; category?: string; year?: string };
  problems: string[];
  sort: ConsoleSort;
  direction: Direction;
  hrefFor(changes: { page?: number; sort?: ConsoleSort; direction?: Direction }): string;
  canDraft: boolean;
  notice: string | null;
  /** The current year (Beijing), the newest in the year filter. */
  thisYear: number;
}

export function ConsoleListPage(p: ConsoleListProps) {
  const f = p.filters;
  const years = Array.from({ length: 10 }, (_, i) => String(p.thisYear - i));
  return (
    <ConsolePage title="主动公开">
      {p.notice ? (
        <p class="notice" role="status">
          {p.notice}
        </p>
      ) : null}
      <p>
        {p.agencyName}
        的主动公开信息：草稿经保密审查通过后方可发布；信息自形成或者变更之日起20个工作日内予以公开（《条例》第二十六条）。
      </p>
      <ul>
        {p.canDraft ? (
          <li>
            <a class="button" href={`${PUBLICATIONS_PATH}/new`}>
              起草新信息
            </a>
          </li>
        ) : null}
        <li>
          <a href={OVERDUE_PATH}>公开期限（第二十六条）与逾期信息</a>
        </li>
        <li>
          <a href={RECHECKS_PATH}>已公开信息清查</a>
        </li>
      </ul>
      {p.problems.length > 0 ? (
        <div class="notice warn">
          <p>以下筛选条件有误，已忽略：{p.problems.join('；')}。</p>
        </div>
      ) : null}
      <form method="get" action={PUBLICATIONS_PATH} class="form" aria-label="筛选主动公开信息">
        <SelectField
          name="state"
          label="状态"
          value={f.state ?? ''}
          emptyLabel="全部"
          options={PUBLICATION_STATES.map((s) => ({ value: s, label: STATE_LABELS[s] }))}
        />
        <SelectField
          name="category"
          label="公开类别"
          value={f.category ?? ''}
          emptyLabel="全部类别"
          options={categoriesFor(p.agencyLevel).map((c) => ({ value: c.code, label: c.label }))}
        />
        <SelectField
          name="year"
          label="生成年份"
          value={f.year ?? ''}
          emptyLabel="全部年份"
          options={years.map((y) => ({ value: y, label: `${y}年` }))}
        />
        <SubmitButton secondary>筛选</SubmitButton>
      </form>
      <DataTable<Publication, ConsoleSort>
        caption="主动公开信息"
        rows={p.page.rows}
        sorting={{ sort: p.sort, direction: p.direction, hrefFor: p.hrefFor }}
        empty="没有符合条件的信息。"
        columns={[
          { label: '标题', cell: (r) => <a href={itemPath(r.id)}>{r.title}</a> },
          { label: '状态', cell: (r) => STATE_LABELS[r.state] },
          { label: '公开类别', cell: (r) => categoryLabel(r.category) },
          { label: '生成日期', cell: (r) => chineseDateOf(r.formedOn), sortKey: 'formed' },
          {
            label: '发布日期',
            cell: (r) => (r.publishedOn ? chineseDateOf(r.publishedOn) : '—'),
            sortKey: 'published',
          },
          { label: '索引号', cell: (r) => r.indexNumber ?? '—' },
          {
            label: '最后修改',
            cell: (r) => chineseDateOf(r.updatedAt.slice(0, 10)),
            sortKey: 'updated',
          },
        ]}
      />
      <Pager
        total={p.page.total}
        page={p.page.page}
        pageCount={p.page.pageCount}
        hrefFor={p.hrefFor}
      />
    </ConsolePage>
  );
}
