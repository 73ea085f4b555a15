// The page tags (页面标签) of an item's page, as the 政府网站发展指引 lists them for content
// pages and monitoring tools read them: ArticleTitle, PubDate, ContentSource, Keywords,
// Author, Url (the column tags come from the layout). Author is the issuing organ — never
// the staff member who drafted or published it. Pure.
import type { PageTags } from '../../web/layout.js';
import type { Publication } from '../item.js';

const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

/** 「2021-03-05 10:20」 in Beijing time when the moment is known, else the date. */
export function pubDateTag(item: Pick<Publication, 'publishedOn' | 'publishedAt'>): string | null {
  if (item.publishedAt) {
    const cst = new Date(Date.parse(item.publishedAt) + CST_OFFSET_MS).toISOString();
    if (!item.publishedOn || cst.startsWith(item.publishedOn))
      return `${cst.slice(0, 10)} ${cst.slice(11, 16)}`;
  }
  return item.publishedOn;
}

export function articleTags(item: Publication, url: string): PageTags {
  return {
    ArticleTitle: item.title,
    PubDate: pubDateTag(item),
    ContentSource: item.issuer,
    Keywords: item.keywords.join(','),
    Author: item.issuer,
    Url: url,
  };
}
