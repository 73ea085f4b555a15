// Console pages for the review cases of the agency the console works on: the list (filter,
// sort, pages) with table 四 of a year, registering and editing a case, recording its
// decision, and its documents.
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { requirePermission } from '../auth/guards.js';
import {
  authorize,
  authorizeOn,
  canWriteAgency,
  hasPermission,
  type Permission,
} from '../auth/policy.js';
import { actorOf } from '../commands/actor.js';
import { paginate } from '../db/paginate.js';
import { BLOB_ID } from '../files/blob-storage.js';
import { FileRejectedError } from '../files/file-store.js';
import { checkUpload } from '../files/upload-check.js';
import { isoDateCst } from '../portal/dates.js';
import { fileResponse } from '../publications/public-routes.js';
import { fileStoreOf } from '../requests/intake-service.js';
import { DataTable } from '../web/data-table.js';
import type { AppEnv } from '../web/env.js';
import { readForm } from '../web/form-input.js';
import type { FieldErrors } from '../web/forms.js';
import { ConsolePage } from '../web/layout.js';
import { oneOf, parseListQuery } from '../web/list-query.js';
import { NoticeBanner, readNotice, redirectWithNotice } from '../web/notice.js';
import { Pager } from '../web/pager.js';
import {
  attachDocuments,
  detachDocument,
  DOCUMENT_LIMITS,
  createCase,
  recordDecision,
  updateCase,
} from './commands.js';
import {
  CaseFacts,
  CaseForm,
  casePath,
  DecisionForm,
  DocumentsSection,
  REVIEW_CASES_PATH,
  ReviewTableView,
} from './pages.js';
import {
  CASE_SORTS,
  casesForYear,
  casesQuery,
  getCase,
  lawsuitsAfter,
  listDocuments,
  listReconsiderations,
  rowToCase,
  type CaseSort,
} from './repository.js';
import {
  CASE_FORM_FIELDS,
  caseInputSchema,
  DECISION_FORM_FIELDS,
  decisionInputSchema,
  KIND_LABELS,
  KINDS,
  RESULT_LABELS,
  RESULTS,
  reviewTableForYear,
  type CaseFormValues,
  type DecisionFormValues,
  type ReviewCase,
  type ReviewKind,
  type ReviewResult,
} from './review-case.js';

const PERMISSION = 'review_case.manage';
/** Reading a case: its managers, and a supervisor over the agencies below (never writing). */
const READ: Permission = 'review_case.read';
const NOT_FOUND = '该案件不存在。';
const MAX_FILES = 10;
const NOTICES = {
  saved: { created: '已登记案件。', updated: '已保存修改。' },
  decided: { '1': '已登记审理结果。', reopened: '已改回“尚未审结”。' },
  documents: { attached: '已上传文书。', detached: '已删除文书。' },
};
const EMPTY_FORM: CaseFormValues = {
  kind: '',
  trackingNumber: '',
  reconsiderationId: '',
  body: '',
  caseNumber: '',
  receivedOn: '',
  notes: '',
};
const FILES_SCHEMA = z.object({
  files: z
    .array(z.instanceof(File))
    .min(1, '请选择要上传的文书')
    .max(MAX_FILES, `一次最多上传 ${MAX_FILES} 个文件`),
});

const thisYearOf = (c: Context<AppEnv>) =>
  Number(isoDateCst(c.get('deps').clock.now()).slice(0, 4));

function caseToForm(k: ReviewCase): CaseFormValues {
  return {
    kind: k.kind,
    trackingNumber: k.trackingNumber ?? '',
    reconsiderationId: k.reconsiderationId ?? '',
    body: k.body,
    caseNumber: k.caseNumber,
    receivedOn: k.receivedOn,
    notes: k.notes ?? '',
    version: String(k.version),
  };
}

function decisionToForm(k: ReviewCase): DecisionFormValues {
  return {
    result: k.result,
    decidedOn: k.decidedOn ?? '',
    decisionNote: k.decisionNote ?? '',
    version: String(k.version),
  };
}

