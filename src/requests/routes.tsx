// HTTP of request intake: the public pages (how to apply, the form, tracking), the staff
// pages (work list, case, registration, confirmation of receipt) and the JSON API.
import { applicationLimit, RATE_LIMITED_MESSAGE, takeRateSlot } from '../auth/rate-limit.js';
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { getAgencyById, getAgencyBySlug } from '../agencies/agency-repository.js';
import type { Agency } from '../agencies/agency.js';
import { requirePermission } from '../auth/guards.js';
import { authorize } from '../auth/policy.js';
import { actorOf, systemActor } from '../commands/actor.js';
import { checkIsoDate } from '../calendar/dates.js';
import { paginate } from '../db/paginate.js';
import { checkUpload } from '../files/upload-check.js';
import { isoDateCst } from '../portal/dates.js';
import type { AppEnv } from '../web/env.js';
import { formStrings } from '../web/form-input.js';
import type { FieldErrors } from '../web/forms.js';
import { oneOf, parseListQuery } from '../web/list-query.js';
import { redirectWithNotice } from '../web/notice.js';
import { siteInfo } from '../web/site.js';
import { loadWorkingCalendar } from '../calendar/calendar-service.js';
import { requestsApiRoutes } from './api.js';
import { loadCase, renderCase } from './case-view.js';
import { stepDepsOf, stepRoutes } from './steps/step-routes.js';
import { renderTracked, trackRoutes } from './steps/track-routes.js';
import { clockOfCase, dueMarkOf } from './case-clock.js';
import type { DueClass } from './clock.js';
import {
  applicationErrors,
  applicationSchemaFor,
  MAX_ITEMS,
  type Application,
} from './application.js';
import {
  CASE_STATES,
  CHANNELS_RECEIVED_ON_ARRIVAL,
  STAFF_REGISTERED_CHANNELS,
  type ReceiptChannel,
} from './case.js';
import {
  confirmReceipt,
  IDEMPOTENCY_CONFLICT,
  recordPersonalDataViewed,
  submitApplication,
  type SubmitInput,
} from './commands.js';
import {
  errorsToRows,
  formToApplication,
  itemRowsOf,
  readFormValues,
  type FormValues,
} from './form-values.js';
import {
  fileStoreOf,
  NOT_FOUND_MESSAGE,
  PROOF_LIMITS,
  TOO_MANY_MESSAGE,
  trackCase,
} from './intake-service.js';
import { ADD_ITEM_FIELD, PROOF_FIELD } from './pages/application-form.js';
import {
  casePath,
  RegisteredPage,
  RegisterPage,
  REQUESTS_PATH,
  WorkListPage,
} from './pages/console-pages.js';
import {
  ApplyPage,
  RequestsInfoPage,
  SubmittedPage,
  TRACK_PATH,
  TrackPage,
} from './pages/public-pages.js';
import {
  getCase,
  listFiles,
  listEventsOfCases,
  toWorkListRow,
  workListQuery,
} from './repository.js';
import type { WorkListRow } from './request.js';
import { newSubmissionToken } from './tracking.js';

/** The clock's mark of each open, received case of a work-list page (one query for their events). */
async function dueMarks(
  c: Context<AppEnv>,
  rows: readonly WorkListRow[],
): Promise<Map<string, DueClass>> {
  const open = rows.filter((r) => r.state !== 'closed' && r.receivedOn !== null);
  const [calendar, events] = await Promise.all([
    loadWorkingCalendar(c.get('deps')),
    listEventsOfCases(
      c.get('deps').db.kysely,
      open.map((r) => r.id),
    ),
  ]);
  const marks = new Map<string, DueClass>();
  for (const r of open) {
    const mark = dueMarkOf(calendar, clockOfCase(calendar, events.get(r.id) ?? []), today(c), true);
    if (mark) marks.set(r.id, mark);
  }
  return marks;
}

/** Who submits online: never the applicant's name (the audit log is not for personal data). */
const APPLICANT_ACTOR = systemActor('申请人（网上提交）');

const FORM_RESUBMITTED =
  '这份申请表已经提交过，这次的内容与提交时不同。如确需另提交一份申请，请核对内容后再次点击“提交申请”。';

const today = (c: Context<AppEnv>) => isoDateCst(c.get('deps').clock.now());

/** Pages that show a code, or personal data: never kept by a browser or proxy. */
const noStore = (c: Context<AppEnv>) => c.header('Cache-Control', 'no-store');

async function agencyOr404(c: Context<AppEnv>): Promise<Agency> {
  const agency = await getAgencyBySlug(c.get('deps').db.kysely, c.req.param('slug') ?? '');
  if (!agency)
    throw new HTTPException(404, {
      message: '没有找到该机关的政府信息公开专栏，请从部门目录选择机关。',
    });
  return agency;
}

