// Console pages of the annual report. Drafting and editing need 'report.edit' (承办人,
// 负责人), approving and publishing 'report.approve' (负责人), always on the agency the
// console works on (or, for a report, the report's own agency) with write access.
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getAgencyById } from '../agencies/agency-repository.js';
import { requirePermission } from '../auth/guards.js';
import {
  authorize,
  authorizeOn,
  canWriteAgency,
  hasPermission,
  type Permission,
} from '../auth/policy.js';
import { actorOf } from '../commands/actor.js';
import type { AppEnv } from '../web/env.js';
import type { Platform } from '../web/feature.js';
import type { FieldErrors } from '../web/forms.js';
import { readNotice, redirectWithNotice } from '../web/notice.js';
import {
  getReport,
  getTownshipDeadline,
  listLatestPerYear,
  listVersions,
} from './annual-report-repository.js';
import {
  approveReport,
  composeDraft,
  publishReport,
  recomputeTables,
  saveDraft,
  setTownshipSchedule,
  startCorrection,
} from './annual-report-service.js';
import type { StoredReport } from './annual-report.js';
import { deadlineOf } from './agency-deadline.js';
import { ASSETS } from './assets.js';
import { dueDate } from './deadline.js';
import { readEdit } from './edit-form.js';
import { importReportFile } from './import-service.js';
import {
  IMPORT_ERRORS,
  IMPORT_FIELD,
  IMPORT_MAX_BYTES,
  readImportUpload,
} from './import-upload.js';
import { EditorPage } from './pages/editor-page.js';
import { FindingsList } from './pages/findings-list.js';
import { ListPage } from './pages/list-page.js';
import { SchedulePage } from './pages/schedule-page.js';
import { ConfirmRenderPage } from './pages/confirm-page.js';
import { reportPath, REPORTS_PATH, SCHEDULE_PATH } from './paths.js';
import { reportView } from './report-view.js';
import { applyEdit } from './annual-report-service.js';
import { checkReport } from '../reports/checks/index.js';
import type { CellChange } from './tables.js';
import { downloadName, sendRendered } from './download.js';
import { SEED_COMPARE_PATH } from './seed-compare.js';

const NOTICES = {
  saved: { '1': '已保存。检查结果已更新。' },
  imported: {
    '1': '已从文件导入。请核对导入的数字（标记“待核对”的单元格须逐一确认），保存后检查结果随之更新。',
  },
  approved: { '1': '已审核通过，可以发布。' },
  published: { '1': '已发布到本机关政府信息公开专栏的年度报告栏目。' },
  corrected: { '1': '已形成新版本草稿；原版本仍在公开页面可查阅，新版本发布后替换显示。' },
  schedule: { '1': '已保存所辖乡镇（街道）的公布时间。' },
};

const NOT_FOUND = '该年度报告不存在。';

async function currentAgency(c: Context<AppEnv>, mode: 'read' | 'write' = 'write') {
  const permission = mode === 'read' ? 'report.read' : 'report.edit';
  const staff = await authorize(c, permission);
  await authorize(c, permission, { agencyId: staff.currentAgencyId, mode });
  const agency = await getAgencyById(c.get('deps').db.kysely, staff.currentAgencyId);
  if (!agency) throw new Error('the current agency of a session no longer exists');
  return { staff, agency };
}

async function reportFor(
  c: Context<AppEnv>,
  permission: 'report.read' | 'report.edit' | 'report.approve',
  mode: 'read' | 'write' = 'write',
) {
  const stored = await getReport(c.get('deps').db.kysely, c.req.param('id') ?? '');
  return authorizeOn(c, permission, stored, {
    agencyOf: (r) => r.agencyId,
    mode,
    notFound: NOT_FOUND,
  });
}

/** Years a report may be composed for: the one due, the current one (a draft) and five before. */
export function composableYears(now: Date): number[] {
  const year = new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear();
  return Array.from({ length: 7 }, (_, i) => year - i);
}

