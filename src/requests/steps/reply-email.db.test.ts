// The reply of a case whose applicant chose e-mail: sending the reply queues the letter in
// the step's transaction, the e-mail job delivers it to a local SMTP server (smtp-server,
// read back with mailparser) with the decision and the remedies, and the sending is
// recorded and shown as sent with the case's letters.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { createTestDb, testDialect } from '../../../test/support/db.js';
import { PERSON } from '../../../test/support/requests.js';
import { systemActor } from '../../commands/actor.js';
import { fixedClock } from '../../db/time.js';
import { seedDemo } from '../../demo/seed-demo.js';
import { localBlobStorage } from '../../files/blob-storage.js';
import { createFileStore } from '../../files/file-store.js';
import { createJobRunner } from '../../jobs/job-runner.js';
import { letterEmailJob, mailSettingsOf } from '../../letters/email-job.js';
import { lettersOf } from '../../letters/issue.js';
import { applicationSchemaFor } from '../application.js';
import type { ActorFacts, CaseActionType } from '../case.js';
import { submitApplication } from '../commands.js';
import { getCase } from '../repository.js';
import { takeStep } from './step-commands.js';
import type { StepValues } from './step-forms.js';

const HEAD: ActorFacts = { permissions: ['console.view', 'request.handle', 'request.approve'] };

test(`a reply sent to an applicant who chose e-mail arrives by SMTP, and the sending is recorded (${testDialect})`, async () => {
  const clock = fixedClock('2026-12-01T02:00:00.000Z');
  const db = await createTestDb();
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-reply-mail-'));
  const received: { to: string[]; mail: ParsedMail }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
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
  const port = (server.server.address() as AddressInfo).port;
  try {
    const demo = await seedDemo({ db, clock, passwordParams: { N: 2 ** 10, r: 8, p: 1 } });
    const files = createFileStore({ db, clock, blobs: localBlobStorage(dir) });
    const actor = systemActor('测试承办人');
    const submitted = await submitApplication(
      { db, clock },
      {
        agencyId: demo.agency.id,
        application: applicationSchemaFor('2026-12-01').parse(PERSON),
        channel: 'in_person',
        submittedOn: '2026-11-23',
        receivedOn: '2026-11-23',
        idempotencyKey: 'reply-mail-1',
      },
      actor,
    );
    assert.ok(submitted.ok);
    const id = submitted.value.requestId;
    const step = async (type: CaseActionType, values: StepValues) => {
      const c = await getCase(db.kysely, id);
      const r = await takeStep(
        { db, clock, files, emailEnabled: true },
        { requestId: id, version: c!.version, type, values, who: HEAD },
        actor,
      );
      assert.ok(r.ok, r.ok ? '' : JSON.stringify(r.errors));
      return r.value;
    };
    await step('start_handling', {});
    await step('draft_reply', {
      outcome: 'partially_disclosed',
      reasons: '其中被征收户的身份证号码属于个人隐私，不予公开。',
      provision: '以电子邮件方式提供电子文本',
      reconsiderationBody: '青岛市黄岛区人民政府',
      court: '青岛市黄岛区人民法院',
    });
    await step('approve_reply', {});
    const sent = await step('send_reply', { date: '2026-12-01' });
    const letter = sent.letters[0]!;
    assert.equal(letter.emailDelivery, 'scheduled');

    const runner = createJobRunner(
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
        log: () => {},
        retryDelayMs: () => 0,
      },
    );
    const reports = await runner.runOnce();
    assert.deepEqual(
      reports.map((r) => r.outcome),
      ['done'],
    );
    assert.equal(received.length, 1);
    const { to, mail } = received[0]!;
    assert.deepEqual(to, [PERSON.applicant.email]);
    assert.match(mail.subject ?? '', new RegExp(`答复告知书（${letter.letterNumber}）`));
    const text = mail.text ?? '';
    assert.match(text, /张演示/);
    assert.match(text, /第三十七条/, 'the legal ground of 部分公开, filled in from the outcome');
    assert.match(text, /身份证号码属于个人隐私/);
    assert.match(text, /60日内向青岛市黄岛区人民政府申请行政复议/);
    assert.match(text, /青岛市黄岛区人民法院/);
    assert.ok(mail.attachments.some((a) => a.filename?.endsWith('.docx')));

    const [summary] = await lettersOf(db.kysely, { type: 'request', id });
    assert.equal(summary?.email.status, 'sent');
    assert.deepEqual(
      summary?.email.attempts.map((a) => a.outcome),
      ['sent'],
    );
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
});
