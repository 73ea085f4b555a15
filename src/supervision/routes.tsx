// /console/supervision: the supervisor's January. Batches of subordinates' reports (uploaded
// files and zips, or web addresses) are stored and read by a job; each report's page shows
// its findings and takes the confirmation of its agency; the year's dashboard tracks every
// subordinate. Only the supervising agency's staff (and those above it) see its batches.
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cleanFilename } from '../files/upload-check.js';
import { HTTPException } from 'hono/http-exception';
import { getAgencyById, listDescendantAgencies } from '../agencies/agency-repository.js';
import { authorize, authorizeOn } from '../auth/policy.js';
import { actorOf } from '../commands/actor.js';
import { paginateRows } from '../db/paginate.js';
import { isoDateCst } from '../portal/dates.js';
import {
  UPLOAD_LIMITS,
  unpackUploads,
  type UploadedFile,
} from '../reports/check-console/unpack.js';
import type { AppEnv } from '../web/env.js';
import { oneOf, parseListQuery, searchText } from '../web/list-query.js';
import { readNotice, redirectWithNotice } from '../web/notice.js';
import type { FieldErrors } from '../web/forms.js';
import { confirmSuggestions, createBatch, matchReport, type IncomingFile } from './commands.js';
import { batchFindingsCsv, batchFindingsXlsx, dashboardCsv, dashboardXlsx } from './exports.js';
import { BatchesPage, type BatchFormValues } from './pages/batches-page.js';
import {
  BATCH_SORTS,
  BatchPage,
  batchProgress,
  FLAG_FILTERS,
  REPORT_STATUSES,
  type BatchSort,
  type FlagFilter,
} from './pages/batch-page.js';
import { DashboardPage } from './pages/dashboard-page.js';
import { statusFilter, withStatus } from './dashboard-filter.js';
import { ReportPage, type MatchValues } from './pages/report-page.js';
import { numberedFindings } from '../reports/checks/reading-notes.js';
import { BATCHES_PATH, batchPath, reportPath, SUPERVISION_PATH } from './paths.js';
import {
  findingsOf,
  getBatch,
  getReport,
  listBatches,
  reportOf,
  yearsReceived,
} from './repository.js';
import { SupplementTables } from './pages/dashboard-extra.js';
import { chartRenderer } from './charts.js';
import { reportStatus, STATUS_LABELS } from './status.js';
import { trendYears, yearFigures } from './trends.js';
import {
  countsOf,
  loadBatchView,
  loadDashboard,
  loadSubordinates,
  type ReportView,
} from './views.js';

const PERMISSION = 'supervision.check' as const;
const MB = 1024 * 1024;
const NOT_FOUND_BATCH = '该检查批次不存在。';
const NOT_FOUND_REPORT = '该报告不存在。';
/** How often the progress page asks again while the job reads (seconds). */
const REFRESH_SECONDS = 3;
/** How many years the trend charts show at most. */
const TREND_YEARS = 10;

const NOTICES = {
  matched: { '1': '已确认该报告的所属机关和年度，并已重新核对。' },
  confirmed: { pattern: /^\d{1,4}$/, message: (n: string) => `已确认 ${n} 份报告的所属机关。` },
} as const;

/** The year a supervisor works on by default: last year (reports come out in January). */
function defaultYear(now: Date): number {
  return Number(isoDateCst(now).slice(0, 4)) - 1;
}

function parseYear(
  raw: string,
  now: Date,
): { ok: true; value: number } | { ok: false; error: string } {
  const t = raw.trim();
  const max = defaultYear(now) + 1;
  if (!/^\d{4}$/.test(t)) return { ok: false, error: '请填写四位数字的年度，例如 2021' };
  const y = Number(t);
  if (y < 2008 || y > max) return { ok: false, error: `年度应在 2008 至 ${max} 之间` };
  return { ok: true, value: y };
}

/**
 * The web addresses typed, one a line (blank lines skipped), and, when any line is no
 * address, every such line by its number, so that all can be fixed at once.
 */
