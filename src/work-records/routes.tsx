// Console pages for the other records of the agency the console works on: an overview of a
// year by kind, and for each kind its list, the add and edit form and delete — the same
// routes for every kind, shaped by the kind's definition.
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { requirePermission } from '../auth/guards.js';
import { authorize, authorizeOn } from '../auth/policy.js';
import { actorOf } from '../commands/actor.js';
import { paginate } from '../db/paginate.js';
import { isoDateCst } from '../portal/dates.js';
import { DataTable } from '../web/data-table.js';
import type { AppEnv } from '../web/env.js';
import { readForm } from '../web/form-input.js';
import { PostForm, type FieldErrors } from '../web/forms.js';
import { ConsolePage } from '../web/layout.js';
import { oneOf, parseListQuery } from '../web/list-query.js';
import { NoticeBanner, readNotice, redirectWithNotice } from '../web/notice.js';
import { Pager } from '../web/pager.js';
import { createRecord, deleteRecord, updateRecord } from './commands.js';
import { kindPath, recordColumns, RecordForm, recordPath, WORK_RECORDS_PATH } from './pages.js';
import {
  getRecord,
  RECORD_SORTS,
  recordsOfYear,
  recordsQuery,
  rowToRecord,
  type RecordSort,
} from './repository.js';
import {
  EMPTY_RECORD_FORM,
  handledCounts,
  KIND_DEFINITIONS,
  KINDS,
  RECORD_FORM_FIELDS,
  recordInputSchema,
  recordToForm,
  type RecordFormValues,
  type WorkRecord,
  type WorkRecordKind,
} from './work-record.js';

const PERMISSION = 'work_record.manage';
const NOTICES = {
  saved: { created: '已登记。', updated: '已保存修改。', deleted: '已删除该记录。' },
};

const today = (c: Context<AppEnv>) => isoDateCst(c.get('deps').clock.now());

function kindOf(c: Context<AppEnv>): WorkRecordKind {
  const kind = KINDS.find((k) => KIND_DEFINITIONS[k].slug === c.req.param('kind'));
  if (!kind) throw new HTTPException(404, { message: '没有这类工作记录。' });
  return kind;
}

function yearsUpTo(c: Context<AppEnv>): string[] {
  const thisYear = Number(today(c).slice(0, 4));
  return Array.from({ length: 10 }, (_, i) => String(thisYear - i));
}

function YearPicker(p: {
  action: string;
  years: readonly string[];
  year: string | undefined;
  all?: boolean;
}) {
  return (
    <form method="get" action={p.action} class="inline-form">
      <label for="filter-year">年度</label>
      <select id="filter-year" name="year">
        {p.all ? <option value="">全部</option> : null}
        {p.years.map((y) => (
          <option value={y} selected={p.year === y}>
            {y}
          </option>
        ))}
      </select>
      <button type="submit" class="secondary">
        查看
      </button>
    </form>
  );
}

