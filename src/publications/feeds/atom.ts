// An agency's published items as an Atom 1.0 feed (RFC 4287), newest first. Pure: the
// routes read the items and hand them here. Each entry carries only what the catalogue
// already shows the public — title, summary, issuer, dates, category and the stable URL —
// so nothing about who drafted, reviewed or published it leaves the platform this way.
import { xmlText } from './xml-text.js';

export interface FeedEntry {
  /** The item's id: the entry id is `urn:uuid:…`, stable whatever the site's address. */
  id: string;
  title: string;
  summary: string;
  issuer: string;
  indexNumber: string;
  documentNumber: string | null;
  /** YYYY-MM-DD (Beijing date). */
  publishedOn: string;
  /** ISO instant of the last change (a validity change counts). */
  updatedAt: string;
  /** The item's stable URL, absolute when the site's address is configured. */
  href: string;
  category: string;
}

export interface FeedHead {
  /** `urn:uuid:` + the agency's id. */
  agencyId: string;
  title: string;
  subtitle: string;
  /** The agency as author of the feed (its full official name). */
  author: string;
  /** The catalogue page and the feed itself. */
  alternateHref: string;
  selfHref: string;
  /** When nothing is published yet: the agency's own last change, so `updated` is stable. */
  fallbackUpdated: string;
}

/** A Beijing date as the instant it began (Atom dates carry an offset). */
const dayStart = (isoDate: string) => `${isoDate}T00:00:00+08:00`;

const urn = (id: string) => (/^[0-9a-f-]{36}$/i.test(id) ? `urn:uuid:${id}` : `urn:gongkai:${id}`);

function entryXml(e: FeedEntry): string {
  const summary = [
    `索引号：${e.indexNumber}`,
    e.documentNumber ? `文号：${e.documentNumber}` : null,
    e.summary,
  ]
    .filter(Boolean)
    .join('\n');
  return [
    '  <entry>',
    `    <id>${xmlText(urn(e.id))}</id>`,
    `    <title type="text">${xmlText(e.title)}</title>`,
    `    <link rel="alternate" type="text/html" href="${xmlText(e.href)}"/>`,
    `    <published>${dayStart(e.publishedOn)}</published>`,
    // An entry is never older than its publication, whatever the import wrote.
    `    <updated>${xmlText(laterOf(e.updatedAt, dayStart(e.publishedOn)))}</updated>`,
    `    <author><name>${xmlText(e.issuer)}</name></author>`,
    `    <category term="${xmlText(e.category)}"/>`,
    `    <summary type="text">${xmlText(summary)}</summary>`,
    '  </entry>',
  ].join('\n');
}

function laterOf(a: string, b: string): string {
  return Date.parse(a) >= Date.parse(b) ? a : b;
}

export function atomFeed(head: FeedHead, entries: readonly FeedEntry[]): string {
  const updated = entries.reduce(
    (latest, e) => laterOf(latest, laterOf(e.updatedAt, dayStart(e.publishedOn))),
    head.fallbackUpdated,
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <id>${xmlText(urn(head.agencyId))}</id>`,
    `  <title type="text">${xmlText(head.title)}</title>`,
    `  <subtitle type="text">${xmlText(head.subtitle)}</subtitle>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(head.alternateHref)}"/>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(head.selfHref)}"/>`,
    `  <updated>${xmlText(updated)}</updated>`,
    `  <author><name>${xmlText(head.author)}</name></author>`,
    ...entries.map(entryXml),
    '</feed>',
    '',
  ].join('\n');
}
