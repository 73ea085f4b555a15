// Sending issued letters by e-mail: a job (src/jobs) that issueLetter schedules in the
// issuing transaction. Each attempt and its result is a letter_deliveries row with its
// audit event; a failure the SMTP server calls permanent (5xx) is not retried, any other is
// retried by the runner up to EMAIL_MAX_ATTEMPTS. The recipient's address never reaches a
// log, a job's error or an audit event: server answers that quote it are redacted.
import { randomUUID } from 'node:crypto';
import type { Transporter } from 'nodemailer';
import { parse } from 'node-html-parser';
import { z } from 'zod';
import { systemActor } from '../commands/actor.js';
import { runCommand } from '../commands/command.js';
import { ok } from '../commands/result.js';
import type { Config } from '../config.js';
import type { FileStore } from '../files/file-store.js';
import {
  defineJob,
  PermanentJobError,
  type JobContext,
  type RegisteredJob,
} from '../jobs/job-runner.js';
import { letterFile, LETTER_EMAIL_JOB } from './issue.js';
import { deliveryAttempts, findIssuedLetter } from './letter-repository.js';

export interface MailSettings {
  smtpUrl: string;
  from: string;
}

/** The mail settings of the configuration, or null when e-mail delivery is off. */
/**
 * The SMTP connection of the mail settings. nodemailer is loaded on first use: most instances
 * send no mail for hours, and the module is 15 MB of the server's memory.
 */
export async function smtpTransport(settings: MailSettings): Promise<Transporter> {
  const { default: nodemailer } = await import('nodemailer');
  return nodemailer.createTransport(settings.smtpUrl);
}

export function mailSettingsOf(config: Pick<Config, 'smtpUrl' | 'mailFrom'>): MailSettings | null {
  return config.smtpUrl && config.mailFrom
    ? { smtpUrl: config.smtpUrl, from: config.mailFrom }
    : null;
}

const MAILER = systemActor('电子邮件送达');

/** The letter's words, line by line, from its stored HTML (the e-mail's text part). */
export function letterTextFromHtml(html: string): string {
  const sheet = parse(html).querySelector('.letter-sheet');
  if (!sheet) return '';
  return sheet
    .querySelectorAll('.letter-title span, p, .slip-title')
    .map((el) => el.text.trim())
    .filter((t) => t !== '')
    .join('\n');
}

function redact(message: string, address: string): string {
  return message.split(address).join('（收件地址）').slice(0, 500);
}

/** SMTP says 5xx when retrying cannot help (mailbox unknown, message refused). */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

async function recordAttempt(
  ctx: JobContext,
  letter: { id: string; agency_id: string; letter_number: string },
  outcome: 'sent' | 'failed',
  detail: string,
): Promise<void> {
  await runCommand({ db: ctx.db, clock: ctx.clock }, MAILER, async (c) => {
    await c.trx
      .insertInto('letter_deliveries')
      .values({
        id: randomUUID(),
        letter_id: letter.id,
        channel: 'email',
        attempt: ctx.job.attempt,
        outcome,
        detail,
        attempted_at: c.now.toISOString(),
      })
      .execute();
    c.record({
      agencyId: letter.agency_id,
      subjectType: 'issued_letter',
      subjectId: letter.id,
      action: outcome === 'sent' ? 'letter.email.sent' : 'letter.email.failed',
      after: { letterNumber: letter.letter_number, attempt: ctx.job.attempt, detail },
    });
    return ok(null);
  });
}

export interface LetterEmailJobDeps {
  files: FileStore;
  mail: MailSettings | null;
  /** A transport of one's own (tests); by default one made from the SMTP URL. */
  transport?: Transporter;
}

export function letterEmailJob(deps: LetterEmailJobDeps): RegisteredJob {
  let transport: Transporter | null = deps.transport ?? null;
  return defineJob({
    type: LETTER_EMAIL_JOB,
    payload: z.object({ letterId: z.string().min(1) }),
    async run({ letterId }, ctx) {
      const db = ctx.db.kysely;
      const letter = await findIssuedLetter(db, letterId);
      if (!letter) throw new PermanentJobError('要发送的文书不存在');
      const to = letter.email_to;
      if (!to) throw new PermanentJobError(`文书 ${letter.letter_number} 没有收件地址`);
      // At least once: a run after a crash must not send the letter a second time.
      const attempts = await deliveryAttempts(db, [letter.id]);
      if (attempts.some((a) => a.outcome === 'sent')) return { alreadySent: true };
      if (!deps.mail) {
        await recordAttempt(ctx, letter, 'failed', '未配置邮件服务（SMTP_URL），无法发送');
        throw new PermanentJobError('未配置邮件服务（SMTP_URL），无法发送');
      }
      const html = await letterFile(db, deps.files, letter.id, 'html');
      const docx = await letterFile(db, deps.files, letter.id, 'docx');
      if (!html || !docx) throw new PermanentJobError(`文书 ${letter.letter_number} 的文件缺失`);
      const agency = await db
        .selectFrom('agencies')
        .select('full_name')
        .where('id', '=', letter.agency_id)
        .executeTakeFirstOrThrow();
      const name = `《${letter.title}》（${letter.letter_number}）`;
      const text = [
        '您好：',
        '',
        `${agency.full_name}向您送达${name}。正式文书见附件（Word 文档和网页版，网页版可直接打印），全文如下：`,
        '',
        letterTextFromHtml(new TextDecoder().decode(html.bytes)),
        '',
        '——',
        '本邮件由政府信息公开工作平台自动发送，请勿直接回复。如有疑问，请按文书所列联系方式联系本机关。',
      ].join('\n');
      transport ??= await smtpTransport(deps.mail);
      try {
        const info = (await transport.sendMail({
          from: deps.mail.from,
          to,
          subject: `${agency.full_name}${letter.title}（${letter.letter_number}）`,
          text,
          attachments: [
            {
              filename: docx.filename,
              content: Buffer.from(docx.bytes),
              contentType: docx.contentType,
            },
            {
              filename: html.filename,
              content: Buffer.from(html.bytes),
              contentType: html.contentType,
            },
          ],
        })) as { messageId?: string; response?: string };
        const detail = redact(`${info.response ?? '已接收'}（${info.messageId ?? ''}）`, to);
        await recordAttempt(ctx, letter, 'sent', detail);
        return { sent: true };
      } catch (error) {
        const detail = redact(error instanceof Error ? error.message : String(error), to);
        await recordAttempt(ctx, letter, 'failed', detail);
        if (isPermanent(error)) throw new PermanentJobError(`邮件服务器拒收：${detail}`);
        throw new Error(`发送失败，稍后重试：${detail}`);
      }
    },
  });
}
