// Console pages of assisted handling (协查) for the agency the console works on: the list
// (by year, pending or answered, sorted, paged) with the year's count for the annual report,
// recording one and correcting it. Request-handling staff only (src/auth/policy.ts).
import { Hono, type Context } from 'hono';
import { listAgencies } from '../agencies/agency-repository.js';
import { requirePermission } from '../auth/guards.js';
import { authorize, authorizeOn } from '../auth/policy.js';
import { actorOf } from '../commands/actor.js';
import { paginate } from '../db/paginate.js';
import { isoDateCst } from '../portal/dates.js';
import { DataTable, ListProblems } from '../web/data-table.js';
import type { AppEnv } from '../web/env.js';
import { readForm } from '../web/form-input.js';
import type { FieldErrors } from '../web/forms.js';
import { ConsolePage } from '../web/layout.js';
import { oneOf, parseListQuery } from '../web/list-query.js';
import { NoticeBanner, readNotice, redirectWithNotice } from '../web/notice.js';
import { Pager } from '../web/pager.js';
import {
  ASSISTED_FORM_FIELDS,
  assistedInputSchema,
  formValuesOf,
  type AssistedFormValues,
  type AssistedRequest,
} from './assisted.js';
import { AssistedForm } from './assisted-pages.js';
import {
  ASSISTED_SORTS,
  assistedQuery,
  getAssisted,
  rowToAssisted,
  type AssistedSort,
} from './assisted-repository.js';
import { recordAssisted, updateAssisted } from './assisted-service.js';
import { countAssistedInYear } from './assisted-year.js';

export const ASSISTED_PATH = '/console/assisted-requests';
const NOTICES = { saved: { '1': '已登记协查。', '2': '已保存修改。' } };
const EMPTY_FORM: AssistedFormValues = {
  requestingAgencyId: '',
  requestingAgencyName: '',
  receivedOn: '',
  subject: '',
  theirReference: '',
  answeredOn: '',
  note: '',
};
const STATUSES = ['pending', 'answered'] as const;
const STATUS_LABELS = { pending: '未答复', answered: '已答复' } as const;

async function handler(c: Context<AppEnv>, mode: 'read' | 'write') {
  const staff = await authorize(c, 'request.handle');
  return authorize(c, 'request.handle', { agencyId: staff.currentAgencyId, mode });
}

/** The other agencies on the platform, for the requesting agency's list. */
async function otherAgencies(c: Context<AppEnv>, agencyId: string) {
  return (await listAgencies(c.get('deps').db.kysely)).filter((a) => a.id !== agencyId);
}

