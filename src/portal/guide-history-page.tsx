// The guide's history: every published version, newest first, each readable at its own URL
// (第十二条: the guide is kept current, and what it said before stays on record).
import type { Agency } from '../agencies/agency.js';
import type { VersionSummary } from '../guide/guide-repository.js';
import { PortalPage, portalColumn } from '../web/layout.js';
import { chineseDate, isoDateCst } from './dates.js';

export function GuideHistoryPage({
  agency,
  versions,
}: {
  agency: Agency;
  versions: readonly VersionSummary[];
}) {
  const base = `/agencies/${agency.slug}/guide`;
  return (
    <PortalPage title="政府信息公开指南历史版本" agency={agency} column={portalColumn('/guide')}>
      <p>
        <a href={base}>返回现行指南</a>
      </p>
      {versions.length === 0 ? (
        <p>本机关尚未发布政府信息公开指南。</p>
      ) : (
        <ol class="version-list" reversed>
          {versions.map((v, i) => (
            <li>
              <a href={`${base}/versions/${v.version}`}>第 {v.version} 版</a>
              ，发布日期：
              <time datetime={isoDateCst(v.publishedAt)}>{chineseDate(v.publishedAt)}</time>
              {i === 0 ? '（现行）' : ''}
            </li>
          ))}
        </ol>
      )}
    </PortalPage>
  );
}