export function reviewCasesRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(REVIEW_CASES_PATH, requirePermission(READ));
  app.use(`${REVIEW_CASES_PATH}/*`, requirePermission(READ));

  /** The staff member, when they may work on the cases of the agency the console works on. */
  const manager = async (c: Context<AppEnv>, mode: 'read' | 'write') => {
    const permission = mode === 'read' ? READ : PERMISSION;
    const staff = await authorize(c, permission);
    return authorize(c, permission, { agencyId: staff.currentAgencyId, mode });
  };

  const loadCase = async (c: Context<AppEnv>, mode: 'read' | 'write') =>
    authorizeOn(
      c,
      mode === 'read' ? READ : PERMISSION,
      await getCase(c.get('deps').db.kysely, c.req.param('id') ?? ''),
      { agencyOf: (k) => k.agencyId, mode, notFound: NOT_FOUND },
    );

  /** Whether the page shows the forms that change a case of `agencyId`. */
  const mayChange = async (c: Context<AppEnv>, agencyId: string) => {
    const staff = c.get('staff');
    return (
      hasPermission(staff ?? null, PERMISSION) &&
      (await canWriteAgency(c.get('deps').db.kysely, staff!, agencyId))
    );
  };

  app.get(REVIEW_CASES_PATH, async (c) => {
    const staff = await manager(c, 'read');
    const db = c.get('deps').db.kysely;
    const thisYear = thisYearOf(c);
    const years = Array.from({ length: 10 }, (_, i) => String(thisYear - i));
    const list = parseListQuery(REVIEW_CASES_PATH, c.req.query(), {
      filters: {
        kind: oneOf('案件类型', KINDS),
        result: oneOf('审理结果', RESULTS),
        year: oneOf('年度', years),
      },
      sorts: CASE_SORTS,
      defaultSort: 'receivedOn',
      defaultDirection: 'desc',
      pageSize: 20,
    });
    const year = list.filters.year ? Number(list.filters.year) : undefined;
    const tableYear = year ?? thisYear - 1;
    const [page, counted] = await Promise.all([
      paginate(
        db,
        casesQuery(db, staff.currentAgencyId, {
          kind: list.filters.kind,
          result: list.filters.result,
          year,
          sort: list.sort,
          direction: list.direction,
        }),
        list,
      ),
      casesForYear(db, staff.currentAgencyId, tableYear),
    ]);
    const writable = await mayChange(c, staff.currentAgencyId);
    const table = reviewTableForYear(
      counted.map((r) => ({
        kind: r.kind as ReviewKind,
        receivedOn: r.received_on,
        result: r.result as ReviewResult,
        decidedOn: r.decided_on,
      })),
      tableYear,
    );
    return c.html(
      <ConsolePage title="行政复议、行政诉讼">
        <NoticeBanner message={readNotice(c, NOTICES)} />
        {list.problems.length > 0 ? <p class="notice">{list.problems.join('；')}</p> : null}
        {writable ? (
          <p>
            <a class="button" href={`${REVIEW_CASES_PATH}/new`}>
              登记案件
            </a>
          </p>
        ) : (
          <p class="muted">您对该机关的案件只有查阅权限。</p>
        )}
        <form method="get" action={REVIEW_CASES_PATH} class="inline-form">
          <label for="filter-kind">案件类型</label>
          <select id="filter-kind" name="kind">
            <option value="">全部</option>
            {KINDS.map((k) => (
              <option value={k} selected={list.filters.kind === k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
          <label for="filter-result">审理结果</label>
          <select id="filter-result" name="result">
            <option value="">全部</option>
            {RESULTS.map((r) => (
              <option value={r} selected={list.filters.result === r}>
                {RESULT_LABELS[r]}
              </option>
            ))}
          </select>
          <label for="filter-year">年度</label>
          <select id="filter-year" name="year">
            <option value="">全部</option>
            {years.map((y) => (
              <option value={y} selected={list.filters.year === y}>
                {y}
              </option>
            ))}
          </select>
          <button type="submit" class="secondary">
            筛选
          </button>
        </form>
        <DataTable<ReviewCase, CaseSort>
          caption={year ? `${year} 年度报告计入的案件` : '本机关行政复议、行政诉讼案件'}
          rows={page.rows.map(rowToCase)}
          empty="没有符合条件的案件。"
          sorting={{ sort: list.sort, direction: list.direction, hrefFor: list.hrefFor }}
          columns={[
            {
              label: '案号',
              cell: (k) => <a href={casePath(k.id)}>{k.caseNumber}</a>,
            },
            { label: '案件类型', cell: (k) => KIND_LABELS[k.kind], sortKey: 'kind' },
            { label: '复议机关或法院', cell: (k) => k.body },
            { label: '关联申请', cell: (k) => k.trackingNumber ?? '—' },
            { label: '收到或立案日期', cell: (k) => k.receivedOn, sortKey: 'receivedOn' },
            { label: '审理结果', cell: (k) => RESULT_LABELS[k.result], sortKey: 'result' },
            { label: '结案日期', cell: (k) => k.decidedOn ?? '—', sortKey: 'decidedOn' },
          ]}
        />
        <Pager
          total={page.total}
          page={page.page}
          pageCount={page.pageCount}
          hrefFor={list.hrefFor}
        />
        <h2>年度报告表四</h2>
        <p class="hint">
          某年年度报告计入当年收到的案件和上年末尚未审结的案件；12月31日仍未审结的，计入“尚未审结”，并在下一年度报告中按届时的结果继续计入。
        </p>
        <ReviewTableView table={table} year={tableYear} />
      </ConsolePage>,
    );
  });

  const renderForm = async (
    c: Context<AppEnv>,
    opts: { title: string; action: string; submit: string; self?: string },
    values: CaseFormValues,
    errors: FieldErrors,
    status: 200 | 400 = 200,
  ) => {
    const staff = c.get('staff')!;
    const reconsiderations = await listReconsiderations(
      c.get('deps').db.kysely,
      staff.currentAgencyId,
    );
    return c.html(
      <ConsolePage title={opts.title}>
        <CaseForm
          action={opts.action}
          values={values}
          errors={errors}
          submit={opts.submit}
          reconsiderations={reconsiderations.filter((r) => r.id !== opts.self)}
        />
      </ConsolePage>,
      status,
    );
  };
  const NEW = { title: '登记行政复议、行政诉讼案件', action: REVIEW_CASES_PATH, submit: '登记' };

  app.get(`${REVIEW_CASES_PATH}/new`, async (c) => {
    await manager(c, 'write');
    return renderForm(c, NEW, EMPTY_FORM, {});
  });

  app.post(REVIEW_CASES_PATH, async (c) => {
    const staff = await manager(c, 'write');
    const form = await readForm(c, caseInputSchema, { fields: CASE_FORM_FIELDS });
    if (!form.ok) return renderForm(c, NEW, form.values, form.errors, 400);
    const r = await createCase(c.get('deps'), staff.currentAgencyId, form.data, actorOf(staff));
    if (!r.ok) return renderForm(c, NEW, form.values, r.errors, 400);
    return redirectWithNotice(c, casePath(r.value.id), 'saved', 'created');
  });

  const renderDetail = async (
    c: Context<AppEnv>,
    kase: ReviewCase,
    failed: { decision?: { values: DecisionFormValues; errors: FieldErrors }; files?: string } = {},
    status: 200 | 400 = 200,
  ) => {
    const db = c.get('deps').db.kysely;
    const [documents, writable, lawsuits] = await Promise.all([
      listDocuments(db, kase.id),
      mayChange(c, kase.agencyId),
      kase.kind === 'reconsideration' ? lawsuitsAfter(db, kase.id) : Promise.resolve([]),
    ]);
    return c.html(
      <ConsolePage title={`${KIND_LABELS[kase.kind]}案件 ${kase.caseNumber}`}>
        <NoticeBanner message={readNotice(c, NOTICES)} />
        <p>
          <a href={REVIEW_CASES_PATH}>返回案件列表</a>
          {writable ? (
            <>
              {' '}
              · <a href={`${casePath(kase.id)}/edit`}>修改案件信息</a>
            </>
          ) : null}
        </p>
        <CaseFacts kase={kase} lawsuits={lawsuits} />
        {writable ? (
          <>
            <h2>登记或更正审理结果</h2>
            <DecisionForm
              action={`${casePath(kase.id)}/decision`}
              kase={kase}
              values={failed.decision?.values ?? decisionToForm(kase)}
              errors={failed.decision?.errors ?? {}}
            />
          </>
        ) : (
          <p class="muted">您对该机关的案件只有查阅权限，不能修改。</p>
        )}
        <DocumentsSection
          kase={kase}
          documents={documents}
          error={failed.files}
          writable={writable}
        />
      </ConsolePage>,
      status,
    );
  };

  app.get(`${REVIEW_CASES_PATH}/:id`, async (c) => {
    const { resource } = await loadCase(c, 'read');
    return renderDetail(c, resource);
  });

  const editOpts = (k: ReviewCase) => ({
    title: `修改案件 ${k.caseNumber}`,
    action: casePath(k.id),
    self: k.id,
    submit: '保存',
  });

  app.get(`${REVIEW_CASES_PATH}/:id/edit`, async (c) => {
    const { resource } = await loadCase(c, 'write');
    return renderForm(c, editOpts(resource), caseToForm(resource), {});
  });

  app.post(`${REVIEW_CASES_PATH}/:id`, async (c) => {
    const { staff, resource } = await loadCase(c, 'write');
    const form = await readForm(c, caseInputSchema, { fields: CASE_FORM_FIELDS });
    if (!form.ok) return renderForm(c, editOpts(resource), form.values, form.errors, 400);
    const r = await updateCase(c.get('deps'), resource.id, form.data, actorOf(staff));
    if (!r.ok) return renderForm(c, editOpts(resource), form.values, r.errors, 400);
    return redirectWithNotice(c, casePath(resource.id), 'saved', 'updated');
  });

  app.post(`${REVIEW_CASES_PATH}/:id/decision`, async (c) => {
    const { staff, resource } = await loadCase(c, 'write');
    const form = await readForm(c, decisionInputSchema, { fields: DECISION_FORM_FIELDS });
    if (!form.ok)
      return renderDetail(
        c,
        resource,
        { decision: { values: form.values, errors: form.errors } },
        400,
      );
    const r = await recordDecision(c.get('deps'), resource.id, form.data, actorOf(staff));
    if (!r.ok)
      return renderDetail(
        c,
        resource,
        { decision: { values: form.values, errors: r.errors } },
        400,
      );
    return redirectWithNotice(
      c,
      casePath(resource.id),
      'decided',
      r.value.result === 'pending' ? 'reopened' : '1',
    );
  });

  app.post(`${REVIEW_CASES_PATH}/:id/documents`, async (c) => {
    const { staff, resource } = await loadCase(c, 'write');
    const form = await readForm(c, FILES_SCHEMA, { files: ['files'] });
    if (!form.ok) return renderDetail(c, resource, { files: form.errors.files }, 400);
    // Every file is checked by its content before any is stored: taken whole or not at all.
    const files = [];
    for (const file of form.data.files) {
      if (file.size > DOCUMENT_LIMITS.maxBytes)
        return renderDetail(c, resource, { files: `文件「${file.name}」超过 20 MB 的上限` }, 400);
      const bytes = new Uint8Array(await file.arrayBuffer());
      const check = checkUpload(bytes, file.name, DOCUMENT_LIMITS);
      if (!check.ok) return renderDetail(c, resource, { files: check.message }, 400);
      files.push({ bytes, name: file.name });
    }
    const deps = c.get('deps');
    try {
      const r = await attachDocuments(
        deps,
        fileStoreOf(deps),
        resource.id,
        files,
        staff.accountId,
        actorOf(staff),
      );
      if (!r.ok) return renderDetail(c, resource, { files: r.errors._form ?? '文书未能保存' }, 400);
    } catch (e) {
      if (e instanceof FileRejectedError)
        return renderDetail(c, resource, { files: e.message }, 400);
      throw e;
    }
    return redirectWithNotice(c, casePath(resource.id), 'documents', 'attached');
  });

  app.post(`${REVIEW_CASES_PATH}/:id/documents/:fileId/delete`, async (c) => {
    const { staff, resource } = await loadCase(c, 'write');
    const fileId = c.req.param('fileId') ?? '';
    const deps = c.get('deps');
    const r = await detachDocument(deps, resource.id, fileId, actorOf(staff));
    if (!r.ok) throw new HTTPException(404, { message: '该文书不存在。' });
    await fileStoreOf(deps).delete(fileId);
    return redirectWithNotice(c, casePath(resource.id), 'documents', 'detached');
  });

  // The documents name the applicant (复议申请书, 起诉状): only the agency's own staff open them.
  app.get(`${REVIEW_CASES_PATH}/:id/documents/:fileId`, async (c) => {
    const { resource } = await authorizeOn(
      c,
      PERMISSION,
      await getCase(c.get('deps').db.kysely, c.req.param('id') ?? ''),
      { agencyOf: (k) => k.agencyId, mode: 'read', notFound: NOT_FOUND },
    );
    const fileId = c.req.param('fileId') ?? '';
    const deps = c.get('deps');
    const linked =
      BLOB_ID.test(fileId) &&
      (await listDocuments(deps.db.kysely, resource.id)).some((d) => d.fileId === fileId);
    const stored = linked ? await fileStoreOf(deps).get(fileId) : null;
    if (!stored) throw new HTTPException(404, { message: '该文书不存在。' });
    return fileResponse(stored.file, stored.bytes);
  });

  return app;
}
