// Who may do what — the one place that decides. Routes and services ask here; they do
// not test role names themselves.
//
// Agency boundaries:
//  - every staff member reads and works on their own agency only;
//  - a supervisor (上级监督) also READS every agency below their own, never writes there;
//  - an administrator manages their own agency and every agency below it.
// A staff member of agency A asking for anything of agency B outside these gets 403.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Kysely } from 'kysely';
import { subtreeIds } from '../agencies/agency-repository.js';
import type { Database } from '../db/schema.js';
import type { AppEnv, StaffSession } from '../web/env.js';
import type { Role } from './roles.js';

/** Actions and the roles that may perform them (within an agency the account may write). */
export const PERMISSIONS = {
  'console.view': ['handler', 'office_head', 'reviewer', 'publisher', 'supervisor', 'admin'],
  'request.handle': ['handler', 'office_head'],
  'request.approve': ['office_head'],
  'publication.draft': ['handler', 'publisher', 'office_head'],
  'publication.review': ['reviewer'],
  'publication.publish': ['publisher'],
  'report.edit': ['handler', 'office_head'],
  'report.approve': ['office_head'],
  'calendar.manage': ['admin'],
  'agency.manage': ['admin'],
  'account.manage': ['admin'],
  'audit.view': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function hasPermission(staff: StaffSession | null, permission: Permission): boolean {
  if (!staff) return false;
  const allowed: readonly string[] = PERMISSIONS[permission];
  return staff.roles.some((r) => allowed.includes(r));
}

export type AccessMode = 'read' | 'write';

/** The agencies `staff` may read and write, as sets of ids. */
export interface AgencyScope {
  read: ReadonlySet<string>;
  write: ReadonlySet<string>;
}

export async function agencyScope(db: Kysely<Database>, staff: StaffSession): Promise<AgencyScope> {
  const own = new Set([staff.agencyId]);
  const reachesDown = staff.roles.includes('supervisor') || staff.roles.includes('admin');
  const subtree = reachesDown ? await subtreeIds(db, staff.agencyId) : own;
  return { read: subtree, write: staff.roles.includes('admin') ? subtree : own };
}

/** Pure decision, given the scope: may `staff` read/write agency `agencyId`? */
export function canAccessAgency(scope: AgencyScope, agencyId: string, mode: AccessMode): boolean {
  return (mode === 'read' ? scope.read : scope.write).has(agencyId);
}

export const FORBIDDEN_AGENCY = '您无权访问其他机关的信息。';
export const FORBIDDEN_WRITE = '您对该机关只有查阅权限，不能修改。';

/**
 * Throws 403 unless the signed-in staff member may access `agencyId` in `mode` (and,
 * when given, holds `permission`). Returns the staff session for convenience.
 */
export async function assertAgencyAccess(
  c: Context<AppEnv>,
  agencyId: string,
  mode: AccessMode,
  permission?: Permission,
): Promise<StaffSession> {
  const staff = c.get('staff');
  if (!staff) throw new HTTPException(403, { message: '请先登录工作台。' });
  if (permission && !hasPermission(staff, permission)) {
    throw new HTTPException(403, { message: '您的角色不能进行此操作。' });
  }
  const scope = await agencyScope(c.get('deps').db.kysely, staff);
  if (!canAccessAgency(scope, agencyId, 'read'))
    throw new HTTPException(403, { message: FORBIDDEN_AGENCY });
  if (mode === 'write' && !canAccessAgency(scope, agencyId, 'write'))
    throw new HTTPException(403, { message: FORBIDDEN_WRITE });
  return staff;
}

/** Throws 403 unless the signed-in staff member holds `permission`. */
export function assertPermission(c: Context<AppEnv>, permission: Permission): StaffSession {
  const staff = c.get('staff');
  if (!staff) throw new HTTPException(403, { message: '请先登录工作台。' });
  if (!hasPermission(staff, permission))
    throw new HTTPException(403, { message: '您的角色不能进行此操作。' });
  return staff;
}

/** The actor recorded in audit events for a staff member. */
export function actorOf(staff: StaffSession): { id: string; label: string } {
  return { id: staff.accountId, label: `${staff.displayName}（${staff.username}）` };
}
