// The demo guide of 灵山卫街道办事处: the draft filled from what the 2021 annual report gives
// (综合办公室, 灵岩路77号, 0532-83185761 are on the agency; the report names the district's
// 政务公开科 as the office that supervises it). The report gives no e-mail address; the
// internet contact (第十二条) is this platform's own application form, which the guide
// offers when no other address is set — so the demo guide is complete without inventing an
// e-mail address.
// Two dated versions are published, so the history shows one replaced by the other: an
// earlier one of 2020 that named no 行政复议机关, and the current one of October 2021, after
// the report's new-media clean-up and its 社区及村级政务公开标准规范化目录. Both go through
// the guide's own commands (save the draft, publish), with their audit events.
import type { Agency } from '../agencies/agency.js';
import { systemActor } from '../commands/actor.js';
import type { CommandContext, ServiceDeps } from '../commands/command.js';
import { EMPTY_DRAFT, type GuideDraft, type GuideInput } from './guide.js';
import { getDraft, listVersions, saveDraft } from './guide-repository.js';
import { publishGuide, saveGuideDraft } from './guide-service.js';

const ACTOR = systemActor('演示数据');

export const DEMO_GUIDE_DRAFT: GuideDraft = {
  ...EMPTY_DRAFT,
  competentOffice: '青岛市黄岛区人民政府办公室（区政务公开科）',
  reconsiderationBody: '青岛市黄岛区人民政府',
  arrangementNote:
    '社区及村级的政务公开事项，按街道下发的社区及村级政务公开标准规范化目录在各社区公开。',
};

/** The guide's versions of the demo, oldest first: the draft each published, and when. */
export const DEMO_GUIDE_VERSIONS: readonly { publishedAt: string; draft: GuideDraft }[] = [
  {
    publishedAt: '2020-03-16T02:00:00.000Z',
    draft: { ...EMPTY_DRAFT, competentOffice: DEMO_GUIDE_DRAFT.competentOffice },
  },
  { publishedAt: '2021-10-15T02:00:00.000Z', draft: DEMO_GUIDE_DRAFT },
];

/** Resets the draft to the current demo guide inside the demo command. */
export async function seedGuideDemo(ctx: CommandContext, agency: Agency): Promise<void> {
  const before = await getDraft(ctx.trx, agency.id);
  await saveDraft(ctx.trx, agency.id, DEMO_GUIDE_DRAFT, ctx.now.toISOString());
  ctx.record({
    agencyId: agency.id,
    subjectType: 'guide',
    subjectId: agency.id,
    action: 'demo.guide.refresh',
    before: { draft: before },
    after: { draft: DEMO_GUIDE_DRAFT },
  });
}

/** The guide form's input: the agency's office as registered, and a demo draft. */
const inputOf = (agency: Agency, draft: GuideDraft): GuideInput => ({
  officeName: agency.office.name,
  officeAddress: agency.office.address,
  officeHours: agency.office.hours,
  officePhone: agency.office.phone,
  officeFax: agency.office.fax,
  officeEmail: agency.office.email,
  officeWebsite: agency.office.website,
  ...draft,
});

/**
 * Publishes the demo's versions once, while the agency has none; a published version is a
 * public record and is never reset (a later run leaves the history as it is). A version
 * dated after `now` is not published, and the draft ends as the current demo guide.
 */
export async function seedGuideVersionsDemo(deps: ServiceDeps, agency: Agency): Promise<void> {
  if ((await listVersions(deps.db.kysely, agency.id)).length > 0) return;
  const now = deps.clock.now().toISOString();
  const due = DEMO_GUIDE_VERSIONS.filter((v) => v.publishedAt <= now);
  for (const version of due) {
    const saved = await saveGuideDraft(deps, agency.id, inputOf(agency, version.draft), ACTOR);
    if (!saved.ok) throw new Error(`演示指南草稿未能保存：${JSON.stringify(saved.errors)}`);
    const published = await publishGuide(deps, agency.id, ACTOR, version.publishedAt);
    if (!published.ok) throw new Error(`演示指南未能发布：${JSON.stringify(published.errors)}`);
  }
  if (due.at(-1)?.draft !== DEMO_GUIDE_DRAFT)
    await saveGuideDraft(deps, agency.id, inputOf(agency, DEMO_GUIDE_DRAFT), ACTOR);
}
