// An item's history in the console: its audit events, oldest first — who drafted, reviewed,
// published, imported or changed it, and when. An imported item's first line says which file
// and line it came from, so its history says how it came to be published.
import { beijingTime } from '../../audit/audit-labels.js';
import type { AuditEvent } from '../../audit/audit-repository.js';
import { publicationAuditLabels } from '../audit-labels.js';

/** Events shown on the item page; the rest are in the audit log. */
export const HISTORY_SIZE = 100;

const ACTIONS: Readonly<Record<string, string>> = publicationAuditLabels.actions;

function importedFrom(after: unknown): string {
  const a = (after ?? {}) as { filename?: unknown; line?: unknown };
  return typeof a.filename === 'string' && typeof a.line === 'number'
    ? `（文件「${a.filename}」第 ${a.line} 行）`
    : '';
}

export function ItemHistory({ events, total }: { events: AuditEvent[]; total: number }) {
  return (
    <section aria-labelledby="item-history">
      <h2 id="item-history">办理记录</h2>
      {events.length === 0 ? <p>（没有记录）</p> : null}
      <ol>
        {events.map((e) => (
          <li>
            <time datetime={e.occurredAt}>{beijingTime(e.occurredAt)}</time>，{e.actorLabel}：
            {ACTIONS[e.action] ?? e.action}
            {e.action === 'publication.import_item' ? importedFrom(e.after) : ''}
          </li>
        ))}
      </ol>
      {total > events.length ? (
        <p class="hint">
          共 {total} 条记录，这里列出最早的 {events.length}{' '}
          条；全部记录见审计日志（系统管理员可查看）。
        </p>
      ) : null}
    </section>
  );
}
