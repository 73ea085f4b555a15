// Use cases for the guide: save the draft (the office's contacts and the guide's own
// fields), and publish it as a new, dated version — refused while a required fact is
// missing. Each is one command, its audit event in the same transaction.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { getAgencyById } from '../agencies/agency-repository.js';
import type { Agency } from '../agencies/agency.js';
import type { Actor } from '../commands/actor.js';
import { runCommand, type ServiceDeps } from '../commands/command.js';
import { fail, ok, type Result } from '../commands/result.js';
import type { Database } from '../db/schema.js';
import { listActiveAccounts } from '../new-media/new-media-repository.js';
import { platformName } from '../new-media/new-media.js';
import {
  inputToDraft,
  inputToOffice,
  missingFacts,
  type GuideContent,
  type GuideInput,
  type GuideMediaAccount,
  type GuideVersion,
  type MissingFact,
} from './guide.js';
import {
  getDraft,
  getVersion,
  GUIDE_VERSION_KEYS,
  insertVersion,
  saveDraft,
  saveOffice,
} from './guide-repository.js';

/** The operating accounts as the public pages list them (第二十三条's 互联网政务媒体). */
export async function publicAccounts(
  db: Kysely<Database>,
  agencyId: string,
): Promise<GuideMediaAccount[]> {
  const accounts = await listActiveAccounts(db, agencyId);
  return accounts.map((a) => ({ platform: platformName(a), name: a.name }));
}

/** The guide as the agency's registered data says it now (the draft, unpublished). */
export async function currentContent(db: Kysely<Database>, agency: Agency): Promise<GuideContent> {
  const [draft, parent, accounts] = await Promise.all([
    getDraft(db, agency.id),
    agency.parentId ? getAgencyById(db, agency.parentId) : Promise.resolve(null),
    publicAccounts(db, agency.id),
  ]);
  return {
    agencyName: agency.fullName,
    agencyCode: agency.code,
    slug: agency.slug,
    parentName: parent?.fullName ?? null,
    office: agency.office,
    draft,
    newMedia: accounts,
  };
}

export function saveGuideDraft(
  deps: ServiceDeps,
  agencyId: string,
  input: GuideInput,
  actor: Actor,
): Promise<Result<GuideContent>> {
  return runCommand(deps, actor, async (ctx) => {
    const agency = await getAgencyById(ctx.trx, agencyId);
    if (!agency) return fail({ _form: '该机关不存在' });
    const before = await currentContent(ctx.trx, agency);
    const now = ctx.now.toISOString();
    await saveOffice(ctx.trx, agencyId, inputToOffice(input), now);
    await saveDraft(ctx.trx, agencyId, inputToDraft(input), now);
    const after = await currentContent(ctx.trx, (await getAgencyById(ctx.trx, agencyId))!);
    ctx.record({
      agencyId,
      subjectType: 'guide',
      subjectId: agencyId,
      action: 'guide.draft.save',
      before: { office: before.office, draft: before.draft },
      after: { office: after.office, draft: after.draft },
    });
    return ok(after);
  });
}

export function publishGuide(
  deps: ServiceDeps,
  agencyId: string,
  actor: Actor,
  /** The moment the version says it was published, when that was elsewhere (the demo's). */
  publishedAt?: string,
): Promise<Result<GuideVersion>> {
  return runCommand(
    deps,
    actor,
    async (ctx) => {
      const agency = await getAgencyById(ctx.trx, agencyId);
      if (!agency) return fail({ _form: '该机关不存在' });
      const content = await currentContent(ctx.trx, agency);
      const missing = missingFacts(content);
      if (missing.length > 0)
        return fail({
          _form: `指南还缺少以下内容，不能发布：${missing.map((m) => m.what).join('；')}。`,
        });
      const latest = await getVersion(ctx.trx, agencyId);
      const version: GuideVersion = {
        version: (latest?.version ?? 0) + 1,
        publishedAt: publishedAt ?? ctx.now.toISOString(),
        content,
      };
      await insertVersion(ctx.trx, { id: randomUUID(), agencyId, ...version });
      ctx.record({
        agencyId,
        subjectType: 'guide',
        subjectId: agencyId,
        action: 'guide.publish',
        after: { version: version.version, publishedAt: version.publishedAt },
      });
      return ok(version);
    },
    {
      unique: {
        keys: GUIDE_VERSION_KEYS,
        taken: { _form: '刚刚有人发布了新版本的指南，请刷新页面查看后再发布。' },
      },
    },
  );
}

/** What the public guide page shows: the version asked for (the latest by default). */
export interface PortalGuide {
  content: GuideContent;
  version: GuideVersion | null;
  currentVersion: number | null;
  missing: MissingFact[];
  newMedia: GuideContent['newMedia'];
}

/** The guide of `agency` for the portal; null when `versionNumber` names no version. */
export async function portalGuide(
  db: Kysely<Database>,
  agency: Agency,
  versionNumber?: number,
): Promise<PortalGuide | null> {
  const latest = await getVersion(db, agency.id);
  if (versionNumber !== undefined) {
    const old =
      versionNumber === latest?.version ? latest : await getVersion(db, agency.id, versionNumber);
    if (!old) return null;
    return {
      content: old.content,
      version: old,
      currentVersion: latest?.version ?? null,
      missing: missingFacts(old.content),
      newMedia: old.content.newMedia,
    };
  }
  if (latest)
    return {
      content: latest.content,
      version: latest,
      currentVersion: latest.version,
      missing: missingFacts(latest.content),
      // The accounts operating now, not those of the day the guide was published.
      newMedia: await publicAccounts(db, agency.id),
    };
  const live = await currentContent(db, agency);
  return {
    content: live,
    version: null,
    currentVersion: null,
    missing: missingFacts(live),
    newMedia: live.newMedia,
  };
}