function addressLines(typed: string): { lines: string[]; problem: string | null } {
  const lines: string[] = [];
  const bad: string[] = [];
  typed.split(/\r?\n/).forEach((raw, i) => {
    const l = raw.trim();
    if (!l) return;
    if (/^https?:\/\/[^\s]+$/i.test(l)) lines.push(l);
    else bad.push(`第${i + 1}行“${[...l].slice(0, 60).join('')}”`);
  });
  return {
    lines,
    problem:
      bad.length > 0
        ? `${bad.join('、')}不是完整的网址：每行填写一个以 http:// 或 https:// 开头的网址`
        : null,
  };
}

const emptyForm = (now: Date): BatchFormValues => ({
  year: String(defaultYear(now)),
  title: '',
  addresses: '',
});

async function renderBatches(
  c: Context<AppEnv>,
  values: BatchFormValues,
  errors: FieldErrors,
  status: 200 | 400 | 413 = 200,
) {
  const staff = c.get('staff')!;
  const batches = await listBatches(c.get('deps').db.kysely, staff.agencyId);
  return c.html(<BatchesPage batches={batches} values={values} errors={errors} />, status);
}

async function loadReport(c: Context<AppEnv>, mode: 'read' | 'write') {
  const row = await getReport(c.get('deps').db.kysely, c.req.param('id') ?? '');
  const { staff, resource } = await authorizeOn(c, PERMISSION, row, {
    agencyOf: (r) => r.owner_agency_id,
    mode,
    notFound: NOT_FOUND_REPORT,
  });
  return { staff, row: resource };
}

async function renderReport(
  c: Context<AppEnv>,
  row: NonNullable<Awaited<ReturnType<typeof getReport>>>,
  values: MatchValues | null,
  errors: FieldErrors,
  status: 200 | 400 = 200,
) {
  const db = c.get('deps').db.kysely;
  const staff = c.get('staff')!;
  let view: ReportView | undefined;
  let subordinates = await listDescendantAgencies(db, row.owner_agency_id);
  if (row.batch_id) {
    const batch = await getBatch(db, row.batch_id);
    if (batch) {
      const bv = await loadBatchView(db, batch);
      view = bv.reports.find((r) => r.row.id === row.id);
      subordinates = bv.subordinates;
    }
  }
  const previous = row.previous_id ? await getReport(db, row.previous_id) : null;
  const agency = subordinates.find((a) => a.id === row.agency_id) ?? null;
  return c.html(
    <ReportPage
      row={row}
      report={reportOf(row)}
      findings={findingsOf(row).findings}
      status={view?.status ?? reportStatus(row, countsOf(row))}
      flags={view?.flags ?? []}
      agency={agency}
      subordinates={subordinates}
      previous={previous}
      canMatch={row.batch_id !== null && row.owner_agency_id === staff.agencyId}
      values={values ?? { agency: row.agency_id ?? '', year: String(row.year) }}
      errors={errors}
      notice={readNotice(c, NOTICES)}
    />,
    status,
  );
}

