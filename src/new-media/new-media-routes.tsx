// Console pages for the new-media registry of the agency the console works on: the list
// (filter, sort, pages), the yearly counts for the annual report, registering and closing.
import { Hono, type Context } from 'hono';
import { requirePermission } from '../auth/guards.js';
import { authorize, authorizeOn } from '../auth/policy.js';
import { actorOf } from '../commands/actor.js';
import { paginate } from '../db/paginate.js';
import { isoDateCst } from '../portal/dates.js';
import { DataTable } from '../web/data-table.js';
import type { AppEnv } from '../web/env.js';
import { readForm } from '../web/form-input.js';
import type { FieldErrors } from '../web/forms.js';
import { ConsolePage } from '../web/layout.js';
import { oneOf, parseListQuery } from '../web/list-query.js';
import { NoticeBanner, readNotice, redirectWithNotice } from '../web/notice.js';
import { Pager } from '../web/pager.js';
import {
  ACCOUNT_FORM_FIELDS,
  accountInputSchema,
  CLOSE_FORM_FIELDS,
  closeInputSchema,
  countsForYear,
  PLATFORM_LABELS,
  platformName,
  STATUS_LABELS,
  type AccountFormValues,
  type NewMediaAccount,
} from './new-media.js';
import { AccountForm, CloseForm } from './new-media-pages.js';
import {
  ACCOUNT_SORTS,
  accountsQuery,
  getAccount,
  listAllAccounts,
  rowToAccount,
  type AccountSort,
} from './new-media-repository.js';
import { closeAccount, registerAccount } from './new-media-service.js';

export const NEW_MEDIA_PATH = '/console/new-media';
const NOTICES = { saved: { '1': '已登记。' }, closed: { '1': '已关停该账号。' } };
const EMPTY_FORM: AccountFormValues = {
  platform: '',
  platformOther: '',
  name: '',
  operator: '',
  openedOn: '',
};

/** The staff member, when they may manage the registry of the agency the console works on. */
async function manager(c: Context<AppEnv>, mode: 'read' | 'write') {
  const staff = await authorize(c, 'new_media.manage');
  return authorize(c, 'new_media.manage', { agencyId: staff.currentAgencyId, mode });
}

function YearCountsTable({ accounts, year }: { accounts: NewMediaAccount[]; year: number }) {
  const counts = countsForYear(accounts, year);
  return (
    <table class="data">
      <caption>{year} 年政务新媒体情况（用于年度报告）</caption>
      <thead>
        <tr>
          <th scope="col">平台</th>
          <th scope="col">年末运营</th>
          <th scope="col">当年开通</th>
          <th scope="col">当年关停</th>
        </tr>
      </thead>
      <tbody>
        {counts.byPlatform.map((p) => (
          <tr>
            <th scope="row">{PLATFORM_LABELS[p.platform]}</th>
            <td>{p.activeAtYearEnd}</td>
            <td>{p.openedInYear}</td>
            <td>{p.closedInYear}</td>
          </tr>
        ))}
        <tr>
          <th scope="row">合计</th>
          <td>{counts.total.activeAtYearEnd}</td>
          <td>{counts.total.openedInYear}</td>
          <td>{counts.total.closedInYear}</td>
        </tr>
      </tbody>
    </table>
  );
}

