// Before a report with error findings is rendered from the console: what is wrong, and a
// link that renders it anyway.
import type { Finding } from '../../reports/model.js';
import { ConsolePage } from '../../web/layout.js';
import type { StoredReport } from '../annual-report.js';
import { reportPath } from '../paths.js';

export function ConfirmRenderPage(p: {
  stored: StoredReport;
  errors: readonly Finding[];
  to: string;
}) {
  const href = `${reportPath(p.stored.id)}/download.${p.to}?confirm=1`;
  return (
    <ConsolePage title="报告中有错误">
      <div class="notice notice-warning" role="alert">
        <p>
          该报告还有{p.errors.length}处错误。按原样导出的文件会带着这些错误，不宜作为正式报告发布：
        </p>
        <ol>
          {p.errors.map((f) => (
            <li>{f.message}</li>
          ))}
        </ol>
      </div>
      <p>
        <a class="button" href={reportPath(p.stored.id)}>
          返回修改
        </a>{' '}
        <a class="button secondary" href={href}>
          仍然导出
        </a>
      </p>
    </ConsolePage>
  );
}
