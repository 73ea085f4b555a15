// Who a use case runs for: recorded in its audit events. Staff act as themselves; the
// command line and scheduled work act as named system actors.
import type { StaffSession } from '../web/env.js';

export interface Actor {
  /** The account's id; null for the system and for visitors. */
  id: string | null;
  /** As the audit log shows it, e.g. 「张三（zhang.san）」. */
  label: string;
}

export function actorOf(
  staff: Pick<StaffSession, 'accountId' | 'displayName' | 'username'>,
): Actor {
  return { id: staff.accountId, label: `${staff.displayName}（${staff.username}）` };
}

export const systemActor = (label: string): Actor => ({ id: null, label });
