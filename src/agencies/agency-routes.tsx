// Console pages for administrators: the agencies they manage (their own and those below),
// created and edited through forms that work without JavaScript.
import { Hono, type Context } from 'hono';
import { requirePermission } from '../auth/guards.js';
import { authorize, authorizeOn, canWriteAgency, writableAgencies } from '../auth/policy.js';
import { actorOf } from '../commands/actor.js';
import type { AppEnv } from '../web/env.js';
import { readForm } from '../web/form-input.js';
import { paginateRows } from '../db/paginate.js';
import { DataTable, ListProblems } from '../web/data-table.js';
import { SelectField, SubmitButton, TextField, type FieldErrors } from '../web/forms.js';
import { oneOf, parseListQuery, searchText } from '../web/list-query.js';
import { Pager } from '../web/pager.js';
import { ConsolePage } from '../web/layout.js';
import { NoticeBanner, readNotice, redirectWithNotice } from '../web/notice.js';
import {
  AGENCY_LEVELS,
  AGENCY_LEVEL_LABELS,
  AGENCY_FORM_FIELDS,
  agencyInputSchema,
  agencyToForm,
  emptyAgencyForm,
  type Agency,
  type AgencyFormValues,
} from './agency.js';
import { AgencyForm } from './agency-form.js';
import { depthOf, getAgencyById } from './agency-repository.js';
import { createAgency, updateAgency } from './agency-service.js';

export const AGENCIES_PATH = '/console/agencies';

const NOTICES = { saved: { '1': '已保存。' } };
const AGENCY_LIST = {
  filters: { q: searchText('机关名称'), level: oneOf('层级', AGENCY_LEVELS) },
  sorts: ['tree'] as const,
  defaultSort: 'tree' as const,
  defaultDirection: 'asc' as const,
  pageSize: 50,
};
const AGENCY_FORM = { fields: AGENCY_FORM_FIELDS };

/** The agencies the signed-in administrator manages. */
async function managed(c: Context<AppEnv>): Promise<Agency[]> {
  return writableAgencies(c.get('deps').db.kysely, await authorize(c, 'agency.manage'));
}