interface PostedApplication {
  values: FormValues;
  token: string;
  rows: number;
  addItem: boolean;
  application: Application | null;
  errors: Record<string, string>;
  proof: { bytes: Uint8Array; filename: string } | null;
}

/** Reads the application form (public or staff): values as typed, the typed application or errors. */
async function readApplicationForm(c: Context<AppEnv>): Promise<PostedApplication> {
  const body = await c.req.parseBody({ all: true });
  const values = readFormValues(body);
  const token = /^[A-Za-z0-9_-]{16,64}$/.test(values.submissionToken ?? '')
    ? (values.submissionToken as string)
    : newSubmissionToken();
  const rows = itemRowsOf(values);
  const { application, rowOf } = formToApplication(values);
  const parsed = applicationSchemaFor(today(c)).safeParse(application);
  const errors = parsed.success ? {} : errorsToRows(applicationErrors(parsed.error), rowOf);
  const raw = body[PROOF_FIELD];
  const file = (Array.isArray(raw) ? raw : [raw]).find(
    (f): f is File => f instanceof File && f.name !== '',
  );
  let proof: PostedApplication['proof'] = null;
  if (file) {
    // The size is known before the bytes are looked at: a file too large is refused unread.
    if (file.size > PROOF_LIMITS.maxBytes) {
      errors[PROOF_FIELD] =
        `文件「${file.name}」超过 ${PROOF_LIMITS.maxBytes / 1024 / 1024} MB 的上限：请压缩或重新拍摄后重新选择。`;
    } else {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const check = checkUpload(bytes, file.name, PROOF_LIMITS);
      if (check.ok) proof = { bytes, filename: file.name };
      else errors[PROOF_FIELD] = check.message;
    }
  }
  return {
    values: { ...values, submissionToken: token },
    token,
    rows,
    addItem: values[ADD_ITEM_FIELD] === '1',
    application: parsed.success ? parsed.data : null,
    errors,
    proof,
  };
}

/**
 * Stores the proof (checked already), submits, and removes the proof again when the
 * submission was a retry or refused: a case has at most the files it was submitted with.
 */
async function submitWithProof(
  c: Context<AppEnv>,
  input: SubmitInput,
  proof: PostedApplication['proof'],
  actor: Parameters<typeof submitApplication>[2],
  createdBy: string | null,
) {
  const deps = c.get('deps');
  const store = fileStoreOf(deps);
  const file = proof
    ? await store.put(proof.bytes, { filename: proof.filename, createdBy, limits: PROOF_LIMITS })
    : null;
  const result = await submitApplication(
    stepDepsOf(c),
    { ...input, proofFileId: file?.id ?? null },
    actor,
  );
  if (file && (!result.ok || result.value.replayed)) await store.delete(file.id);
  return result;
}

