// The daily reminder digest (a recurring job, src/jobs): on each working day, from
// REMINDER_HOUR in China Standard Time, the disclosure office of every agency with open
// cases overdue or due within REMINDER_WORKING_DAYS working days gets one e-mail listing
// them (tracking number, due date, state — no applicant data).
//
// Once per agency and day, whatever the instances: the digest row (agency, day) is claimed
// in its own transaction before anything is sent; a run that finds it claimed or sent sends
// nothing. A failed send leaves it 'failed', and a later run that day tries again; a crash
// between the claim and the send leaves it 'sending' and that day's digest is not sent
// twice — a reminder missed is visible in the record, a reminder sent twice is noise.
// Each claim and each outcome is an audit event in the transaction that writes it.
import type { Transporter } from 'nodemailer';
import { z } from 'zod';
import { loadWorkingCalendar } from '../calendar/calendar-service.js';
import { isWorkingDay } from '../calendar/working-days.js';
import { systemActor } from '../commands/actor.js';
import { runCommand, type ServiceDeps } from '../commands/command.js';
import { ok } from '../commands/result.js';
import { smtpTransport, type MailSettings } from '../letters/email-job.js';
import { defineJob, type RecurringJob, type RegisteredJob } from '../jobs/job-runner.js';
import { isoDateCst } from '../portal/dates.js';
import { REQUESTS_PATH } from './pages/console-pages.js';
import {
  digestMail,
  dueSoonLimit,
  isEmptyDigest,
  sortReminders,
  type ReminderDigest,
} from './reminders.js';
import {
  agenciesWithCasesDueBy,
  casesDueBy,
  findDigest,
  requestStaffMailboxes,
} from './reminders-repository.js';

export const REMINDERS_JOB = 'requests.reminders';
/** Digests go out from this hour (CST) on: at the start of the working day, not at midnight. */
export const REMINDER_HOUR = 8;

export const REMINDERS_RECURRING: RecurringJob = {
  key: 'request-reminders',
  type: REMINDERS_JOB,
  everyMs: 30 * 60_000,
};

const ACTOR = systemActor('依申请公开到期提醒');

export interface RemindersDeps {
  mail: MailSettings | null;
  /** The platform's public address, for the work-list link in the e-mail. */
  publicUrl?: string | undefined;
  /** A transport of one's own (tests); by default one made from the SMTP URL. */
  transport?: Transporter;
}

export interface RemindersResult {
  onDate: string;
  skipped?: string;
  sent: number;
  failed: number;
  noRecipient: number;
  alreadyDone: number;
}

type Agency = { id: string; full_name: string; office_email: string | null };

/** Claims the agency's digest of the day: what to send and where, or null when there is nothing to do. */
async function claim(deps: ServiceDeps, agency: Agency, today: string, limit: string) {
  const r = await runCommand(deps, ACTOR, async (ctx) => {
    const existing = await findDigest(ctx.trx, agency.id, today);
    if (existing && existing.status !== 'failed') return ok(null);
    const digest = sortReminders(await casesDueBy(ctx.trx, agency.id, limit), today, limit);
    if (isEmptyDigest(digest)) return ok(null);
    // The request staff's own mailboxes; the office's shared one only when none has one.
    const staff = await requestStaffMailboxes(ctx.trx, agency.id);
    const recipient = staff.length > 0 ? staff.join(', ') : agency.office_email;
    const values = {
      status: recipient ? 'sending' : 'no_recipient',
      recipient: recipient ?? '',
      due_soon: digest.dueSoon.length,
      overdue: digest.overdue.length,
      cases_json: JSON.stringify(digest),
      detail: recipient
        ? null
        : '办理申请的账号和政府信息公开工作机构均未填写电子邮箱，无法发送提醒',
      created_at: ctx.now.toISOString(),
    };
    const claimed = existing
      ? await ctx.trx
          .updateTable('request_reminder_digests')
          .set(values)
          .where('agency_id', '=', agency.id)
          .where('on_date', '=', today)
          .where('status', '=', 'failed')
          .executeTakeFirst()
          .then((u) => Number(u.numUpdatedRows))
      : await ctx.trx
          .insertInto('request_reminder_digests')
          .values({ agency_id: agency.id, on_date: today, sent_at: null, ...values })
          .onConflict((oc) => oc.columns(['agency_id', 'on_date']).doNothing())
          .executeTakeFirst()
          .then((i) => Number(i.numInsertedOrUpdatedRows ?? 0));
    if (claimed !== 1) return ok(null); // another instance was first
    ctx.record({
      agencyId: agency.id,
      subjectType: 'request_reminder',
      subjectId: `${agency.id}:${today}`,
      action: recipient ? 'request.reminder.prepare' : 'request.reminder.no_recipient',
      after: summary(today, digest, recipient),
    });
    return ok(recipient ? { digest, recipient } : null);
  });
  if (!r.ok) throw new Error(Object.values(r.errors).join('；'));
  return r.value;
}

