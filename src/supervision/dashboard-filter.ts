// The year's dashboard narrowed to one status (?status=errors): which values it takes, and
// the rows it keeps. The page ignores an unknown value and says so, as every list of the
// console does (a stale bookmark still shows the year); an export refuses it, since a file
// downloaded must hold the rows that were asked for. Pure.
import { CHECKED_STATUSES, STATUS_LABELS, type AgencyStatus } from './status.js';
import type { Dashboard } from './views.js';

/**
 * The statuses a dashboard is counted and filtered by, in the order they are listed: what
 * was not received or not readable, then the checked reports' statuses in their precedence.
 */
export const DASHBOARD_ORDER: readonly AgencyStatus[] = [
  'late',
  'missing',
  'received_late',
  'unreadable',
  ...CHECKED_STATUSES,
];

/** The status asked for, null for every agency; an unknown value is named in `problem`. */
export function statusFilter(raw: string | undefined): {
  status: AgencyStatus | null;
  problem: string | null;
} {
  const t = raw?.trim();
  if (!t) return { status: null, problem: null };
  const known = DASHBOARD_ORDER.find((s) => s === t);
  if (known) return { status: known, problem: null };
  const shown = [...t].length > 20 ? `${[...t].slice(0, 20).join('')}…` : t;
  const choices = DASHBOARD_ORDER.map((s) => STATUS_LABELS[s]).join('、');
  return { status: null, problem: `状态“${shown}”不是可选的状态（可选：${choices}）` };
}

/** The dashboard with only the agencies of `status` (all of them when null). */
export function withStatus(d: Dashboard, status: AgencyStatus | null): Dashboard {
  return status === null ? d : { ...d, rows: d.rows.filter((r) => r.status === status) };
}

/** How many agencies have each status, in DASHBOARD_ORDER. */
export function statusTally(d: Dashboard): { status: AgencyStatus; count: number }[] {
  return DASHBOARD_ORDER.map((status) => ({
    status,
    count: d.rows.filter((r) => r.status === status).length,
  }));
}
