// A local SMTP server (smtp-server) receives what the job sends; mailparser reads it back.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { insertTestAccount } from '../../test/support/accounts.js';
import { createTestDb, testDialect, type TestDb } from '../../test/support/db.js';
import { runCommand } from '../commands/command.js';
import { fixedClock } from '../db/time.js';
import { localBlobStorage } from '../files/blob-storage.js';
import { createFileStore, type FileStore } from '../files/file-store.js';
import { createJobRunner } from '../jobs/job-runner.js';
import { letterEmailJob, mailSettingsOf } from './email-job.js';
import { issueLetter, lettersOf } from './issue.js';
import { sampleContext } from './placeholders.js';

describe(`e-mailing letters through SMTP (${testDialect})`, () => {
  let db: TestDb;
  let dir: string;
  let files: FileStore;
  let agencyId: string;
  let server: SMTPServer;
  let port: number;
  const received: { to: string[]; mail: ParsedMail }[] = [];
  const clock = fixedClock('2024-03-12T02:00:00.000Z');
  const logs: string[] = [];

  before(async () => {
    db = await createTestDb();
    dir = mkdtempSync(join(tmpdir(), 'gongkai-letters-mail-'));
    files = createFileStore({ db, clock, blobs: localBlobStorage(dir) });
    agencyId = (await insertTestAccount(db, 'mailer')).agencyId;
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (address.address.startsWith('bounce'))
          return callback(
            Object.assign(new Error('550 mailbox unavailable'), { responseCode: 550 }),
          );
        if (address.address.startsWith('later'))
          return callback(Object.assign(new Error('451 try again later'), { responseCode: 451 }));
        callback();
      },
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((mail) => {
            received.push({ to: session.envelope.rcptTo.map((r) => r.address), mail });
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const runner = () =>
    createJobRunner(
      { db, clock },
      {
        handlers: [
          letterEmailJob({
            files,
            mail: mailSettingsOf({
              smtpUrl: `smtp://127.0.0.1:${port}`,
              mailFrom: '灵山卫街道 <xxgk@example.gov.cn>',
            }),
          }),
        ],
        log: (m) => logs.push(m),
        // Retries at once, so one test can see every attempt.
        retryDelayMs: () => 0,
      },
    );

  const issue = (subjectId: string, email: string) =>
    runCommand({ db, clock }, { id: null, label: '测试' }, (ctx) =>
      issueLetter({ files, clock, emailEnabled: true }, ctx, {
        agencyId,
        kind: 'reply_partially_disclosed',
        subject: { type: 'request', id: subjectId },
        context: { ...sampleContext('reply_partially_disclosed'), applicant: '张三' },
        email,
      }),
    );

  const attempts = (letterId: string) =>
    db.kysely
      .selectFrom('letter_deliveries')
      .selectAll()
      .where('letter_id', '=', letterId)
      .orderBy('attempt')
      .execute();

  test('the letter arrives with its Chinese subject, body and the .docx attached; the sending is recorded', async () => {
    const issued = await issue('ok', 'zhangsan@example.cn');
    assert.ok(issued.ok);
    const reports = await runner().runOnce();
    assert.deepEqual(
      reports.map((r) => r.outcome),
      ['done'],
    );
    assert.equal(received.length, 1);
    const { to, mail } = received[0]!;
    assert.deepEqual(to, ['zhangsan@example.cn']);
    assert.equal(
      mail.subject,
      `测试机关政府信息公开申请答复告知书（${issued.value.letterNumber}）`,
    );
    assert.match(mail.text ?? '', /测试机关向您送达《政府信息公开申请答复告知书》/);
    assert.match(mail.text ?? '', /张三：/);
    assert.match(mail.text ?? '', /60日内向青岛市黄岛区人民政府申请行政复议/);
    const docx = mail.attachments.find((a) => a.filename?.endsWith('.docx'));
    assert.ok(docx, 'the .docx is attached');
    assert.equal(docx.filename, `政府信息公开申请答复告知书${issued.value.letterNumber}.docx`);
    assert.equal(
      docx.contentType,
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const { createHash } = await import('node:crypto');
    assert.equal(createHash('sha256').update(docx.content).digest('hex'), issued.value.docxSha256);
    assert.ok(mail.attachments.some((a) => a.filename?.endsWith('.html')));

    const rows = await attempts(issued.value.id);
    assert.deepEqual(
      rows.map((r) => [r.attempt, r.outcome]),
      [[1, 'sent']],
    );
    const events = await db.kysely
      .selectFrom('audit_events')
      .select(['action', 'actor_label'])
      .where('subject_id', '=', issued.value.id)
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      events.map((e) => e.action),
      ['letter.issue', 'letter.email.sent'],
    );
    const [summary] = await lettersOf(db.kysely, { type: 'request', id: 'ok' });
    assert.equal(summary!.email.status, 'sent');
    // Running again (a retry after a crash) sends nothing more.
    await runner().runOnce();
    assert.equal(received.length, 1);
  });

  test('a mailbox the server refuses is one failed attempt, not retried, and the address is kept out of the record', async () => {
    const issued = await issue('bounce', 'bounce-lisi@example.cn');
    assert.ok(issued.ok);
    const reports = await runner().runOnce();
    assert.deepEqual(
      reports.map((r) => r.outcome),
      ['failed'],
    );
    const rows = await attempts(issued.value.id);
    assert.deepEqual(
      rows.map((r) => [r.attempt, r.outcome]),
      [[1, 'failed']],
    );
    assert.doesNotMatch(rows[0]!.detail, /bounce-lisi/);
    const job = await db.kysely
      .selectFrom('jobs')
      .select(['status', 'last_error'])
      .where('payload_json', '=', JSON.stringify({ letterId: issued.value.id }))
      .executeTakeFirstOrThrow();
    assert.equal(job.status, 'failed');
    assert.doesNotMatch(job.last_error ?? '', /bounce-lisi/);
    assert.ok(logs.every((l) => !l.includes('bounce-lisi')));
    const failedEvents = await db.kysely
      .selectFrom('audit_events')
      .select(['action', 'after_json'])
      .where('subject_id', '=', issued.value.id)
      .where('action', '=', 'letter.email.failed')
      .execute();
    assert.equal(failedEvents.length, 1);
    const [summary] = await lettersOf(db.kysely, { type: 'request', id: 'bounce' });
    assert.equal(summary!.email.status, 'failed');
  });

  test('a temporary refusal is retried until the attempts run out, each attempt recorded', async () => {
    const issued = await issue('later', 'later-wangwu@example.cn');
    assert.ok(issued.ok);
    const r = runner();
    for (let i = 0; i < 6; i++) await r.runOnce();
    const rows = await attempts(issued.value.id);
    assert.deepEqual(
      rows.map((x) => [x.attempt, x.outcome]),
      [1, 2, 3, 4, 5].map((n) => [n, 'failed']),
    );
    const [summary] = await lettersOf(db.kysely, { type: 'request', id: 'later' });
    assert.equal(summary!.email.status, 'failed');
  });
});
