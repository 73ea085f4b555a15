// The site identity: saved and cleared in one command with its event on the system chain,
// and read by every portal page's site data.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDb, testDialect } from '../../test/support/db.js';
import { systemActor } from '../commands/actor.js';
import { fixedClock } from '../db/time.js';
import { loadSiteInfo } from '../web/site.js';
import { identityInputSchema } from './site-identity.js';
import { getSiteIdentity } from './site-identity-repository.js';
import { updateSiteIdentity } from './site-identity-service.js';

test(`the identity is saved, changed and cleared, each time with an event (${testDialect})`, async () => {
  const db = await createTestDb();
  try {
    const deps = { db, clock: fixedClock('2024-09-27T08:00:00.000Z') };
    const actor = systemActor('测试');
    assert.deepEqual(await getSiteIdentity(db.kysely), {
      siteIdCode: null,
      icpNumber: null,
      psbNumber: null,
    });
    const first = identityInputSchema.parse({
      siteIdCode: '3702110001',
      icpNumber: '鲁ICP备05012345号-1',
      psbNumber: '鲁公网安备 37021102000123号',
    });
    assert.ok((await updateSiteIdentity(deps, first, actor)).ok);
    assert.deepEqual(await getSiteIdentity(db.kysely), first);
    assert.deepEqual((await loadSiteInfo(db, undefined)).identity, first);
    const cleared = identityInputSchema.parse({
      siteIdCode: '3702110002',
      icpNumber: '',
      psbNumber: '',
    });
    assert.ok((await updateSiteIdentity(deps, cleared, actor)).ok);
    assert.deepEqual(await getSiteIdentity(db.kysely), {
      siteIdCode: '3702110002',
      icpNumber: null,
      psbNumber: null,
    });
    const events = await db.kysely
      .selectFrom('audit_events')
      .select(['chain_id', 'before_json'])
      .where('action', '=', 'site.identity.update')
      .orderBy('seq')
      .execute();
    assert.equal(events.length, 2);
    assert.equal(events[0]?.chain_id, 'system');
    assert.match(events[1]?.before_json ?? '', /鲁ICP备05012345号-1/);
  } finally {
    await db.destroy();
  }
});
