// Purging one request case's personal data after its retention period, in ONE transaction of
// the file store (so new letter versions exist, and old files are gone, exactly when the
// change commits) with its audit event. What goes: the applicant's identity and contact
// fields, the uploaded proofs and corrections, the personal values inside the letters, the
// request's free text and the delivery records, the linked review cases' documents. What
// stays: the case row (category, tracking number, dates, outcome — table 三 counts these), the
// letters' numbers, titles and dates, and the audit log (which never held personal data).
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { appendAuditEvent } from '../audit/audit-log.js';
import type { Actor } from '../commands/actor.js';
import type { Database } from '../db/schema.js';
import type { Clock } from '../db/time.js';
import type { FileStore, FileTransaction } from '../files/file-store.js';
import type { ApplicantCategory } from '../requests/case.js';
import { getApplicant } from '../requests/repository.js';
import {
  personalValues,
  purgedApplicant,
  redactDocx,
  redactHtml,
  redactJson,
  redactText,
} from './redact.js';

export const PURGE_ACTION = 'request.personal_data.purge';

export type PurgeOutcome =
  | { status: 'purged'; filesDeleted: number; lettersRedacted: number }
  | { status: 'already_purged' | 'not_found' };

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** A letter's files as read before the transaction (the store reads outside any transaction). */
interface StoredLetter {
  id: string;
  html: { id: string; filename: string; bytes: Uint8Array };
  docx: { id: string; filename: string; bytes: Uint8Array };
}

async function readLetters(
  db: Kysely<Database>,
  files: FileStore,
  requestId: string,
): Promise<StoredLetter[]> {
  const rows = await db
    .selectFrom('issued_letters')
    .select(['id', 'html_file_id', 'docx_file_id'])
    .where('subject_type', '=', 'request')
    .where('subject_id', '=', requestId)
    .execute();
  const read = async (id: string) => {
    const stored = await files.get(id);
    if (!stored) throw new Error(`文件 ${id} 不存在，无法清除其中的个人信息`);
    return { id, filename: stored.file.filename, bytes: stored.bytes };
  };
  const out: StoredLetter[] = [];
  for (const r of rows)
    out.push({ id: r.id, html: await read(r.html_file_id), docx: await read(r.docx_file_id) });
  return out;
}

/** Stores the redacted copy of a letter file; returns the new id. */
async function replaceFile(
  ft: FileTransaction,
  original: StoredLetter['html'],
  bytes: Uint8Array,
  accept: 'text' | 'docx',
): Promise<{ id: string; sha256: string }> {
  const put = await ft.put(bytes, {
    filename: original.filename,
    createdBy: null,
    limits: { maxBytes: 5 * 1024 * 1024, accept: [accept] },
  });
  return { id: put.id, sha256: sha256(bytes) };
}

