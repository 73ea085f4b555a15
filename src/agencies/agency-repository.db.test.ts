import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDb, testDialect } from '../../test/support/db.js';
import { verifyAuditChain } from '../audit/audit-verify.js';
import { fixedClock } from '../db/time.js';
import type { AgencyInput } from './agency.js';
import {
  countAgencies,
  getAgencyById,
  getAgencyBySlug,
  listAgencies,
  listAncestorAgencies,
  listChildAgencies,
  listDescendantAgencies,
  subtreeIds,
} from './agency-repository.js';
import { createAgency, updateAgency } from './agency-service.js';

const actor = { id: null, label: '测试' };

function input(slug: string, fullName: string, parentId: string | null): AgencyInput {
  return {
    parentId,
    slug,
    fullName,
    shortName: fullName.slice(0, 6),
    code: '11100000000013338W',
    level: parentId ? 'township' : 'county',
    kind: 'government',
    officeName: '综合办公室',
    officeAddress: '灵岩路77号',
    officeHours: null,
    officePhone: '0532-83185761',
    officeFax: null,
    officeEmail: null,
    officeWebsite: null,
  };
}

test(`agency hierarchy: by slug, children, descendants, ancestors, tree order (${testDialect})`, async () => {
  const db = await createTestDb();
  try {
    const deps = { db, clock: fixedClock('2024-01-01T00:00:00.000Z') };
    assert.equal(await countAgencies(db.kysely), 0);
    const make = async (slug: string, name: string, parent: string | null) => {
      const r = await createAgency(deps, input(slug, name, parent), actor);
      assert.ok(r.ok, JSON.stringify(r));
      return r.value;
    };
    const district = await make('huangdao', '青岛市黄岛区人民政府', null);
    const street = await make('lingshanwei', '灵山卫街道办事处', district.id);
    const other = await make('xuejiadao', '薛家岛街道办事处', district.id);
    const community = await make('dongyuelu', '东岳路社区', street.id);
    const unrelated = await make('other', '另一个区人民政府', null);

    const bySlug = await getAgencyBySlug(db.kysely, 'LingShanWei');
    assert.equal(bySlug?.id, street.id);
    assert.equal(bySlug?.office.phone, '0532-83185761');
    assert.equal(bySlug?.office.fax, null);
    assert.equal(await getAgencyBySlug(db.kysely, 'nope'), null);
    assert.deepEqual((await listChildAgencies(db.kysely, district.id)).map((a) => a.slug).sort(), [
      'lingshanwei',
      'xuejiadao',
    ]);
    assert.deepEqual(
      (await listDescendantAgencies(db.kysely, district.id)).map((a) => a.slug).sort(),
      ['dongyuelu', 'lingshanwei', 'xuejiadao'],
    );
    assert.deepEqual(
      [...(await subtreeIds(db.kysely, street.id))].sort(),
      [street.id, community.id].sort(),
    );
    assert.deepEqual(
      (await listAncestorAgencies(db.kysely, community.id)).map((a) => a.slug),
      ['huangdao', 'lingshanwei'],
    );
    const order = (await listAgencies(db.kysely)).map((a) => a.slug);
    assert.equal(order.length, 5);
    assert.ok(order.indexOf('huangdao') < order.indexOf('lingshanwei'));
    assert.ok(order.indexOf('lingshanwei') < order.indexOf('dongyuelu'));
    assert.ok(order.includes('other') && order.includes('xuejiadao'));
    const districtTree = await subtreeIds(db.kysely, district.id);
    assert.ok(districtTree.has(other.id));
    assert.ok(
      !districtTree.has(unrelated.id),
      'an unrelated top-level agency is outside the subtree',
    );
  } finally {
    await db.destroy();
  }
});

test(`create and update write audit events in the agency's chain; cycles and duplicate slugs are refused (${testDialect})`, async () => {
  const db = await createTestDb();
  try {
    const clock = fixedClock('2024-01-01T00:00:00.000Z');
    const deps = { db, clock };
    const top = await createAgency(deps, input('top', '上级人民政府', null), actor);
    assert.ok(top.ok);
    const child = await createAgency(deps, input('child', '下级街道办事处', top.value.id), actor);
    assert.ok(child.ok);
    const dup = await createAgency(deps, input('child', '重名', top.value.id), actor);
    assert.deepEqual(dup, { ok: false, errors: { slug: '该网址标识已被其他机关使用，请换一个' } });
    const cycle = await updateAgency(
      deps,
      top.value.id,
      input('top', '上级人民政府', child.value.id),
      actor,
    );
    assert.equal(cycle.ok, false);
    assert.match(!cycle.ok ? (cycle.errors.parentId ?? '') : '', /不能是本机关或其下级机关/);
    clock.advance(60_000);
    const upd = await updateAgency(
      deps,
      child.value.id,
      { ...input('child', '下级街道办事处（更名）', top.value.id), officeFax: '0532-1234567' },
      actor,
    );
    assert.ok(upd.ok);
    const reread = await getAgencyById(db.kysely, child.value.id);
    assert.equal(reread?.fullName, '下级街道办事处（更名）');
    assert.equal(reread?.office.fax, '0532-1234567');
    assert.equal(reread?.updatedAt, '2024-01-01T00:01:00.000Z');
    const events = await db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('chain_id', '=', child.value.id)
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      events.map((e) => e.action),
      ['agency.create', 'agency.update'],
    );
    assert.match(events[1]?.before_json ?? '', /"fullName":"下级街道办事处"/);
    assert.equal((await verifyAuditChain(db.kysely, child.value.id)).ok, true);
  } finally {
    await db.destroy();
  }
});
