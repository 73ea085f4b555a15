// The daily reminder digest through a local SMTP server (smtp-server; mailparser reads what
// arrived): the demo agency's overdue case, once per day whatever the runs, no applicant data,
// nothing on a rest day or before the working day starts, a failed send tried again.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { createTestDb, testDialect, type TestDb } from '../../test/support/db.js';
import { fixedClock } from '../db/time.js';
import { seedDemo } from '../demo/seed-demo.js';
import { createJobRunner } from '../jobs/job-runner.js';
import { mailSettingsOf } from '../letters/email-job.js';
import { REMINDERS_RECURRING, remindersJob, sendReminders } from './reminders-job.js';

// Tuesday 1 December 2026, 09:00 in Beijing.
const WORKDAY_9AM = '2026-12-01T01:00:00.000Z';

describe(`the daily reminder digest (${testDialect})`, () => {
  let db: TestDb;
  let server: SMTPServer;
  let mail: ReturnType<typeof mailSettingsOf>;
  let agencyId: string;
  const received: { to: string[]; mail: ParsedMail }[] = [];

  before(async () => {
    db = await createTestDb();
    const demo = await seedDemo({
      db,
      clock: fixedClock(WORKDAY_9AM),
      passwordParams: { N: 2 ** 10, r: 8, p: 1 },
    });
    agencyId = demo.agency.id;
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (address.address.startsWith('bounce'))
          return callback(
            Object.assign(new Error('550 mailbox unavailable'), { responseCode: 550 }),
          );
        callback();
      },
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((m) => {
            received.push({ to: session.envelope.rcptTo.map((r) => r.address), mail: m });
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.server.address() as AddressInfo).port;
    mail = mailSettingsOf({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      mailFrom: '政府信息公开平台 <noreply@example.gov.cn>',
    });
  });
  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await db.destroy();
  });

  const setMailbox = (email: string | null) =>
    db.kysely
      .updateTable('agencies')
      .set({ office_email: email })
      .where('id', '=', agencyId)
      .execute();
  const run = (at: string) =>
    sendReminders({ db, clock: fixedClock(at), mail, publicUrl: 'https://xxgk.example.gov.cn' });
  const digestRow = (onDate: string) =>
    db.kysely
      .selectFrom('request_reminder_digests')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .where('on_date', '=', onDate)
      .executeTakeFirst();
  const auditActions = async () =>
    (
      await db.kysely
        .selectFrom('audit_events')
        .select('action')
        .where('action', 'like', 'request.reminder.%')
        .orderBy('seq')
        .execute()
    ).map((e) => e.action);

  test('no mailbox: nothing is sent, and the record says why', async () => {
    const r = await run('2026-11-30T01:00:00.000Z'); // Monday
    assert.equal(r.noRecipient, 1);
    assert.equal(r.sent, 0);
    assert.equal((await digestRow('2026-11-30'))?.status, 'no_recipient');
    assert.equal(received.length, 0);
    assert.deepEqual(await auditActions(), ['request.reminder.no_recipient']);
  });

  test('a rest day, or before 8:00, sends nothing and records nothing', async () => {
    await setMailbox('xxgk@lingshanwei.example.gov.cn');
    const saturday = await run('2026-12-05T02:00:00.000Z');
    assert.equal(saturday.skipped, '今天不是工作日');
    const early = await run('2026-12-01T23:30:00.000Z'); // 07:30 on Wednesday 2 December
    assert.match(early.skipped ?? '', /8时前/);
    assert.equal(await digestRow('2026-12-05'), undefined);
    assert.equal(await digestRow('2026-12-02'), undefined);
    assert.equal(received.length, 0);
  });

  test('the overdue case goes out once: two instances at once and a later run send one e-mail', async () => {
    const [a, b] = await Promise.all([run(WORKDAY_9AM), run(WORKDAY_9AM)]);
    assert.equal(a.sent + b.sent, 1);
    const later = await run('2026-12-01T07:00:00.000Z');
    assert.equal(later.sent, 0);
    assert.equal(later.alreadyDone, 1);
    assert.equal(received.length, 1);
    const { to, mail: m } = received[0]!;
    assert.deepEqual(to, ['xxgk@lingshanwei.example.gov.cn']);
    assert.match(m.subject ?? '', /【依申请公开到期提醒】灵山卫街道办事处：已超期1件/);
    assert.match(m.text ?? '', /GK-DEM0-2026-55 {2}答复期限 \d{4}-\d{2}-\d{2} {2}办理中/);
    assert.match(m.text ?? '', /https:\/\/xxgk\.example\.gov\.cn\/console\/requests/);
    // No applicant data: the demo people's names, ID numbers and phones are not in it.
    assert.doesNotMatch(m.text ?? '', /演示|3702111|13800000/);
    const row = await digestRow('2026-12-01');
    assert.equal(row?.status, 'sent');
    assert.equal(row?.overdue, 1);
    assert.deepEqual((await auditActions()).slice(1), [
      'request.reminder.prepare',
      'request.reminder.sent',
    ]);
  });

  test('a refused send is recorded as failed and tried again by a later run the same day', async () => {
    await setMailbox('bounce@lingshanwei.example.gov.cn');
    const failed = await run('2026-12-02T01:00:00.000Z');
    assert.equal(failed.failed, 1);
    assert.equal((await digestRow('2026-12-02'))?.status, 'failed');
    await setMailbox('xxgk@lingshanwei.example.gov.cn');
    const retried = await run('2026-12-02T03:00:00.000Z');
    assert.equal(retried.sent, 1);
    assert.equal((await digestRow('2026-12-02'))?.status, 'sent');
    assert.equal(received.filter((r) => r.mail.subject?.includes('2026-12-02')).length, 1);
  });

  test('as the recurring job the poller runs', async () => {
    const runner = createJobRunner(
      { db, clock: fixedClock('2026-12-03T01:00:00.000Z') },
      { handlers: [remindersJob({ mail })], recurring: [REMINDERS_RECURRING] },
    );
    await runner.ensureRecurring();
    await runner.runOnce();
    assert.equal((await digestRow('2026-12-03'))?.status, 'sent');
  });

  test("the request staff's own mailboxes get it when any has one; the office's then does not", async () => {
    const setEmail = (username: string, email: string) =>
      db.kysely.updateTable('accounts').set({ email }).where('username', '=', username).execute();
    await setEmail('lsw-handler', 'handler@lingshanwei.example.gov.cn');
    await setEmail('lsw-head', 'head@lingshanwei.example.gov.cn');
    await setEmail('lsw-publisher', 'publisher@lingshanwei.example.gov.cn'); // handles no request
    const before = received.length;
    const r = await run('2026-12-04T01:00:00.000Z'); // Friday
    assert.equal(r.sent, 1);
    assert.equal(received.length, before + 1);
    assert.deepEqual(received.at(-1)!.to.sort(), [
      'handler@lingshanwei.example.gov.cn',
      'head@lingshanwei.example.gov.cn',
    ]);
    // An account that is switched off gets nothing.
    await db.kysely
      .updateTable('accounts')
      .set({ is_active: 0 })
      .where('username', '=', 'lsw-head')
      .execute();
    await run('2026-12-07T01:00:00.000Z'); // Monday
    assert.deepEqual(received.at(-1)!.to, ['handler@lingshanwei.example.gov.cn']);
  });
});
