// The outcomes (办理结果) a closed request may have: the rows （一）–（六）of table 三 in the
// current national format. Keys, labels and order come from the report format definition
// (src/reports/format), so a case's outcome and the report row it is counted in are one
// thing; this module adds only what the format does not hold — the legal ground the reply
// letter cites. Pure data, no I/O.
import { FORMAT_2021, type ReportFormat } from '../reports/format/index.js';

/**
 * The legal ground of each outcome, as shared/spec/annual-report-format.md lists it
 * (articles of 《政府信息公开条例》). `null` where the regulation has no article of its own
 * for the outcome: the reply then rests on the reasons the handler writes.
 */
const GROUNDS = {
  disclosed: '第三十六条第（一）项、第（二）项',
  partially_disclosed: '第三十七条',
  'withheld.state_secret': '第十四条',
  'withheld.prohibited_by_law': '第十四条',
  'withheld.security_stability': '第十四条',
  'withheld.third_party_rights': '第十五条',
  'withheld.internal_affairs': '第十六条第一款',
  'withheld.process_information': '第十六条第二款',
  'withheld.enforcement_files': '第十六条第二款',
  'withheld.administrative_query': '第三十六条第（七）项',
  'unavailable.not_held': '第三十六条第（四）项、第（五）项',
  'unavailable.needs_creation': '第三十八条',
  'unavailable.unclear_after_correction': '第三十条',
  'not_processed.petition_complaint': '第三十九条',
  'not_processed.repeated': '第三十六条第（六）项',
  'not_processed.publications': '第三十九条',
  'not_processed.excessive': '第三十五条',
  'not_processed.confirm_or_reissue': null,
  'other.correction_overdue': '第三十条',
  'other.fee_unpaid': '第四十二条，《政府信息公开信息处理费管理办法》',
  'other.other': null,
} as const satisfies Record<string, string | null>;

export type OutcomeKey = keyof typeof GROUNDS;

/** 「予以公开」「无法提供 / 本机关不掌握相关政府信息」… */
export interface OutcomeDef {
  key: OutcomeKey;
  /** The table 三 group it belongs to (disclosed, withheld, …). */
  group: string;
  /** The row's label as the national format prints it. */
  label: string;
  /** Group and row together, as staff pick it: 「不予公开：属于国家秘密」. */
  fullLabel: string;
  /** 《政府信息公开条例》 article(s), or null when no article of its own applies. */
  article: string | null;
}

function outcomeDefs(format: ReportFormat): OutcomeDef[] {
  const groups = new Map(format.requests.outcomeGroups.map((g) => [g.key, g]));
  return format.requests.outcomeRowKeys.map((key) => {
    const row = format.requests.rows.find((r) => r.key === key)!;
    const group = groups.get(row.group ?? row.key)!;
    // 部分公开's printed label carries the 区分处理 note; staff pick it by its short name.
    const label = row.aliases?.[0] && row.key === group.key ? row.aliases[0] : row.label;
    return {
      key: key as OutcomeKey,
      group: group.key,
      label,
      fullLabel: row.group ? `${group.label}：${label}` : label,
      article: GROUNDS[key as OutcomeKey],
    };
  });
}

/** Every outcome, in the order table 三 prints them. */
export const OUTCOMES: readonly OutcomeDef[] = outcomeDefs(FORMAT_2021);

export const OUTCOME_KEYS: readonly OutcomeKey[] = OUTCOMES.map((o) => o.key);

const BY_KEY = new Map(OUTCOMES.map((o) => [o.key, o]));

export function isOutcomeKey(value: unknown): value is OutcomeKey {
  return typeof value === 'string' && BY_KEY.has(value as OutcomeKey);
}

export function outcomeDef(key: OutcomeKey): OutcomeDef {
  return BY_KEY.get(key)!;
}

/** 「依据《中华人民共和国政府信息公开条例》第三十七条」, or null when none applies. */
export function legalGround(key: OutcomeKey): string | null {
  const article = outcomeDef(key).article;
  if (article === null) return null;
  const [first, ...rest] = article.split('，');
  return `依据《中华人民共和国政府信息公开条例》${first}${rest.length ? `和${rest.join('，')}` : ''}`;
}

/**
 * The row of `format` a case with `outcome` is counted in. The 2019 trial format had a
 * single （六）其他处理 row, so the two lapses of the 2021 format fall into it there.
 */
export function reportRowFor(outcome: OutcomeKey, format: ReportFormat): string {
  if (format.requests.outcomeRowKeys.includes(outcome)) return outcome;
  return 'other.other';
}
