// How long each kind of record is kept, defined once: the purge job reads its periods from
// here, the case page and docs/security.md ("Retention") say the same. Pure: no I/O.
//
// The legal frame. 《个人信息保护法》第十九条: personal information is kept no longer than
// its purpose needs, unless a law sets a period; 第四十七条: once that period has run out the
// handler erases it of its own motion. A request case is also a 文书档案: 《机关文件材料归档范围
// 和文书档案保管期限规定》(国家档案局令第8号) 第十条 gives the periods 永久 / 定期30年 / 定期10年,
// and 第十一条 has each agency fix its own table of them. An agency's ordinary business files
// — answers to 政府信息公开申请 among them — usually sit in 定期10年; the default below is that,
// and PERSONAL_DATA_RETENTION_YEARS sets the agency's own period. Ten years after closing also
// outlasts every remedy: 行政复议 60 days, 行政诉讼 6 months, and at most 5 years when the
// applicant was never told of the right (《行政诉讼法》第四十六条). Before that day the agency
// exports the case's 档案 (src/privacy/archive.ts) for its records office, which keeps it
// under the archives law; what stays on the platform afterwards is what the statistics need.
import type { IsoDate } from '../calendar/dates.js';

/** 定期10年 (国家档案局令第8号第十条), unless the agency's own table says otherwise. */
export const DEFAULT_CASE_RETENTION_YEARS = 10;

/** A retried submission must find its case again; a week covers any retry a client makes. */
export const IDEMPOTENCY_KEEP_DAYS = 7;

/** Rate-limit and sign-in counters (they hold client addresses) past every window and lock. */
export const THROTTLE_KEEP_HOURS = 24;

export interface RetentionRule {
  /** What is kept, as staff call it. */
  record: string;
  /** How long, in words. */
  period: string;
  /** What happens then. */
  then: string;
}

/**
 * Every record type that holds personal data or traces of people, with its period. `years` is
 * the deployment's PERSONAL_DATA_RETENTION_YEARS (or the default).
 */
export function retentionRules(years: number): readonly RetentionRule[] {
  const caseYears = `办结后满 ${years} 年`;
  return [
    {
      record: '申请人身份信息（姓名、证件号码、电话、地址、电子邮箱、法定代表人、联系人）',
      period: caseYears,
      then: '清除；申请人类型、查询号、各环节日期、办理结果保留，用于年度报告统计',
    },
    {
      record: '身份证明和补正材料等申请人上传的文件',
      period: caseYears,
      then: '连同存储的文件内容一并删除',
    },
    {
      record: '文书（告知书、答复书等）的网页版和 Word 版',
      period: caseYears,
      then: '正文中申请人的个人信息替换为“〔已删除〕”，另存为新的版本；文号、标题、出具日期保留；电子邮件收件地址清除',
    },
    {
      record: '申请内容、办理记录和说明中出现的申请人个人信息',
      period: caseYears,
      then: '替换为“〔已删除〕”，其余文字保留',
    },
    {
      record: '与申请关联的行政复议、行政诉讼案件的文书',
      period: `案件办结且申请办结后均满 ${years} 年`,
      then: '文件删除，案件的结果和日期保留',
    },
    {
      record: '审计日志',
      period: '永久',
      then: '不删除（链式校验不允许删改）；审计事件从不记录个人信息',
    },
    {
      record: '工作人员登录会话',
      period: '闲置 120 分钟或登录 12 小时后失效',
      then: '每 10 分钟清除失效的会话',
    },
    {
      record: '网上申请的重复提交标识（幂等键）',
      period: `${IDEMPOTENCY_KEEP_DAYS} 天`,
      then: '删除（只用于网络重试时找回同一件申请）',
    },
    {
      record: '提交和登录频率计数（含网络地址）',
      period: `${THROTTLE_KEEP_HOURS} 小时`,
      then: '删除',
    },
  ];
}

const lastDayOf = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const iso = (y: number, m: number, d: number): IsoDate =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const parts = (date: IsoDate) => date.split('-').map(Number) as [number, number, number];

/**
 * The day a case closed on `closedOn` has been closed `years` full years (29 February
 * counts as 28 February in a year without one): its personal data is purged from then on.
 */
export function purgeDueOn(closedOn: IsoDate, years: number): IsoDate {
  const [y, m, d] = parts(closedOn);
  return iso(y + years, m, Math.min(d, lastDayOf(y + years, m)));
}

/**
 * The latest closing day whose period has run out by `today`: exactly the cases with
 * purgeDueOn(closedOn) <= today (the last day of February stands for 29 February too).
 */
export function retentionCutoff(today: IsoDate, years: number): IsoDate {
  const [y, m, d] = parts(today);
  const last = lastDayOf(y - years, m);
  return iso(y - years, m, d === lastDayOf(y, m) ? last : Math.min(d, last));
}
