// The open demo cases moved on through the REAL step command (steps/step-commands.ts), so
// their states, clock events, audit events and letters are exactly what staff would have
// produced: one awaiting correction (with its 补正告知书), one consulting a third party
// (with both letters), one extended by the office head (延期答复告知书), one with a reply
// drafted and awaiting the head. Needs the file store (letters are files); without one the
// demo keeps its cases at the states they were written with.
import { addDays } from '../calendar/dates.js';
import { systemActor } from '../commands/actor.js';
import type { ServiceDeps } from '../commands/command.js';
import type { FileStore } from '../files/file-store.js';
import { isoDateCst } from '../portal/dates.js';
import type { ActorFacts, CaseActionType } from './case.js';
import { getCase } from './repository.js';
import { takeStep } from './steps/step-commands.js';
import type { StepValues } from './steps/step-forms.js';

const ACTOR = systemActor('演示数据');
/** The demo acts as a handler who is also the office head (request.handle and request.approve). */
const WHO: ActorFacts = { permissions: ['console.view', 'request.handle', 'request.approve'] };

interface DemoStep {
  type: CaseActionType;
  /** Days before today the step happened (undated steps are today's). */
  back?: number;
  values?: StepValues;
}

/** Which demo case (by serial of its tracking number) takes which steps. */
export function demoStages(today: string): Record<number, DemoStep[]> {
  return {
    3: [
      {
        type: 'request_correction',
        back: 4,
        values: {
          deadline: addDays(today, 10),
          items: '请写明所申请规划文件的名称、文号或者形成时间等特征性描述',
        },
      },
    ],
    6: [
      { type: 'start_handling' },
      {
        type: 'send_consultation',
        back: 5,
        values: {
          party: 'third_party',
          partyName: '青岛演示置业有限公司',
          extract: '旧村改造项目拆迁补偿协议中贵公司的补偿金额及支付安排',
        },
      },
    ],
    7: [
      { type: 'start_handling' },
      {
        type: 'request_extension',
        back: 2,
        values: { reason: '所申请信息涉及多个部门，需要调取档案核实' },
      },
      { type: 'approve_extension', back: 1 },
    ],
    8: [
      { type: 'start_handling' },
      {
        type: 'draft_reply',
        values: {
          outcome: 'unavailable.not_held',
          reasons: '经检索，本机关未制作或者获取您所申请公开的政府信息。',
          reconsiderationBody: '青岛市黄岛区人民政府',
          court: '青岛市黄岛区人民法院',
        },
      },
    ],
  };
}

export async function advanceDemoCases(
  deps: ServiceDeps & { files: FileStore },
  ids: ReadonlyMap<number, string>,
): Promise<void> {
  const today = isoDateCst(deps.clock.now());
  for (const [serial, steps] of Object.entries(demoStages(today))) {
    const id = ids.get(Number(serial));
    if (!id) continue;
    for (const s of steps) {
      const c = await getCase(deps.db.kysely, id);
      const result = await takeStep(
        { ...deps, emailEnabled: false },
        {
          requestId: id,
          version: c!.version,
          type: s.type,
          values: { date: addDays(today, -(s.back ?? 0)), ...s.values },
          who: WHO,
        },
        ACTOR,
      );
      if (!result.ok)
        throw new Error(`demo case ${serial} ${s.type}: ${JSON.stringify(result.errors)}`);
    }
  }
}