function download(
  c: Context<AppEnv>,
  body: string | Uint8Array,
  type: string,
  ascii: string,
  name: string,
) {
  c.header('Content-Type', type);
  c.header(
    'Content-Disposition',
    `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
  );
  c.header('Cache-Control', 'no-store');
  return c.body(typeof body === 'string' ? body : new Uint8Array(body));
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function supervisionRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get(SUPERVISION_PATH, async (c) => {
    const staff = await authorize(c, PERMISSION);
    const { db, clock } = c.get('deps');
    const now = clock.now();
    const raw = c.req.query('year');
    const parsed = raw === undefined ? null : parseYear(raw, now);
    const year = parsed?.ok ? parsed.value : defaultYear(now);
    const filter = statusFilter(c.req.query('status'));
    const problems = [
      ...(parsed && !parsed.ok ? [`年度“${raw!.trim().slice(0, 20)}”：${parsed.error}`] : []),
      ...(filter.problem ? [filter.problem] : []),
    ];
    const today = isoDateCst(now);
    const subordinates = await loadSubordinates(db.kysely, staff.agencyId);
    const received = await yearsReceived(db.kysely, staff.agencyId);
    const load = (y: number) => loadDashboard(db.kysely, staff.agencyId, y, today, subordinates);
    const dashboard = await load(year);
    const years = [...new Set([defaultYear(now), year, ...received])].sort((a, b) => b - a);
    // The trends: from the first year something was received to the last, with the one
    // shown (oldest first, no year left out of the axis).
    const trends = await Promise.all(
      trendYears([year, ...received], TREND_YEARS).map(async (y) =>
        yearFigures(y === year ? dashboard : await load(y)),
      ),
    );
    return c.html(
      <DashboardPage
        dashboard={dashboard}
        status={filter.status}
        problems={problems}
        years={years}
        extra={
          <SupplementTables dashboard={dashboard} trends={trends} draw={await chartRenderer()} />
        }
      />,
    );
  });

  const dashboardExport = (ext: 'csv' | 'xlsx') => async (c: Context<AppEnv>) => {
    const staff = await authorize(c, PERMISSION);
    const { db, clock } = c.get('deps');
    const year = Number(c.req.param('year'));
    if (!Number.isInteger(year) || year < 2008 || year > 9999)
      throw new HTTPException(404, { message: '您访问的内容不存在。' });
    // Reached from a filtered page, the export holds the rows that page lists. An unknown
    // status is refused rather than ignored: the file would not hold what was asked for.
    const filter = statusFilter(c.req.query('status'));
    if (filter.problem)
      throw new HTTPException(400, {
        message: `${filter.problem}。请回到年度报告汇总页选择状态后重新下载。`,
      });
    const dashboard = withStatus(
      await loadDashboard(db.kysely, staff.agencyId, year, isoDateCst(clock.now())),
      filter.status,
    );
    const name = `${year}年度报告汇总${filter.status ? `（${STATUS_LABELS[filter.status]}）` : ''}`;
    const ascii = `dashboard-${year}${filter.status ? `-${filter.status}` : ''}`;
    return ext === 'csv'
      ? download(
          c,
          dashboardCsv(dashboard),
          'text/csv; charset=utf-8',
          `${ascii}.csv`,
          `${name}.csv`,
        )
      : download(c, await dashboardXlsx(dashboard), XLSX_TYPE, `${ascii}.xlsx`, `${name}.xlsx`);
  };
  app.get(`${SUPERVISION_PATH}/:year/dashboard.csv`, dashboardExport('csv'));
  app.get(`${SUPERVISION_PATH}/:year/dashboard.xlsx`, dashboardExport('xlsx'));

  app.get(BATCHES_PATH, async (c) => {
    await authorize(c, PERMISSION);
    return renderBatches(c, emptyForm(c.get('deps').clock.now()), {});
  });

  app.post(
    BATCHES_PATH,
    bodyLimit({
      maxSize: UPLOAD_LIMITS.requestBytes,
      onError: async (c) =>
        renderBatches(
          c,
          emptyForm(c.get('deps').clock.now()),
          {
            files: `上传的文件合计超过 ${UPLOAD_LIMITS.requestBytes / MB} MB，请分批上传，或改为填写报告网址。`,
          },
          413,
        ),
    }),
    async (c) => {
      const staff = await authorize(c, PERMISSION);
      const { clock } = c.get('deps');
      const now = clock.now();
      let form: FormData;
      try {
        form = await c.req.formData();
      } catch {
        return renderBatches(c, emptyForm(now), { files: '请选择报告文件，或填写报告网址。' }, 400);
      }
      const text = (k: string) => {
        const v = form.get(k);
        return typeof v === 'string' ? v : '';
      };
      const values: BatchFormValues = {
        year: text('year'),
        title: text('title').trim(),
        addresses: text('addresses'),
      };
      const errors: Record<string, string> = {};
      const year = parseYear(values.year, now);
      if (!year.ok) errors.year = year.error;
      if ([...values.title].length > 100) errors.title = '批次名称最多 100 个字';
      const uploads: UploadedFile[] = [];
      for (const v of form.getAll('files')) {
        if (typeof v === 'string' || v.size === 0) continue;
        uploads.push({
          // Names are metadata, never trusted: no control characters (PostgreSQL refuses NUL).
          name: cleanFilename(v.name),
          bytes: new Uint8Array(await v.arrayBuffer()),
        });
      }
      const { lines, problem } = addressLines(values.addresses);
      if (problem) errors.addresses = problem;
      else if (lines.length > UPLOAD_LIMITS.files)
        errors.addresses = `一次最多 ${UPLOAD_LIMITS.files} 个网址，请分批提交`;
      if (uploads.length === 0 && lines.length === 0)
        errors.files = '请选择报告文件，或填写报告网址。';
      if (Object.keys(errors).length > 0 || !year.ok) return renderBatches(c, values, errors, 400);
      const files: IncomingFile[] = [
        ...unpackUploads(uploads).map((f): IncomingFile =>
          f.error === undefined
            ? { name: f.name, source: 'upload', bytes: f.bytes }
            : { name: f.name, source: 'upload', error: f.error },
        ),
        ...[...new Set(lines)].map((l): IncomingFile => ({ name: l, source: 'address' })),
      ];
      const created = await createBatch(c.get('deps'), actorOf(staff), {
        ownerAgencyId: staff.agencyId,
        year: year.value,
        title: values.title || `${year.value}年度报告检查`,
        files,
      });
      if (!created.ok) return renderBatches(c, values, created.errors, 400);
      return c.redirect(batchPath(created.value.batchId), 303);
    },
  );

  app.get(`${BATCHES_PATH}/:id`, async (c) => {
    const db = c.get('deps').db.kysely;
    const batch = await getBatch(db, c.req.param('id'));
    const { staff } = await authorizeOn(c, PERMISSION, batch, {
      agencyOf: (b) => b.agency_id,
      mode: 'read',
      notFound: NOT_FOUND_BATCH,
    });
    const view = await loadBatchView(db, batch!);
    const list = parseListQuery(batchPath(batch!.id), c.req.query(), {
      filters: {
        q: searchText('文件名或机关'),
        status: oneOf('结论', REPORT_STATUSES),
        flag: oneOf('标记', FLAG_FILTERS),
      },
      sorts: BATCH_SORTS,
      defaultSort: 'seq',
      defaultDirection: 'asc',
      pageSize: 50,
    });
    const f = list.filters;
    const q = f.q?.toLowerCase();
    const matchesFlag = (r: ReportView, flag: FlagFilter) =>
      flag === 'flagged'
        ? r.flags.length > 0
        : flag === 'counted'
          ? r.flags.length === 0 && r.status !== 'pending'
          : r.flags.includes(flag);
    const rows = view.reports.filter(
      (r) =>
        (!q ||
          r.row.name.toLowerCase().includes(q) ||
          (r.agency?.fullName ?? r.row.report_agency ?? '').includes(f.q!)) &&
        (!f.status || r.status === f.status) &&
        (!f.flag || matchesFlag(r, f.flag)),
    );
    const key = (r: ReportView, s: BatchSort): string | number =>
      s === 'seq'
        ? r.row.seq
        : s === 'name'
          ? r.row.name
          : s === 'agency'
            ? (r.agency?.fullName ?? '')
            : s === 'status'
              ? // Worst first, not by the words' pinyin.
                REPORT_STATUSES.indexOf(r.status)
              : s === 'errors'
                ? r.counts.errors
                : s === 'warnings'
                  ? r.counts.warnings
                  : r.counts.notes;
    const dir = list.direction === 'asc' ? 1 : -1;
    rows.sort((a, b) => {
      const x = key(a, list.sort);
      const y = key(b, list.sort);
      const cmp =
        typeof x === 'number' && typeof y === 'number'
          ? x - y
          : String(x).localeCompare(String(y), 'zh-CN');
      return cmp !== 0 ? cmp * dir : a.row.seq - b.row.seq;
    });
    const page = paginateRows(rows, list);
    if (batch!.finished_at === null) c.header('Refresh', String(REFRESH_SECONDS));
    const subordinateIds = new Set(view.subordinates.map((a) => a.id));
    const canConfirm =
      batch!.agency_id === staff.agencyId
        ? view.reports.filter(
            (r) =>
              r.row.state === 'read' &&
              r.row.confirmed === 0 &&
              r.row.agency_id &&
              subordinateIds.has(r.row.agency_id),
          ).length
        : 0;
    return c.html(
      <BatchPage
        view={view}
        list={list}
        page={page}
        canConfirm={canConfirm}
        notice={readNotice(c, NOTICES)}
      />,
    );
  });

  // The batch page's script asks here while the job reads (see progress-script.ts).
  app.get(`${BATCHES_PATH}/:id/progress.json`, async (c) => {
    const db = c.get('deps').db.kysely;
    const batch = await getBatch(db, c.req.param('id'));
    await authorizeOn(c, PERMISSION, batch, {
      agencyOf: (b) => b.agency_id,
      mode: 'read',
      notFound: NOT_FOUND_BATCH,
    });
    c.header('Cache-Control', 'no-store');
    return c.json(batchProgress(await loadBatchView(db, batch!)));
  });

  app.post(`${BATCHES_PATH}/:id/confirm`, async (c) => {
    const db = c.get('deps').db.kysely;
    const batch = await getBatch(db, c.req.param('id'));
    const { staff } = await authorizeOn(c, PERMISSION, batch, {
      agencyOf: (b) => b.agency_id,
      mode: 'write',
      notFound: NOT_FOUND_BATCH,
    });
    const allowed = new Set((await listDescendantAgencies(db, batch!.agency_id)).map((a) => a.id));
    const done = await confirmSuggestions(c.get('deps'), actorOf(staff), {
      batchId: batch!.id,
      allowed,
    });
    return redirectWithNotice(
      c,
      batchPath(batch!.id),
      'confirmed',
      String(done.ok ? done.value : 0),
    );
  });

  const findingsExport = (ext: 'csv' | 'xlsx') => async (c: Context<AppEnv>) => {
    const db = c.get('deps').db.kysely;
    const batch = await getBatch(db, c.req.param('id') ?? '');
    await authorizeOn(c, PERMISSION, batch, {
      agencyOf: (b) => b.agency_id,
      mode: 'read',
      notFound: NOT_FOUND_BATCH,
    });
    const view = await loadBatchView(db, batch!);
    const name = `${batch!.title}问题清单`;
    return ext === 'csv'
      ? download(
          c,
          batchFindingsCsv(view),
          'text/csv; charset=utf-8',
          'findings.csv',
          `${name}.csv`,
        )
      : download(c, await batchFindingsXlsx(view), XLSX_TYPE, 'findings.xlsx', `${name}.xlsx`);
  };
  app.get(`${BATCHES_PATH}/:id/findings.csv`, findingsExport('csv'));
  app.get(`${BATCHES_PATH}/:id/findings.xlsx`, findingsExport('xlsx'));

  app.get(`${SUPERVISION_PATH}/reports/:id`, async (c) => {
    const { row } = await loadReport(c, 'read');
    return renderReport(c, row, null, {});
  });

  app.post(`${SUPERVISION_PATH}/reports/:id/match`, async (c) => {
    const { staff, row } = await loadReport(c, 'write');
    const body = await c.req.parseBody();
    const values: MatchValues = {
      agency: typeof body.agency === 'string' ? body.agency : '',
      year: typeof body.year === 'string' ? body.year : '',
    };
    const year = parseYear(values.year, c.get('deps').clock.now());
    if (!year.ok) return renderReport(c, row, values, { year: year.error }, 400);
    const allowed = new Set(
      (await listDescendantAgencies(c.get('deps').db.kysely, row.owner_agency_id)).map((a) => a.id),
    );
    const done = await matchReport(c.get('deps'), actorOf(staff), {
      reportId: row.id,
      agencyId: values.agency === '' ? null : values.agency,
      year: year.value,
      allowed,
    });
    if (!done.ok) return renderReport(c, row, values, done.errors, 400);
    return redirectWithNotice(c, reportPath(row.id), 'matched');
  });

  app.get(`${SUPERVISION_PATH}/reports/:id/notice.docx`, async (c) => {
    const { row } = await loadReport(c, 'read');
    const db = c.get('deps').db.kysely;
    const agency = (await listDescendantAgencies(db, row.owner_agency_id)).find(
      (a) => a.id === row.agency_id,
    );
    const report = reportOf(row);
    if (!agency || !report)
      throw new HTTPException(404, { message: '该报告尚未匹配到下级机关，无法生成整改通知。' });
    const owner = await getAgencyById(db, row.owner_agency_id);
    const { problems } = numberedFindings(findingsOf(row).findings);
    // The docx library is loaded when the first notice is asked for.
    const { noticeDocx } = await import('./notice.js');
    const bytes = await noticeDocx({
      from: owner?.fullName ?? '',
      to: agency.fullName,
      year: row.year,
      source: row.name,
      report,
      problems,
      on: isoDateCst(c.get('deps').clock.now()),
    });
    return download(
      c,
      bytes,
      DOCX_TYPE,
      'notice.docx',
      `${agency.shortName}${row.year}年度报告整改通知.docx`,
    );
  });

  return app;
}