export async function purgeCasePersonalData(
  deps: { db: Kysely<Database>; files: FileStore; clock: Clock },
  actor: Actor,
  requestId: string,
  today: string,
): Promise<PurgeOutcome> {
  const { files, clock } = deps;
  // Read first: inside the transaction only its own connection may be used (SQLite has one).
  const stored = await readLetters(deps.db, files, requestId);
  return files.transaction(async (ft) => {
    const trx: Kysely<Database> = ft.trx;
    // Claim the case first: of two purges racing (two instances), one updates the row.
    const claimed = await trx
      .updateTable('requests')
      .set((eb) => ({
        personal_data_purged_on: today,
        updated_at: clock.now().toISOString(),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', requestId)
      .where('personal_data_purged_on', 'is', null)
      .where('closed_on', 'is not', null)
      .returning(['agency_id', 'category'])
      .executeTakeFirst();
    if (!claimed) {
      const exists = await trx
        .selectFrom('requests')
        .select('id')
        .where('id', '=', requestId)
        .executeTakeFirst();
      return { status: exists ? 'already_purged' : 'not_found' };
    }
    const category = claimed.category as ApplicantCategory;
    const applicant = await getApplicant(trx, requestId);
    const values = applicant ? personalValues(applicant, category) : [];

    if (applicant) {
      const p = purgedApplicant(applicant, category);
      await trx
        .updateTable('request_applicants')
        .set({
          name: p.name,
          id_number: p.idNumber,
          credit_code: p.creditCode,
          legal_representative: p.legalRepresentative,
          contact_name: p.contactName,
          phone: p.phone,
          address: p.address,
          email: p.email,
        })
        .where('request_id', '=', requestId)
        .execute();
    }

    // The request's own free text: what was asked for, and the notes of each step.
    const items = await trx
      .selectFrom('request_items')
      .select(['position', 'title', 'description'])
      .where('request_id', '=', requestId)
      .execute();
    for (const item of items)
      await trx
        .updateTable('request_items')
        .set({
          title: item.title === null ? null : redactText(item.title, values),
          description: redactText(item.description, values),
        })
        .where('request_id', '=', requestId)
        .where('position', '=', item.position)
        .execute();
    const events = await trx
      .selectFrom('request_events')
      .select(['seq', 'data'])
      .where('request_id', '=', requestId)
      .where('data', 'is not', null)
      .execute();
    for (const e of events)
      await trx
        .updateTable('request_events')
        .set({ data: JSON.stringify(redactJson(JSON.parse(e.data!), values)) })
        .where('request_id', '=', requestId)
        .where('seq', '=', e.seq)
        .execute();

    // Uploads (identity proofs, corrections): the link and the file, bytes removed on commit.
    const uploads = await trx
      .selectFrom('request_files')
      .select('file_id')
      .where('request_id', '=', requestId)
      .execute();
    await trx.deleteFrom('request_files').where('request_id', '=', requestId).execute();
    let filesDeleted = 0;
    for (const u of uploads) if (await ft.delete(u.file_id)) filesDeleted++;

    // Letters: a redacted version of each file replaces the one issued. A letter issued or
    // replaced since the files were read rolls the purge back; the next run reads again.
    const letters = await trx
      .selectFrom('issued_letters')
      .select(['id', 'html_file_id', 'docx_file_id'])
      .where('subject_type', '=', 'request')
      .where('subject_id', '=', requestId)
      .execute();
    for (const l of letters) {
      const s = stored.find((x) => x.id === l.id);
      if (!s || s.html.id !== l.html_file_id || s.docx.id !== l.docx_file_id)
        throw new Error(`文书 ${l.id} 在清除期间有变动，稍后重试`);
      const html = await replaceFile(ft, s.html, redactHtml(s.html.bytes, values), 'text');
      const docx = await replaceFile(ft, s.docx, redactDocx(s.docx.bytes, values), 'docx');
      await trx
        .updateTable('issued_letters')
        .set({
          html_file_id: html.id,
          html_sha256: html.sha256,
          docx_file_id: docx.id,
          docx_sha256: docx.sha256,
          email_to: null,
        })
        .where('id', '=', l.id)
        .execute();
      // Once nothing refers to them, the files as issued go (their bytes after the commit).
      await ft.delete(s.html.id);
      await ft.delete(s.docx.id);
      const deliveries = await trx
        .selectFrom('letter_deliveries')
        .select(['id', 'detail'])
        .where('letter_id', '=', l.id)
        .execute();
      for (const d of deliveries)
        await trx
          .updateTable('letter_deliveries')
          .set({ detail: redactText(d.detail, values) })
          .where('id', '=', d.id)
          .execute();
    }

    // Review cases brought over this request: their documents go, their results stay.
    const reviews = await trx
      .selectFrom('review_cases')
      .select(['id', 'notes', 'decision_note'])
      .where('request_id', '=', requestId)
      .execute();
    for (const r of reviews) {
      const docs = await trx
        .selectFrom('review_case_documents')
        .select('file_id')
        .where('case_id', '=', r.id)
        .execute();
      await trx.deleteFrom('review_case_documents').where('case_id', '=', r.id).execute();
      for (const d of docs) if (await ft.delete(d.file_id)) filesDeleted++;
      await trx
        .updateTable('review_cases')
        .set({
          notes: r.notes === null ? null : redactText(r.notes, values),
          decision_note: r.decision_note === null ? null : redactText(r.decision_note, values),
        })
        .where('id', '=', r.id)
        .execute();
    }

    // Counts and the day only: the event must not carry what it erased.
    await appendAuditEvent(
      trx,
      {
        agencyId: claimed.agency_id,
        actor,
        subjectType: 'request',
        subjectId: requestId,
        action: PURGE_ACTION,
        after: {
          purgedOn: today,
          filesDeleted,
          lettersRedacted: letters.length,
          reviewCases: reviews.length,
        },
      },
      clock,
    );
    return { status: 'purged', filesDeleted, lettersRedacted: letters.length };
  });
}
