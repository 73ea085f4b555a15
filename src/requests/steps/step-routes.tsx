// HTTP of a case's steps in the console: one POST per step (the office head's steps need
// request.approve, checked by the policy before the core checks it again), and the letters
// of the case as issued, for staff who handle it. Tracking (the applicant's side) is in
// track-routes.tsx.
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { actorOf } from '../../commands/actor.js';
import { letterFile, LetterContentError } from '../../letters/issue.js';
import { mailSettingsOf } from '../../letters/email-job.js';
import type { AppEnv } from '../../web/env.js';
import { formStrings } from '../../web/form-input.js';
import { redirectWithNotice } from '../../web/notice.js';
import { TRANSITIONS, type CaseActionType } from '../case.js';
import { actorFactsOf, loadCase, renderCase } from '../case-view.js';
import { recordPersonalDataViewed, STALE_CASE } from '../commands.js';
import { fileStoreOf } from '../intake-service.js';
import { casePath, REQUESTS_PATH } from '../pages/console-pages.js';
import { getCase } from '../repository.js';
import type { RequestCase } from '../request.js';
import { STEP_FIELDS } from './step-forms.js';
import { takeStep, type StepDeps } from './step-commands.js';

/** The steps taken on the case page (receipt has its own route, the applicant's is tracking). */
export function isConsoleStep(step: string): step is CaseActionType {
  return Object.hasOwn(TRANSITIONS, step) && step !== 'confirm_receipt';
}

export function stepDepsOf(c: Context<AppEnv>): StepDeps {
  const deps = c.get('deps');
  return {
    db: deps.db,
    clock: deps.clock,
    files: fileStoreOf(deps),
    emailEnabled: mailSettingsOf(deps.config) !== null,
  };
}

/** A letter as issued: inline HTML to print, or the .docx to download. */
export function letterResponse(
  c: Context<AppEnv>,
  file: { bytes: Uint8Array; contentType: string; filename: string },
  format: 'html' | 'docx',
) {
  c.header('Cache-Control', 'no-store');
  const disposition = format === 'html' ? 'inline' : 'attachment';
  return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
    'Content-Type': file.contentType,
    'Content-Disposition': `${disposition}; filename="letter.${format}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    'X-Content-Type-Options': 'nosniff',
  });
}

/** The letter `letterId` of case `rc` in `format`, or 404 (a letter of another case is none). */
export async function caseLetter(
  c: Context<AppEnv>,
  rc: RequestCase,
  letterId: string,
  format: 'html' | 'docx',
  accept: (kind: string) => boolean = () => true,
) {
  const deps = c.get('deps');
  try {
    const file = await letterFile(deps.db.kysely, fileStoreOf(deps), letterId, format);
    const row = file?.letter;
    if (!file || row?.subjectType !== 'request' || row.subjectId !== rc.id) return null;
    const kind = await deps.db.kysely
      .selectFrom('issued_letters')
      .select('kind')
      .where('id', '=', letterId)
      .executeTakeFirstOrThrow();
    return accept(kind.kind) ? file : null;
  } catch (e) {
    if (e instanceof LetterContentError) throw new HTTPException(500, { message: e.message });
    throw e;
  }
}

export function stepRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post(`${REQUESTS_PATH}/:id/steps/:step`, async (c) => {
    const step = c.req.param('step');
    if (!isConsoleStep(step)) {
      await loadCase(c);
      throw new HTTPException(404, { message: '没有这一办理事项。' });
    }
    // The head's steps: the policy refuses a handler before anything is read or written.
    const permission = TRANSITIONS[step].who === 'head' ? 'request.approve' : 'request.handle';
    const { staff, resource } = await loadCase(c, permission);
    const form = formStrings(await c.req.parseBody(), [...STEP_FIELDS, 'version'] as const);
    const { version, ...values } = form;
    const result = await takeStep(
      stepDepsOf(c),
      {
        requestId: resource.id,
        version: Number(version),
        type: step,
        values,
        who: actorFactsOf(staff),
      },
      actorOf(staff),
    );
    if (result.ok) return redirectWithNotice(c, casePath(resource.id), 'step', step);
    const now = (await getCase(c.get('deps').db.kysely, resource.id)) ?? resource;
    const stale = result.errors._form === STALE_CASE;
    return renderCase(c, now, {
      // A stale page's values belong to a form that may no longer be offered.
      ...(stale ? { errors: result.errors } : { failed: { step, values, errors: result.errors } }),
      status: stale ? 409 : 400,
    });
  });

  app.get(`${REQUESTS_PATH}/:id/letters/:file`, async (c) => {
    const { staff, resource } = await loadCase(c);
    const m = /^([0-9a-f-]{36})\.(html|docx)$/.exec(c.req.param('file'));
    const format = m?.[2] as 'html' | 'docx' | undefined;
    const file = m && format ? await caseLetter(c, resource, m[1]!, format) : null;
    if (!file || !format) throw new HTTPException(404, { message: '该文书不存在。' });
    // The letter names the applicant and their address: opening it is recorded like the data.
    const view = { letterId: m![1]!, format };
    await recordPersonalDataViewed(c.get('deps'), resource, view, actorOf(staff));
    return letterResponse(c, file, format);
  });

  return app;
}
