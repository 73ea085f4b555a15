// Agency use cases as commands: a change that is refused leaves neither the change nor an
// audit event behind.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { agencyInput } from '../../test/support/agencies.js';
import { createTestDb, testDialect, type TestDb } from '../../test/support/db.js';
import { systemActor } from '../commands/actor.js';
import { fixedClock } from '../db/time.js';
import { seedDemo } from '../demo/seed-demo.js';
import type { AgencyInput } from './agency.js';
import { getAgencyById } from './agency-repository.js';
import { createAgency, updateAgency } from './agency-service.js';

const actor = systemActor('测试');
const clock = fixedClock('2024-09-27T08:00:00.000Z');
const fast = { N: 2 ** 10, r: 8, p: 1 };

const input = (slug: string, parentId: string | null): AgencyInput =>
  agencyInput({ slug, parentId });

const events = async (db: TestDb, action: string) =>
  (await db.kysely.selectFrom('audit_events').select('seq').where('action', '=', action).execute())
    .length;

test(`a refused agency change leaves the agency as it was and records nothing (${testDialect})`, async () => {
  const db = await createTestDb();
  try {
    const deps = { db, clock, passwordParams: fast };
    const demo = await seedDemo(deps);
    // The district may not move below its own street office.
    const cycle = await updateAgency(
      deps,
      demo.parent.id,
      input('huangdao', demo.agency.id),
      actor,
    );
    assert.deepEqual(cycle, {
      ok: false,
      errors: { parentId: '上级机关不能是本机关或其下级机关' },
    });
    assert.deepEqual(await getAgencyById(db.kysely, demo.parent.id), demo.parent);
    assert.equal(await events(db, 'agency.update'), 0);

    const orphan = await createAgency(deps, input('orphan', 'no-such-agency'), actor);
    assert.deepEqual(orphan, { ok: false, errors: { parentId: '所选上级机关不存在' } });
    const row = await db.kysely
      .selectFrom('agencies')
      .select('id')
      .where('slug', '=', 'orphan')
      .executeTakeFirst();
    assert.equal(row, undefined);
    assert.equal(await events(db, 'agency.create'), 0);

    const made = await createAgency(deps, input('dongyuelu', demo.agency.id), actor);
    assert.ok(made.ok);
    assert.equal(await events(db, 'agency.create'), 1, 'a change that succeeds is recorded');
  } finally {
    await db.destroy();
  }
});
