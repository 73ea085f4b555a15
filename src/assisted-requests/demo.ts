// The demo's assisted requests for 灵山卫街道: the seed report's 2021 「协查区政务公开科办理依申请
// 公开件2件」 — two requests the district handled (through its 政务公开科) with the street
// office's help. The report gives no dates, subjects or numbers: those below are DEMO
// VALUES, chosen to be plausible for a 街道 (land acquisition and city management, as its
// own requests that year).
import { randomUUID } from 'node:crypto';
import type { Agency } from '../agencies/agency.js';
import type { CommandContext } from '../commands/command.js';
import { auditView } from './assisted.js';
import { rowToAssisted } from './assisted-repository.js';

const DEMO_ASSISTED = [
  {
    receivedOn: '2021-04-06',
    subject: '灵山卫街道某村集体土地征收补偿款发放情况（演示）',
    theirReference: '黄政公开协〔2021〕演示1号',
    answeredOn: '2021-04-13',
  },
  {
    receivedOn: '2021-09-02',
    subject: '灵山卫街道某路段占道经营整治的执法记录（演示）',
    theirReference: '黄政公开协〔2021〕演示2号',
    answeredOn: '2021-09-09',
  },
];

const NOTE =
  '区人民政府收到的政府信息公开申请，由区政府办公室政务公开科转来协查，已按时回复查找结果。';

/** Writes the demo records once: an agency that has assisted requests is left alone. */
export async function seedAssistedDemo(
  ctx: CommandContext,
  agency: Agency,
  requesting: Agency,
): Promise<void> {
  const existing = await ctx.trx
    .selectFrom('assisted_requests')
    .select('id')
    .where('agency_id', '=', agency.id)
    .limit(1)
    .execute();
  if (existing.length > 0) return;
  const now = ctx.now.toISOString();
  for (const d of DEMO_ASSISTED) {
    const row = {
      id: randomUUID(),
      agency_id: agency.id,
      requesting_agency_id: requesting.id,
      requesting_agency_name: requesting.fullName,
      received_on: d.receivedOn,
      subject: d.subject,
      their_reference: d.theirReference,
      answered_on: d.answeredOn,
      note: NOTE,
      created_at: now,
      updated_at: now,
    };
    await ctx.trx.insertInto('assisted_requests').values(row).execute();
    ctx.record({
      agencyId: agency.id,
      subjectType: 'assisted_request',
      subjectId: row.id,
      action: 'demo.assisted_request.create',
      after: auditView(rowToAssisted(row)),
    });
  }
}
