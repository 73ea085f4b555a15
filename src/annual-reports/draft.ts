// The six sections' first draft, written from the records: the figures come from the
// tables the report prints (so the prose and the tables cannot disagree, and
// NARRATIVE_MISMATCH stays quiet) and from the facts the sources gave. A sentence is
// written only for what there is a record of; what no record speaks of (section 五's
// problems, say) is left for the office to write. Pure.
import { CHANNEL_LABELS } from '../publications/item.js';
import type { ReportFormat, SectionKey } from '../reports/format/index.js';
import type { ReportSection, ReportTables } from '../reports/model.js';
import type { ActivityFact, MediaAccountFact, YearFacts } from './year-sources.js';

/** A cell's figure; undefined while blank or not a number (nothing is said of it then). */
function value(tables: ReportTables, table: keyof ReportTables, row: string, col: string) {
  const v = tables[table]?.[row]?.[col];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** 「2021年3月5日」 from an ISO date. */
function dayOf(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function activityList(items: readonly ActivityFact[]): string {
  return items
    .map((a) => {
      const when = a.date ? `${dayOf(a.date)}` : '';
      return `${when}“${a.title}”${a.detail ? `（${a.detail}）` : ''}`;
    })
    .join('、');
}

function accountName(a: MediaAccountFact): string {
  return `“${a.name}”${a.platform}`;
}

export function sectionHeading(format: ReportFormat, key: SectionKey): string {
  const def = format.sections.find((s) => s.key === key)!;
  return `${def.numeral}、${def.title}`;
}

function overview(year: number, facts: YearFacts, tables: ReportTables, hasRequests: boolean) {
  const parts: string[] = [];
  if (facts.publishedItems !== undefined)
    parts.push(`${year}年主动公开政府信息${facts.publishedItems}条`);
  if (hasRequests) {
    const received = value(tables, 'requests', 'received', 'total');
    if (received !== undefined) parts.push(`收到政府信息公开申请${received}件`);
  }
  const lines: string[] = [];
  if (parts.length > 0) lines.push(`${parts.join('，')}。`);
  if (facts.trainings?.length)
    lines.push(
      `全年组织政府信息公开业务培训${facts.trainings.length}次：${activityList(facts.trainings)}。`,
    );
  if (facts.openDays?.length)
    lines.push(
      `全年组织政府开放日活动${facts.openDays.length}次，主题分别为${activityList(facts.openDays)}。`,
    );
  if (facts.communityWork?.length)
    lines.push(`推进基层政务公开：${activityList(facts.communityWork)}。`);
  return lines.join('\n');
}

function proactive(year: number, facts: YearFacts, tables: ReportTables): string {
  const lines: string[] = [];
  const channels = Object.entries(facts.publishedPerChannel ?? {}).filter(([, n]) => n > 0);
  if (facts.publishedItems !== undefined) {
    const via = channels.map(([c, n]) => `通过${channelName(c)}公开${n}条`).join('，');
    // 「其中」 says the channel counts are parts of the total; when one item went out on
    // several channels they add up to more than it, and that reading would be false.
    const sum = channels.reduce((s, [, n]) => s + n, 0);
    const split =
      sum > facts.publishedItems ? '按发布渠道统计（同一信息可通过多个渠道发布）：' : '其中';
    lines.push(
      `${year}年主动公开政府信息${facts.publishedItems}条${via ? `，${split}${via}` : ''}。`,
    );
  }
  const issued = value(tables, 'proactive', 'normative_documents', 'issued');
  const inForce = value(tables, 'proactive', 'normative_documents', 'in_force');
  if (issued !== undefined && inForce !== undefined)
    lines.push(`本年制发行政规范性文件${issued}件，现行有效行政规范性文件${inForce}件。`);
  const active = facts.mediaAccountsActive ?? [];
  const closed = facts.mediaAccountsClosed ?? [];
  if (active.length > 0)
    lines.push(
      `目前运行的政务新媒体账号${active.length}个：${active.map(accountName).join('、')}。`,
    );
  if (closed.length > 0)
    lines.push(
      `本年关停注销政务新媒体账号${closed.length}个：${closed
        .map((a) => `${accountName(a)}${a.closedReason ? `（${a.closedReason}）` : ''}`)
        .join('、')}。`,
    );
  return lines.join('\n');
}

function channelName(key: string): string {
  return (CHANNEL_LABELS as Record<string, string>)[key] ?? key;
}

function requests(year: number, tables: ReportTables, facts: YearFacts): string {
  const t = (row: string) => value(tables, 'requests', row, 'total');
  const received = t('received');
  const carriedIn = t('carried_in');
  const closed = t('outcome_total');
  const carriedOut = t('carried_out');
  if (received === undefined || carriedIn === undefined || closed === undefined) return '';
  const lines: string[] = [];
  if (received === 0 && carriedIn === 0) lines.push(`${year}年本机关未收到政府信息公开申请。`);
  else {
    lines.push(
      `${year}年共办理依申请公开件${received + carriedIn}件，其中本年新收政府信息公开申请${received}件、上年结转${carriedIn}件；本年办结${closed}件${carriedOut ? `，结转下年度继续办理${carriedOut}件` : ''}。`,
    );
  }
  if (facts.assistedRequests)
    lines.push(`协助其他机关办理依申请公开件${facts.assistedRequests}件。`);
  return lines.join('\n');
}

function review(year: number, tables: ReportTables): string {
  const total = (group: string) => value(tables, 'review', group, 'total');
  const recon = total('reconsideration');
  const direct = total('litigation_direct');
  const after = total('litigation_after_reconsideration');
  if (recon === undefined || direct === undefined || after === undefined) return '';
  if (recon === 0 && direct === 0 && after === 0)
    return `${year}年未发生因政府信息公开引起的行政复议、行政诉讼。`;
  const lines: string[] = [];
  const detail = (group: string) => {
    const parts = [
      ['upheld', '结果维持'],
      ['corrected', '结果纠正'],
      ['other', '其他结果'],
      ['pending', '尚未审结'],
    ]
      .map(([col, label]) => [label, value(tables, 'review', group, col!) ?? 0] as const)
      .filter(([, n]) => n > 0)
      .map(([label, n]) => `${label}${n}件`);
    return parts.length ? `（${parts.join('、')}）` : '';
  };
  lines.push(
    recon === 0
      ? `${year}年未发生因政府信息公开引起的行政复议。`
      : `${year}年发生因政府信息公开引起的行政复议${recon}件${detail('reconsideration')}。`,
  );
  const lawsuits = direct + after;
  lines.push(
    lawsuits === 0
      ? '未发生因政府信息公开引起的行政诉讼。'
      : `发生因政府信息公开引起的行政诉讼${lawsuits}件${detail('litigation_direct')}${detail('litigation_after_reconsideration')}。`,
  );
  return lines.join('\n');
}

function other(year: number, facts: YearFacts): string {
  const lines: string[] = [];
  if (facts.feesCollectedFen !== undefined)
    lines.push(
      facts.feesCollectedFen === 0
        ? `${year}年本机关未收取信息处理费。`
        : `${year}年本机关收取信息处理费${(facts.feesCollectedFen / 100).toFixed(2)}元。`,
    );
  const handled = (what: string, s: { lead: number; assisting: number; closed: number }) => {
    const n = s.lead + s.assisting;
    if (n === 0) return `${year}年未承办${what}。`;
    const role = [s.lead ? `主办${s.lead}件` : '', s.assisting ? `协办${s.assisting}件` : '']
      .filter(Boolean)
      .join('、');
    return `${year}年承办${what}${n}件（${role}），已办结${s.closed}件。`;
  };
  if (facts.deputySuggestions) lines.push(handled('人大代表建议', facts.deputySuggestions));
  if (facts.cppccProposals) lines.push(handled('政协委员提案', facts.cppccProposals));
  return lines.join('\n');
}

/** The six sections as first drafted; every heading as the national format prints it. */
export function draftSections(
  format: ReportFormat,
  year: number,
  facts: YearFacts,
  tables: ReportTables,
  computedTables: ReadonlySet<keyof ReportTables>,
): ReportSection[] {
  const text: Record<SectionKey, string> = {
    overview: overview(year, facts, tables, computedTables.has('requests')),
    proactive: proactive(year, facts, tables),
    requests: requests(year, tables, facts),
    review: review(year, tables),
    problems: '',
    other: other(year, facts),
  };
  return format.sections.map((s) => ({
    key: s.key,
    heading: sectionHeading(format, s.key),
    text: text[s.key],
  }));
}
