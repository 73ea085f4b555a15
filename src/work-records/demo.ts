// The demo records of 灵山卫街道办事处, as its 2021 annual report gives them: three open days
// with their themes, attended by deputies, CPPCC members and residents' representatives;
// two deputies' suggestions and one CPPCC proposal, all assisting (协办) and closed; and the
// 政务公开体验区 of three communities. The report gives no dates and no titles of the
// suggestions: those below are DEMO VALUES. Its training meeting is not recorded here,
// because the report gives neither its date nor how many took part.
import { randomUUID } from 'node:crypto';
import type { Agency } from '../agencies/agency.js';
import type { CommandContext } from '../commands/command.js';
import { auditedRecord, SUBJECT } from './commands.js';
import { getRecord, inputToColumns } from './repository.js';
import type { RecordInput, WorkRecord, WorkRecordKind } from './work-record.js';

type DemoRecord = { kind: WorkRecordKind } & RecordInput;

const OPEN_DAY_GUESTS = '人大代表、政协委员和群众代表';
const none = { detail: null, reference: null, role: null, closed: null, participants: null };
const handled = { role: 'assisting' as const, closed: true, participants: null };

export const DEMO_WORK_RECORDS: readonly DemoRecord[] = [
  {
    kind: 'open_day',
    ...none,
    occurredOn: '2021-04-22',
    title: '创卫齐参与 成果同受益',
    detail: OPEN_DAY_GUESTS,
  },
  {
    kind: 'open_day',
    ...none,
    occurredOn: '2021-07-15',
    title: '创城创卫 成果共享',
    detail: OPEN_DAY_GUESTS,
  },
  {
    kind: 'open_day',
    ...none,
    occurredOn: '2021-10-28',
    title: '影视文化和社区建设',
    detail: OPEN_DAY_GUESTS,
  },
  {
    kind: 'deputy_suggestion',
    ...handled,
    occurredOn: '2021-03-18',
    reference: '第0215号（演示）',
    title: '关于加快老旧小区改造的建议（演示）',
    detail: '协助主办单位提供街道老旧小区底数和改造计划，已办结',
  },
  {
    kind: 'deputy_suggestion',
    ...handled,
    occurredOn: '2021-03-18',
    reference: '第0238号（演示）',
    title: '关于完善社区养老服务设施的建议（演示）',
    detail: '协助主办单位提供社区养老服务站建设情况，已办结',
  },
  {
    kind: 'cppcc_proposal',
    ...handled,
    occurredOn: '2021-03-25',
    reference: '第0107号（演示）',
    title: '关于推进滨海岸线环境整治的提案（演示）',
    detail: '协助主办单位提供辖区岸线整治情况，已办结',
  },
  ...(
    [
      ['星光岛社区', '2021-06-30'],
      ['东岳路社区', '2021-09-30'],
      ['星海滩路社区', '2021-11-30'],
    ] as const
  ).map(([place, date]): DemoRecord => ({
    kind: 'community',
    ...none,
    occurredOn: date,
    title: `${place}政务公开体验区`,
    detail: '打造政务公开体验区，推进政务公开向社区延伸，执行社区政务公开标准规范化目录',
  })),
];

/** Creates the demo records, or resets them to these values (matched by kind and title). */
export async function seedWorkRecordsDemo(ctx: CommandContext, agency: Agency): Promise<void> {
  const now = ctx.now.toISOString();
  for (const { kind, ...input } of DEMO_WORK_RECORDS) {
    const existing = await ctx.trx
      .selectFrom('work_records')
      .select('id')
      .where('agency_id', '=', agency.id)
      .where('kind', '=', kind)
      .where('title', '=', input.title)
      .executeTakeFirst();
    const id = existing?.id ?? randomUUID();
    const before = existing ? await getRecord(ctx.trx, id) : null;
    const values = { ...inputToColumns(input), updated_at: now };
    if (existing)
      await ctx.trx.updateTable('work_records').set(values).where('id', '=', id).execute();
    else
      await ctx.trx
        .insertInto('work_records')
        .values({ id, agency_id: agency.id, kind, created_at: now, ...values })
        .execute();
    ctx.record({
      agencyId: agency.id,
      subjectType: SUBJECT,
      subjectId: id,
      action: existing ? 'demo.work_record.refresh' : 'demo.work_record.create',
      before: before ? auditedRecord(before) : undefined,
      after: auditedRecord((await getRecord(ctx.trx, id)) as WorkRecord),
    });
  }
}
