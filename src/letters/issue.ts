// Issuing a letter, and reading the letters issued. issueLetter runs INSIDE the caller's
// command (the requests feature's runCommand): it renders the letter with the agency's
// current template, takes the next number of its series, stores the HTML and the .docx
// through the file store, inserts the issued_letters row (never updated afterwards),
// schedules the e-mail when asked and records the audit event — all in that one
// transaction, so a case change and its letter commit together or not at all.
//
// Authorisation stays with the caller: these functions check nothing about who asks. A
// console route authorises the case (its agency, the handler's role) before reading its
// letters; the public tracking page checks the tracking number and access code first.
import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { CommandContext } from '../commands/command.js';
import { fail, ok, type Result } from '../commands/result.js';
import type { Database } from '../db/schema.js';
import type { Clock } from '../db/time.js';
import type { FileStore } from '../files/file-store.js';
import { scheduleJob } from '../jobs/job-queue.js';
import { isoDateCst } from '../portal/dates.js';
import { checkContext } from './context-check.js';
import { LETTER_KIND_INFO, type LetterKind } from './kinds.js';
import {
  currentTemplate,
  deliveryAttempts,
  findIssuedLetter,
  insertIssuedLetter,
  issuedLettersOf,
  nextLetterSeq,
  type DeliveryAttempt,
} from './letter-repository.js';
import type { LetterContext } from './placeholders.js';
import { renderLetter } from './render-letter.js';
import { effectiveTemplate } from './template-service.js';

/** The job that e-mails an issued letter (see email-job.ts). */
export const LETTER_EMAIL_JOB = 'letters.email';
/** Attempts before the sending is given up (retried 30 s, 1, 2, 4 min later: the runner's delays). */
export const EMAIL_MAX_ATTEMPTS = 5;

const emailPayload = (letterId: string) => ({ letterId });
const emailPayloadJson = (letterId: string) => JSON.stringify(emailPayload(letterId));

export interface LetterServices {
  files: FileStore;
  clock: Clock;
  /** Whether SMTP is configured; without it no e-mail is scheduled and the caller says so. */
  emailEnabled: boolean;
}

export interface LetterSubject {
  /** e.g. 'request' */
  type: string;
  id: string;
}

export interface IssueLetterInput<K extends LetterKind> {
  agencyId: string;
  kind: K;
  subject: LetterSubject;
  context: LetterContext<K>;
  /** Send it to this address by e-mail (the applicant chose e-mail delivery). */
  email?: string;
}

export type EmailDelivery = 'none' | 'scheduled' | 'disabled';

export interface IssuedLetter {
  id: string;
  kind: LetterKind;
  /** e.g. 政府信息公开申请答复告知书 */
  title: string;
  letterNumber: string;
  issuedOn: string;
  issuedAt: string;
  templateVersion: number;
  htmlFileId: string;
  htmlSha256: string;
  docxFileId: string;
  docxSha256: string;
  emailDelivery: EmailDelivery;
}

