import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { insertTestAccount } from '../../test/support/accounts.js';
import { createTestDb, testDialect, type TestDb } from '../../test/support/db.js';
import type { Actor } from '../commands/actor.js';
import { runCommand } from '../commands/command.js';
import { fail } from '../commands/result.js';
import { fixedClock } from '../db/time.js';
import { localBlobStorage } from '../files/blob-storage.js';
import { createFileStore, type FileStore } from '../files/file-store.js';
import { DEFAULT_TEMPLATES } from './default-templates.js';
import {
  issueLetter,
  letterFile,
  lettersOf,
  LETTER_EMAIL_JOB,
  type LetterServices,
} from './issue.js';
import { sampleContext } from './placeholders.js';
import { saveTemplate } from './template-service.js';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe(`issuing letters (${testDialect})`, () => {
  let db: TestDb;
  let dir: string;
  let files: FileStore;
  let agencyId: string;
  let actor: Actor;
  const clock = fixedClock('2024-03-12T02:00:00.000Z');
  let services: LetterServices;

  before(async () => {
    db = await createTestDb();
    dir = mkdtempSync(join(tmpdir(), 'gongkai-letters-'));
    files = createFileStore({ db, clock, blobs: localBlobStorage(dir) });
    const account = await insertTestAccount(db, 'letters');
    agencyId = account.agencyId;
    actor = { id: account.accountId, label: '测试（letters）' };
    services = { files, clock, emailEnabled: false };
  });
  after(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const issueReply = (subjectId: string, extra: { email?: string } = {}) =>
    runCommand({ db, clock }, actor, (ctx) =>
      issueLetter(services, ctx, {
        agencyId,
        kind: 'reply_partially_disclosed',
        subject: { type: 'request', id: subjectId },
        context: sampleContext('reply_partially_disclosed'),
        ...extra,
      }),
    );

  test('concurrent issuers get consecutive numbers, none twice and none skipped, even when one rolls back', async () => {
    const N = 12;
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        i === 5
          ? // Takes a number, then the case change fails: the number goes back.
            runCommand({ db, clock }, actor, async (ctx) => {
              const r = await issueLetter(services, ctx, {
                agencyId,
                kind: 'reply_withheld',
                subject: { type: 'request', id: 'race' },
                context: sampleContext('reply_withheld'),
              });
              assert.ok(r.ok);
              return fail({ _form: '案件状态已变化' });
            })
          : issueReply('race'),
      ),
    );
    assert.equal(results.filter((r) => r.ok).length, N - 1);
    const rows = await db.kysely
      .selectFrom('issued_letters')
      .select(['seq', 'letter_number', 'family', 'year'])
      .where('subject_id', '=', 'race')
      .execute();
    const seqs = rows.map((r) => Number(r.seq)).sort((a, b) => a - b);
    assert.deepEqual(
      seqs,
      Array.from({ length: N - 1 }, (_, i) => i + 1),
    );
    assert.equal(new Set(rows.map((r) => r.letter_number)).size, N - 1);
    assert.ok(rows.every((r) => r.family === 'reply' && Number(r.year) === 2024));
    assert.ok(rows.some((r) => r.letter_number === '测试机关依申答〔2024〕11号'));
    // The rolled-back letter left no row, no audit event and no file row behind.
    const events = await db.kysely
      .selectFrom('audit_events')
      .select('seq')
      .where('action', '=', 'letter.issue')
      .execute();
    assert.equal(events.length, N - 1);
    const fileRows = await db.kysely.selectFrom('files').select('id').execute();
    assert.equal(fileRows.length, 2 * (N - 1));
    // Its staged bytes are discarded by the sweep; the committed letters' are promoted.
    // (The sweep judges staged files by their real modification time.)
    const swept = await files.sweep(new Date(Date.now() + 2 * 60 * 60_000));
    assert.deepEqual(swept, { promoted: 2 * (N - 1), discarded: 2 });
  });

  test('each family and year has its own series', async () => {
    const receipt = await runCommand({ db, clock }, actor, (ctx) =>
      issueLetter(services, ctx, {
        agencyId,
        kind: 'receipt',
        subject: { type: 'request', id: 'series' },
        context: sampleContext('receipt'),
      }),
    );
    assert.ok(receipt.ok);
    assert.equal(receipt.value.letterNumber, '测试机关依申收〔2024〕1号');
    const nextYear = fixedClock('2025-01-01T16:30:00.000Z'); // 2025-01-02 in Beijing
    const r = await runCommand({ db, clock: nextYear }, actor, (ctx) =>
      issueLetter({ ...services, clock: nextYear }, ctx, {
        agencyId,
        kind: 'reply_other',
        subject: { type: 'request', id: 'series' },
        context: sampleContext('reply_other'),
      }),
    );
    assert.ok(r.ok);
    assert.equal(r.value.letterNumber, '测试机关依申答〔2025〕1号');
    assert.equal(r.value.issuedOn, '2025-01-02');
  });

  test('an issued letter keeps its content and hash after the template is edited', async () => {
    const first = await issueReply('immutable');
    assert.ok(first.ok);
    const html = await letterFile(db.kysely, files, first.value.id, 'html');
    const docx = await letterFile(db.kysely, files, first.value.id, 'docx');
    assert.ok(html && docx);
    assert.equal(sha(html.bytes), first.value.htmlSha256);
    assert.equal(sha(docx.bytes), first.value.docxSha256);
    assert.match(text(html.bytes), /不予公开部分的理由/);
    assert.equal(first.value.templateVersion, 0);

    const template = DEFAULT_TEMPLATES.reply_partially_disclosed;
    const saved = await saveTemplate({ db, clock }, actor, {
      agencyId,
      kind: 'reply_partially_disclosed',
      baseVersion: 0,
      note: '改写理由一段',
      template: {
        ...template,
        body: template.body.replace('不予公开部分的理由', '以下部分不予公开，理由是'),
      },
    });
    assert.ok(saved.ok, JSON.stringify(saved));
    assert.equal(saved.value.version, 1);

    const again = await letterFile(db.kysely, files, first.value.id, 'html');
    assert.deepEqual(again!.bytes, html.bytes);
    const againDocx = await letterFile(db.kysely, files, first.value.id, 'docx');
    assert.deepEqual(againDocx!.bytes, docx.bytes);
    const row = await db.kysely
      .selectFrom('issued_letters')
      .selectAll()
      .where('id', '=', first.value.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.html_sha256, first.value.htmlSha256);
    assert.equal(row.template_version, 0);

    // A letter issued now uses the new version.
    const second = await issueReply('immutable');
    assert.ok(second.ok);
    assert.equal(second.value.templateVersion, 1);
    const secondHtml = text((await letterFile(db.kysely, files, second.value.id, 'html'))!.bytes);
    assert.match(secondHtml, /以下部分不予公开，理由是/);
    assert.match(strFromU8(unzipSync(docx.bytes)['word/document.xml']!), /不予公开部分的理由/);

    const listed = await lettersOf(db.kysely, { type: 'request', id: 'immutable' });
    assert.deepEqual(
      listed.map((l) => [l.letterNumber, l.name, l.email.status]),
      [
        [first.value.letterNumber, '答复告知书（部分公开）', 'none'],
        [second.value.letterNumber, '答复告知书（部分公开）', 'none'],
      ],
    );
  });

  test('a context with a missing value is refused and nothing is stored', async () => {
    const { court: _, ...incomplete } = sampleContext('reply_withheld');
    const before = await db.kysely.selectFrom('issued_letters').select('id').execute();
    const r = await runCommand({ db, clock }, actor, (ctx) =>
      issueLetter(services, ctx, {
        agencyId,
        kind: 'reply_withheld',
        subject: { type: 'request', id: 'bad' },
        context: incomplete as never,
      }),
    );
    assert.deepEqual(r, {
      ok: false,
      errors: { letter: '答复告知书（不予公开）：缺少{人民法院}' },
    });
    const afterRows = await db.kysely.selectFrom('issued_letters').select('id').execute();
    assert.equal(afterRows.length, before.length);
  });

  test('e-mail delivery is scheduled in the same transaction only when SMTP is configured', async () => {
    const off = await issueReply('mail', { email: 'zhangsan@example.cn' });
    assert.ok(off.ok);
    assert.equal(off.value.emailDelivery, 'disabled');
    const none = await db.kysely
      .selectFrom('jobs')
      .select('id')
      .where('type', '=', LETTER_EMAIL_JOB)
      .execute();
    assert.equal(none.length, 0);

    services = { ...services, emailEnabled: true };
    const on = await issueReply('mail', { email: 'zhangsan@example.cn' });
    assert.ok(on.ok);
    assert.equal(on.value.emailDelivery, 'scheduled');
    const jobs = await db.kysely
      .selectFrom('jobs')
      .selectAll()
      .where('type', '=', LETTER_EMAIL_JOB)
      .execute();
    assert.deepEqual(
      jobs.map((j) => JSON.parse(j.payload_json)),
      [{ letterId: on.value.id }],
    );
    const listed = await lettersOf(db.kysely, { type: 'request', id: 'mail' });
    assert.deepEqual(
      listed.map((l) => l.email.status),
      ['off', 'pending'],
    );
    const bad = await issueReply('mail', { email: 'not an address' });
    assert.deepEqual(bad, {
      ok: false,
      errors: { email: '电子邮件地址格式不正确，文书无法以电子邮件送达' },
    });
    services = { ...services, emailEnabled: false };
  });
});