function summary(onDate: string, d: ReminderDigest, recipient: string | null) {
  return {
    onDate,
    recipient,
    overdue: d.overdue.map((c) => c.trackingNumber),
    dueSoon: d.dueSoon.map((c) => c.trackingNumber),
  };
}

async function recordOutcome(
  deps: ServiceDeps,
  agency: Agency,
  today: string,
  outcome: 'sent' | 'failed',
  detail: string,
) {
  await runCommand(deps, ACTOR, async (ctx) => {
    await ctx.trx
      .updateTable('request_reminder_digests')
      .set({
        status: outcome,
        detail,
        sent_at: outcome === 'sent' ? ctx.now.toISOString() : null,
      })
      .where('agency_id', '=', agency.id)
      .where('on_date', '=', today)
      .execute();
    ctx.record({
      agencyId: agency.id,
      subjectType: 'request_reminder',
      subjectId: `${agency.id}:${today}`,
      action: outcome === 'sent' ? 'request.reminder.sent' : 'request.reminder.failed',
      after: { onDate: today, detail },
    });
    return ok(null);
  });
}

/** One run: every agency's digest of today, each at most once. */
export async function sendReminders(
  deps: ServiceDeps & RemindersDeps,
  signal?: AbortSignal,
): Promise<RemindersResult> {
  const now = deps.clock.now();
  const today = isoDateCst(now);
  const result: RemindersResult = {
    onDate: today,
    sent: 0,
    failed: 0,
    noRecipient: 0,
    alreadyDone: 0,
  };
  if (!deps.mail) return { ...result, skipped: '未配置邮件服务（SMTP_URL），不发送提醒' };
  const hourCst = (now.getUTCHours() + 8) % 24;
  if (hourCst < REMINDER_HOUR) return { ...result, skipped: `${REMINDER_HOUR}时前不发送` };
  const calendar = await loadWorkingCalendar(deps);
  if (!isWorkingDay(calendar, today).working) return { ...result, skipped: '今天不是工作日' };
  const limit = dueSoonLimit(calendar, today);
  const transport = deps.transport ?? (await smtpTransport(deps.mail));
  const url = deps.publicUrl ? new URL(REQUESTS_PATH, deps.publicUrl).toString() : null;
  for (const agency of await agenciesWithCasesDueBy(deps.db.kysely, limit)) {
    if (signal?.aborted) throw new Error('已中止');
    const claimed = await claim(deps, agency, today, limit);
    if (!claimed) {
      const row = await findDigest(deps.db.kysely, agency.id, today);
      if (row?.status === 'no_recipient') result.noRecipient += 1;
      else if (row) result.alreadyDone += 1;
      continue;
    }
    const mail = digestMail(agency.full_name, today, claimed.digest, url);
    try {
      const info = (await transport.sendMail({
        from: deps.mail.from,
        to: claimed.recipient,
        subject: mail.subject,
        text: mail.text,
      })) as { messageId?: string; response?: string };
      await recordOutcome(
        deps,
        agency,
        today,
        'sent',
        `${info.response ?? '已接收'}`.slice(0, 500),
      );
      result.sent += 1;
    } catch (error) {
      const detail = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      await recordOutcome(deps, agency, today, 'failed', detail);
      result.failed += 1;
    }
  }
  return result;
}

export function remindersJob(deps: RemindersDeps): RegisteredJob {
  return defineJob({
    type: REMINDERS_JOB,
    payload: z.object({}).passthrough(),
    run: (_payload, ctx) => sendReminders({ db: ctx.db, clock: ctx.clock, ...deps }, ctx.signal),
  });
}
