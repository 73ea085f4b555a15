// The site host (主办单位) is read as one row, and it is the same agency the full directory
// would put first among the top-level ones — on either database's ordering.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { agencyInput } from '../../test/support/agencies.js';
import { createTestDb, testDialect } from '../../test/support/db.js';
import { listAgencies } from '../agencies/agency-repository.js';
import { createAgency } from '../agencies/agency-service.js';
import { fixedClock } from '../db/time.js';
import { loadSiteInfo, PLATFORM_NAME } from './site.js';

test(`the site host is the first top-level agency of the directory (${testDialect})`, async () => {
  const db = await createTestDb();
  try {
    assert.deepEqual(await loadSiteInfo(db, undefined), {
      host: null,
      siteName: PLATFORM_NAME,
      domain: null,
      identity: { siteIdCode: null, icpNumber: null, psbNumber: null },
    });
    const deps = { db, clock: fixedClock('2024-01-01T00:00:00.000Z') };
    const make = async (slug: string, fullName: string, parentId: string | null) => {
      const r = await createAgency(
        deps,
        agencyInput({
          parentId,
          slug,
          fullName,
          shortName: fullName.slice(0, 4),
          level: parentId ? 'township' : 'county',
        }),
        { id: null, label: '测试' },
      );
      assert.ok(r.ok);
      return r.value;
    };
    const zeta = await make('zeta', 'Zeta 区人民政府', null);
    // A child whose name sorts before every top-level agency must not become the host.
    await make('alpha-street', 'Aaa 街道办事处', zeta.id);
    await make('beta', 'Beta 区人民政府', null);
    await make('beta-2', 'Beta 区人民政府', null); // same name: the id decides, as in the list
    await make('gamma', '青岛市黄岛区人民政府', null);
    const expected = (await listAgencies(db.kysely)).find((a) => a.parentId === null);
    const site = await loadSiteInfo(db, 'https://xxgk.example.gov.cn/portal');
    assert.equal(site.host?.id, expected?.id);
    assert.equal(site.siteName, expected?.fullName);
    assert.equal(site.domain, 'xxgk.example.gov.cn');
  } finally {
    await db.destroy();
  }
});
