// Published items made the way the console makes them (draft → 保密审查 → 发布, each by the
// demo's staff of that role), for database tests that need an agency with something
// published: the re-check schedule, above all.
import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import { getAgencyById } from '../../src/agencies/agency-repository.js';
import { PERMISSIONS, type Permission } from '../../src/auth/policy.js';
import type { Role } from '../../src/auth/roles.js';
import type { ServiceDeps } from '../../src/commands/command.js';
import type { Database } from '../../src/db/schema.js';
import type { DemoResult } from '../../src/demo/seed-demo.js';
import {
  createDraft,
  publish,
  recordReview,
  submitForReview,
  type Staff,
} from '../../src/publications/commands.js';

/** A demo account as the commands see it, holding what its roles hold. */
export function demoStaff(demo: DemoResult, username: string, roles: Role[]): Staff {
  return {
    actor: { id: demo.accounts[username] ?? null, label: username },
    holds: (p: Permission) => roles.some((r) => (PERMISSIONS[p] as readonly string[]).includes(r)),
  };
}

/** Publishes one item of the agency `agencyId`; returns the item's id. */
export async function publishOneItem(
  deps: ServiceDeps,
  demo: DemoResult,
  agencyId: string,
): Promise<string> {
  const agency = await getAgencyById(deps.db.kysely, agencyId);
  assert.ok(agency, `no agency ${agencyId}`);
  const handler = demoStaff(demo, 'lsw-handler', ['handler']);
  const draft = await createDraft(deps, handler, agency, {
    title: '关于某街道城市管理工作的通告',
    summary: '城市管理。',
    body: '<p>正文</p>',
    issuer: agency.fullName,
    documentNumber: '某街发〔2023〕1号',
    writtenOn: '2023-01-05',
    formedOn: '2023-01-05',
    changedOn: null,
    subject: '城乡建设、环境保护',
    genre: '通告',
    keywords: ['城市管理'],
    category: 'a20-6',
  });
  assert.ok(draft.ok, JSON.stringify(draft));
  const id = draft.value.id;
  assert.ok((await submitForReview(deps, handler, id)).ok);
  const reviewer = demoStaff(demo, 'lsw-reviewer', ['reviewer']);
  assert.ok((await recordReview(deps, reviewer, id, 'approve', '无涉密内容')).ok);
  assert.ok((await publish(deps, demoStaff(demo, 'lsw-publisher', ['publisher']), id)).ok);
  return id;
}

/**
 * The agency's newest published item with a page of its own: the one on the catalogue's first
 * page whatever else the demo holds (its generated 2021 items included).
 */
export function newestPublishedItem(db: Kysely<Database>, slug: string) {
  return db
    .selectFrom('publications')
    .innerJoin('agencies', 'agencies.id', 'publications.agency_id')
    .select(['publications.id', 'publications.url_key', 'publications.title'])
    .where('agencies.slug', '=', slug)
    .where('publications.state', '=', 'published')
    .where('publications.url_key', 'is not', null)
    .orderBy('publications.published_on', 'desc')
    .orderBy('publications.index_number', 'desc')
    .executeTakeFirstOrThrow();
}
