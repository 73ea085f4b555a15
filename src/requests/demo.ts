// Demo cases for 灵山卫街道: the seed report's 2021 requests (9 received — 8 from natural
// persons, 1 from a commercial enterprise — on land acquisition planning and city
// management, all closed in 2021: 1 partly disclosed, 8 answered 本机关不掌握相关政府信息),
// and open cases of the current year at several states, one of them overdue.
// The people are FICTITIOUS: names with 演示, numbers that pass the checks but belong to no
// one (phones 138-0000-xxxx). Every demo case has the access code DEMO_ACCESS_CODE.
import { randomUUID } from 'node:crypto';
import { listCalendarDays, listLoadedYears } from '../calendar/calendar-repository.js';
import { addDays } from '../calendar/dates.js';
import { createCalendar } from '../calendar/working-days.js';
import { systemActor } from '../commands/actor.js';
import { runCommand, type ServiceDeps } from '../commands/command.js';
import { ok } from '../commands/result.js';
import { isoDateCst } from '../portal/dates.js';
import type { Application } from './application.js';
import type { CaseState, ReceiptChannel } from './case.js';
import { clockOfCase, storedDueOf } from './case-clock.js';
import { appendEvent, insertCase } from './repository.js';
import { hashAccessCode } from './tracking.js';
import { advanceDemoCases } from './demo-stages.js';
import type { FileStore } from '../files/file-store.js';

export const DEMO_ACCESS_CODE = 'DEM0-0000-0000';

const ACTOR = systemActor('演示数据');

const IDS = [
  '370211198001011239',
  '370211199003150026',
  '370211197511200035',
  '370211200002290049',
  '370211196606060050',
  '370211198808080067',
  '370211199212120077',
  '37021119850505008X',
  '370211197007070091',
  '370211199509300108',
  '370211198211110112',
  '370211197802140124',
];
const NAMES = [
  '张演示',
  '王演示',
  '李演示',
  '赵演示',
  '刘演示',
  '陈演示',
  '杨演示',
  '黄演示',
  '周演示',
  '吴演示',
  '徐演示',
  '孙演示',
];
const TOPICS = [
  '灵山卫街道某村征地范围及补偿安置方案',
  '灵山卫街道2020年度城市管理执法工作方案',
  '灵山卫街道某社区旧村改造规划图',
  '灵岩路沿街商铺违建拆除的决定文书',
  '灵山卫街道2021年土地征收公告',
  '某小区周边道路占道经营整治方案',
  '灵山卫街道某村集体土地征收批复',
  '灵山卫街道环卫作业市场化招标文件',
  '灵山卫街道某片区控制性详细规划',
];

function person(i: number): Application['applicant'] {
  return {
    category: 'natural_person',
    name: NAMES[i % NAMES.length] as string,
    idType: 'resident_id_card',
    idNumber: IDS[i % IDS.length] as string,
    creditCode: null,
    legalRepresentative: null,
    contactName: null,
    phone: `138000000${String(i + 1).padStart(2, '0')}`,
    address: `青岛市西海岸新区演示路${i + 1}号`,
    email: null,
  };
}

const ENTERPRISE: Application['applicant'] = {
  category: 'commercial_enterprise',
  name: '青岛演示置业有限公司',
  idType: null,
  idNumber: null,
  creditCode: '91370211MA00000013',
  legalRepresentative: '钱演示',
  contactName: '郑演示',
  phone: '0532-80000001',
  address: '青岛市西海岸新区演示路100号',
  email: null,
};

const application = (applicant: Application['applicant'], topic: string): Application => ({
  applicant,
  items: [{ title: topic, documentNumber: null, description: `申请公开${topic}。` }],
  delivery: { form: 'paper', method: 'post', acceptOther: true },
});

interface DemoCase {
  number: string;
  app: Application;
  channel: ReceiptChannel;
  state: CaseState;
  submittedOn: string;
  receivedOn: string | null;
  closedOn?: string;
  outcome?: string;
  /** Clock events after receipt. */
  events?: { type: string; date: string }[];
}

/** The 2021 cases: received through the year, each answered before its due date. */
function cases2021(): DemoCase[] {
  const received = [
    '01-12',
    '03-08',
    '04-15',
    '05-20',
    '06-17',
    '08-09',
    '09-14',
    '10-25',
    '11-16',
  ];
  return received.map((md, i) => ({
    number: `GK-DEM0-2021-${String(i + 1).padStart(2, '0')}`,
    app: application(i === 8 ? ENTERPRISE : person(i), TOPICS[i] as string),
    channel: i % 3 === 0 ? 'registered_post' : 'in_person',
    state: 'closed',
    submittedOn: `2021-${md}`,
    receivedOn: `2021-${md}`,
    closedOn: addDays(`2021-${md}`, 14),
    // The report: 1 partly disclosed, 8 not held (本机关不掌握相关政府信息).
    outcome: i === 0 ? 'partially_disclosed' : 'unavailable.not_held',
  }));
}