export function requestsRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // The portal's siteInfo middleware covers /agencies/*; tracking lives outside it.
  app.use(TRACK_PATH, siteInfo);

  // --- Public -------------------------------------------------------------------------

  app.get('/agencies/:slug/requests', async (c) =>
    c.html(<RequestsInfoPage agency={await agencyOr404(c)} />),
  );

  app.get('/agencies/:slug/requests/apply', async (c) => {
    const agency = await agencyOr404(c);
    return c.html(
      <ApplyPage
        agency={agency}
        values={{}}
        errors={{}}
        itemRows={3}
        submissionToken={newSubmissionToken()}
      />,
    );
  });

  app.post('/agencies/:slug/requests/apply', async (c) => {
    const agency = await agencyOr404(c);
    const form = await readApplicationForm(c);
    const again = (
      errors: FieldErrors,
      rows = form.rows,
      token = form.token,
      status: 200 | 400 | 429 = 400,
    ) =>
      c.html(
        <ApplyPage
          agency={agency}
          values={{ ...form.values, submissionToken: token }}
          errors={errors}
          itemRows={rows}
          submissionToken={token}
        />,
        status,
      );
    if (form.addItem) return again({}, Math.min(form.rows + 1, MAX_ITEMS), form.token, 200);
    if (!form.application || Object.keys(form.errors).length > 0) return again(form.errors);
    if (!(await takeRateSlot(c, applicationLimit(c))))
      return again({ _form: RATE_LIMITED_MESSAGE }, form.rows, form.token, 429);
    const result = await submitWithProof(
      c,
      {
        agencyId: agency.id,
        application: form.application,
        channel: 'online',
        submittedOn: today(c),
        receivedOn: null,
        idempotencyKey: form.token,
      },
      form.proof,
      APPLICANT_ACTOR,
      null,
    );
    if (!result.ok) {
      const resubmitted = result.errors.idempotencyKey === IDEMPOTENCY_CONFLICT;
      return again(
        resubmitted ? { _form: FORM_RESUBMITTED } : result.errors,
        form.rows,
        newSubmissionToken(),
      );
    }
    noStore(c);
    return c.html(
      <SubmittedPage
        agency={agency}
        trackingNumber={result.value.trackingNumber}
        accessCode={result.value.accessCode}
      />,
    );
  });

  app.get(TRACK_PATH, (c) => c.html(<TrackPage values={{}} errors={{}} />));

  app.post(TRACK_PATH, async (c) => {
    const values = formStrings(await c.req.parseBody(), ['trackingNumber', 'accessCode'] as const);
    const shown = { trackingNumber: values.trackingNumber };
    const missing: Record<string, string> = {};
    if (!values.trackingNumber.trim()) missing.trackingNumber = '请填写查询号';
    if (!values.accessCode.trim()) missing.accessCode = '请填写查询码';
    if (Object.keys(missing).length > 0)
      return c.html(<TrackPage values={shown} errors={missing} />, 400);
    const found = await trackCase(c, values.trackingNumber, values.accessCode);
    if (!found.ok) {
      const throttled = found.reason === 'throttled';
      return c.html(
        <TrackPage
          values={shown}
          errors={{ _form: throttled ? TOO_MANY_MESSAGE : NOT_FOUND_MESSAGE }}
        />,
        throttled ? 429 : 404,
      );
    }
    return renderTracked(c, found.case, values);
  });

  // --- Console ------------------------------------------------------------------------

  app.use(REQUESTS_PATH, requirePermission('request.handle'));
  app.use(`${REQUESTS_PATH}/*`, requirePermission('request.handle'));

  const STATE_FILTER = [...CASE_STATES, 'all'] as const;
  const LIST = {
    filters: { state: oneOf('办理状态', STATE_FILTER) },
    sorts: ['due', 'submitted'] as const,
    defaultSort: 'due' as const,
    defaultDirection: 'asc' as const,
    pageSize: 50,
  };

  app.get(REQUESTS_PATH, async (c) => {
    const db = c.get('deps').db.kysely;
    const staff = await authorize(c, 'request.handle');
    await authorize(c, 'request.handle', { agencyId: staff.currentAgencyId, mode: 'write' });
    const agency = (await getAgencyById(db, staff.currentAgencyId)) as Agency;
    const list = parseListQuery(REQUESTS_PATH, c.req.query(), LIST);
    const chosen = list.filters.state;
    const state = chosen && chosen !== 'all' ? chosen : undefined;
    const query = workListQuery(
      db,
      agency.id,
      { state, open: chosen !== 'all' },
      list.sort,
      list.direction,
    );
    const page = await paginate(db, query, list);
    const rows = page.rows.map(toWorkListRow);
    const marks = await dueMarks(c, rows);
    return c.html(
      <WorkListPage
        agency={agency}
        page={{ ...page, rows }}
        marks={marks}
        state={state}
        showClosed={chosen === 'all'}
        hrefFor={list.hrefFor}
        sort={list.sort}
        direction={list.direction}
        problems={list.problems}
      />,
    );
  });

  app.get(`${REQUESTS_PATH}/new`, async (c) => {
    await authorize(c, 'request.handle');
    return c.html(
      <RegisterPage
        values={{ arrivedOn: today(c) }}
        errors={{}}
        itemRows={3}
        submissionToken={newSubmissionToken()}
      />,
    );
  });

  app.post(REQUESTS_PATH, async (c) => {
    const staff = await authorize(c, 'request.handle');
    await authorize(c, 'request.handle', { agencyId: staff.currentAgencyId, mode: 'write' });
    const form = await readApplicationForm(c);
    const again = (
      errors: FieldErrors,
      rows = form.rows,
      token = form.token,
      status: 200 | 400 = 400,
    ) =>
      c.html(
        <RegisterPage
          values={form.values}
          errors={errors}
          itemRows={rows}
          submissionToken={token}
        />,
        status,
      );
    if (form.addItem) return again({}, Math.min(form.rows + 1, MAX_ITEMS), form.token, 200);
    const dates = registrationDates(form.values, today(c));
    const errors = { ...form.errors, ...dates.errors };
    if (!form.application || !dates.ok || Object.keys(errors).length > 0) return again(errors);
    const result = await submitWithProof(
      c,
      {
        agencyId: staff.currentAgencyId,
        application: form.application,
        channel: dates.channel,
        submittedOn: dates.arrivedOn,
        receivedOn: dates.receivedOn,
        idempotencyKey: form.token,
      },
      form.proof,
      actorOf(staff),
      staff.accountId,
    );
    if (!result.ok) {
      const resubmitted = result.errors.idempotencyKey === IDEMPOTENCY_CONFLICT;
      return again(
        resubmitted ? { _form: FORM_RESUBMITTED.replace('提交申请', '登记申请') } : result.errors,
        form.rows,
        newSubmissionToken(),
      );
    }
    noStore(c);
    return c.html(
      <RegisteredPage
        id={result.value.requestId}
        trackingNumber={result.value.trackingNumber}
        accessCode={result.value.accessCode}
      />,
    );
  });

  app.get(`${REQUESTS_PATH}/:id`, async (c) => renderCase(c, (await loadCase(c)).resource));

  // A POST, not a link: opening the personal data is an action, audited, never in a URL.
  app.post(`${REQUESTS_PATH}/:id/personal-data`, async (c) => {
    const { staff, resource } = await loadCase(c);
    await recordPersonalDataViewed(c.get('deps'), resource, 'applicant', actorOf(staff));
    return renderCase(c, resource, { revealed: true });
  });

  app.post(`${REQUESTS_PATH}/:id/confirm-receipt`, async (c) => {
    const { staff, resource } = await loadCase(c);
    const form = formStrings(await c.req.parseBody(), ['receivedOn', 'version'] as const);
    const result = await confirmReceipt(
      stepDepsOf(c),
      { requestId: resource.id, receivedOn: form.receivedOn.trim(), version: Number(form.version) },
      actorOf(staff),
    );
    if (!result.ok)
      return renderCase(c, (await getCase(c.get('deps').db.kysely, resource.id)) ?? resource, {
        errors: result.errors,
        confirmValue: form.receivedOn,
        status: 400,
      });
    return redirectWithNotice(c, casePath(resource.id), 'confirmed');
  });

  app.post(`${REQUESTS_PATH}/:id/files/:fileId`, async (c) => {
    const { staff, resource } = await loadCase(c);
    const files = await listFiles(c.get('deps').db.kysely, resource.id);
    const file = files.find((f) => f.fileId === c.req.param('fileId'));
    if (!file) throw new HTTPException(404, { message: '该文件不存在。' });
    const stored = await fileStoreOf(c.get('deps')).get(file.fileId);
    if (!stored) throw new HTTPException(404, { message: '该文件不存在。' });
    await recordPersonalDataViewed(c.get('deps'), resource, 'identity_proof', actorOf(staff));
    noStore(c);
    const ext =
      { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' }[
        stored.file.contentType
      ] ?? 'bin';
    // The download name is the tracking number, not the uploader's (it may hold their name).
    return c.body(stored.bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': stored.file.contentType,
      'Content-Disposition': `attachment; filename="${resource.trackingNumber}-identity.${ext}"`,
      'X-Content-Type-Options': 'nosniff',
    });
  });

  app.route('/', stepRoutes());
  app.route('/', trackRoutes());
  app.route('/', requestsApiRoutes());
  return app;
}

