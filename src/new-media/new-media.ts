// Government new-media accounts (政务新媒体) as pure data: platforms, the registry's input
// rules, and the yearly counts the annual report states. No I/O here.
import { z } from 'zod';
import { multiLine, singleLine } from '../validation/text-input.js';

export const PLATFORMS = ['wechat', 'weibo', 'douyin', 'toutiao', 'other'] as const;
export type Platform = (typeof PLATFORMS)[number];
export const PLATFORM_LABELS: Readonly<Record<Platform, string>> = {
  wechat: '微信',
  weibo: '微博',
  douyin: '抖音',
  toutiao: '今日头条',
  other: '其他',
};

export type AccountStatus = 'active' | 'closed';
export const STATUS_LABELS: Readonly<Record<AccountStatus, string>> = {
  active: '运营中',
  closed: '已关停',
};

export interface NewMediaAccount {
  id: string;
  agencyId: string;
  platform: Platform;
  /** The platform's name when `platform` is 'other'. */
  platformOther: string | null;
  name: string;
  operator: string;
  openedOn: string;
  status: AccountStatus;
  closedOn: string | null;
  closeReason: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The platform as readers see it: 「微信」, or the name given for 「其他」. */
export function platformName(a: Pick<NewMediaAccount, 'platform' | 'platformOther'>): string {
  return a.platform === 'other' && a.platformOther ? a.platformOther : PLATFORM_LABELS[a.platform];
}

// ---------------------------------------------------------------------------------------
// Input

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function dateField(label: string) {
  return singleLine(label).refine((s) => isRealDate(s), `${label}应为有效日期，格式如 2021-06-30`);
}

export const accountInputSchema = z
  .object({
    platform: z.enum(PLATFORMS, { error: '请选择平台' }),
    platformOther: singleLine('平台名称').max(30, '平台名称不能超过 30 个字'),
    name: singleLine('账号名称').min(1, '请填写账号名称').max(60, '账号名称不能超过 60 个字'),
    operator: singleLine('运营主体').min(2, '请填写运营主体').max(100, '运营主体不能超过 100 个字'),
    openedOn: dateField('开通日期'),
  })
  .superRefine((v, ctx) => {
    if (v.platform === 'other' && v.platformOther === '')
      ctx.addIssue({
        code: 'custom',
        path: ['platformOther'],
        message: '平台选“其他”时请填写平台名称',
      });
  })
  .transform((v) => ({ ...v, platformOther: v.platform === 'other' ? v.platformOther : null }));

export type AccountInput = z.output<typeof accountInputSchema>;
export type AccountFormValues = Record<keyof z.input<typeof accountInputSchema>, string>;
export const ACCOUNT_FORM_FIELDS: (keyof AccountFormValues)[] = [
  'platform',
  'platformOther',
  'name',
  'operator',
  'openedOn',
];

export const closeInputSchema = z.object({
  closedOn: dateField('关停日期'),
  reason: multiLine('关停原因').min(2, '请填写关停原因').max(500, '关停原因不能超过 500 个字'),
});
export type CloseInput = z.output<typeof closeInputSchema>;
export const CLOSE_FORM_FIELDS: ('closedOn' | 'reason')[] = ['closedOn', 'reason'];

/** Why a close cannot be recorded, or null: checked against the account, not the form alone. */
export function closeProblem(
  account: Pick<NewMediaAccount, 'status' | 'openedOn'>,
  input: CloseInput,
  today: string,
): { field: 'closedOn' | '_form'; message: string } | null {
  if (account.status === 'closed') return { field: '_form', message: '该账号已关停' };
  if (input.closedOn < account.openedOn)
    return { field: 'closedOn', message: `关停日期不能早于开通日期（${account.openedOn}）` };
  if (input.closedOn > today) return { field: 'closedOn', message: '关停日期不能晚于今天' };
  return null;
}

// ---------------------------------------------------------------------------------------
// Yearly counts for the annual report

export interface PlatformCount {
  platform: Platform;
  /** Operating on 31 December of the year. */
  activeAtYearEnd: number;
  /** Opened during the year. */
  openedInYear: number;
  /** Closed during the year. */
  closedInYear: number;
}

export interface YearCounts {
  year: number;
  byPlatform: PlatformCount[];
  total: Omit<PlatformCount, 'platform'>;
}

type Countable = Pick<NewMediaAccount, 'platform' | 'openedOn' | 'closedOn'>;

/**
 * The registry's figures for `year`: accounts operating at year end (opened by 31 December
 * and not closed by then), opened and closed within the year, per platform (every platform
 * listed, zero included) and in total. Dates are ISO dates, compared as text.
 */
export function countsForYear(accounts: readonly Countable[], year: number): YearCounts {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const inYear = (d: string | null) => d !== null && d >= first && d <= last;
  const byPlatform = PLATFORMS.map((platform): PlatformCount => {
    const mine = accounts.filter((a) => a.platform === platform);
    return {
      platform,
      activeAtYearEnd: mine.filter(
        (a) => a.openedOn <= last && (a.closedOn === null || a.closedOn > last),
      ).length,
      openedInYear: mine.filter((a) => inYear(a.openedOn)).length,
      closedInYear: mine.filter((a) => inYear(a.closedOn)).length,
    };
  });
  const sum = (k: keyof Omit<PlatformCount, 'platform'>) =>
    byPlatform.reduce((n, p) => n + p[k], 0);
  return {
    year,
    byPlatform,
    total: {
      activeAtYearEnd: sum('activeAtYearEnd'),
      openedInYear: sum('openedInYear'),
      closedInYear: sum('closedInYear'),
    },
  };
}
