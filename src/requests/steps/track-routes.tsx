// The applicant's side of a case after applying: the tracking result with the letters
// addressed to them, each letter downloaded by a POST that carries the tracking number and
// access code again (a letter's address alone opens nothing), and the correction answered
// on the tracking page (text and an optional file, checked by content before it is stored).
// Every request is checked by trackCase: the same throttle and the same answer for a wrong
// code as for an unknown number.
import { Hono, type Context } from 'hono';
import { getAgencyById } from '../../agencies/agency-repository.js';
import { systemActor } from '../../commands/actor.js';
import { checkUpload } from '../../files/upload-check.js';
import { lettersOf } from '../../letters/issue.js';
import { LETTER_KIND_INFO, isLetterKind } from '../../letters/kinds.js';
import { isoDateCst } from '../../portal/dates.js';
import type { AppEnv } from '../../web/env.js';
import { formStrings } from '../../web/form-input.js';
import type { FieldErrors } from '../../web/forms.js';
import { siteInfo } from '../../web/site.js';
import { STALE_CASE } from '../commands.js';
import {
  fileStoreOf,
  NOT_FOUND_MESSAGE,
  PROOF_LIMITS,
  TOO_MANY_MESSAGE,
  trackCase,
} from '../intake-service.js';
import { TRACK_PATH, TrackPage } from '../pages/public-pages.js';
import {
  CORRECTION_FILE_FIELD,
  TRACK_CORRECTION_PATH,
  TRACK_LETTER_PATH,
  TrackResultPage,
} from '../pages/track-result.js';
import { listEvents } from '../repository.js';
import type { RequestCase } from '../request.js';
import { takeStep } from './step-commands.js';
import { caseLetter, letterResponse, stepDepsOf } from './step-routes.js';
import { coreCaseOf } from './stored-core.js';

const APPLICANT = systemActor('申请人（查询页面）');

/** Letters for the applicant: all but those to a third party consulted. */
export const forApplicant = (kind: string) =>
  isLetterKind(kind) && LETTER_KIND_INFO[kind].addressedTo === 'applicant';

export interface TrackedView {
  notice?: string;
  errors?: FieldErrors;
  note?: string;
  status?: 200 | 400 | 409;
}

/** The tracking result of a case the applicant has opened with its number and code. */
export async function renderTracked(
  c: Context<AppEnv>,
  rc: RequestCase,
  credentials: { trackingNumber: string; accessCode: string },
  view: TrackedView = {},
) {
  const db = c.get('deps').db.kysely;
  const [agency, letters, events] = await Promise.all([
    getAgencyById(db, rc.agencyId),
    lettersOf(db, { type: 'request', id: rc.id }),
    listEvents(db, rc.id),
  ]);
  c.header('Cache-Control', 'no-store');
  return c.html(
    <TrackResultPage
      agencyName={agency?.fullName ?? ''}
      c={rc}
      letters={letters.filter((l) => forApplicant(l.kind))}
      trackingNumber={credentials.trackingNumber}
      accessCode={credentials.accessCode}
      correctionDeadline={coreCaseOf(rc, events).correctionDeadline}
      notice={view.notice ?? null}
      errors={view.errors ?? {}}
      note={view.note}
    />,
    view.status ?? 200,
  );
}

/** The case of the posted number and code, or the tracking form's answer (404 / 429). */
async function tracked(c: Context<AppEnv>, values: { trackingNumber: string; accessCode: string }) {
  const found = await trackCase(c, values.trackingNumber, values.accessCode);
  if (found.ok) return { ok: true as const, case: found.case };
  const throttled = found.reason === 'throttled';
  return {
    ok: false as const,
    response: c.html(
      <TrackPage
        values={{ trackingNumber: values.trackingNumber }}
        errors={{ _form: throttled ? TOO_MANY_MESSAGE : NOT_FOUND_MESSAGE }}
      />,
      throttled ? 429 : 404,
    ),
  };
}

export function trackRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(`${TRACK_PATH}/*`, siteInfo);

  app.post(TRACK_LETTER_PATH, async (c) => {
    const v = formStrings(await c.req.parseBody(), [
      'trackingNumber',
      'accessCode',
      'letterId',
      'format',
    ] as const);
    const found = await tracked(c, v);
    if (!found.ok) return found.response;
    const format = v.format === 'docx' ? 'docx' : 'html';
    const file = await caseLetter(c, found.case, v.letterId, format, forApplicant);
    if (!file)
      return renderTracked(c, found.case, v, {
        errors: { _form: '没有找到该文书，请从下方列表中选择。' },
        status: 400,
      });
    return letterResponse(c, file, format);
  });

  app.post(TRACK_CORRECTION_PATH, async (c) => {
    const body = await c.req.parseBody();
    const v = formStrings(body, ['trackingNumber', 'accessCode', 'note', 'version'] as const);
    const found = await tracked(c, v);
    if (!found.ok) return found.response;
    const again = (errors: FieldErrors, status: 400 | 409 = 400) =>
      renderTracked(c, found.case, v, { errors, note: v.note, status });
    const raw = body[CORRECTION_FILE_FIELD];
    const upload = raw instanceof File && raw.name !== '' ? raw : null;
    let bytes: Uint8Array | null = null;
    if (upload) {
      // The size is known before the bytes are read: a file too large is refused unread.
      if (upload.size > PROOF_LIMITS.maxBytes)
        return again({
          [CORRECTION_FILE_FIELD]: `文件「${upload.name}」超过 ${PROOF_LIMITS.maxBytes / 1024 / 1024} MB 的上限，请压缩后重新选择。`,
        });
      bytes = new Uint8Array(await upload.arrayBuffer());
      const check = checkUpload(bytes, upload.name, PROOF_LIMITS);
      if (!check.ok) return again({ [CORRECTION_FILE_FIELD]: check.message });
    }
    const deps = stepDepsOf(c);
    const store = fileStoreOf(c.get('deps'));
    const stored =
      upload && bytes
        ? await store.put(bytes, { filename: upload.name, createdBy: null, limits: PROOF_LIMITS })
        : null;
    const result = await takeStep(
      deps,
      {
        requestId: found.case.id,
        version: Number(v.version),
        type: 'record_correction',
        values: { date: isoDateCst(c.get('deps').clock.now()), note: v.note },
        who: { permissions: [], applicant: true },
        fileId: stored?.id ?? null,
      },
      APPLICANT,
    );
    if (!result.ok) {
      // A refused correction keeps no file.
      if (stored) await store.delete(stored.id);
      const stale = result.errors._form === STALE_CASE;
      return again(result.errors, stale ? 409 : 400);
    }
    return renderTracked(c, result.value.case, v, {
      notice: '补正已提交。本机关将自收到补正之日起重新计算答复期限。',
    });
  });

  return app;
}
