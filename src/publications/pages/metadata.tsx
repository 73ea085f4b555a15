// The catalogue entry of an item (信息目录): the columns the inspection rules look for, as a
// definition list that reads as a table on a wide screen and as a list on a phone.
import type { Child } from 'hono/jsx';
import { html } from 'hono/html';
import { chineseDateOf } from '../dates.js';
import { categoryLabel, VALIDITY_DATE_LABELS, VALIDITY_LABELS, type Publication } from '../item.js';

function Row({ label, children }: { label: string; children: Child }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

const dash = (v: string | null | undefined) => (v ? v : '—');

/** A date as <time>, or a dash: as HTML, for templates (catalogue-cards.ts) and JSX alike. */
export const dateHtml = (date: string | null) =>
  date ? html`<time datetime="${date}">${chineseDateOf(date)}</time>` : '—';

export function DateText({ date }: { date: string | null }) {
  return <>{dateHtml(date)}</>;
}

export function ValidityText({
  item,
  replacedHref,
}: {
  item: Publication;
  /** The link to the item that replaced this one, when there is one. */
  replacedHref?: string | null;
}) {
  return (
    <>
      <span class="tag">{VALIDITY_LABELS[item.validity]}</span>
      {item.validityOn ? (
        <>
          （{VALIDITY_DATE_LABELS[item.validity]}：<DateText date={item.validityOn} />）
        </>
      ) : null}
      {item.replacedBy ? (
        <>
          ，替代文件：
          {replacedHref ? <a href={replacedHref}>{item.replacedBy}</a> : item.replacedBy}
        </>
      ) : null}
    </>
  );
}

export function MetadataBlock({
  item,
  replacedHref,
  headingId,
}: {
  item: Publication;
  replacedHref?: string | null;
  headingId: string;
}) {
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>信息目录</h2>
      <dl class="facts">
        <Row label="索引号">{dash(item.indexNumber ?? '（发布时生成）')}</Row>
        <Row label="名称">{item.title}</Row>
        <Row label="发布机构">{item.issuer}</Row>
        <Row label="文号">{dash(item.documentNumber)}</Row>
        <Row label="成文日期">
          <DateText date={item.writtenOn} />
        </Row>
        <Row label="生成日期">
          <DateText date={item.formedOn} />
        </Row>
        <Row label="发布日期">
          <DateText date={item.publishedOn} />
        </Row>
        <Row label="主题分类">{item.subject}</Row>
        <Row label="体裁">{item.genre}</Row>
        <Row label="公开类别">{categoryLabel(item.category)}</Row>
        <Row label="关键词">{item.keywords.length > 0 ? item.keywords.join('、') : '—'}</Row>
        <Row label="有效性">
          <ValidityText item={item} replacedHref={replacedHref} />
        </Row>
        <Row label="内容概述">{item.summary}</Row>
      </dl>
    </section>
  );
}
