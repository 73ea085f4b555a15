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
import { listAgencies, subtreeIds } from '../agencies/agency-repository.js';
import type { Agency } from '../agencies/agency.js';
import type { Database } from '../db/schema.js';
import type { AppEnv, StaffSession } from '../web/env.js';
import { ROLE_LABELS, type Role } from './roles.js';

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
  'agency.switch': ['supervisor', 'admin'],
  'account.manage': ['admin'],
  'audit.view': ['admin'],
  'guide.edit': ['office_head', 'admin'],
  'new_media.manage': ['office_head', 'publisher', 'admin'],
  'site.identity': ['admin'],
  'letter.templates': ['office_head', 'admin'],
  'review_case.manage': ['handler', 'office_head'],
  // Reading without changing: those who manage them, and a supervisor (上级监督) over the
  // agencies below their own.
  'review_case.read': ['handler', 'office_head', 'supervisor'],
  'report.read': ['handler', 'office_head', 'supervisor'],
  'work_record.manage': ['handler', 'office_head'],
  'supervision.check': ['supervisor', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/**
 * What each permission lets one do, as staff say it: named in the refusal (so that a 403 says
 * which action needs which role) and in docs/security.md's roles table.
 */
export const PERMISSION_LABELS: Readonly<Record<Permission, string>> = {
  'console.view': '进入工作台',
  'request.handle': '办理政府信息公开申请',
  'request.approve': '审核批准申请的办理（延期、答复）',
  'publication.draft': '起草主动公开信息',
  'publication.review': '保密审查和定期清查',
  'publication.publish': '发布和撤回主动公开信息',
  'report.edit': '编写年度报告',
  'report.approve': '审核发布年度报告',
  'calendar.manage': '维护工作日历',
  'agency.manage': '管理机关信息',
  'agency.switch': '切换到下级机关查看',
  'account.manage': '管理工作人员账号',
  'audit.view': '查看审计日志',
  'guide.edit': '编写政府信息公开指南',
  'new_media.manage': '管理政务新媒体账号',
  'site.identity': '设置网站标识信息',
  'letter.templates': '维护文书模板',
  'review_case.manage': '登记行政复议和行政诉讼案件',
  'review_case.read': '查阅行政复议和行政诉讼案件',
  'report.read': '查阅年度报告',
  'work_record.manage': '登记政务公开工作记录',
  'supervision.check': '检查下级机关的年度报告',
};

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
export const SIGN_IN_FIRST = '请先登录工作台。';

/** What staff without `permission` are told: which roles hold it. */
export function missingPermissionMessage(permission: Permission): string {
  const roles: readonly Role[] = PERMISSIONS[permission];
  return `此操作（${PERMISSION_LABELS[permission]}）需要以下角色之一：${roles.map((r) => ROLE_LABELS[r]).join('、')}。`;
}

/** The agency a request acts on and how; a missing one means the resource does not exist. */
export interface AgencyTarget {
  agencyId: string | null | undefined;
  mode: AccessMode;
  /** The 404 message when the resource, and so its agency, is missing. */
  notFound?: string;
}

/**
 * The route guard: the signed-in staff member, when they hold `permission` and (given a
 * target) may access its agency in its mode. Otherwise answers 403, or 404 when the target's
 * resource is missing.
 */
export async function authorize(
  c: Context<AppEnv>,
  permission: Permission,
  target?: AgencyTarget,
): Promise<StaffSession> {
  const staff = c.get('staff');
  if (!staff) throw new HTTPException(403, { message: SIGN_IN_FIRST });
  if (!hasPermission(staff, permission)) {
    throw new HTTPException(403, { message: missingPermissionMessage(permission) });
  }
  if (!target) return staff;
  if (!target.agencyId) {
    throw new HTTPException(404, { message: target.notFound ?? '您访问的内容不存在。' });
  }
  const scope = await agencyScope(c.get('deps').db.kysely, staff);
  if (!canAccessAgency(scope, target.agencyId, 'read'))
    throw new HTTPException(403, { message: FORBIDDEN_AGENCY });
  if (target.mode === 'write' && !canAccessAgency(scope, target.agencyId, 'write'))
    throw new HTTPException(403, { message: FORBIDDEN_WRITE });
  return staff;
}

/**
 * Loads a resource and authorizes `permission` on its agency (see authorize): the staff
 * member and the resource, which is then known to exist.
 */
export async function authorizeOn<R>(
  c: Context<AppEnv>,
  permission: Permission,
  resource: R | null | undefined,
  access: { agencyOf: (r: R) => string; mode: AccessMode; notFound: string },
): Promise<{ staff: StaffSession; resource: R }> {
  const staff = await authorize(c, permission, {
    agencyId: resource ? access.agencyOf(resource) : null,
    mode: access.mode,
    notFound: access.notFound,
  });
  return { staff, resource: resource as R };
}

/** Whether `staff` may write agency `agencyId` (a choice in a form, say). */
export async function canWriteAgency(
  db: Kysely<Database>,
  staff: StaffSession,
  agencyId: string,
): Promise<boolean> {
  return canAccessAgency(await agencyScope(db, staff), agencyId, 'write');
}

/** The agencies `staff` may write (their own and, for administrators, those below), in tree order. */
export async function writableAgencies(
  db: Kysely<Database>,
  staff: StaffSession,
): Promise<Agency[]> {
  const scope = await agencyScope(db, staff);
  return (await listAgencies(db)).filter((a) => scope.write.has(a.id));
}
