// Report sources defined in tests, standing in for the features' own (requests,
// publications, review cases, work records): real YearContribution values, by default the
// figures of 灵山卫街道's 2021 report (shared/seed), with table 三 computed by the requests
// core from case summaries as the real source does.
import { yearTable, type CaseSummary } from '../../src/requests/year-table.js';
import { expectedFormatFor } from '../../src/reports/format/index.js';
import type { Grid } from '../../src/reports/model.js';
import { filledGrid } from '../../src/annual-reports/tables.js';
import type { ReportSource, YearContribution } from '../../src/annual-reports/year-sources.js';

/** The seed's nine requests of 2021: 8 by natural persons, 1 by a company; all closed in the year. */
export const SEED_CASES: readonly CaseSummary[] = [
  ...Array.from({ length: 8 }, (_, i) => ({
    category: 'natural_person' as const,
    receivedOn: `2021-0${(i % 9) + 1}-10`,
    closedOn: `2021-0${(i % 9) + 1}-20`,
    outcome: 'unavailable.not_held' as const,
  })),
  {
    category: 'commercial_enterprise',
    receivedOn: '2021-10-08',
    closedOn: '2021-10-28',
    outcome: 'partially_disclosed',
  },
];

export function requestsSource(cases: readonly CaseSummary[] = SEED_CASES): ReportSource {
  return {
    label: '依申请公开办件',
    async contribute({ year }) {
      const received = cases.filter((c) => c.receivedOn.startsWith(`${year}-`)).length;
      return {
        tables: { requests: yearTable(cases, year).grid },
        facts: { requestsReceived: received, feesCollectedFen: 0, assistedRequests: 2 },
      };
    },
  };
}

export function publicationsSource(): ReportSource {
  return {
    label: '主动公开信息',
    async contribute({ year }): Promise<YearContribution> {
      return {
        tables: { proactive: filledGrid(expectedFormatFor(year), 'proactive', 0) },
        facts: {
          publishedItems: 1351,
          publishedPerChannel: { website: 179, wechat: 1050, weibo: 122 },
          mediaAccountsActive: [
            { platform: '微信公众号', name: '卫 您好', closedOn: null, closedReason: null },
            { platform: '微博', name: '美丽灵山卫', closedOn: null, closedReason: null },
          ],
          mediaAccountsClosed: [
            {
              platform: '微博',
              name: '灵山卫发布',
              closedOn: `${year}-06-30`,
              closedReason: '长期未更新',
            },
          ],
        },
      };
    },
  };
}

/** Table 四 from cases: reconsiderations with their results. */
export function reviewSource(
  results: readonly ('upheld' | 'corrected' | 'other' | 'pending')[] = ['upheld', 'corrected'],
): ReportSource {
  return {
    label: '行政复议、行政诉讼案件',
    async contribute({ year }) {
      const grid: Grid = filledGrid(expectedFormatFor(year), 'review', 0);
      const row = grid.reconsideration!;
      for (const r of results) row[r] = (row[r] as number) + 1;
      row.total = results.length;
      return { tables: { review: grid }, facts: { reconsiderations: results.length, lawsuits: 0 } };
    },
  };
}

export function workRecordsSource(): ReportSource {
  return {
    label: '工作记录',
    async contribute({ year }) {
      return {
        facts: {
          openDays: [
            { date: `${year}-05-20`, title: '创卫齐参与 成果同受益', detail: null },
            { date: `${year}-08-18`, title: '创城创卫 成果共享', detail: null },
            { date: `${year}-11-12`, title: '影视文化和社区建设', detail: null },
          ],
          communityWork: [
            { date: null, title: '星光岛社区政务公开体验区', detail: null },
            { date: null, title: '东岳路社区政务公开体验区', detail: null },
            { date: null, title: '星海滩路社区政务公开体验区', detail: null },
          ],
          deputySuggestions: { lead: 0, assisting: 2, closed: 2 },
          cppccProposals: { lead: 0, assisting: 1, closed: 1 },
        },
      };
    },
  };
}

export const SEED_SOURCES: readonly ReportSource[] = [
  requestsSource(),
  publicationsSource(),
  reviewSource(),
  workRecordsSource(),
];
