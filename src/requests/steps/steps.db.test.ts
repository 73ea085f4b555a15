// Every step of a case on a real database: the state, the stored event, the audit event and
// the letters commit together; a refused step (role, state, stale page, bad input) writes
// nothing; fees are recorded in fen and summed per year.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createTestDb, testDialect, type TestDb } from '../../../test/support/db.js';
import { PERSON } from '../../../test/support/requests.js';
import { systemActor } from '../../commands/actor.js';
import { fixedClock, type Clock } from '../../db/time.js';
import { seedDemo } from '../../demo/seed-demo.js';
import { localBlobStorage } from '../../files/blob-storage.js';
import { createFileStore } from '../../files/file-store.js';
import { lettersOf } from '../../letters/issue.js';
import { applicationSchemaFor } from '../application.js';
import type { ActorFacts, CaseActionType } from '../case.js';
import { STALE_CASE, submitApplication } from '../commands.js';
import { feesCollectedInYear } from '../fee-records.js';
import { getCase, listEvents } from '../repository.js';
import type { StepValues } from './step-forms.js';
import { takeStep, type StepDeps } from './step-commands.js';

const HANDLER: ActorFacts = { permissions: ['console.view', 'request.handle'] };
const HEAD: ActorFacts = { permissions: ['console.view', 'request.handle', 'request.approve'] };
const APPLICANT: ActorFacts = { permissions: [], applicant: true };
const actor = systemActor('测试承办人');
const clock = fixedClock('2026-12-01T02:00:00.000Z');

interface World {
  db: TestDb;
  deps: StepDeps;
  agencyId: string;
  /** A new case received in person on 2026-11-23 (a Monday); reply due 2026-12-21. */
  newCase: (delivery?: 'email' | 'post') => Promise<string>;
  step: (
    id: string,
    type: CaseActionType,
    values: StepValues,
    who?: ActorFacts,
    at?: Clock,
  ) => ReturnType<typeof takeStep>;
}