const emailSchema = z.email('电子邮件地址格式不正确，文书无法以电子邮件送达');

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export async function issueLetter<K extends LetterKind>(
  deps: LetterServices,
  ctx: CommandContext,
  input: IssueLetterInput<K>,
): Promise<Result<IssuedLetter>> {
  const { trx } = ctx;
  const { kind } = input;
  const info = LETTER_KIND_INFO[kind];
  const context = checkContext(kind, input.context);
  if (!context.ok) return fail({ letter: `${info.name}：${context.message}` });
  if (input.email !== undefined && !emailSchema.safeParse(input.email).success)
    return fail({ email: emailSchema.safeParse(input.email).error!.issues[0]!.message });
  const agency = await trx
    .selectFrom('agencies')
    .select(['full_name', 'short_name'])
    .where('id', '=', input.agencyId)
    .executeTakeFirst();
  if (!agency) throw new Error(`issueLetter: no agency ${input.agencyId}`);

  const template = effectiveTemplate(kind, await currentTemplate(trx, input.agencyId, kind));
  const issuedOn = isoDateCst(ctx.now);
  const year = Number(issuedOn.slice(0, 4));
  const seq = await nextLetterSeq(trx, input.agencyId, year, info.family);
  const rendered = await renderLetter({
    kind,
    template: template.template,
    agency: { fullName: agency.full_name, shortName: agency.short_name },
    issuedOn,
    seq,
    values: context.values,
  });
  const html = new TextEncoder().encode(rendered.html);
  const files = deps.files.within(trx);
  const fileName = `${info.title}${rendered.doc.number}`;
  const htmlFile = await files.put(html, {
    filename: `${fileName}.html`,
    createdBy: ctx.actor.id,
    limits: { maxBytes: 5 * 1024 * 1024, accept: ['text'] },
  });
  const docxFile = await files.put(rendered.docx, {
    filename: `${fileName}.docx`,
    createdBy: ctx.actor.id,
    limits: { maxBytes: 5 * 1024 * 1024, accept: ['docx'] },
  });
  const id = randomUUID();
  const issuedAt = ctx.now.toISOString();
  await insertIssuedLetter(trx, {
    id,
    agency_id: input.agencyId,
    kind,
    family: info.family,
    year,
    seq,
    letter_number: rendered.doc.number,
    title: info.title,
    subject_type: input.subject.type,
    subject_id: input.subject.id,
    template_version: template.version,
    template_id: template.id,
    html_file_id: htmlFile.id,
    html_sha256: sha256(html),
    docx_file_id: docxFile.id,
    docx_sha256: sha256(rendered.docx),
    email_to: input.email ?? null,
    issued_on: issuedOn,
    issued_at: issuedAt,
    issued_by: ctx.actor.id,
    issued_by_label: ctx.actor.label,
  });
  let emailDelivery: EmailDelivery = 'none';
  if (input.email !== undefined) {
    emailDelivery = deps.emailEnabled ? 'scheduled' : 'disabled';
    if (deps.emailEnabled) {
      await scheduleJob(
        trx,
        { type: LETTER_EMAIL_JOB, payload: emailPayload(id), maxAttempts: EMAIL_MAX_ATTEMPTS },
        deps.clock,
      );
    }
  }
  ctx.record({
    agencyId: input.agencyId,
    subjectType: 'issued_letter',
    subjectId: id,
    action: 'letter.issue',
    after: {
      kind: info.name,
      letterNumber: rendered.doc.number,
      subjectType: input.subject.type,
      subjectId: input.subject.id,
      templateVersion: template.version,
      htmlSha256: sha256(html),
      docxSha256: sha256(rendered.docx),
      emailDelivery: {
        none: '不以电子邮件送达',
        scheduled: '已安排发送',
        disabled: '未配置邮件服务，未发送',
      }[emailDelivery],
    },
  });
  return ok({
    id,
    kind,
    title: info.title,
    letterNumber: rendered.doc.number,
    issuedOn,
    issuedAt,
    templateVersion: template.version,
    htmlFileId: htmlFile.id,
    htmlSha256: sha256(html),
    docxFileId: docxFile.id,
    docxSha256: sha256(rendered.docx),
    emailDelivery,
  });
}

/**
 * How a letter's e-mail went: not asked for, not sent because SMTP was not configured when
 * it was issued, waiting (or retrying), sent, or given up.
 */
export type EmailStatus = 'none' | 'off' | 'pending' | 'sent' | 'failed';

export interface LetterSummary {
  id: string;
  kind: LetterKind;
  name: string;
  title: string;
  letterNumber: string;
  issuedOn: string;
  issuedAt: string;
  issuedByLabel: string;
  email: { status: EmailStatus; attempts: DeliveryAttempt[] };
}

type Q = Kysely<Database>;

