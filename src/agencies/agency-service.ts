// Use cases for agencies: each one validates, writes and records its audit event in one
// transaction.
import { randomUUID } from 'node:crypto';
import { appendAuditEvent } from '../audit/audit-log.js';
import { mapUniqueViolation } from '../db/unique-violation.js';
import type { AppDeps } from '../web/env.js';
import type { Agency, AgencyInput } from './agency.js';
import {
  AGENCY_UNIQUE_KEYS,
  getAgencyById,
  inputToColumns,
  rowToAgency,
  subtreeIds,
} from './agency-repository.js';

export interface Actor {
  id: string | null;
  label: string;
}

export type AgencyResult =
  { ok: true; agency: Agency } | { ok: false; errors: Record<string, string> };

/** What the form says when a unique column already holds the typed value. */
const TAKEN: Readonly<Record<(typeof AGENCY_UNIQUE_KEYS)[number]['field'], string>> = {
  slug: '该网址标识已被其他机关使用，请换一个',
};

// The unique constraint decides whether a slug is free (no check-then-insert, which two
// simultaneous requests would both pass); the transaction has been rolled back by then.
const taken = (field: keyof typeof TAKEN): AgencyResult => ({
  ok: false,
  errors: { [field]: TAKEN[field] },
});

export async function createAgency(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  input: AgencyInput,
  actor: Actor,
): Promise<AgencyResult> {
  const { db, clock } = deps;
  const write = () =>
    db.kysely.transaction().execute(async (trx): Promise<AgencyResult> => {
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
  return mapUniqueViolation(AGENCY_UNIQUE_KEYS, write, taken);
}

export async function updateAgency(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  id: string,
  input: AgencyInput,
  actor: Actor,
): Promise<AgencyResult> {
  const { db, clock } = deps;
  const write = () =>
    db.kysely.transaction().execute(async (trx): Promise<AgencyResult> => {
      const before = await getAgencyById(trx, id);
      if (!before) return { ok: false, errors: { _form: '该机关不存在' } };
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
  return mapUniqueViolation(AGENCY_UNIQUE_KEYS, write, taken);
}
