// Intake commands on a real database: one case per idempotency key, the date of receipt
// per channel, the due date from the calendar, and audit events without personal data.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDb, testDialect, type TestDb } from '../../test/support/db.js';
import { systemActor } from '../commands/actor.js';
import { fixedClock } from '../db/time.js';
import { seedDemo } from '../demo/seed-demo.js';
import { applicationSchemaFor } from './application.js';
import { PERSON } from '../../test/support/requests.js';
import {
  confirmReceipt,
  IDEMPOTENCY_CONFLICT,
  submitApplication,
  type SubmitInput,
} from './commands.js';
import { findByTrackingNumber, getApplicant, listEvents } from './repository.js';
import { accessCodeMatches } from './tracking.js';

const clock = fixedClock('2026-12-01T02:00:00.000Z');
const actor = systemActor('申请人（网上提交）');
const application = applicationSchemaFor('2026-12-01').parse(PERSON);

async function withDb(fn: (db: TestDb, agencyId: string) => Promise<void>): Promise<void> {
  const db = await createTestDb();
  try {
    const demo = await seedDemo({ db, clock, passwordParams: { N: 2 ** 10, r: 8, p: 1 } });
    await fn(db, demo.agency.id);
  } finally {
    await db.destroy();
  }
}

const online = (agencyId: string, key: string): SubmitInput => ({
  agencyId,
  application,
  channel: 'online',
  submittedOn: '2026-12-01',
  receivedOn: null,
  idempotencyKey: key,
});

test(`an online application is one submitted case per key; a retry gets the same answer (${testDialect})`, async () => {
  await withDb(async (db, agencyId) => {
    const deps = { db, clock };
    const first = await submitApplication(deps, online(agencyId, 'k1'), actor);
    assert.ok(first.ok);
    assert.equal(first.value.replayed, false);
    const again = await submitApplication(deps, online(agencyId, 'k1'), actor);
    assert.ok(again.ok);
    assert.deepEqual({ ...again.value, replayed: false }, first.value);
    assert.equal(again.value.replayed, true);
    // Racing twins: both answered with the one case.
    const twins = await Promise.all([
      submitApplication(deps, online(agencyId, 'k2'), actor),
      submitApplication(deps, online(agencyId, 'k2'), actor),
    ]);
    assert.ok(twins[0].ok && twins[1].ok);
    assert.equal(twins[0].value.trackingNumber, twins[1].value.trackingNumber);
    // Cases made by submissions (the demo's cases have no idempotency key).
    const count = await db.kysely
      .selectFrom('request_idempotency')
      .select('request_id')
      .where('agency_id', '=', agencyId)
      .execute();
    assert.equal(count.length, 2);

    const found = await findByTrackingNumber(db.kysely, first.value.trackingNumber);
    assert.equal(found?.case.state, 'submitted');
    assert.equal(found?.case.receivedOn, null);
    assert.ok(accessCodeMatches(found!.accessCodeHash, first.value.accessCode));
    // The code itself is stored nowhere.
    const dump = JSON.stringify(await db.kysely.selectFrom('requests').selectAll().execute());
    assert.ok(!dump.includes(first.value.accessCode));
  });
});

test(`the same key with different content is a conflict, and writes nothing (${testDialect})`, async () => {
  await withDb(async (db, agencyId) => {
    const deps = { db, clock };
    assert.ok((await submitApplication(deps, online(agencyId, 'k'), actor)).ok);
    const other = {
      ...online(agencyId, 'k'),
      application: {
        ...application,
        items: [{ title: null, documentNumber: null, description: '别的' }],
      },
    };
    assert.deepEqual(await submitApplication(deps, other, actor), {
      ok: false,
      errors: { idempotencyKey: IDEMPOTENCY_CONFLICT },
    });
    const n = await db.kysely
      .selectFrom('requests')
      .select('id')
      .where('channel', '=', 'online')
      .where('tracking_number', 'not like', 'GK-DEM0-%')
      .execute();
    assert.equal(n.length, 1);
  });
});

test(`confirming receipt fixes the date and the due date, once, and audits no personal data (${testDialect})`, async () => {
  await withDb(async (db, agencyId) => {
    const deps = { db, clock };
    const r = await submitApplication(deps, online(agencyId, 'k'), actor);
    assert.ok(r.ok);
    const staff = systemActor('演示承办人（lsw-handler）');
    const early = await confirmReceipt(
      deps,
      { requestId: r.value.requestId, receivedOn: '2026-11-30', version: 1 },
      staff,
    );
    assert.match(early.ok ? '' : (early.errors.receivedOn ?? ''), /不能早于/);
    const future = await confirmReceipt(
      deps,
      { requestId: r.value.requestId, receivedOn: '2026-12-02', version: 1 },
      staff,
    );
    assert.match(future.ok ? '' : (future.errors.receivedOn ?? ''), /不能晚于今天/);
    const done = await confirmReceipt(
      deps,
      { requestId: r.value.requestId, receivedOn: '2026-12-01', version: 1 },
      staff,
    );
    assert.ok(done.ok);
    assert.equal(done.value.state, 'registered');
    // 20 working days after Tuesday 1 December 2026: Tuesday 29 December.
    assert.equal(done.value.dueOn, '2026-12-29');
    assert.equal(done.value.dueProvisional, false);
    assert.deepEqual(
      (await listEvents(db.kysely, r.value.requestId)).map((e) => [e.type, e.onDate]),
      [['received', '2026-12-01']],
    );
    const twice = await confirmReceipt(
      deps,
      { requestId: r.value.requestId, receivedOn: '2026-12-01', version: 2 },
      staff,
    );
    assert.equal(twice.ok, false);

    const events = await db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('subject_id', '=', r.value.requestId)
      .execute();
    assert.deepEqual(events.map((e) => e.action).sort(), [
      'request.receipt.confirm',
      'request.submit',
    ]);
    const text = JSON.stringify(events);
    const applicant = await getApplicant(db.kysely, r.value.requestId);
    for (const secret of [
      applicant!.name,
      applicant!.idNumber!,
      applicant!.phone,
      applicant!.email!,
      r.value.accessCode,
    ])
      assert.ok(!text.includes(secret), `audit mentions ${secret}`);
  });
});

test(`a stale version is refused (${testDialect})`, async () => {
  await withDb(async (db, agencyId) => {
    const deps = { db, clock };
    const r = await submitApplication(deps, online(agencyId, 'k'), actor);
    assert.ok(r.ok);
    const stale = await confirmReceipt(
      deps,
      { requestId: r.value.requestId, receivedOn: '2026-12-01', version: 7 },
      actor,
    );
    assert.equal(stale.ok, false);
  });
});

test(`a letter signed for is registered at once; beyond the loaded calendar the due date is provisional (${testDialect})`, async () => {
  await withDb(async (db, agencyId) => {
    const r = await submitApplication(
      { db, clock },
      {
        ...online(agencyId, 'k'),
        channel: 'registered_post',
        submittedOn: '2026-12-20',
        receivedOn: '2026-12-20',
      },
      actor,
    );
    assert.ok(r.ok);
    const found = await findByTrackingNumber(db.kysely, r.value.trackingNumber);
    assert.equal(found?.case.state, 'registered');
    assert.equal(found?.case.dueProvisional, true);
  });
});