type Dates =
  | {
      ok: true;
      channel: ReceiptChannel;
      arrivedOn: string;
      receivedOn: string | null;
      errors: Record<string, never>;
    }
  | { ok: false; errors: Record<string, string> };

/** The staff form's channel and dates, by the rules of 第31条. */
export function registrationDates(values: FormValues, todayIso: string): Dates {
  const errors: Record<string, string> = {};
  const channel = values.channel ?? '';
  if (!(STAFF_REGISTERED_CHANNELS as readonly string[]).includes(channel))
    errors.channel = '请选择申请渠道';
  const date = (key: string, label: string, required: boolean): string | null => {
    const raw = (values[key] ?? '').trim();
    if (raw === '') {
      if (required) errors[key] = `请填写${label}`;
      return null;
    }
    const checked = checkIsoDate(raw, label);
    if (!checked.ok) {
      errors[key] = checked.error;
      return null;
    }
    if (raw > todayIso) errors[key] = `${label}不能晚于今天`;
    return raw;
  };
  const arrivedOn = date('arrivedOn', '提交、签收或送达之日', true);
  const onArrival = CHANNELS_RECEIVED_ON_ARRIVAL.includes(channel as ReceiptChannel);
  const confirmedOn = onArrival ? null : date('confirmedOn', '与申请人确认之日', false);
  if (arrivedOn && confirmedOn && confirmedOn < arrivedOn)
    errors.confirmedOn = '与申请人确认之日不能早于送达之日';
  if (Object.keys(errors).length > 0 || !arrivedOn) return { ok: false, errors };
  return {
    ok: true,
    channel: channel as ReceiptChannel,
    arrivedOn,
    receivedOn: onArrival ? arrivedOn : confirmedOn,
    errors: {},
  };
}
