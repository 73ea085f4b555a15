// The platform administrator: a system administrator of the agency at the top of the
// agency tree (no parent). National settings such as the working-day calendar, and events
// that belong to no agency (the system audit chain), are theirs.
import type { Kysely } from 'kysely';
import { getAgencyById, listAgencies } from '../agencies/agency-repository.js';
import type { Database } from '../db/schema.js';
import type { StaffSession } from '../web/env.js';

export async function isPlatformAdmin(
  db: Kysely<Database>,
  staff: Pick<StaffSession, 'roles' | 'agencyId'>,
): Promise<boolean> {
  if (!staff.roles.includes('admin')) return false;
  const own = await getAgencyById(db, staff.agencyId);
  return own !== null && own.parentId === null;
}

/** Who the platform administrators are, in Chinese, e.g. 「平台管理员（青岛市黄岛区人民政府的系统管理员）」. */
export async function platformAdminLabel(db: Kysely<Database>): Promise<string> {
  const tops = (await listAgencies(db)).filter((a) => a.parentId === null);
  const names = tops.map((a) => a.fullName).join('、') || '最上级机关';
  return `平台管理员（${names}的系统管理员）`;
}