/**
 * Open cases of the current year, dated back from today. `staged`: the later stages are
 * reached through the real steps afterwards (demo-stages.ts), so those cases start registered.
 */
function openCases(today: string, staged: boolean): DemoCase[] {
  const year = today.slice(0, 4);
  // Serials from 51, so they never meet the 2021 cases' when the demo runs with a 2021 clock.
  const n = (i: number) => `GK-DEM0-${year}-${String(50 + i)}`;
  const back = (days: number) => addDays(today, -days);
  return [
    {
      number: n(1),
      app: application(person(9), '灵山卫街道2025年城市更新项目清单'),
      channel: 'online',
      state: 'submitted',
      submittedOn: back(1),
      receivedOn: null,
    },
    {
      number: n(2),
      app: application(person(10), '某村征地听证会记录'),
      channel: 'in_person',
      state: 'registered',
      submittedOn: back(3),
      receivedOn: back(3),
    },
    {
      number: n(3),
      app: application(person(11), '街道办事处关于那个规划的文件'),
      channel: 'ordinary_letter',
      state: staged ? 'registered' : 'correction_requested',
      submittedOn: back(6),
      receivedOn: back(6),
      events: staged ? [] : [{ type: 'correction_requested', date: back(4) }],
    },
    {
      number: n(4),
      app: application(person(3), '灵山卫街道垃圾分类督导方案'),
      channel: 'registered_post',
      state: 'in_progress',
      submittedOn: back(10),
      receivedOn: back(10),
    },
    // Received long enough ago that its 20 working days have passed: overdue.
    {
      number: n(5),
      app: application(person(5), '某路段市政道路拓宽征收公告'),
      channel: 'in_person',
      state: 'in_progress',
      submittedOn: back(45),
      receivedOn: back(45),
    },
    ...(staged
      ? (
          [
            [6, person(0), '灵山卫街道某社区旧村改造拆迁补偿协议', 8],
            [7, person(1), '灵山卫街道2019年至2025年历年征地补偿款发放明细', 12],
            [8, person(2), '灵山卫街道某村2010年土地调整会议记录', 9],
          ] as const
        ).map(([i, who, topic, days]): DemoCase => ({
          number: n(i),
          app: application(who, topic),
          channel: 'in_person',
          state: 'registered',
          submittedOn: back(days),
          receivedOn: back(days),
        }))
      : []),
  ];
}

/**
 * Writes the demo cases of `agencyId`, once: an agency that has cases is left alone. With
 * the file store, the open cases are then moved on through the real steps, with letters.
 */
export async function seedDemoRequests(
  deps: ServiceDeps & { files?: FileStore },
  agencyId: string,
): Promise<void> {
  const staged = deps.files !== undefined;
  const ids = new Map<number, string>();
  const created = await runCommand(deps, ACTOR, async (ctx) => {
    const existing = await ctx.trx
      .selectFrom('requests')
      .select('id')
      .where('agency_id', '=', agencyId)
      .limit(1)
      .execute();
    if (existing.length > 0) return ok(false);
    const [days, years] = await Promise.all([listCalendarDays(ctx.trx), listLoadedYears(ctx.trx)]);
    const calendar = createCalendar({ days, loadedYears: years.map((y) => y.year) });
    const now = ctx.now.toISOString();
    for (const d of [...cases2021(), ...openCases(isoDateCst(ctx.now), staged)]) {
      const id = randomUUID();
      // Open cases are numbered from 51: their serial in demo-stages.ts is the rest.
      const serial = Number(d.number.slice(-2));
      if (serial > 50) ids.set(serial - 50, id);
      const events = d.receivedOn
        ? [{ type: 'received', date: d.receivedOn }, ...(d.events ?? [])]
        : [];
      const due = storedDueOf(
        clockOfCase(
          calendar,
          events.map((e) => ({ type: e.type, onDate: e.date })),
        ),
      );
      await insertCase(
        ctx.trx,
        {
          id,
          agencyId,
          trackingNumber: d.number,
          accessCodeHash: hashAccessCode(DEMO_ACCESS_CODE),
          state: d.state,
          channel: d.channel,
          submittedOn: d.submittedOn,
          receivedOn: d.receivedOn,
          dueOn: due.dueOn,
          dueProvisional: due.provisional,
          closure: d.outcome ? 'replied' : null,
          outcome: d.outcome ?? null,
          closedOn: d.closedOn ?? null,
          now,
        },
        d.app,
      );
      for (const e of events)
        await appendEvent(ctx.trx, {
          requestId: id,
          type: e.type,
          onDate: e.date,
          at: now,
          actorId: null,
        });
      ctx.record({
        agencyId,
        subjectType: 'request',
        subjectId: id,
        action: 'demo.request.create',
        after: {
          trackingNumber: d.number,
          state: d.state,
          channel: d.channel,
          receivedOn: d.receivedOn,
          outcome: d.outcome ?? null,
        },
      });
    }
    return ok(true);
  });
  if (created.ok && created.value && deps.files)
    await advanceDemoCases({ ...deps, files: deps.files }, ids);
}
