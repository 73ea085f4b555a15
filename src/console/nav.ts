// The console navigation. Each feature declares its entries (with the permission a link
// needs) in its feature.ts; app.ts turns them into these items, with the roles that hold
// the permission, and puts them in every request's context for the layout. The route itself
// must still check the permission: hiding a link is not access control.
import { PERMISSIONS } from '../auth/policy.js';
import type { Role } from '../auth/roles.js';
import type { NavEntry } from '../web/feature.js';

export interface ConsoleNavItem {
  href: string;
  label: string;
  roles?: readonly Role[];
}

/** The features' entries as navigation items: each with the roles holding its permission. */
export function navItems(entries: readonly NavEntry[]): ConsoleNavItem[] {
  return entries.map(({ href, label, permission }) =>
    permission ? { href, label, roles: PERMISSIONS[permission] } : { href, label },
  );
}

/** The links an account with `roles` sees, in the order given. */
export function navFor(
  roles: readonly string[],
  items: readonly ConsoleNavItem[],
): ConsoleNavItem[] {
  return items.filter((item) => !item.roles || item.roles.some((r) => roles.includes(r)));
}

/** The nav item a path belongs to: the longest matching prefix, so /console/x/1 marks /console/x. */
export function currentNavHref(path: string, items: readonly ConsoleNavItem[]): string | null {
  let best: string | null = null;
  for (const { href } of items) {
    const match = path === href || (href !== '/console' && path.startsWith(`${href}/`));
    if (match && (best === null || href.length > best.length)) best = href;
  }
  return best;
}
