// Routes of the working-day calendar: the administrators' console page (import with preview,
// single-day corrections) and the public due-date API.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { createMiddleware } from 'hono/factory';
import { actorOf as commandActor } from '../commands/actor.js';
import { requirePermission } from '../auth/guards.js';
import { isPlatformAdmin, platformAdminLabel } from '../auth/platform-admin.js';
import type { AppEnv, StaffSession } from '../web/env.js';
import type { FieldErrors } from '../web/forms.js';
import { calendarApiRoutes } from './calendar-api.js';
import { readCalendarSource } from './calendar-file.js';
import {
  CalendarHome,
  CalendarPreview,
  CALENDAR_PATH,
  DAY_PATH,
  MAX_UPLOAD_LABEL,
  PREVIEW_PATH,
  SAVE_PATH,
  type DayForm,
  type ImportForm,
} from './calendar-pages.js';
import {
  correctDay,
  DAY_NAME_MAX,
  daysOfYear,
  importedNamesProblem,
  loadedYears,
  manualDatesOfYear,
  manualDaysOverwritten,
  nextYearDue,
  previewCalendarChanges,
  saveCalendar,
  type Actor,
  type DayCorrection,
} from './calendar-service.js';
import { multiLine, optionalSingleLine, textProblem } from '../validation/text-input.js';
import { checkIsoDate } from './dates.js';
import { decodeCalendarBytes, MAX_CALENDAR_BYTES } from './decode-text.js';

// The whole request may carry the file and the pasted text (base64 on confirmation).
const MAX_REQUEST_BYTES = MAX_CALENDAR_BYTES * 3;
const limitBody = bodyLimit({
  maxSize: MAX_REQUEST_BYTES,
  onError: () => {
    throw new HTTPException(413, {
      message: `上传的内容超过 ${MAX_UPLOAD_LABEL}，请确认选择的是节假日安排通知或日历文件。`,
    });
  },
});

function actorOf(c: Context<AppEnv>): Actor {
  return commandActor(c.get('staff') as StaffSession);
}

/** The calendar is national: only the platform administrator changes it (403 for others). */
const requirePlatformAdmin = createMiddleware<AppEnv>(async (c, next) => {
  const db = c.get('deps').db.kysely;
  const staff = c.get('staff') as StaffSession;
  if (!(await isPlatformAdmin(db, staff))) {
    throw new HTTPException(403, {
      message: `工作日历全国统一，只有${await platformAdminLabel(db)}可以修改；您可以查看。`,
    });
  }
  await next();
});

async function renderHome(
  c: Context<AppEnv>,
  options: {
    status?: 200 | 400 | 413;
    message?: string | null;
    importForm?: ImportForm;
    dayForm?: DayForm;
    year?: number;
  } = {},
) {
  const deps = c.get('deps');
  const years = await loadedYears(deps);
  const requested = Number(c.req.query('year'));
  const shownYear =
    options.year ??
    (Number.isInteger(requested) && requested >= 1900 && requested <= 2200
      ? requested
      : deps.clock.now().getUTCFullYear());
  const shownDays = await daysOfYear(deps, shownYear);
  const canChange = await isPlatformAdmin(deps.db.kysely, c.get('staff') as StaffSession);
  return c.html(
    <CalendarHome
      years={years}
      shownYear={shownYear}
      shownDays={shownDays}
      manualDates={await manualDatesOfYear(deps, shownYear)}
      canChange={canChange}
      changedBy={await platformAdminLabel(deps.db.kysely)}
      missingYear={canChange ? await nextYearDue(deps) : null}
      message={options.message ?? null}
      importForm={options.importForm}
      dayForm={options.dayForm}
    />,
    options.status ?? 200,
  );
}

function doneMessage(c: Context<AppEnv>): string | null {
  const saved = c.req.query('saved');
  if (saved && /^\d{4}(,\d{4})*$/.test(saved))
    return `已保存${saved.split(',').join('、')}年的节假日安排，期限计算已按新安排进行。`;
  const corrected = c.req.query('corrected');
  if (corrected && checkIsoDate(corrected).ok) return `已更正 ${corrected} 的安排。`;
  return null;
}

const pastedText = multiLine('通知全文');
// The file's name becomes the source shown beside the loaded year.
const fileNameProblem = (name: string) =>
  textProblem(name, '文件名', 'single', '请重命名文件后重新上传');
const dayName = optionalSingleLine('节日名称', DAY_NAME_MAX);

const toBase64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const fromBase64 = (b64: string) => Buffer.from(b64, 'base64').toString('utf8');

