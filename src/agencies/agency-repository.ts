// SQL for agencies; rows become `Agency` here and nowhere else.
import type { Kysely } from 'kysely';
import type { AgencyRow, Database } from '../db/schema.js';
import type { UniqueKey } from '../db/unique-violation.js';
import {
  AGENCY_KINDS,
  AGENCY_LEVELS,
  type Agency,
  type AgencyInput,
  type AgencyKind,
  type AgencyLevel,
} from './agency.js';

type Q = Kysely<Database>;

/** The unique columns of `agencies` that a form fills (see migration 0001). */
export const AGENCY_UNIQUE_KEYS = [
  { table: 'agencies', column: 'slug', constraint: 'agencies_slug_key', field: 'slug' },
] as const satisfies readonly UniqueKey<string>[];

/**
 * The agency of a row. Its re-check rhythm (`recheck_rhythm`) is not part of it: that is
 * proactive disclosure's setting, read and written by src/publications/repository.ts.
 */
export function rowToAgency(r: Omit<AgencyRow, 'recheck_rhythm'>): Agency {
  return {
    id: r.id,
    parentId: r.parent_id,
    slug: r.slug,
    fullName: r.full_name,
    shortName: r.short_name,
    code: r.code,
    level: (AGENCY_LEVELS as readonly string[]).includes(r.level)
      ? (r.level as AgencyLevel)
      : 'township',
    kind: (AGENCY_KINDS as readonly string[]).includes(r.kind)
      ? (r.kind as AgencyKind)
      : 'government',
    office: {
      name: r.office_name,
      address: r.office_address,
      hours: r.office_hours,
      phone: r.office_phone,
      fax: r.office_fax,
      email: r.office_email,
      website: r.office_website,
    },
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function inputToColumns(input: AgencyInput) {
  return {
    parent_id: input.parentId,
    slug: input.slug,
    full_name: input.fullName,
    short_name: input.shortName,
    code: input.code,
    level: input.level,
    kind: input.kind,
    office_name: input.officeName,
    office_address: input.officeAddress,
    office_hours: input.officeHours,
    office_phone: input.officePhone,
    office_fax: input.officeFax,
    office_email: input.officeEmail,
    office_website: input.officeWebsite,
  };
}

export async function getAgencyById(db: Q, id: string): Promise<Agency | null> {
  const r = await db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? rowToAgency(r) : null;
}

/** The agency whose portal lives at /agencies/:slug. */
export async function getAgencyBySlug(db: Q, slug: string): Promise<Agency | null> {
  const r = await db
    .selectFrom('agencies')
    .selectAll()
    .where('slug', '=', slug.toLowerCase())
    .executeTakeFirst();
  return r ? rowToAgency(r) : null;
}

/** All agencies, ordered as a tree would be read: parents before their children, by name. */
export async function listAgencies(db: Q): Promise<Agency[]> {
  const rows = await db
    .selectFrom('agencies')
    .selectAll()
    .orderBy('full_name')
    .orderBy('id')
    .execute();
  return treeOrder(rows.map(rowToAgency));
}

/**
 * The first top-level agency in the order `listAgencies` gives (by name, then id): the host
 * of the site, read for every portal page's header. A site nearly always has one top-level
 * agency, and asking SQLite to sort (even one row) costs more than the lookup: the order is
 * asked for only when there are several.
 */
export async function getTopLevelAgency(db: Q): Promise<Agency | null> {
  const tops = await db.selectFrom('agencies').selectAll().where('parent_id', 'is', null).execute();
  if (tops.length <= 1) return tops[0] ? rowToAgency(tops[0]) : null;
  const first = await db
    .selectFrom('agencies')
    .selectAll()
    .where('parent_id', 'is', null)
    .orderBy('full_name')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return first ? rowToAgency(first) : null;
}

export async function countAgencies(db: Q): Promise<number> {
  const r = await db
    .selectFrom('agencies')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function listChildAgencies(db: Q, parentId: string): Promise<Agency[]> {
  const rows = await db
    .selectFrom('agencies')
    .selectAll()
    .where('parent_id', '=', parentId)
    .orderBy('full_name')
    .execute();
  return rows.map(rowToAgency);
}

/** Every agency below `agencyId` (children, their children, …), not the agency itself. */
export async function listDescendantAgencies(db: Q, agencyId: string): Promise<Agency[]> {
  const out: Agency[] = [];
  let frontier = [agencyId];
  const seen = new Set(frontier);
  while (frontier.length > 0) {
    const rows = await db
      .selectFrom('agencies')
      .selectAll()
      .where('parent_id', 'in', frontier)
      .orderBy('full_name')
      .execute();
    frontier = [];
    for (const r of rows) {
      if (seen.has(r.id)) continue; // a cycle in bad data must not loop forever
      seen.add(r.id);
      out.push(rowToAgency(r));
      frontier.push(r.id);
    }
  }
  return out;
}

/** The ids of `agencyId` and everything below it. */
export async function subtreeIds(db: Q, agencyId: string): Promise<Set<string>> {
  const below = await listDescendantAgencies(db, agencyId);
  return new Set([agencyId, ...below.map((a) => a.id)]);
}

/** The chain from the top-level agency down to `agencyId`'s parent. */
export async function listAncestorAgencies(db: Q, agencyId: string): Promise<Agency[]> {
  const out: Agency[] = [];
  const seen = new Set<string>([agencyId]);
  let current = await getAgencyById(db, agencyId);
  while (current?.parentId && !seen.has(current.parentId)) {
    seen.add(current.parentId);
    const parent = await getAgencyById(db, current.parentId);
    if (!parent) break;
    out.unshift(parent);
    current = parent;
  }
  return out;
}

/** Orders agencies depth-first so that each parent is followed by its subtree. */
export function treeOrder(agencies: Agency[]): Agency[] {
  const byParent = new Map<string | null, Agency[]>();
  const ids = new Set(agencies.map((a) => a.id));
  for (const a of agencies) {
    const key = a.parentId && ids.has(a.parentId) ? a.parentId : null;
    byParent.set(key, [...(byParent.get(key) ?? []), a]);
  }
  const out: Agency[] = [];
  const visit = (parent: string | null) => {
    for (const a of byParent.get(parent) ?? []) {
      if (out.includes(a)) continue;
      out.push(a);
      visit(a.id);
    }
  };
  visit(null);
  return out;
}

/** Depth of each agency in the tree (top level = 0), for indenting lists. */
export function depthOf(agencies: Agency[], id: string): number {
  const byId = new Map(agencies.map((a) => [a.id, a]));
  let depth = 0;
  let current = byId.get(id);
  const seen = new Set<string>();
  while (current?.parentId && byId.has(current.parentId) && !seen.has(current.parentId)) {
    seen.add(current.parentId);
    depth++;
    current = byId.get(current.parentId);
  }
  return depth;
}
