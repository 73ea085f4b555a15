// An item's public page at its stable URL: the catalogue entry, the body and the attachments
// — or, once withdrawn, only the notice that says so (the content is never shown again).
import { raw } from 'hono/html';
import type { Agency } from '../../agencies/agency.js';
import { PortalPage, portalColumn } from '../../web/layout.js';
import { sizeLabel } from '../files.js';
import type { Attachment, Publication } from '../item.js';
import { sanitizeBody } from '../sanitize.js';
import { articleTags } from './article-tags.js';
import { DateText, MetadataBlock } from './metadata.js';

const NOT_VALID = { valid: '', expired: '已失效', repealed: '已废止', amended: '已修改' } as const;

export const attachmentHref = (base: string, fileId: string) => `${base}/files/${fileId}`;

export function PublicItemPage(p: {
  agency: Agency;
  item: Publication;
  attachments: Attachment[];
  href: string;
  replacedHref: string | null;
  /** The item's absolute URL when the site's address is configured (canonical link, Url tag). */
  canonical: string | null;
}) {
  const { agency, item } = p;
  if (item.state === 'withdrawn') {
    return (
      <PortalPage title="该信息已撤回" agency={agency} column={portalColumn('/catalogue')}>
        <div class="notice warn" role="status">
          <p>
            索引号为 {item.indexNumber} 的政府信息已于
            <DateText date={item.withdrawnOn} />由{agency.fullName}撤回，不再公开。
          </p>
          <p>撤回说明：{item.withdrawalReason}</p>
        </div>
        <p>
          <a href={`/agencies/${agency.slug}/catalogue`}>返回法定主动公开内容</a>
        </p>
      </PortalPage>
    );
  }
  return (
    <PortalPage
      title={item.title}
      agency={agency}
      column={portalColumn('/catalogue')}
      meta={articleTags(item, p.canonical ?? p.href)}
      description={item.summary}
      links={p.canonical ? [{ rel: 'canonical', href: p.canonical }] : []}
    >
      <MetadataBlock item={item} replacedHref={p.replacedHref} headingId="item-metadata" />
      {item.validity !== 'valid' ? (
        <div class="notice warn">
          <p>注意：本文件{NOT_VALID[item.validity]}，请以现行有效的文件为准。</p>
        </div>
      ) : null}
      <h2>正文</h2>
      {item.bodyHtml ? (
        // Stored sanitised; sanitised again here so nothing written by another path runs.
        <div class="doc-body">{raw(sanitizeBody(item.bodyHtml))}</div>
      ) : (
        <p>本信息没有正文，请查阅附件。</p>
      )}
      {p.attachments.length > 0 ? (
        <>
          <h2>附件</h2>
          <ul>
            {p.attachments.map((a) => (
              <li>
                <a href={attachmentHref(p.href, a.fileId)} download>
                  {a.filename}
                </a>
                <span class="muted">（{sizeLabel(a.size)}）</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        <a href={`/agencies/${agency.slug}/catalogue`}>返回法定主动公开内容</a>
      </p>
    </PortalPage>
  );
}
