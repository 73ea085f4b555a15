// Use cases for agencies: each one validates, writes and records its audit event in one
// transaction.
import { randomUUID } from 'node:crypto';
import { appendAuditEvent } from '../audit/audit-log.js';
import type { AppDeps } from '../web/env.js';
import type { Agency, AgencyInput } from './agency.js';
import {
  getAgencyById,
  inputToColumns,
  rowToAgency,
  slugTaken,
  subtreeIds,
} from './agency-repository.js';

export interface Actor {
  id: string | null;
  label: string;
}

export type AgencyResult =
  { ok: true; agency: Agency } | { ok: false; errors: Record<string, string> };

export async function createAgency(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  input: AgencyInput,
  actor: Actor,
): Promise<AgencyResult> {
  const { db, clock } = deps;
  return db.kysely.transaction().execute(async (trx): Promise<AgencyResult> => {
    if (await slugTaken(trx, input.slug))
      return { ok: false, errors: { slug: '该网址标识已被其他机关使用，请换一个' } };
    if (input.parentId && !(await getAgencyById(trx, input.parentId))) {
      return { ok: false, errors: { parentId: '所选上级机关不存在' } };
    }
    const now = clock.now().toISOString();
    const row = { id: randomUUID(), ...inputToColumns(input), created_at: now, updated_at: now };
    await trx.insertInto('agencies').values(row).execute();
    const agency = rowToAgency(row);
    await appendAuditEvent(
      trx,
      {
        agencyId: agency.id,
        actor,
        subjectType: 'agency',
        subjectId: agency.id,
        action: 'agency.create',
        after: agency,
      },
      clock,
    );
    return { ok: true, agency };
  });
}

export async function updateAgency(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  id: string,
  input: AgencyInput,
  actor: Actor,
): Promise<AgencyResult> {
  const { db, clock } = deps;
  return db.kysely.transaction().execute(async (trx): Promise<AgencyResult> => {
    const before = await getAgencyById(trx, id);
    if (!before) return { ok: false, errors: { _form: '该机关不存在' } };
    if (await slugTaken(trx, input.slug, id))
      return { ok: false, errors: { slug: '该网址标识已被其他机关使用，请换一个' } };
    if (input.parentId) {
      if ((await subtreeIds(trx, id)).has(input.parentId)) {
        return { ok: false, errors: { parentId: '上级机关不能是本机关或其下级机关' } };
      }
      if (!(await getAgencyById(trx, input.parentId)))
        return { ok: false, errors: { parentId: '所选上级机关不存在' } };
    }
    const now = clock.now().toISOString();
    await trx
      .updateTable('agencies')
      .set({ ...inputToColumns(input), updated_at: now })
      .where('id', '=', id)
      .execute();
    const agency = (await getAgencyById(trx, id)) as Agency;
    await appendAuditEvent(
      trx,
      {
        agencyId: id,
        actor,
        subjectType: 'agency',
        subjectId: id,
        action: 'agency.update',
        before,
        after: agency,
      },
      clock,
    );
    return { ok: true, agency };
  });
}
