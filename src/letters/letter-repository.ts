// SQL for letters: template versions, the number counters, issued letters (inserted, never
// updated) and delivery attempts. No business rules; callers pass their transaction when a
// write must commit with its audit event.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { LetterFamily, LetterKind } from './kinds.js';
import { TEMPLATE_PARTS, type LetterTemplate } from './template.js';

type Q = Kysely<Database>;

export interface TemplateVersion {
  id: string;
  agencyId: string;
  kind: LetterKind;
  version: number;
  template: LetterTemplate;
  /** Stored by 「恢复默认」: the shipped text as it was then. */
  isDefault: boolean;
  note: string | null;
  createdAt: string;
  createdByLabel: string;
}

/** A stored template's parts; a part missing from older JSON reads as empty. */
export function templateFromJson(json: string): LetterTemplate {
  const raw = JSON.parse(json) as Record<string, unknown>;
  const out = {} as LetterTemplate;
  for (const part of TEMPLATE_PARTS) out[part] = typeof raw[part] === 'string' ? raw[part] : '';
  return out;
}

function toVersion(row: Database['letter_templates'] & { version: number }): TemplateVersion {
  return {
    id: row.id,
    agencyId: row.agency_id,
    kind: row.kind as LetterKind,
    version: Number(row.version),
    template: templateFromJson(row.content_json),
    isDefault: Number(row.is_default) === 1,
    note: row.note,
    createdAt: row.created_at,
    createdByLabel: row.created_by_label,
  };
}

/** The agency's newest version of a kind, or null when it has none (the shipped default applies). */
export async function currentTemplate(
  db: Q,
  agencyId: string,
  kind: LetterKind,
): Promise<TemplateVersion | null> {
  const row = await db
    .selectFrom('letter_templates')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('kind', '=', kind)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toVersion(row) : null;
}

export async function templateVersion(
  db: Q,
  agencyId: string,
  kind: LetterKind,
  version: number,
): Promise<TemplateVersion | null> {
  const row = await db
    .selectFrom('letter_templates')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('kind', '=', kind)
    .where('version', '=', version)
    .executeTakeFirst();
  return row ? toVersion(row) : null;
}

/** Every version of a kind, newest first. */
export async function listTemplateVersions(
  db: Q,
  agencyId: string,
  kind: LetterKind,
): Promise<TemplateVersion[]> {
  const rows = await db
    .selectFrom('letter_templates')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('kind', '=', kind)
    .orderBy('version', 'desc')
    .execute();
  return rows.map(toVersion);
}

/** The newest version number of each kind the agency has edited. */
export async function currentVersions(
  db: Q,
  agencyId: string,
): Promise<Map<LetterKind, TemplateVersion>> {
  const rows = await db
    .selectFrom('letter_templates')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .orderBy('version', 'asc')
    .execute();
  return new Map(rows.map((r) => [r.kind as LetterKind, toVersion(r)]));
}

export async function insertTemplateVersion(
  db: Q,
  row: {
    id: string;
    agencyId: string;
    kind: LetterKind;
    version: number;
    template: LetterTemplate;
    isDefault: boolean;
    note: string | null;
    createdAt: string;
    createdBy: string | null;
    createdByLabel: string;
  },
): Promise<void> {
  await db
    .insertInto('letter_templates')
    .values({
      id: row.id,
      agency_id: row.agencyId,
      kind: row.kind,
      version: row.version,
      content_json: JSON.stringify(row.template),
      is_default: row.isDefault ? 1 : 0,
      note: row.note,
      created_at: row.createdAt,
      created_by: row.createdBy,
      created_by_label: row.createdByLabel,
    })
    .execute();
}

/**
 * The next number of the agency's series for `family` in `year`, taken in the caller's
 * transaction: one statement that inserts the counter at 1 or adds 1 to it. On PostgreSQL
 * the row stays locked until the transaction ends, so a concurrent issuer waits and then
 * gets the following number; on SQLite writers take turns. A transaction that rolls back
 * takes its increment with it: no number is skipped and none is given twice.
 */
export async function nextLetterSeq(
  db: Q,
  agencyId: string,
  year: number,
  family: LetterFamily,
): Promise<number> {
  const row = await db
    .insertInto('letter_counters')
    .values({ agency_id: agencyId, year, family, last_seq: 1 })
    .onConflict((oc) =>
      oc
        .columns(['agency_id', 'year', 'family'])
        .doUpdateSet((eb) => ({ last_seq: eb('letter_counters.last_seq', '+', 1) })),
    )
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return Number(row.last_seq);
}

export type IssuedLetterRow = Database['issued_letters'];

export async function insertIssuedLetter(
  db: Q,
  row: { [K in keyof IssuedLetterRow]: IssuedLetterRow[K] },
): Promise<void> {
  await db.insertInto('issued_letters').values(row).execute();
}

export async function findIssuedLetter(db: Q, id: string) {
  return db.selectFrom('issued_letters').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function issuedLettersOf(db: Q, subjectType: string, subjectId: string) {
  return db
    .selectFrom('issued_letters')
    .selectAll()
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .orderBy('issued_at')
    .orderBy('family')
    .orderBy('seq')
    .execute();
}

export interface DeliveryAttempt {
  letterId: string;
  attempt: number;
  outcome: 'sent' | 'failed';
  detail: string;
  attemptedAt: string;
}

export async function insertDeliveryAttempt(db: Q, id: string, a: DeliveryAttempt): Promise<void> {
  await db
    .insertInto('letter_deliveries')
    .values({
      id,
      letter_id: a.letterId,
      channel: 'email',
      attempt: a.attempt,
      outcome: a.outcome,
      detail: a.detail,
      attempted_at: a.attemptedAt,
    })
    .execute();
}

export async function deliveryAttempts(
  db: Q,
  letterIds: readonly string[],
): Promise<DeliveryAttempt[]> {
  if (letterIds.length === 0) return [];
  const rows = await db
    .selectFrom('letter_deliveries')
    .selectAll()
    .where('letter_id', 'in', letterIds)
    .orderBy('attempted_at')
    .orderBy('attempt')
    .execute();
  return rows.map((r) => ({
    letterId: r.letter_id,
    attempt: Number(r.attempt),
    outcome: r.outcome as 'sent' | 'failed',
    detail: r.detail,
    attemptedAt: r.attempted_at,
  }));
}
