// The console navigation. Each feature adds ONE entry here for its console page, and only
// once the page exists; `roles` limits who sees the link (absent: every signed-in account).
// The route itself must still check the role: hiding a link is not access control.
import type { Role } from '../auth/roles.js';

export interface ConsoleNavItem {
  href: string;
  label: string;
  roles?: readonly Role[];
}

export const consoleNav: ConsoleNavItem[] = [
  { href: '/console', label: '工作台' },
  { href: '/console/calendar', label: '工作日历', roles: ['admin'] },
  { href: '/console/agencies', label: '机关管理', roles: ['admin'] },
  { href: '/console/accounts', label: '账号管理', roles: ['admin'] },
  { href: '/console/audit', label: '审计日志', roles: ['admin'] },
  { href: '/console/reports/check', label: '年度报告检查' },
];

/** The links an account with `roles` sees, in the order above. */
export function navFor(
  roles: readonly string[],
  items: readonly ConsoleNavItem[] = consoleNav,
): ConsoleNavItem[] {
  return items.filter((item) => !item.roles || item.roles.some((r) => roles.includes(r)));
}

/** The nav item a path belongs to: the longest matching prefix, so /console/x/1 marks /console/x. */
export function currentNavHref(
  path: string,
  items: readonly ConsoleNavItem[] = consoleNav,
): string | null {
  let best: string | null = null;
  for (const { href } of items) {
    const match = path === href || (href !== '/console' && path.startsWith(`${href}/`));
    if (match && (best === null || href.length > best.length)) best = href;
  }
  return best;
}