export function newMediaRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(NEW_MEDIA_PATH, requirePermission('new_media.manage'));
  app.use(`${NEW_MEDIA_PATH}/*`, requirePermission('new_media.manage'));

  app.get(NEW_MEDIA_PATH, async (c) => {
    const staff = await manager(c, 'read');
    const db = c.get('deps').db.kysely;
    const thisYear = Number(isoDateCst(c.get('deps').clock.now()).slice(0, 4));
    const years = Array.from({ length: 10 }, (_, i) => String(thisYear - i));
    const list = parseListQuery(NEW_MEDIA_PATH, c.req.query(), {
      filters: { status: oneOf('状态', ['active', 'closed'] as const), year: oneOf('年度', years) },
      sorts: ACCOUNT_SORTS,
      defaultSort: 'openedOn',
      defaultDirection: 'desc',
      pageSize: 20,
    });
    const year = Number(list.filters.year ?? thisYear - 1);
    const [page, all] = await Promise.all([
      paginate(
        db,
        accountsQuery(db, staff.currentAgencyId, {
          status: list.filters.status,
          sort: list.sort,
          direction: list.direction,
        }),
        list,
      ),
      listAllAccounts(db, staff.currentAgencyId),
    ]);
    const rows = page.rows.map(rowToAccount);
    return c.html(
      <ConsolePage title="政务新媒体">
        <NoticeBanner message={readNotice(c, NOTICES)} />
        {list.problems.length > 0 ? <p class="notice">{list.problems.join('；')}</p> : null}
        <p>
          <a class="button" href={`${NEW_MEDIA_PATH}/new`}>
            登记账号
          </a>
        </p>
        <nav aria-label="按状态筛选">
          <ul class="inline-links">
            <li>
              <a
                href={list.hrefFor({ filters: { status: undefined } })}
                aria-current={list.filters.status ? undefined : 'true'}
              >
                全部
              </a>
            </li>
            {(['active', 'closed'] as const).map((s) => (
              <li>
                <a
                  href={list.hrefFor({ filters: { status: s } })}
                  aria-current={list.filters.status === s ? 'true' : undefined}
                >
                  {STATUS_LABELS[s]}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <DataTable<NewMediaAccount, AccountSort>
          caption="本机关政务新媒体账号"
          rows={rows}
          empty="没有符合条件的账号。"
          sorting={{ sort: list.sort, direction: list.direction, hrefFor: list.hrefFor }}
          columns={[
            { label: '平台', cell: (a) => platformName(a), sortKey: 'platform' },
            { label: '账号名称', cell: (a) => a.name, sortKey: 'name' },
            { label: '运营主体', cell: (a) => a.operator },
            { label: '开通日期', cell: (a) => a.openedOn, sortKey: 'openedOn' },
            {
              label: '状态',
              sortKey: 'status',
              cell: (a) =>
                a.status === 'closed'
                  ? `已关停（${a.closedOn}：${a.closeReason}）`
                  : STATUS_LABELS.active,
            },
            {
              label: '操作',
              cell: (a) =>
                a.status === 'active' ? (
                  <a href={`${NEW_MEDIA_PATH}/${a.id}/close`} aria-label={`关停 ${a.name}`}>
                    关停
                  </a>
                ) : (
                  '—'
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
        <h2>年度统计</h2>
        <form method="get" action={NEW_MEDIA_PATH} class="inline-form">
          <label for="year">年度</label>
          <select id="year" name="year">
            {years.map((y) => (
              <option value={y} selected={Number(y) === year}>
                {y}
              </option>
            ))}
          </select>
          {list.filters.status ? (
            <input type="hidden" name="status" value={list.filters.status} />
          ) : null}
          <button type="submit" class="secondary">
            查看
          </button>
        </form>
        <YearCountsTable accounts={all} year={year} />
      </ConsolePage>,
    );
  });

  const renderNew = (
    c: Context<AppEnv>,
    values: AccountFormValues,
    errors: FieldErrors,
    status: 200 | 400 = 200,
  ) =>
    c.html(
      <ConsolePage title="登记政务新媒体账号">
        <AccountForm action={NEW_MEDIA_PATH} values={values} errors={errors} />
      </ConsolePage>,
      status,
    );

  app.get(`${NEW_MEDIA_PATH}/new`, async (c) => {
    await manager(c, 'write');
    return renderNew(c, EMPTY_FORM, {});
  });

  app.post(NEW_MEDIA_PATH, async (c) => {
    const staff = await manager(c, 'write');
    const form = await readForm(c, accountInputSchema, { fields: ACCOUNT_FORM_FIELDS });
    if (!form.ok) return renderNew(c, form.values, form.errors, 400);
    const result = await registerAccount(
      c.get('deps'),
      staff.currentAgencyId,
      form.data,
      actorOf(staff),
    );
    if (!result.ok) return renderNew(c, form.values, result.errors, 400);
    return redirectWithNotice(c, NEW_MEDIA_PATH, 'saved');
  });

  const loadAccount = async (c: Context<AppEnv>) =>
    authorizeOn(
      c,
      'new_media.manage',
      await getAccount(c.get('deps').db.kysely, c.req.param('id') ?? ''),
      {
        agencyOf: (a) => a.agencyId,
        mode: 'write',
        notFound: '该账号不存在。',
      },
    );

  const renderClose = (
    c: Context<AppEnv>,
    account: NewMediaAccount,
    values: { closedOn: string; reason: string },
    errors: FieldErrors,
    status: 200 | 400 = 200,
  ) =>
    c.html(
      <ConsolePage title="关停政务新媒体账号">
        <CloseForm
          action={`${NEW_MEDIA_PATH}/${account.id}/close`}
          account={account}
          values={values}
          errors={errors}
        />
      </ConsolePage>,
      status,
    );

  app.get(`${NEW_MEDIA_PATH}/:id/close`, async (c) => {
    const { resource } = await loadAccount(c);
    return renderClose(
      c,
      resource,
      { closedOn: isoDateCst(c.get('deps').clock.now()), reason: '' },
      {},
    );
  });

  app.post(`${NEW_MEDIA_PATH}/:id/close`, async (c) => {
    const { staff, resource } = await loadAccount(c);
    const form = await readForm(c, closeInputSchema, { fields: CLOSE_FORM_FIELDS });
    if (!form.ok) return renderClose(c, resource, form.values, form.errors, 400);
    const result = await closeAccount(c.get('deps'), resource.id, form.data, actorOf(staff));
    if (!result.ok) return renderClose(c, resource, form.values, result.errors, 400);
    return redirectWithNotice(c, NEW_MEDIA_PATH, 'closed');
  });

  return app;
}
