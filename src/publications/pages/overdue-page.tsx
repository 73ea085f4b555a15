// The 第二十六条 clock of every item not yet published: due date on the working-day
// calendar, overdue ones first.
import { DataTable } from '../../web/data-table.js';
import { ConsolePage } from '../../web/layout.js';
import type { PublicationDue } from '../deadline.js';
import { chineseDateOf } from '../dates.js';
import type { Publication } from '../item.js';
import { itemPath, PUBLICATIONS_PATH } from '../paths.js';
import { STATE_LABELS } from '../review.js';

export interface DueRow {
  item: Publication;
  due: PublicationDue;
  overdue: boolean;
}

export function OverduePage({ rows, today }: { rows: DueRow[]; today: string }) {
  const overdue = rows.filter((r) => r.overdue);
  return (
    <ConsolePage title="公开期限与逾期信息">
      <p>
        <a href={PUBLICATIONS_PATH}>返回主动公开列表</a>
      </p>
      <p>
        属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起20个工作日内及时公开（《条例》第二十六条）。期限按工作日历计算；今天是
        <time datetime={today}>{chineseDateOf(today)}</time>。
      </p>
      <p class={overdue.length > 0 ? 'notice warn' : 'notice ok'} role="status">
        {overdue.length > 0
          ? `有 ${overdue.length} 条信息已超过公开期限仍未发布。`
          : '没有超过公开期限仍未发布的信息。'}
      </p>
      <DataTable<DueRow>
        caption="尚未发布的信息（逾期的在前）"
        rows={rows}
        empty="没有尚未发布的信息。"
        columns={[
          { label: '标题', cell: (r) => <a href={itemPath(r.item.id)}>{r.item.title}</a> },
          { label: '状态', cell: (r) => STATE_LABELS[r.item.state] },
          { label: '起算日期', cell: (r) => chineseDateOf(r.due.from) },
          {
            label: '应公开日期',
            cell: (r) => (
              <>
                {chineseDateOf(r.due.due)}
                {r.due.provisional ? '（暂估：该年度工作日历未导入）' : ''}
              </>
            ),
          },
          { label: '是否逾期', cell: (r) => (r.overdue ? <strong>已逾期</strong> : '未逾期') },
        ]}
      />
    </ConsolePage>
  );
}
