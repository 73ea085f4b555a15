// The staff case page, assembled: the case, its items, events, files, the masked (or, on
// the audited POST, revealed) applicant, the clock, the steps the signed-in staff member may
// take now, the reply draft and the letters issued. Used by every console route that ends
// on the case page (view, refused step, refused confirmation).
import { casesOfRequest } from '../review-cases/repository.js';
import type { Context } from 'hono';
import { authorizeOn, hasPermission, PERMISSIONS, type Permission } from '../auth/policy.js';
import { loadWorkingCalendar } from '../calendar/calendar-service.js';
import { getDraft } from '../guide/guide-repository.js';
import { lettersOf } from '../letters/issue.js';
import { isoDateCst } from '../portal/dates.js';
import type { AppEnv, StaffSession } from '../web/env.js';
import { CaseRecords, purgedOnOf, retentionYearsOf } from '../privacy/case-records.js';
import type { FieldErrors } from '../web/forms.js';
import { readNotice } from '../web/notice.js';
import { availableActions, TRANSITIONS, type ActorFacts, type CaseActionType } from './case.js';
import { clockOfCase, dueMarkOf } from './case-clock.js';
import { CasePage } from './pages/console-pages.js';
import { getApplicant, getCase, listEvents, listFiles, listItems } from './repository.js';
import type { RequestCase } from './request.js';
import type { StepValues } from './steps/step-forms.js';
import { coreCaseOf, currentDraft, extensionReason, noticedFee } from './steps/stored-core.js';

export const CASE_NOTICES = {
  confirmed: { '1': '已确认收到申请，答复期限已开始计算，受理回执已出具。' },
  // Which step was taken: 「要求补正」已办理。
  step: Object.fromEntries(
    (Object.keys(TRANSITIONS) as CaseActionType[]).map((t) => [
      t,
      `「${TRANSITIONS[t].label}」已办理。`,
    ]),
  ),
};

/** The staff member's permissions, as the core's transition() takes them. */
export function actorFactsOf(staff: StaffSession): ActorFacts {
  return {
    permissions: (Object.keys(PERMISSIONS) as Permission[]).filter((p) => hasPermission(staff, p)),
  };
}

/** The case of the path, when the staff member handles its agency's requests (403/404). */
export const loadCase = async (c: Context<AppEnv>, permission: Permission = 'request.handle') =>
  authorizeOn(c, permission, await getCase(c.get('deps').db.kysely, c.req.param('id') ?? ''), {
    agencyOf: (r: RequestCase) => r.agencyId,
    mode: 'write',
    notFound: '该申请不存在。',
  });

export interface CaseViewOptions {
  revealed?: boolean;
  errors?: FieldErrors;
  confirmValue?: string;
  failed?: { step: CaseActionType; values: StepValues; errors: FieldErrors };
  status?: 200 | 400 | 409;
}

export async function renderCase(
  c: Context<AppEnv>,
  rc: RequestCase,
  options: CaseViewOptions = {},
) {
  const deps = c.get('deps');
  const db = deps.db.kysely;
  const staff = c.get('staff') as StaffSession;
  const today = isoDateCst(deps.clock.now());
  const [items, events, files, applicant, letters, guide, calendar, purgedOn] = await Promise.all([
    listItems(db, rc.id),
    listEvents(db, rc.id),
    listFiles(db, rc.id),
    getApplicant(db, rc.id),
    lettersOf(db, { type: 'request', id: rc.id }),
    getDraft(db, rc.agencyId),
    loadWorkingCalendar(deps),
    purgedOnOf(db, rc.id),
  ]);
  if (!applicant) throw new Error(`request ${rc.id} has no applicant row`);
  const reviewCases = await casesOfRequest(db, rc.id);
  const clock = clockOfCase(calendar, events);
  const mark = dueMarkOf(calendar, clock, today, rc.state !== 'closed');
  const core = coreCaseOf(rc, events);
  const errors = options.failed ? { ...options.failed.errors } : (options.errors ?? {});
  c.header('Cache-Control', 'no-store');
  return c.html(
    <CasePage
      c={rc}
      records={<CaseRecords c={rc} purgedOn={purgedOn} years={retentionYearsOf(deps.config)} />}
      items={items}
      events={events}
      files={files}
      applicant={applicant}
      revealed={options.revealed ?? false}
      mark={mark}
      today={today}
      notice={readNotice(c, CASE_NOTICES)}
      errors={errors}
      confirmValue={options.confirmValue ?? today}
      reviewCases={reviewCases}
      steps={{
        c: rc,
        available: availableActions(core, actorFactsOf(staff)),
        clock,
        draft: currentDraft(events),
        extensionReason: extensionReason(events),
        extensionPending: core.extensionRequested,
        feeFen: noticedFee(events),
        correctionDeadline: core.correctionDeadline,
        letters,
        today,
        failed: options.failed ?? null,
        replyDefaults: {
          reconsiderationBody: guide.reconsiderationBody ?? '',
          court: '',
        },
      }}
    />,
    options.status ?? 200,
  );
}