async function emailStatuses(db: Q, letterIds: string[]): Promise<Map<string, EmailStatus>> {
  const out = new Map<string, EmailStatus>();
  if (letterIds.length === 0) return out;
  // The payload is written by issueLetter as exactly this JSON: compared as text, so only
  // the jobs of these letters are read.
  const jobs = await db
    .selectFrom('jobs')
    .select(['payload_json', 'status'])
    .where('type', '=', LETTER_EMAIL_JOB)
    .where('payload_json', 'in', letterIds.map(emailPayloadJson))
    .execute();
  for (const j of jobs) {
    const { letterId } = JSON.parse(j.payload_json) as { letterId: string };
    out.set(letterId, j.status === 'done' ? 'sent' : j.status === 'failed' ? 'failed' : 'pending');
  }
  return out;
}

/** The letters issued on a subject (a case), oldest first, with how their e-mail went. */
export async function lettersOf(db: Q, subject: LetterSubject): Promise<LetterSummary[]> {
  const rows = await issuedLettersOf(db, subject.type, subject.id);
  const ids = rows.map((r) => r.id);
  const attempts = await deliveryAttempts(db, ids);
  const jobs = await emailStatuses(db, ids);
  return rows.map((r) => {
    const mine = attempts.filter((a) => a.letterId === r.id);
    const status: EmailStatus =
      r.email_to === null
        ? 'none'
        : mine.some((a) => a.outcome === 'sent')
          ? 'sent'
          : (jobs.get(r.id) ?? (mine.length > 0 ? 'failed' : 'off'));
    return {
      id: r.id,
      kind: r.kind as LetterKind,
      name: LETTER_KIND_INFO[r.kind as LetterKind]?.name ?? r.title,
      title: r.title,
      letterNumber: r.letter_number,
      issuedOn: r.issued_on,
      issuedAt: r.issued_at,
      issuedByLabel: r.issued_by_label,
      email: { status, attempts: mine },
    };
  });
}

export const EMAIL_STATUS_LABELS: Readonly<Record<EmailStatus, string>> = {
  none: '不以电子邮件送达',
  off: '未发送（出具时未配置邮件服务，请以其他方式送达）',
  pending: '等待发送',
  sent: '已发送',
  failed: '发送失败',
};

export class LetterContentError extends Error {}

export interface LetterFile {
  letter: {
    id: string;
    agencyId: string;
    subjectType: string;
    subjectId: string;
    letterNumber: string;
    title: string;
  };
  bytes: Uint8Array;
  contentType: string;
  /** For Content-Disposition: the title and number, e.g. 政府信息公开申请答复告知书灵山卫街道依申答〔2024〕3号.docx */
  filename: string;
}

/**
 * One issued letter's HTML or .docx exactly as issued, or null when there is no such letter.
 * Throws LetterContentError when the stored bytes no longer match the hash taken at issue.
 */
export async function letterFile(
  db: Q,
  files: FileStore,
  letterId: string,
  format: 'html' | 'docx',
): Promise<LetterFile | null> {
  const row = await findIssuedLetter(db, letterId);
  if (!row) return null;
  const fileId = format === 'html' ? row.html_file_id : row.docx_file_id;
  const expected = format === 'html' ? row.html_sha256 : row.docx_sha256;
  const stored = await files.get(fileId);
  if (!stored || sha256(stored.bytes) !== expected)
    throw new LetterContentError(`文书 ${row.letter_number} 的存档内容与出具时的校验值不符`);
  return {
    letter: {
      id: row.id,
      agencyId: row.agency_id,
      subjectType: row.subject_type,
      subjectId: row.subject_id,
      letterNumber: row.letter_number,
      title: row.title,
    },
    bytes: stored.bytes,
    contentType:
      format === 'html'
        ? 'text/html; charset=utf-8'
        : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    filename: `${row.title}${row.letter_number}.${format}`,
  };
}
