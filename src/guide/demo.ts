// The demo guide of 灵山卫街道办事处: the draft filled from what the 2021 annual report gives
// (综合办公室, 灵岩路77号, 0532-83185761 are on the agency; the report names the district's
// 政务公开科 as the office that supervises it). The report gives no e-mail address; the
// internet contact (第十二条) is this platform's own application form, which the guide
// offers when no other address is set — so the demo guide is complete without inventing an
// e-mail address.
import type { Agency } from '../agencies/agency.js';
import type { CommandContext } from '../commands/command.js';
import { EMPTY_DRAFT, type GuideDraft } from './guide.js';
import { getDraft, saveDraft } from './guide-repository.js';

export const DEMO_GUIDE_DRAFT: GuideDraft = {
  ...EMPTY_DRAFT,
  competentOffice: '青岛市黄岛区人民政府办公室（区政务公开科）',
  reconsiderationBody: '青岛市黄岛区人民政府',
};

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
