// SQL for the guide: the draft, the disclosure office's columns on `agencies`, and the
// published versions. Rows become guide types here and nowhere else.
import type { Kysely } from 'kysely';
import type { DisclosureOffice } from '../agencies/agency.js';
import type { Database, GuideDraftRow } from '../db/schema.js';
import type { UniqueKey } from '../db/unique-violation.js';
import { EMPTY_DRAFT, type GuideContent, type GuideDraft, type GuideVersion } from './guide.js';

type Q = Kysely<Database>;

/** Two publications racing for the same number: the constraint decides (see migration 0011). */
export const GUIDE_VERSION_KEYS = [
  {
    table: 'guide_versions',
    column: 'version',
    constraint: 'guide_versions_agency_version_key',
    field: '_form',
  },
] as const satisfies readonly UniqueKey<string>[];

function rowToDraft(r: GuideDraftRow): GuideDraft {
  return {
    postcode: r.postcode,
    onlineFormUrl: r.online_form_url,
    competentOffice: r.competent_office,
    reconsiderationBody: r.reconsideration_body,
    arrangementNote: r.arrangement_note,
    otherNote: r.other_note,
  };
}

/** The agency's draft; an agency that never saved one has the empty draft. */
export async function getDraft(db: Q, agencyId: string): Promise<GuideDraft> {
  const r = await db
    .selectFrom('guide_drafts')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  return r ? rowToDraft(r) : { ...EMPTY_DRAFT };
}

export async function saveDraft(
  db: Q,
  agencyId: string,
  d: GuideDraft,
  now: string,
): Promise<void> {
  const columns = {
    postcode: d.postcode,
    online_form_url: d.onlineFormUrl,
    competent_office: d.competentOffice,
    reconsideration_body: d.reconsiderationBody,
    arrangement_note: d.arrangementNote,
    other_note: d.otherNote,
    updated_at: now,
  };
  await db
    .insertInto('guide_drafts')
    .values({ agency_id: agencyId, ...columns })
    .onConflict((oc) => oc.column('agency_id').doUpdateSet(columns))
    .execute();
}

/** The disclosure office is part of the agency (the agency form shows the same columns). */
export async function saveOffice(
  db: Q,
  agencyId: string,
  o: DisclosureOffice,
  now: string,
): Promise<void> {
  await db
    .updateTable('agencies')
    .set({
      office_name: o.name,
      office_address: o.address,
      office_hours: o.hours,
      office_phone: o.phone,
      office_fax: o.fax,
      office_email: o.email,
      office_website: o.website,
      updated_at: now,
    })
    .where('id', '=', agencyId)
    .execute();
}

export interface VersionSummary {
  version: number;
  publishedAt: string;
}

/** The published versions, newest first. */
export async function listVersions(db: Q, agencyId: string): Promise<VersionSummary[]> {
  const rows = await db
    .selectFrom('guide_versions')
    .select(['version', 'published_at'])
    .where('agency_id', '=', agencyId)
    .orderBy('version', 'desc')
    .execute();
  return rows.map((r) => ({ version: r.version, publishedAt: r.published_at }));
}

/** Version `version`, or the latest when it is absent; null when there is none. */
export async function getVersion(
  db: Q,
  agencyId: string,
  version?: number,
): Promise<GuideVersion | null> {
  let q = db.selectFrom('guide_versions').selectAll().where('agency_id', '=', agencyId);
  q =
    version === undefined
      ? q.orderBy('version', 'desc').limit(1)
      : q.where('version', '=', version);
  const r = await q.executeTakeFirst();
  if (!r) return null;
  return {
    version: r.version,
    publishedAt: r.published_at,
    content: JSON.parse(r.content_json) as GuideContent,
  };
}

export async function insertVersion(
  db: Q,
  row: {
    id: string;
    agencyId: string;
    version: number;
    publishedAt: string;
    content: GuideContent;
  },
): Promise<void> {
  await db
    .insertInto('guide_versions')
    .values({
      id: row.id,
      agency_id: row.agencyId,
      version: row.version,
      published_at: row.publishedAt,
      content_json: JSON.stringify(row.content),
    })
    .execute();
}
