// The dated note an empty column shows instead of being blank: inspections count a blank
// column against the site, and an undated note counts as not updated.
import { chineseDate, isoDateCst } from './dates.js';

export function EmptyColumnNote({ now, what }: { now: Date; what?: string }) {
  return (
    <div class="notice">
      <p>
        截至<time datetime={isoDateCst(now)}>{chineseDate(now)}</time>，{what ?? '本栏目暂无信息'}。
      </p>
    </div>
  );
}