export function annualReportConsoleRoutes(platform: Platform): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const sources = platform.reportSources;
  // Reading is open to a supervisor over the agencies below; every change asks report.edit.
  app.use(REPORTS_PATH, requirePermission('report.read'));
  app.use(`${REPORTS_PATH}/*`, requirePermission('report.read'));

  /** Whether `staff` may change the reports of `agencyId` (not merely read them). */
  const mayChange = async (c: Context<AppEnv>, agencyId: string, permission: Permission) => {
    const staff = c.get('staff') ?? null;
    return (
      hasPermission(staff, permission) &&
      (await canWriteAgency(c.get('deps').db.kysely, staff!, agencyId))
    );
  };

  async function renderList(c: Context<AppEnv>, errors: FieldErrors = {}, status: 200 | 400 = 200) {
    const { agency } = await currentAgency(c, 'read');
    const db = c.get('deps').db.kysely;
    const now = c.get('deps').clock.now();
    const [reports, rule] = await Promise.all([
      listLatestPerYear(db, agency.id),
      deadlineOf(db, agency),
    ]);
    const years = composableYears(now);
    const cst = new Date(now.getTime() + 8 * 3_600_000);
    // Until the deadline of last year's report, that report is the one due.
    const dueYear = cstIso(cst) <= dueDate(years[0]! - 1, rule) ? years[0]! - 1 : years[0]!;
    return c.html(
      <ListPage
        agency={agency}
        reports={reports}
        years={years}
        dueYear={dueYear}
        deadline={{ due: dueDate(dueYear, rule), basis: rule.basis }}
        errors={errors}
        notice={readNotice(c, NOTICES)}
        seedHref={agency.slug === 'lingshanwei' ? SEED_COMPARE_PATH : null}
        canCompose={await mayChange(c, agency.id, 'report.edit')}
      />,
      status,
    );
  }

  async function renderEditor(
    c: Context<AppEnv>,
    stored: StoredReport,
    extra: {
      values?: Record<string, string>;
      errors?: FieldErrors;
      changes?: CellChange[];
      status?: 200 | 400 | 413;
    } = {},
  ) {
    const db = c.get('deps').db.kysely;
    const agency = (await getAgencyById(db, stored.agencyId))!;
    const [view, versions, canEdit, canApprove] = await Promise.all([
      reportView(db, stored, c.get('deps').clock.now()),
      listVersions(db, stored.agencyId, stored.year),
      mayChange(c, stored.agencyId, 'report.edit'),
      mayChange(c, stored.agencyId, 'report.approve'),
    ]);
    return c.html(
      <EditorPage
        stored={stored}
        agencySlug={agency.slug}
        findings={view.findings}
        deadline={view.deadline}
        previous={view.previous}
        previousChanges={view.previousChanges}
        versions={versions}
        canApprove={canApprove}
        canEdit={canEdit}
        values={extra.values ?? null}
        errors={extra.errors ?? {}}
        changes={extra.changes ?? null}
        notice={readNotice(c, NOTICES)}
        assets={ASSETS}
      />,
      extra.status ?? 200,
    );
  }

  app.get(REPORTS_PATH, (c) => renderList(c));

  app.post(`${REPORTS_PATH}/compose`, async (c) => {
    const { staff, agency } = await currentAgency(c);
    const body = await c.req.parseBody();
    const year = Number(typeof body.year === 'string' ? body.year : '');
    if (!composableYears(c.get('deps').clock.now()).includes(year))
      return renderList(c, { year: '请选择要编制的报告年度。' }, 400);
    const result = await composeDraft(c.get('deps'), sources, agency.id, year, actorOf(staff));
    if (!result.ok) return renderList(c, result.errors, 400);
    return c.redirect(reportPath(result.value.id), 303);
  });

  app.get(`${REPORTS_PATH}/:id`, async (c) => {
    const { resource } = await reportFor(c, 'report.read', 'read');
    return renderEditor(c, resource);
  });

  app.post(`${REPORTS_PATH}/:id`, async (c) => {
    const { staff, resource } = await reportFor(c, 'report.edit');
    const read = readEdit(await c.req.parseBody(), resource);
    if (Object.keys(read.errors).length > 0)
      return renderEditor(c, resource, { values: read.values, errors: read.errors, status: 400 });
    const result = await saveDraft(c.get('deps'), resource.id, read.edit, actorOf(staff));
    if (!result.ok)
      return renderEditor(c, resource, { values: read.values, errors: result.errors, status: 400 });
    return redirectWithNotice(c, reportPath(resource.id), 'saved');
  });

  // As-you-type: the findings of the draft as typed, nothing saved.
  app.post(`${REPORTS_PATH}/:id/check`, async (c) => {
    const { resource } = await reportFor(c, 'report.edit', 'read');
    const read = readEdit(await c.req.parseBody(), resource);
    const previous = (
      await reportView(c.get('deps').db.kysely, resource, c.get('deps').clock.now())
    ).previous;
    const findings = checkReport(
      applyEdit(resource, read.edit),
      previous ? { previous: previous.report } : {},
    );
    const typed = (['proactive', 'requests', 'review'] as const).filter(
      (t) => !resource.computed.includes(t),
    );
    return c.html(<FindingsList findings={findings} typedTables={typed} />);
  });

  // A report file written elsewhere fills the typed tables (and, if asked, the text).
  app.post(
    `${REPORTS_PATH}/:id/import`,
    bodyLimit({
      maxSize: IMPORT_MAX_BYTES + 64 * 1024,
      onError: async (c) => {
        const { resource } = await reportFor(c, 'report.edit');
        return renderEditor(c, resource, {
          errors: { [IMPORT_FIELD]: IMPORT_ERRORS.tooLarge },
          status: 413,
        });
      },
    }),
    async (c) => {
      const { staff, resource } = await reportFor(c, 'report.edit');
      const read = await readImportUpload(c);
      if (!read.ok)
        return renderEditor(c, resource, { errors: { [IMPORT_FIELD]: read.error }, status: 400 });
      const result = await importReportFile(c.get('deps'), resource.id, read.file, actorOf(staff));
      if (!result.ok) return renderEditor(c, resource, { errors: result.errors, status: 400 });
      return redirectWithNotice(c, reportPath(resource.id), 'imported');
    },
  );

  app.post(`${REPORTS_PATH}/:id/recompute`, async (c) => {
    const { staff, resource } = await reportFor(c, 'report.edit');
    const result = await recomputeTables(c.get('deps'), sources, resource.id, actorOf(staff));
    if (!result.ok) return renderEditor(c, resource, { errors: result.errors, status: 400 });
    return renderEditor(c, result.value.report, { changes: result.value.changes });
  });

  app.post(`${REPORTS_PATH}/:id/approve`, async (c) => {
    const { staff, resource } = await reportFor(c, 'report.approve');
    const result = await approveReport(c.get('deps'), resource.id, actorOf(staff));
    if (!result.ok) return renderEditor(c, resource, { errors: result.errors, status: 400 });
    return redirectWithNotice(c, reportPath(resource.id), 'approved');
  });

  app.post(`${REPORTS_PATH}/:id/publish`, async (c) => {
    const { staff, resource } = await reportFor(c, 'report.approve');
    const body = await c.req.parseBody();
    const note = typeof body.changeNote === 'string' ? body.changeNote.slice(0, 500) : null;
    const result = await publishReport(c.get('deps'), resource.id, note, actorOf(staff));
    if (!result.ok)
      return renderEditor(c, resource, {
        values: { changeNote: note ?? '' },
        errors: result.errors,
        status: 400,
      });
    return redirectWithNotice(c, reportPath(resource.id), 'published');
  });

  app.post(`${REPORTS_PATH}/:id/correct`, async (c) => {
    const { staff, resource } = await reportFor(c, 'report.edit');
    const result = await startCorrection(c.get('deps'), resource.id, actorOf(staff));
    if (!result.ok) return renderEditor(c, resource, { errors: result.errors, status: 400 });
    return redirectWithNotice(c, reportPath(result.value.id), 'corrected');
  });

  // Rendering a report with error findings says so and needs a confirmation.
  // One path segment: the router does not take a parameter after a literal inside it.
  app.get(`${REPORTS_PATH}/:id/:file{download\\.(?:html|docx|json)}`, async (c) => {
    const { resource } = await reportFor(c, 'report.read', 'read');
    const to = c.req.param('file').slice('download.'.length) as 'html' | 'docx' | 'json';
    const view = await reportView(c.get('deps').db.kysely, resource, c.get('deps').clock.now());
    const errors = view.findings.filter((f) => f.severity === 'error');
    if (errors.length > 0 && c.req.query('confirm') !== '1')
      return c.html(<ConfirmRenderPage stored={resource} errors={errors} to={to} />);
    return sendRendered(
      c,
      resource.report,
      to,
      downloadName(resource.report, resource.version, to),
    );
  });

  // The schedule is an administrator's setting, outside the report.edit pages.
  const scheduleAgency = async (c: Context<AppEnv>) => {
    const staff = await authorize(c, 'agency.manage');
    await authorize(c, 'agency.manage', { agencyId: staff.currentAgencyId, mode: 'write' });
    return staff;
  };
  const renderSchedule = async (
    c: Context<AppEnv>,
    value: string | null,
    errors: FieldErrors,
    status: 200 | 400 = 200,
  ) => {
    const staff = await scheduleAgency(c);
    const db = c.get('deps').db.kysely;
    const agency = (await getAgencyById(db, staff.currentAgencyId))!;
    return c.html(
      <SchedulePage
        agencyName={agency.fullName}
        deadline={await getTownshipDeadline(db, agency.id)}
        value={value}
        errors={errors}
        notice={readNotice(c, NOTICES)}
      />,
      status,
    );
  };
  app.get(SCHEDULE_PATH, (c) => renderSchedule(c, null, {}));
  app.post(SCHEDULE_PATH, async (c) => {
    const staff = await scheduleAgency(c);
    const body = await c.req.parseBody();
    const value = typeof body.deadline === 'string' ? body.deadline.trim() : '';
    const result = await setTownshipSchedule(
      c.get('deps'),
      staff.currentAgencyId,
      value,
      actorOf(staff),
    );
    if (!result.ok) return renderSchedule(c, value, result.errors, 400);
    return redirectWithNotice(c, SCHEDULE_PATH, 'schedule');
  });

  return app;
}

function cstIso(cst: Date): string {
  return cst.toISOString().slice(0, 10);
}
