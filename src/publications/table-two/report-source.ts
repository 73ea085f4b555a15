// What proactive disclosure gives the annual report of a year: table 二 (computed from the
// items and the figures entered for the year) and the counts per channel section 二 quotes.
import {
  keepsRecordsHere,
  type ReportSource,
  type YearQuery,
} from '../../annual-reports/year-sources.js';
import { CHANNELS } from '../item.js';
import { tableTwo } from './table-two.js';
import { getYearFigures, itemsPerChannel, legalDocumentGroups } from './year-figures-repository.js';

/**
 * Per channel: the items that went out on it in the year plus the posts counted by hand
 * (WeChat articles and the like that are not catalogue items).
 */
export async function publishedPerChannel({ db, agencyId, year }: YearQuery) {
  const [items, entered] = await Promise.all([
    itemsPerChannel(db, agencyId, year),
    getYearFigures(db, agencyId, year),
  ]);
  const out: Record<string, number> = {};
  for (const c of CHANNELS) {
    const n = (items[c] ?? 0) + (entered.channels.find((e) => e.channel === c)?.count ?? 0);
    if (n > 0) out[c] = n;
  }
  return out;
}

/**
 * What section 二 calls 主动公开政府信息 N 条: the sum over the online channels, as the
 * report counts it (「通过网站、微信、微博等新媒体平台主动公开政府信息1351条」: an item on two
 * channels is two posts). The notice board (公告栏) is listed per channel but not added in.
 */
export function onlineTotal(perChannel: Readonly<Record<string, number>>): number {
  return CHANNELS.filter((c) => c !== 'notice_board').reduce((n, c) => n + (perChannel[c] ?? 0), 0);
}

export async function computeTableTwo({ db, agencyId, year }: YearQuery) {
  const [docs, entered] = await Promise.all([
    legalDocumentGroups(db, agencyId),
    getYearFigures(db, agencyId, year),
  ]);
  return tableTwo(docs, entered.figures, year);
}

export const publicationsReportSource: ReportSource = {
  label: '主动公开信息目录',
  async contribute(query) {
    const kept = [
      'publications',
      'publication_year_figures',
      'publication_channel_counts',
    ] as const;
    if (!(await keepsRecordsHere(query.db, query.agencyId, kept))) return {};
    const [proactive, perChannel] = await Promise.all([
      computeTableTwo(query),
      publishedPerChannel(query),
    ]);
    return {
      tables: { proactive },
      facts: {
        publishedItems: onlineTotal(perChannel),
        publishedPerChannel: perChannel,
      },
    };
  },
};