async function withWorld(fn: (w: World) => Promise<void>): Promise<void> {
  const db = await createTestDb();
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-steps-'));
  try {
    const demo = await seedDemo({ db, clock, passwordParams: { N: 2 ** 10, r: 8, p: 1 } });
    const files = createFileStore({ db, clock, blobs: localBlobStorage(dir) });
    const deps: StepDeps = { db, clock, files, emailEnabled: true };
    let n = 0;
    const w: World = {
      db,
      deps,
      agencyId: demo.agency.id,
      async newCase(delivery = 'email') {
        n += 1;
        const app = applicationSchemaFor('2026-12-01').parse({
          ...PERSON,
          delivery: { form: 'electronic', method: delivery },
        });
        const r = await submitApplication(
          { db, clock },
          {
            agencyId: demo.agency.id,
            application: app,
            channel: 'in_person',
            submittedOn: '2026-11-23',
            receivedOn: '2026-11-23',
            idempotencyKey: `steps-${n}`,
          },
          actor,
        );
        assert.ok(r.ok);
        return r.value.requestId;
      },
      async step(id, type, values, who = HANDLER, at = clock) {
        const c = await getCase(db.kysely, id);
        return takeStep(
          { ...deps, clock: at },
          { requestId: id, version: c!.version, type, values, who },
          actor,
        );
      },
    };
    await fn(w);
  } finally {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

const ok = async (p: ReturnType<typeof takeStep>) => {
  const r = await p;
  assert.ok(r.ok, r.ok ? '' : JSON.stringify(r.errors));
  return r.value;
};

const auditActions = async (db: TestDb, id: string) =>
  (
    await db.kysely
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', id)
      .orderBy('seq')
      .execute()
  ).map((r) => r.action);

const REPLY: StepValues = {
  outcome: 'partially_disclosed',
  legalBasis: '《中华人民共和国政府信息公开条例》第三十七条',
  reasons: '其中被征收户的身份证号码属于个人隐私，不予公开；其余部分予以公开。',
  provision: '以电子邮件方式提供电子文本',
  reconsiderationBody: '青岛市黄岛区人民政府',
  court: '青岛市黄岛区人民法院',
};

test(`correction: asked with its notice, answered by the applicant, the clock starts again (${testDialect})`, async () => {
  await withWorld(async (w) => {
    const id = await w.newCase();
    const asked = await ok(
      w.step(id, 'request_correction', {
        date: '2026-11-25',
        deadline: '2026-12-09',
        items: '请明确所申请信息的名称或者文号\n请提供身份证明',
      }),
    );
    assert.equal(asked.case.state, 'correction_requested');
    assert.equal(asked.case.dueOn, null, 'no reply period runs while awaiting the correction');
    assert.deepEqual(
      asked.letters.map((l) => l.kind),
      ['correction_notice'],
    );
    assert.equal(asked.letters[0]?.emailDelivery, 'scheduled');
    const corrected = await ok(
      w.step(
        id,
        'record_correction',
        { date: '2026-12-01', note: '所需信息为2021年征地批复' },
        APPLICANT,
      ),
    );
    assert.equal(corrected.case.state, 'in_progress');
    // 20 working days counted from the day after the correction arrived.
    assert.equal(corrected.case.dueOn, '2026-12-29');
    const events = await listEvents(w.db.kysely, id);
    assert.deepEqual(
      events.map((e) => e.type),
      ['received', 'correction_requested', 'corrected'],
    );
    assert.deepEqual(events[1]?.data?.items, ['请明确所申请信息的名称或者文号', '请提供身份证明']);
    assert.deepEqual((await auditActions(w.db, id)).slice(-2), [
      'request.step.request_correction',
      'request.step.record_correction',
    ]);
    const letters = await lettersOf(w.db.kysely, { type: 'request', id });
    assert.deepEqual(
      letters.map((l) => l.name),
      ['补正告知书'],
    );
    // A second correction request is refused by the core, and nothing is written.
    const again = await w.step(id, 'request_correction', {
      date: '2026-12-01',
      deadline: '2026-12-09',
      items: '再补一次',
    });
    assert.equal(again.ok, false);
    assert.equal((await listEvents(w.db.kysely, id)).length, 3);
  });
});

test(`correction lapses only after its deadline, as 其他处理 (${testDialect})`, async () => {
  await withWorld(async (w) => {
    const id = await w.newCase('post');
    await ok(
      w.step(id, 'request_correction', {
        date: '2026-11-24',
        deadline: '2026-11-30',
        items: '请明确申请内容',
      }),
    );
    const early = await w.step(id, 'lapse_correction', { date: '2026-11-30' });
    assert.ok(!early.ok);
    assert.match(early.errors._form ?? '', /尚未届满/);
    const lapsed = await ok(w.step(id, 'lapse_correction', { date: '2026-12-01' }));
    assert.equal(lapsed.case.state, 'closed');
    assert.equal(lapsed.case.outcome, 'other.correction_overdue');
    assert.equal(lapsed.case.closure, 'correction_lapsed');
    assert.equal(lapsed.case.closedOn, '2026-12-01');
  });
});

test(`consultation pauses the clock; the handler asks for an extension, only the head approves (${testDialect})`, async () => {
  await withWorld(async (w) => {
    const id = await w.newCase();
    await ok(w.step(id, 'start_handling', {}));
    const sent = await ok(
      w.step(id, 'send_consultation', {
        date: '2026-11-24',
        party: 'third_party',
        partyName: '青岛演示置业有限公司',
        extract: '征地补偿协议中的补偿金额',
      }),
    );
    assert.equal(sent.case.state, 'consulting');
    assert.deepEqual(
      sent.letters.map((l) => [l.kind, l.emailDelivery]),
      [
        ['third_party_consultation', 'none'],
        ['consultation_notice', 'scheduled'],
      ],
    );
    const answered = await ok(
      w.step(id, 'record_consultation_answer', { date: '2026-11-27', note: '不同意公开补偿金额' }),
    );
    assert.equal(answered.case.state, 'in_progress');
    // Three working days (25, 26, 27 Nov) were not counted.
    assert.equal(answered.case.dueOn, '2026-12-24');

    const asked = await ok(
      w.step(id, 'request_extension', { date: '2026-12-01', reason: '需调取档案核实' }),
    );
    assert.equal(asked.letters.length, 0);
    const byHandler = await w.step(id, 'approve_extension', { date: '2026-12-01' });
    assert.ok(!byHandler.ok);
    assert.match(byHandler.errors._form ?? '', /负责人批准/);
    const approved = await ok(w.step(id, 'approve_extension', { date: '2026-12-01' }, HEAD));
    assert.equal(approved.case.extended, true);
    // 20 more working days (2027's holidays are not loaded: the date is provisional).
    assert.equal(approved.case.dueOn, '2027-01-21');
    assert.equal(approved.case.dueProvisional, true);
    assert.deepEqual(
      approved.letters.map((l) => l.kind),
      ['extension_notice'],
    );
  });
});

test(`an extension refused by the head: no letter, the due date unchanged (${testDialect})`, async () => {
  await withWorld(async (w) => {
    const id = await w.newCase();
    await ok(w.step(id, 'start_handling', {}));
    await ok(w.step(id, 'request_extension', { date: '2026-12-01', reason: '材料较多' }));
    const missing = await w.step(id, 'refuse_extension', { date: '2026-12-01' }, HEAD);
    assert.ok(!missing.ok);
    assert.equal(missing.errors.note, '请填写不批准的理由');
    const refused = await ok(
      w.step(id, 'refuse_extension', { date: '2026-12-01', note: '可按期答复' }, HEAD),
    );
    assert.equal(refused.case.extended, false);
    assert.equal(refused.case.dueOn, '2026-12-21');
    assert.equal(refused.letters.length, 0);
  });
});

test(`fee: one method, the notice in fen, payment recorded and summed by year; a fee lapses after 20 working days (${testDialect})`, async () => {
  await withWorld(async (w) => {
    const id = await w.newCase();
    await ok(w.step(id, 'start_handling', {}));
    const free = await w.step(id, 'send_fee_notice', {
      date: '2026-11-24',
      method: 'per_page',
      pages: '30',
      paymentMethod: '窗口缴纳',
    });
    assert.ok(!free.ok);
    assert.match(free.errors.method ?? '', /免费范围/);
    const noMethod = await w.step(id, 'send_fee_notice', {
      date: '2026-11-24',
      paymentMethod: 'x',
    });
    assert.ok(!noMethod.ok);
    assert.match(noMethod.errors.method ?? '', /一种/);
    const notice = await ok(
      w.step(id, 'send_fee_notice', {
        date: '2026-11-24',
        method: 'per_page',
        pages: '101',
        paymentMethod: '通过非税收入缴款码缴纳',
      }),
    );
    assert.equal(notice.case.state, 'fee_pending');
    assert.deepEqual(
      notice.letters.map((l) => l.kind),
      ['fee_notice'],
    );
    // 31–100: 70 × 10 元; 101: 20 元.
    const events = await listEvents(w.db.kysely, id);
    assert.equal(events.at(-1)?.data?.amountFen, 720_00);
    await ok(w.step(id, 'record_fee_payment', { date: '2026-11-30' }));
    assert.equal(await feesCollectedInYear(w.db.kysely, w.agencyId, 2026), 720_00);
    assert.equal(await feesCollectedInYear(w.db.kysely, w.agencyId, 2025), 0);

    const other = await w.newCase('post');
    await ok(w.step(other, 'start_handling', {}));
    await ok(
      w.step(other, 'send_fee_notice', {
        date: '2026-11-24',
        method: 'per_page',
        pages: '40',
        paymentMethod: '窗口缴纳',
      }),
    );
    const early = await w.step(other, 'lapse_fee', { date: '2026-12-01' });
    assert.ok(!early.ok);
    const later = fixedClock('2027-01-05T02:00:00.000Z');
    const lapsed = await ok(w.step(other, 'lapse_fee', { date: '2027-01-05' }, HANDLER, later));
    assert.equal(lapsed.case.outcome, 'other.fee_unpaid');
    assert.equal(await feesCollectedInYear(w.db.kysely, w.agencyId, 2026), 720_00);
  });
});

test(`reply: drafted with one outcome, approved by the head only, sent with its letter and closed (${testDialect})`, async () => {
  await withWorld(async (w) => {
    const id = await w.newCase();
    await ok(w.step(id, 'start_handling', {}));
    const incomplete = await w.step(id, 'draft_reply', { ...REPLY, provision: '', reasons: '' });
    assert.ok(!incomplete.ok);
    assert.deepEqual(Object.keys(incomplete.errors).sort(), ['provision', 'reasons']);
    const drafted = await ok(w.step(id, 'draft_reply', REPLY));
    assert.equal(drafted.case.state, 'reply_drafted');
    const byHandler = await w.step(id, 'approve_reply', {});
    assert.ok(!byHandler.ok);
    assert.match(byHandler.errors._form ?? '', /负责人/);
    await ok(w.step(id, 'approve_reply', {}, HEAD));
    const sent = await ok(w.step(id, 'send_reply', { date: '2026-12-01' }));
    assert.equal(sent.case.state, 'closed');
    assert.equal(sent.case.closure, 'replied');
    assert.equal(sent.case.outcome, 'partially_disclosed');
    assert.deepEqual(
      sent.letters.map((l) => [l.kind, l.emailDelivery]),
      [['reply_partially_disclosed', 'scheduled']],
    );
    const jobs = await w.db.kysely
      .selectFrom('jobs')
      .select('type')
      .where('type', '=', 'letters.email')
      .execute();
    assert.equal(jobs.length, 1);
    const closedAgain = await w.step(id, 'withdraw', { date: '2026-12-01' });
    assert.ok(!closedAgain.ok);
    assert.match(closedAgain.errors._form ?? '', /^案件已办结，不能撤回申请/);
  });
});

test(`a returned draft goes back to the handler; on the spot, withdrawn, transferred (${testDialect})`, async () => {
  await withWorld(async (w) => {
    const id = await w.newCase('post');
    await ok(w.step(id, 'start_handling', {}));
    await ok(w.step(id, 'draft_reply', REPLY));
    const returned = await ok(w.step(id, 'return_draft', { note: '理由写得更具体' }, HEAD));
    assert.equal(returned.case.state, 'in_progress');
    assert.equal(returned.case.outcome, null);

    const spot = await w.newCase('post');
    const onSpot = await ok(
      w.step(spot, 'answer_on_spot', {
        ...REPLY,
        date: '2026-11-23',
        outcome: 'disclosed',
      }),
    );
    assert.equal(onSpot.case.closure, 'answered_on_spot');
    assert.deepEqual(
      onSpot.letters.map((l) => l.kind),
      ['reply_disclosed'],
    );

    const gone = await w.newCase('post');
    const withdrawn = await ok(w.step(gone, 'withdraw', { date: '2026-11-30' }));
    assert.equal(withdrawn.case.outcome, 'other.other');

    const moved = await w.newCase('post');
    const wrong = await w.step(moved, 'transfer', {
      date: '2026-11-30',
      outcome: 'disclosed',
      note: '青岛市自然资源和规划局',
    });
    assert.ok(!wrong.ok);
    const transferred = await ok(
      w.step(moved, 'transfer', {
        date: '2026-11-30',
        outcome: 'unavailable.not_held',
        note: '青岛市自然资源和规划局',
      }),
    );
    assert.equal(transferred.case.closure, 'transferred');
  });
});

test(`a stale page is refused and writes nothing (${testDialect})`, async () => {
  await withWorld(async (w) => {
    const id = await w.newCase();
    const c = await getCase(w.db.kysely, id);
    await ok(w.step(id, 'start_handling', {}));
    const stale = await takeStep(
      w.deps,
      {
        requestId: id,
        version: c!.version,
        type: 'withdraw',
        values: { date: '2026-12-01' },
        who: HANDLER,
      },
      actor,
    );
    assert.ok(!stale.ok);
    assert.equal(stale.errors._form, STALE_CASE);
    assert.equal((await getCase(w.db.kysely, id))?.state, 'in_progress');
    // A future date is refused by the core with what to fix.
    const future = await w.step(id, 'withdraw', { date: '2026-12-02' });
    assert.ok(!future.ok);
    assert.match(future.errors._form ?? '', /晚于今天/);
  });
});
