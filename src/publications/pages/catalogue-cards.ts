// The rows of a catalogue page as one template: the part of the page that is new on every
// page, so it is written as HTML directly rather than built as JSX nodes (twenty cards cost
// the page a third of its rendering that way). Interpolations are escaped by `html`, as JSX
// escapes them. Decision 0032.
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { Agency } from '../../agencies/agency.js';
import { categoryLabel, VALIDITY_LABELS, type CatalogueEntry, type Publication } from '../item.js';
import { dateHtml } from './metadata.js';

export const itemHref = (agency: Pick<Agency, 'slug'>, item: Pick<Publication, 'urlKey'>) =>
  `/agencies/${agency.slug}/catalogue/${item.urlKey ?? ''}`;

// Kept on one line each: whitespace between the tags would show as spaces on the page.
function card(agency: Pick<Agency, 'slug'>, item: CatalogueEntry) {
  const number = item.documentNumber ? html` · 文号：${item.documentNumber}` : '';
  // prettier-ignore
  return html`<li class="card"><h3><a href="${itemHref(agency, item)}">${item.title}</a></h3><p class="muted">发布日期：${dateHtml(item.publishedOn)}${number}</p><p class="muted">${categoryLabel(item.category)} · 有效性：<span class="tag">${VALIDITY_LABELS[item.validity]}</span></p></li>`;
}

export function catalogueCards(
  agency: Pick<Agency, 'slug'>,
  rows: readonly CatalogueEntry[],
): HtmlEscapedString | Promise<HtmlEscapedString> {
  // prettier-ignore
  return html`<ul class="card-grid">${rows.map((item) => card(agency, item))}</ul>`;
}