export function workRecordsRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(WORK_RECORDS_PATH, requirePermission(PERMISSION));
  app.use(`${WORK_RECORDS_PATH}/*`, requirePermission(PERMISSION));

  const manager = async (c: Context<AppEnv>, mode: 'read' | 'write') => {
    const staff = await authorize(c, PERMISSION);
    return authorize(c, PERMISSION, { agencyId: staff.currentAgencyId, mode });
  };

  /** The record of the URL, when it exists, is of the URL's kind and the staff may reach it. */
  const loadRecord = async (c: Context<AppEnv>, kind: WorkRecordKind) => {
    const record = await getRecord(c.get('deps').db.kysely, c.req.param('id') ?? '');
    return authorizeOn(c, PERMISSION, record?.kind === kind ? record : null, {
      agencyOf: (r) => r.agencyId,
      mode: 'write',
      notFound: '该记录不存在。',
    });
  };

  app.get(WORK_RECORDS_PATH, async (c) => {
    const staff = await manager(c, 'read');
    const years = yearsUpTo(c);
    const chosen = c.req.query('year');
    const year = chosen && years.includes(chosen) ? chosen : (years[1] as string);
    const records = await recordsOfYear(
      c.get('deps').db.kysely,
      staff.currentAgencyId,
      Number(year),
    );
    const of = (k: WorkRecordKind) => records.filter((r) => r.kind === k);
    const summary = (k: WorkRecordKind): string => {
      const list = of(k);
      if (KIND_DEFINITIONS[k].handled) {
        const n = handledCounts(list);
        return `${list.length} 件（主办 ${n.lead} 件，协办 ${n.assisting} 件，已办结 ${n.closed} 件）`;
      }
      return `${list.length} 次`;
    };
    return c.html(
      <ConsolePage title="政务公开工作记录">
        <p>
          这里登记年度报告要写到的其他工作：政府开放日、人大代表建议和政协提案办理、业务培训、基层政务公开。起草年度报告时据此撰写相应段落。
        </p>
        {chosen && chosen !== year ? (
          <p class="notice">
            年度“{chosen.slice(0, 10)}”无效，已显示 {year} 年
          </p>
        ) : null}
        <YearPicker action={WORK_RECORDS_PATH} years={years} year={year} />
        <table class="data">
          <caption>{year} 年工作记录</caption>
          <thead>
            <tr>
              <th scope="col">类别</th>
              <th scope="col">数量</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {KINDS.map((k) => (
              <tr>
                <th scope="row">{KIND_DEFINITIONS[k].label}</th>
                <td>{summary(k)}</td>
                <td>
                  <a href={`${kindPath(k)}?year=${year}`}>查看</a> ·{' '}
                  <a href={`${kindPath(k)}/new`} aria-label={`登记${KIND_DEFINITIONS[k].label}`}>
                    登记
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p class="hint">政务新媒体账号的开通与关停在“政务新媒体”中登记。</p>
      </ConsolePage>,
    );
  });

  app.get(`${WORK_RECORDS_PATH}/:kind`, async (c) => {
    const kind = kindOf(c);
    const d = KIND_DEFINITIONS[kind];
    const staff = await manager(c, 'read');
    const db = c.get('deps').db.kysely;
    const years = yearsUpTo(c);
    const list = parseListQuery(kindPath(kind), c.req.query(), {
      filters: { year: oneOf('年度', years) },
      sorts: RECORD_SORTS,
      defaultSort: 'occurredOn',
      defaultDirection: 'desc',
      pageSize: 20,
    });
    const page = await paginate(
      db,
      recordsQuery(db, staff.currentAgencyId, kind, {
        year: list.filters.year ? Number(list.filters.year) : undefined,
        sort: list.sort,
        direction: list.direction,
      }),
      list,
    );
    return c.html(
      <ConsolePage title={d.label}>
        <NoticeBanner message={readNotice(c, NOTICES)} />
        {list.problems.length > 0 ? <p class="notice">{list.problems.join('；')}</p> : null}
        <p>
          <a href={WORK_RECORDS_PATH}>返回工作记录</a> ·{' '}
          <a class="button" href={`${kindPath(kind)}/new`}>
            登记{d.label}
          </a>
        </p>
        <YearPicker action={kindPath(kind)} years={years} year={list.filters.year} all />
        <DataTable<WorkRecord, RecordSort>
          caption={list.filters.year ? `${list.filters.year} 年${d.label}` : `本机关${d.label}`}
          rows={page.rows.map(rowToRecord)}
          empty="没有符合条件的记录。"
          sorting={{ sort: list.sort, direction: list.direction, hrefFor: list.hrefFor }}
          columns={recordColumns(kind)}
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

  const renderForm = (
    c: Context<AppEnv>,
    kind: WorkRecordKind,
    record: WorkRecord | null,
    values: RecordFormValues,
    errors: FieldErrors,
    status: 200 | 400 = 200,
  ) => {
    const d = KIND_DEFINITIONS[kind];
    return c.html(
      <ConsolePage title={record ? `修改${d.label}` : `登记${d.label}`}>
        <p>
          <a href={kindPath(kind)}>返回{d.label}列表</a>
        </p>
        <RecordForm
          kind={kind}
          action={record ? recordPath(record) : kindPath(kind)}
          values={values}
          errors={errors}
          submit={record ? '保存' : '登记'}
        />
        {record ? (
          <PostForm action={`${recordPath(record)}/delete`} label="删除记录">
            <p>记录登记有误时可删除；删除后不再计入年度报告。</p>
            <button type="submit" class="secondary">
              删除该记录
            </button>
          </PostForm>
        ) : null}
      </ConsolePage>,
      status,
    );
  };

  app.get(`${WORK_RECORDS_PATH}/:kind/new`, async (c) => {
    const kind = kindOf(c);
    await manager(c, 'write');
    return renderForm(c, kind, null, EMPTY_RECORD_FORM, {});
  });

  app.post(`${WORK_RECORDS_PATH}/:kind`, async (c) => {
    const kind = kindOf(c);
    const staff = await manager(c, 'write');
    const form = await readForm(c, recordInputSchema(kind, today(c)), {
      fields: RECORD_FORM_FIELDS,
    });
    if (!form.ok) return renderForm(c, kind, null, form.values, form.errors, 400);
    const r = await createRecord(
      c.get('deps'),
      staff.currentAgencyId,
      kind,
      form.data,
      actorOf(staff),
    );
    if (!r.ok) return renderForm(c, kind, null, form.values, r.errors, 400);
    return redirectWithNotice(c, kindPath(kind), 'saved', 'created');
  });

  app.get(`${WORK_RECORDS_PATH}/:kind/:id/edit`, async (c) => {
    const kind = kindOf(c);
    const { resource } = await loadRecord(c, kind);
    return renderForm(c, kind, resource, recordToForm(resource), {});
  });

  app.post(`${WORK_RECORDS_PATH}/:kind/:id`, async (c) => {
    const kind = kindOf(c);
    const { staff, resource } = await loadRecord(c, kind);
    const form = await readForm(c, recordInputSchema(kind, today(c)), {
      fields: RECORD_FORM_FIELDS,
    });
    if (!form.ok) return renderForm(c, kind, resource, form.values, form.errors, 400);
    const r = await updateRecord(c.get('deps'), resource.id, form.data, actorOf(staff));
    if (!r.ok) return renderForm(c, kind, resource, form.values, r.errors, 400);
    return redirectWithNotice(c, kindPath(kind), 'saved', 'updated');
  });

  app.post(`${WORK_RECORDS_PATH}/:kind/:id/delete`, async (c) => {
    const kind = kindOf(c);
    const { staff, resource } = await loadRecord(c, kind);
    const r = await deleteRecord(c.get('deps'), resource.id, actorOf(staff));
    if (!r.ok) throw new HTTPException(404, { message: '该记录不存在。' });
    return redirectWithNotice(c, kindPath(kind), 'saved', 'deleted');
  });

  return app;
}
