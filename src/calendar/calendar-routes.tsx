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
import { readForm } from '../web/form-input.js';
import { noticeUrl, readNotice, redirectWithNotice, type NoticeRegistry } from '../web/notice.js';
import {
  DAY_FORM,
  dayFormSchema,
  IMPORT_FORM,
  importFormSchema,
  SAVE_FORM,
  saveFormSchema,
} from './calendar-forms.js';
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
  daysOfYear,
  importedNamesProblem,
  loadedYears,
  manualDatesOfYear,
  manualDaysOverwritten,
  nextYearDue,
  previewCalendarChanges,
  saveCalendar,
  type Actor,
} from './calendar-service.js';
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

/** What the page says after a save or a correction redirected to it. */
const NOTICES: NoticeRegistry = {
  saved: {
    pattern: /\d{4}(,\d{4})*/,
    message: (years) =>
      `已保存${years.split(',').join('、')}年的节假日安排，期限计算已按新安排进行。`,
  },
  corrected: {
    pattern: /\d{4}-\d{2}-\d{2}/,
    message: (date) => (checkIsoDate(date).ok ? `已更正 ${date} 的安排。` : ''),
  },
};

const toBase64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const fromBase64 = (b64: string) => Buffer.from(b64, 'base64').toString('utf8');

export function calendarRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(CALENDAR_PATH, requirePermission('calendar.manage'));
  app.use(`${CALENDAR_PATH}/*`, requirePermission('calendar.manage'));
  for (const path of [PREVIEW_PATH, SAVE_PATH, DAY_PATH]) app.post(path, requirePlatformAdmin);

  app.get(CALENDAR_PATH, (c) => renderHome(c, { message: readNotice(c, NOTICES) || null }));

  app.post(PREVIEW_PATH, limitBody, async (c) => {
    const form = await readForm(c, importFormSchema, IMPORT_FORM);
    const fail = (errors: FieldErrors, status: 400 | 413 = 400) =>
      renderHome(c, { status, importForm: { text: form.values.text, errors } });
    if (!form.ok) return fail(form.errors);
    const { text, file } = form.data;
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
    const form = await readForm(c, saveFormSchema, SAVE_FORM);
    if (!form.ok)
      return renderHome(c, { status: 400, importForm: { text: '', errors: form.errors } });
    const { payload, fileName } = form.data;
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
    return redirectWithNotice(c, CALENDAR_PATH, 'saved', result.years.join(','));
  });

  app.post(DAY_PATH, async (c) => {
    const form = await readForm(c, dayFormSchema, DAY_FORM);
    if (!form.ok)
      return renderHome(c, { status: 400, dayForm: { ...form.values, errors: form.errors } });
    const { date, kind, name } = form.data;
    const corrected = await correctDay(c.get('deps'), actorOf(c), { date, kind, name });
    if (!corrected.ok)
      return renderHome(c, {
        status: 400,
        dayForm: { ...form.values, errors: corrected.errors },
      });
    // The year shown is the corrected day's, and the page opens at its table.
    const shown = `${noticeUrl(CALENDAR_PATH, 'corrected', date)}&year=${date.slice(0, 4)}`;
    return c.redirect(`${shown}#days-title`, 303);
  });

  app.route('/', calendarApiRoutes());
  return app;
}
