// The demo review cases of 灵山卫街道办事处, as its 2021 annual report gives them: two
// reconsiderations (行政复议), one upheld (维持), one corrected (纠正), no lawsuits. The report
// gives neither case numbers nor dates nor the requests they were about: those below are
// DEMO VALUES, chosen to be plausible — each within the 60 days after the answer to a demo
// 2021 request (src/requests/demo.ts), decided by the district government.
import { randomUUID } from 'node:crypto';
import { systemActor } from '../commands/actor.js';
import { runCommand, type ServiceDeps } from '../commands/command.js';
import { ok } from '../commands/result.js';
import { DEMO_PARENT } from '../demo/demo-data.js';
import { auditedCase, SUBJECT } from './commands.js';
import { findRequest, getCase } from './repository.js';
import type { DecidedResult, ReviewKind } from './review-case.js';

interface DemoCase {
  kind: ReviewKind;
  trackingNumber: string;
  caseNumber: string;
  receivedOn: string;
  result: DecidedResult;
  decidedOn: string;
  decisionNote: string;
}

export const DEMO_REVIEW_CASES: readonly DemoCase[] = [
  {
    kind: 'reconsideration',
    // 部分公开 of the land-requisition compensation plan: the district ordered a new answer.
    trackingNumber: 'GK-DEM0-2021-01',
    caseNumber: '青黄政复字〔2021〕第12号（演示）',
    receivedOn: '2021-03-10',
    result: 'corrected',
    decidedOn: '2021-05-08',
    decisionNote: '责令被申请人在法定期限内重新作出答复',
  },
  {
    kind: 'reconsideration',
    // 本机关不掌握相关政府信息 for the village renovation plan: upheld.
    trackingNumber: 'GK-DEM0-2021-03',
    caseNumber: '青黄政复字〔2021〕第27号（演示）',
    receivedOn: '2021-06-07',
    result: 'upheld',
    decidedOn: '2021-07-30',
    decisionNote: '经审查，被申请人已尽合理检索义务，维持其答复',
  },
];

/** Creates the demo cases, or resets them to these values (matched by body and case number). */
export async function seedReviewCasesDemo(deps: ServiceDeps, agencyId: string): Promise<void> {
  await runCommand(deps, systemActor('演示数据'), async (ctx) => {
    const now = ctx.now.toISOString();
    for (const d of DEMO_REVIEW_CASES) {
      const request = await findRequest(ctx.trx, agencyId, d.trackingNumber);
      const values = {
        agency_id: agencyId,
        request_id: request?.id ?? null,
        kind: d.kind,
        body: DEMO_PARENT.fullName,
        case_number: d.caseNumber,
        received_on: d.receivedOn,
        result: d.result,
        decided_on: d.decidedOn,
        decision_note: d.decisionNote,
        notes: null,
        updated_at: now,
      };
      const existing = await ctx.trx
        .selectFrom('review_cases')
        .select('id')
        .where('agency_id', '=', agencyId)
        .where('body', '=', values.body)
        .where('case_number', '=', d.caseNumber)
        .executeTakeFirst();
      const id = existing?.id ?? randomUUID();
      const before = existing ? await getCase(ctx.trx, id) : null;
      if (existing)
        await ctx.trx
          .updateTable('review_cases')
          .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
          .where('id', '=', id)
          .execute();
      else
        await ctx.trx
          .insertInto('review_cases')
          .values({ id, created_at: now, ...values })
          .execute();
      ctx.record({
        agencyId,
        subjectType: SUBJECT,
        subjectId: id,
        action: existing ? 'demo.review_case.refresh' : 'demo.review_case.create',
        before: before ? auditedCase(before) : undefined,
        after: auditedCase((await getCase(ctx.trx, id))!),
      });
    }
    return ok(null);
  });
}