export function calendarRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(CALENDAR_PATH, requirePermission('calendar.manage'));
  app.use(`${CALENDAR_PATH}/*`, requirePermission('calendar.manage'));
  for (const path of [PREVIEW_PATH, SAVE_PATH, DAY_PATH]) app.post(path, requirePlatformAdmin);

  app.get(CALENDAR_PATH, (c) => renderHome(c, { message: doneMessage(c) }));

  app.post(PREVIEW_PATH, limitBody, async (c) => {
    const body = await c.req.parseBody();
    const text = typeof body.text === 'string' ? body.text : '';
    const file = body.file instanceof File && body.file.size > 0 ? body.file : null;
    const fail = (errors: FieldErrors, status: 400 | 413 = 400) =>
      renderHome(c, { status, importForm: { text, errors } });
    if (file && text.trim()) {
      return fail({ file: '请只用一种方式：粘贴通知全文，或上传文件（请清空文本框或不选文件）' });
    }
    if (!file && !text.trim()) return fail({ text: '请粘贴通知全文，或选择要上传的文件' });
    const pasted = pastedText.safeParse(text);
    if (!pasted.success) return fail({ text: pasted.error.issues[0]?.message ?? '通知全文有误' });
    const nameProblem = file ? fileNameProblem(file.name) : null;
    if (nameProblem) return fail({ file: nameProblem });
    if (file && file.size > MAX_CALENDAR_BYTES) {
      return fail(
        {
          file: `文件“${file.name}”超过 ${MAX_UPLOAD_LABEL}，请确认选择的是节假日安排通知或日历文件`,
        },
        413,
      );
    }
    const content = file ? decodeCalendarBytes(new Uint8Array(await file.arrayBuffer())) : text;
    const fileName = file ? file.name : null;
    const result = readCalendarSource(content, fileName ?? undefined);
    if (result.days.length === 0) {
      const why = result.warnings.length > 0 ? result.warnings.join('；') : '没有读到任何日期';
      return fail({ [file ? 'file' : 'text']: `没有读到任何放假或上班日期：${why}` });
    }
    const namesProblem = importedNamesProblem(result.days);
    if (namesProblem) return fail({ [file ? 'file' : 'text']: namesProblem });
    return c.html(
      <CalendarPreview
        format={result.format}
        fileName={fileName}
        years={result.years}
        days={result.days}
        warnings={result.warnings}
        loadedYears={await loadedYears(c.get('deps'))}
        diff={await previewCalendarChanges(c.get('deps'), result)}
        manualOverwritten={await manualDaysOverwritten(c.get('deps'), result)}
        payload={toBase64(content)}
      />,
    );
  });

  app.post(SAVE_PATH, limitBody, async (c) => {
    const body = await c.req.parseBody();
    const payload = typeof body.payload === 'string' ? body.payload : '';
    const fileName = typeof body.fileName === 'string' && body.fileName ? body.fileName : null;
    const nameProblem = fileName ? fileNameProblem(fileName) : null;
    if (nameProblem)
      return renderHome(c, {
        status: 400,
        importForm: { text: '', errors: { file: nameProblem } },
      });
    const content = fromBase64(payload);
    const result = readCalendarSource(content, fileName ?? undefined);
    if (result.days.length === 0) {
      return renderHome(c, {
        status: 400,
        importForm: { text: '', errors: { text: '确认的内容已无法读取，请重新粘贴或上传' } },
      });
    }
    const title = /国务院办公厅关于\s*\d{4}\s*年部分节假日安排的通知/.exec(
      content.normalize('NFKC'),
    )?.[0];
    const source = title ?? (fileName ? `文件 ${fileName}` : '管理员粘贴导入');
    const saved = await saveCalendar(c.get('deps'), actorOf(c), {
      years: result.years,
      days: result.days,
      source,
    });
    if (!saved.ok) {
      return c.html(
        <CalendarPreview
          format={result.format}
          fileName={fileName}
          years={result.years}
          days={result.days}
          warnings={result.warnings}
          loadedYears={await loadedYears(c.get('deps'))}
          diff={await previewCalendarChanges(c.get('deps'), result)}
          manualOverwritten={await manualDaysOverwritten(c.get('deps'), result)}
          payload={payload}
          error={Object.values(saved.errors)[0] ?? ''}
        />,
        400,
      );
    }
    return c.redirect(`${CALENDAR_PATH}?saved=${result.years.join(',')}`, 303);
  });

  app.post(DAY_PATH, async (c) => {
    const body = await c.req.parseBody();
    const form: DayForm = {
      date: typeof body.date === 'string' ? body.date.trim() : '',
      kind: typeof body.kind === 'string' ? body.kind : '',
      name: typeof body.name === 'string' ? body.name : '',
      errors: {},
    };
    const errors: Record<string, string> = {};
    const date = checkIsoDate(form.date);
    if (!form.date) errors.date = '请填写日期，例如 2026-10-10';
    else if (!date.ok) errors.date = date.error;
    if (!['holiday', 'workday', 'normal'].includes(form.kind)) errors.kind = '请选择这一天的安排';
    const name = dayName.safeParse(form.name);
    if (!name.success) errors.name = name.error.issues[0]?.message ?? '节日名称有误';
    if (Object.keys(errors).length > 0 || !date.ok || !name.success) {
      return renderHome(c, { status: 400, dayForm: { ...form, errors } });
    }
    const corrected = await correctDay(c.get('deps'), actorOf(c), {
      date: date.date,
      kind: form.kind as DayCorrection,
      name: name.data,
    });
    if (!corrected.ok)
      return renderHome(c, { status: 400, dayForm: { ...form, errors: corrected.errors } });
    return c.redirect(
      `${CALENDAR_PATH}?corrected=${date.date}&year=${date.date.slice(0, 4)}#days-title`,
      303,
    );
  });

  app.route('/', calendarApiRoutes());
  return app;
}
