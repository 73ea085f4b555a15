// Who is working in the publications console, and on which agency: shared by the console's
// route files (routes.tsx, recheck-routes.tsx).
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { getAgencyById } from '../agencies/agency-repository.js';
import type { Agency } from '../agencies/agency.js';
import { authorize, hasPermission, type Permission } from '../auth/policy.js';
import { actorOf } from '../commands/actor.js';
import type { AppEnv, StaffSession } from '../web/env.js';
import type { Staff } from './commands.js';

export const staffOf = (s: StaffSession): Staff => ({
  actor: actorOf(s),
  holds: (p: Permission) => hasPermission(s, p),
});

/** The staff member and the agency the console is working on, read (or written) with `permission`. */
export async function currentAgency(
  c: Context<AppEnv>,
  permission: Permission,
  mode: 'read' | 'write',
): Promise<{ staff: StaffSession; agency: Agency }> {
  const signedIn = await authorize(c, permission);
  const staff = await authorize(c, permission, { agencyId: signedIn.currentAgencyId, mode });
  const agency = await getAgencyById(c.get('deps').db.kysely, staff.currentAgencyId);
  if (!agency) throw new HTTPException(404, { message: '当前机关不存在。' });
  return { staff, agency };
}