export function assistedRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(ASSISTED_PATH, requirePermission('request.handle'));
  app.use(`${ASSISTED_PATH}/*`, requirePermission('request.handle'));

  app.get(ASSISTED_PATH, async (c) => {
    const staff = await handler(c, 'read');
    const db = c.get('deps').db.kysely;
    const thisYear = Number(isoDateCst(c.get('deps').clock.now()).slice(0, 4));
    const years = Array.from({ length: 10 }, (_, i) => String(thisYear - i));
    const list = parseListQuery(ASSISTED_PATH, c.req.query(), {
      filters: { year: oneOf('年度', years), status: oneOf('状态', STATUSES) },
      sorts: ASSISTED_SORTS,
      defaultSort: 'receivedOn',
      defaultDirection: 'desc',
      pageSize: 20,
    });
    const year = list.filters.year ? Number(list.filters.year) : undefined;
    const filtered = assistedQuery(db, staff.currentAgencyId, {
      year,
      status: list.filters.status,
      sort: list.sort,
      direction: list.direction,
    });
    const [page, yearCount] = await Promise.all([
      paginate(db, filtered, list),
      year === undefined
        ? Promise.resolve(null)
        : countAssistedInYear(db, staff.currentAgencyId, year),
    ]);
    const rows = page.rows.map(rowToAssisted);
    return c.html(
      <ConsolePage title="协查">
        <NoticeBanner message={readNotice(c, NOTICES)} />
        <ListProblems problems={list.problems} />
        <p>
          协助其他机关办理的政府信息公开申请。按收到协查之日计入当年年度报告“协查”件数，不计入表三。
        </p>
        <p>
          <a class="button" href={`${ASSISTED_PATH}/new`}>
            登记协查
          </a>
        </p>
        <form method="get" action={ASSISTED_PATH} class="inline-form">
          <label for="filter-year">年度</label>
          <select id="filter-year" name="year">
            <option value="">全部</option>
            {years.map((y) => (
              <option value={y} selected={list.filters.year === y}>
                {y}
              </option>
            ))}
          </select>
          <label for="filter-status">状态</label>
          <select id="filter-status" name="status">
            <option value="">全部</option>
            {STATUSES.map((s) => (
              <option value={s} selected={list.filters.status === s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
          <button type="submit" class="secondary">
            筛选
          </button>
        </form>
        {yearCount !== null ? (
          <p role="status">
            {year}年收到协查 {yearCount} 件（计入{year}年度报告）。
          </p>
        ) : null}
        <DataTable<AssistedRequest, AssistedSort>
          caption="本机关协查记录"
          rows={rows}
          empty="没有符合条件的协查记录。"
          sorting={{ sort: list.sort, direction: list.direction, hrefFor: list.hrefFor }}
          columns={[
            { label: '收到协查之日', cell: (a) => a.receivedOn, sortKey: 'receivedOn' },
            {
              label: '提出协查的机关',
              cell: (a) => a.requestingAgencyName,
              sortKey: 'requestingAgency',
            },
            { label: '协查事项', cell: (a) => a.subject },
            { label: '来文编号', cell: (a) => a.theirReference ?? '—' },
            {
              label: '答复协查之日',
              cell: (a) => a.answeredOn ?? STATUS_LABELS.pending,
              sortKey: 'answeredOn',
            },
            {
              label: '操作',
              cell: (a) => (
                <a href={`${ASSISTED_PATH}/${a.id}/edit`} aria-label={`修改 ${a.subject}`}>
                  修改
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

  const renderForm = async (
    c: Context<AppEnv>,
    agencyId: string,
    form: { action: string; title: string; submit: string },
    values: AssistedFormValues,
    errors: FieldErrors,
    status: 200 | 400 = 200,
  ) =>
    c.html(
      <ConsolePage title={form.title}>
        <AssistedForm
          {...form}
          values={values}
          errors={errors}
          agencies={await otherAgencies(c, agencyId)}
        />
      </ConsolePage>,
      status,
    );

  const NEW = { action: ASSISTED_PATH, title: '登记协查', submit: '登记' };

  app.get(`${ASSISTED_PATH}/new`, async (c) => {
    const staff = await handler(c, 'write');
    return renderForm(c, staff.currentAgencyId, NEW, EMPTY_FORM, {});
  });

  app.post(ASSISTED_PATH, async (c) => {
    const staff = await handler(c, 'write');
    const form = await readForm(c, assistedInputSchema, { fields: ASSISTED_FORM_FIELDS });
    if (!form.ok) return renderForm(c, staff.currentAgencyId, NEW, form.values, form.errors, 400);
    const result = await recordAssisted(
      c.get('deps'),
      staff.currentAgencyId,
      form.data,
      actorOf(staff),
    );
    if (!result.ok)
      return renderForm(c, staff.currentAgencyId, NEW, form.values, result.errors, 400);
    return redirectWithNotice(c, ASSISTED_PATH, 'saved', '1');
  });

  const load = async (c: Context<AppEnv>) =>
    authorizeOn(
      c,
      'request.handle',
      await getAssisted(c.get('deps').db.kysely, c.req.param('id') ?? ''),
      { agencyOf: (a) => a.agencyId, mode: 'write', notFound: '该协查记录不存在。' },
    );
  const edit = (a: AssistedRequest) => ({
    action: `${ASSISTED_PATH}/${a.id}/edit`,
    title: '修改协查记录',
    submit: '保存',
  });

  app.get(`${ASSISTED_PATH}/:id/edit`, async (c) => {
    const { resource } = await load(c);
    return renderForm(c, resource.agencyId, edit(resource), formValuesOf(resource), {});
  });

  app.post(`${ASSISTED_PATH}/:id/edit`, async (c) => {
    const { staff, resource } = await load(c);
    const form = await readForm(c, assistedInputSchema, { fields: ASSISTED_FORM_FIELDS });
    if (!form.ok)
      return renderForm(c, resource.agencyId, edit(resource), form.values, form.errors, 400);
    const result = await updateAssisted(c.get('deps'), resource.id, form.data, actorOf(staff));
    if (!result.ok)
      return renderForm(c, resource.agencyId, edit(resource), form.values, result.errors, 400);
    return redirectWithNotice(c, ASSISTED_PATH, 'saved', '2');
  });

  return app;
}