export function agencyRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(`${AGENCIES_PATH}/*`, requirePermission('agency.manage'));
  app.use(AGENCIES_PATH, requirePermission('agency.manage'));

  app.get(AGENCIES_PATH, async (c) => {
    const agencies = await managed(c);
    const list = parseListQuery(AGENCIES_PATH, c.req.query(), AGENCY_LIST);
    const { q, level } = list.filters;
    // Tree order (each agency under its parent) is the list's order; filtering keeps it.
    const shown = agencies.filter(
      (a) =>
        (!q || a.fullName.includes(q) || a.shortName.includes(q) || a.slug.includes(q)) &&
        (!level || a.level === level),
    );
    const page = paginateRows(shown, list);
    return c.html(
      <ConsolePage title="机关管理">
        <NoticeBanner message={readNotice(c, NOTICES)} />
        <p>
          <a class="button" href={`${AGENCIES_PATH}/new`}>
            新建下级机关
          </a>
        </p>
        <ListProblems problems={list.problems} />
        <form method="get" action={AGENCIES_PATH} class="form" aria-label="查找机关">
          <TextField name="q" label="机关名称或网址标识" value={q ?? ''} />
          <SelectField
            name="level"
            label="层级"
            value={level ?? ''}
            options={AGENCY_LEVELS.map((l) => ({ value: l, label: AGENCY_LEVEL_LABELS[l] }))}
            emptyLabel="全部"
          />
          <SubmitButton secondary>查找</SubmitButton>
        </form>
        <DataTable<Agency>
          caption="您管理的机关（本机关及其下级机关）"
          rows={page.rows}
          empty="没有符合条件的机关。"
          columns={[
            {
              label: '机关全称',
              cell: (a) => (
                <>
                  {'　'.repeat(depthOf(agencies, a.id))}
                  {a.fullName}
                </>
              ),
            },
            { label: '层级', cell: (a) => AGENCY_LEVEL_LABELS[a.level] },
            { label: '机关代码', cell: (a) => a.code },
            {
              label: '门户',
              cell: (a) => <a href={`/agencies/${a.slug}`}>/agencies/{a.slug}</a>,
            },
            {
              label: '操作',
              cell: (a) => (
                <a href={`${AGENCIES_PATH}/${a.id}/edit`} aria-label={`编辑 ${a.fullName}`}>
                  编辑
                </a>
              ),
            },
          ]}
        />
        <Pager
          total={page.total}
          page={page.page}
          pageCount={page.pageCount}
          hrefFor={list.hrefFor}
        />
      </ConsolePage>,
    );
  });

  const renderNew = async (
    c: Context<AppEnv>,
    values: AgencyFormValues,
    errors: FieldErrors,
    status: 200 | 400 = 200,
  ) => {
    const parents = await managed(c);
    return c.html(
      <ConsolePage title="新建机关">
        <AgencyForm
          action={AGENCIES_PATH}
          values={values}
          errors={errors}
          parents={parents}
          parentOptional={false}
          submitLabel="创建机关"
        />
      </ConsolePage>,
      status,
    );
  };

  app.get(`${AGENCIES_PATH}/new`, async (c) => {
    const staff = await authorize(c, 'agency.manage');
    return renderNew(c, { ...emptyAgencyForm(), parentId: staff.currentAgencyId }, {});
  });

  app.post(AGENCIES_PATH, async (c) => {
    const form = await readForm(c, agencyInputSchema, AGENCY_FORM);
    if (!form.ok) return renderNew(c, form.values, form.errors, 400);
    const parentId = form.data.parentId;
    if (!parentId) return renderNew(c, form.values, { parentId: '请选择上级机关' }, 400);
    // A new agency goes below one the administrator manages.
    const staff = await authorize(c, 'agency.manage', { agencyId: parentId, mode: 'write' });
    const result = await createAgency(c.get('deps'), form.data, actorOf(staff));
    if (!result.ok) return renderNew(c, form.values, result.errors, 400);
    return redirectWithNotice(c, AGENCIES_PATH, 'saved');
  });

  const renderEdit = async (
    c: Context<AppEnv>,
    agency: Agency,
    values: AgencyFormValues,
    errors: FieldErrors,
    status: 200 | 400 = 200,
  ) => {
    const candidates = (await managed(c)).filter((a) => a.id !== agency.id);
    // The current parent stays selectable even when it is above the admin's own agency.
    const current = agency.parentId
      ? await getAgencyById(c.get('deps').db.kysely, agency.parentId)
      : null;
    const parents =
      current && !candidates.some((a) => a.id === current.id)
        ? [current, ...candidates]
        : candidates;
    return c.html(
      <ConsolePage title={`编辑机关：${agency.fullName}`}>
        <AgencyForm
          action={`${AGENCIES_PATH}/${agency.id}`}
          values={values}
          errors={errors}
          parents={parents}
          parentOptional={agency.parentId === null}
          submitLabel="保存"
        />
      </ConsolePage>,
      status,
    );
  };

  /** The agency of the path, when the administrator manages it (403/404 otherwise). */
  const loadManaged = async (c: Context<AppEnv>) =>
    authorizeOn(
      c,
      'agency.manage',
      await getAgencyById(c.get('deps').db.kysely, c.req.param('id') ?? ''),
      { agencyOf: (a) => a.id, mode: 'write', notFound: '该机关不存在。' },
    );

  app.get(`${AGENCIES_PATH}/:id/edit`, async (c) => {
    const { resource: agency } = await loadManaged(c);
    return renderEdit(c, agency, agencyToForm(agency), {});
  });

  app.post(`${AGENCIES_PATH}/:id`, async (c) => {
    const { staff, resource: agency } = await loadManaged(c);
    const form = await readForm(c, agencyInputSchema, AGENCY_FORM);
    if (!form.ok) return renderEdit(c, agency, form.values, form.errors, 400);
    const newParent = form.data.parentId;
    // Moving an agency needs rights over its new parent; keeping the parent needs none.
    const db = c.get('deps').db.kysely;
    if (
      newParent !== agency.parentId &&
      (newParent === null || !(await canWriteAgency(db, staff, newParent)))
    ) {
      return renderEdit(
        c,
        agency,
        form.values,
        { parentId: '只能选择您管理的机关作为上级机关' },
        400,
      );
    }
    const result = await updateAgency(c.get('deps'), agency.id, form.data, actorOf(staff));
    if (!result.ok) return renderEdit(c, agency, form.values, result.errors, 400);
    return redirectWithNotice(c, AGENCIES_PATH, 'saved');
  });

  return app;
}
