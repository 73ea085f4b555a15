// Console pages for administrators: the staff accounts of the agencies they manage —
// list, create, set roles, deactivate/reactivate, reset password. Every change is audited.
import { Hono, type Context } from 'hono';
import { actorOf } from '../commands/actor.js';
import type { AppEnv } from '../web/env.js';
import { readForm } from '../web/form-input.js';
import { z } from 'zod';
import {
  ChoiceGroup,
  ErrorSummary,
  PostForm,
  SelectField,
  SubmitButton,
  TextField,
  type FieldErrors,
} from '../web/forms.js';
import { ConsolePage } from '../web/layout.js';
import { DataTable, ListProblems } from '../web/data-table.js';
import { oneOf, parseListQuery, searchText } from '../web/list-query.js';
import { Pager } from '../web/pager.js';
import { NoticeBanner, readNotice, redirectWithNotice } from '../web/notice.js';
import {
  accountEmailFormSchema,
  accountRolesFormSchema,
  newAccountFormSchema,
  type Account,
} from './account.js';
import { getAccountById, listAccounts } from './account-repository.js';
import {
  createAccount,
  resetPassword,
  setAccountActive,
  setAccountEmail,
  setAccountRoles,
} from './account-service.js';
import { requirePermission } from './guards.js';
import { PASSWORD_RULES_TEXT } from './password-rules.js';
import { authorize, authorizeOn, canWriteAgency, writableAgencies } from './policy.js';
import { ROLE_LABELS, ROLES, roleLabel } from './roles.js';

export const ACCOUNTS_PATH = '/console/accounts';

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
const ROLE_HINT =
  '承办人办理申请；负责人审批延期和答复；保密审查员审查拟公开信息；发布员发布信息；上级监督可查阅下级机关；系统管理员管理机关、账号和审计日志。';

/** The new-account form's fields: they label the inputs and the error summary alike. */
const NEW_ACCOUNT_LABELS = {
  username: '用户名',
  displayName: '姓名',
  email: '电子邮箱',
  agencyId: '所属机关',
  roles: '角色',
  password: '初始密码',
} as const;
const NEW_ACCOUNT_FORM = {
  fields: ['username', 'displayName', 'email', 'agencyId', 'password'],
  arrays: ['roles'],
} as const;

/** The account page's forms (roles, password reset), labelled the same way. */
const ACCOUNT_LABELS = { roles: '角色', password: '新密码', email: '电子邮箱' } as const;
const EMAIL_FORM = { fields: ['email'] } as const;
const EMAIL_HINT =
  '用于接收本人的依申请公开办理提醒（每个工作日一封）；可不填，不填时提醒发往本机关政府信息公开工作机构的电子邮箱。';

const LIST_NOTICES = { saved: { '1': '已保存。' } };
// The password rules are the service's to check; the form hands the password over as typed.
const PASSWORD_FORM = { fields: ['password'] } as const;
const passwordFormSchema = z.object({ password: z.string() });
const ACTIVE_FORM = { fields: ['active'] } as const;
const activeFormSchema = z.object({ active: z.string() });
const ACCOUNT_NOTICES = {
  saved: { '1': '已保存。', password: '密码已重置，该账号需用新密码重新登录。' },
};

/** The agencies the signed-in administrator manages. */
async function managedAgencies(c: Context<AppEnv>) {
  return writableAgencies(c.get('deps').db.kysely, await authorize(c, 'account.manage'));
}

/** The account of the path, when the administrator manages its agency (403/404 otherwise). */
async function loadManagedAccount(c: Context<AppEnv>) {
  return authorizeOn(
    c,
    'account.manage',
    await getAccountById(c.get('deps').db.kysely, c.req.param('id') ?? ''),
    { agencyOf: (a) => a.agencyId, mode: 'write', notFound: '该账号不存在。' },
  );
}

interface NewValues {
  username: string;
  displayName: string;
  email: string;
  agencyId: string;
  roles: readonly string[];
}

export function accountRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(ACCOUNTS_PATH, requirePermission('account.manage'));
  app.use(`${ACCOUNTS_PATH}/*`, requirePermission('account.manage'));

  app.get(ACCOUNTS_PATH, async (c) => {
    const agencies = await managedAgencies(c);
    const list = parseListQuery(ACCOUNTS_PATH, c.req.query(), {
      filters: {
        q: searchText('用户名或姓名'),
        agency: oneOf(
          '所属机关',
          agencies.map((a) => a.id),
        ),
        role: oneOf('角色', ROLES),
        status: oneOf('状态', ['active', 'inactive'] as const),
      },
      sorts: ['username', 'name'] as const,
      defaultSort: 'username',
      defaultDirection: 'asc',
      pageSize: 50,
    });
    const f = list.filters;
    const page = await listAccounts(c.get('deps').db.kysely, {
      agencyIds: agencies.map((a) => a.id),
      agencyId: f.agency,
      text: f.q,
      role: f.role,
      active: f.status === undefined ? undefined : f.status === 'active',
      sort: list.sort,
      direction: list.direction,
      page: list.page,
      pageSize: list.pageSize,
    });
    const names = new Map(agencies.map((a) => [a.id, a.fullName]));
    return c.html(
      <ConsolePage title="账号管理">
        <NoticeBanner message={readNotice(c, LIST_NOTICES)} />
        <p>
          <a class="button" href={`${ACCOUNTS_PATH}/new`}>
            新建账号
          </a>
        </p>
        <ListProblems problems={list.problems} />
        <form method="get" action={ACCOUNTS_PATH} class="form" aria-label="查找账号">
          <TextField name="q" label="用户名或姓名" value={f.q ?? ''} />
          <SelectField
            name="agency"
            label="所属机关"
            value={f.agency ?? ''}
            options={agencies.map((a) => ({ value: a.id, label: a.fullName }))}
            emptyLabel="全部"
          />
          <SelectField
            name="role"
            label="角色"
            value={f.role ?? ''}
            options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
            emptyLabel="全部"
          />
          <SelectField
            name="status"
            label="状态"
            value={f.status ?? ''}
            options={[
              { value: 'active', label: '正常' },
              { value: 'inactive', label: '已停用' },
            ]}
            emptyLabel="全部"
          />
          <SubmitButton secondary>查找</SubmitButton>
        </form>
        <DataTable<Account, 'username' | 'name'>
          caption="您管理的机关的工作人员账号"
          rows={page.rows}
          empty="没有符合条件的账号。"
          sorting={{ sort: list.sort, direction: list.direction, hrefFor: list.hrefFor }}
          columns={[
            {
              label: '用户名',
              sortKey: 'username',
              cell: (a) => <a href={`${ACCOUNTS_PATH}/${a.id}`}>{a.username}</a>,
            },
            { label: '姓名', sortKey: 'name', cell: (a) => a.displayName },
            { label: '所属机关', cell: (a) => names.get(a.agencyId) ?? '' },
            { label: '角色', cell: (a) => a.roles.map(roleLabel).join('、') },
            { label: '状态', cell: (a) => (a.isActive ? '正常' : '已停用') },
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
    v: NewValues,
    e: FieldErrors,
    status: 200 | 400 = 200,
  ) => {
    const agencies = await managedAgencies(c);
    return c.html(
      <ConsolePage title="新建账号">
        <PostForm action={ACCOUNTS_PATH} label="新建账号">
          <ErrorSummary errors={e} labels={NEW_ACCOUNT_LABELS} />
          <TextField
            name="username"
            label={NEW_ACCOUNT_LABELS.username}
            value={v.username}
            error={e.username}
            required
            autocomplete="off"
            hint="小写英文字母、数字、点、下划线或连字符，如 zhang.san"
          />
          <TextField
            name="displayName"
            label={NEW_ACCOUNT_LABELS.displayName}
            value={v.displayName}
            error={e.displayName}
            required
          />
          <TextField
            name="email"
            label={NEW_ACCOUNT_LABELS.email}
            type="email"
            value={v.email}
            error={e.email}
            autocomplete="off"
            hint={EMAIL_HINT}
          />
          <SelectField
            name="agencyId"
            label={NEW_ACCOUNT_LABELS.agencyId}
            value={v.agencyId}
            error={e.agencyId}
            required
            options={agencies.map((a) => ({ value: a.id, label: a.fullName }))}
          />
          <ChoiceGroup
            name="roles"
            label={NEW_ACCOUNT_LABELS.roles}
            kind="checkbox"
            value={v.roles}
            error={e.roles}
            options={ROLE_OPTIONS}
            hint={ROLE_HINT}
            required
          />
          <TextField
            name="password"
            label={NEW_ACCOUNT_LABELS.password}
            type="password"
            error={e.password}
            required
            autocomplete="new-password"
            hint={PASSWORD_RULES_TEXT}
          />
          <SubmitButton>创建账号</SubmitButton>
        </PostForm>
      </ConsolePage>,
      status,
    );
  };

  app.get(`${ACCOUNTS_PATH}/new`, async (c) => {
    const staff = await authorize(c, 'account.manage');
    return renderNew(
      c,
      { username: '', displayName: '', email: '', agencyId: staff.currentAgencyId, roles: [] },
      {},
    );
  });

  app.post(ACCOUNTS_PATH, async (c) => {
    const staff = await authorize(c, 'account.manage');
    const form = await readForm(c, newAccountFormSchema, NEW_ACCOUNT_FORM);
    const agencyId = form.values.agencyId;
    // Every problem is listed at once: the agency's too, alongside the form's own.
    const agencyError = (await canWriteAgency(c.get('deps').db.kysely, staff, agencyId))
      ? {}
      : { agencyId: '请选择您管理的机关' };
    if (!form.ok) return renderNew(c, form.values, { ...form.errors, ...agencyError }, 400);
    if (agencyError.agencyId) return renderNew(c, form.values, agencyError, 400);
    const result = await createAccount(c.get('deps'), form.data, actorOf(staff));
    if (!result.ok) return renderNew(c, form.values, result.errors, 400);
    return redirectWithNotice(c, ACCOUNTS_PATH, 'saved');
  });

  const renderAccount = async (
    c: Context<AppEnv>,
    account: Account,
    e: FieldErrors,
    roles: readonly string[] = account.roles,
    status: 200 | 400 = 200,
    email: string = account.email ?? '',
  ) => {
    const agency = (await managedAgencies(c)).find((a) => a.id === account.agencyId);
    return c.html(
      <ConsolePage title={`账号：${account.displayName}（${account.username}）`}>
        <NoticeBanner message={readNotice(c, ACCOUNT_NOTICES)} />
        <ErrorSummary errors={e} labels={ACCOUNT_LABELS} />
        <dl class="facts">
          <dt>所属机关</dt>
          <dd>{agency?.fullName ?? ''}</dd>
          <dt>状态</dt>
          <dd>{account.isActive ? '正常' : '已停用'}</dd>
        </dl>
        <h2>角色</h2>
        <PostForm action={`${ACCOUNTS_PATH}/${account.id}/roles`} label="设置角色">
          <ChoiceGroup
            name="roles"
            label={ACCOUNT_LABELS.roles}
            kind="checkbox"
            value={roles}
            error={e.roles}
            options={ROLE_OPTIONS}
            hint={ROLE_HINT}
            required
          />
          <SubmitButton>保存角色</SubmitButton>
        </PostForm>
        <h2>电子邮箱</h2>
        <PostForm action={`${ACCOUNTS_PATH}/${account.id}/email`} label="设置电子邮箱">
          <TextField
            name="email"
            label={ACCOUNT_LABELS.email}
            type="email"
            value={email}
            error={e.email}
            autocomplete="off"
            hint={EMAIL_HINT}
          />
          <SubmitButton>保存电子邮箱</SubmitButton>
        </PostForm>
        <h2>重置密码</h2>
        <PostForm action={`${ACCOUNTS_PATH}/${account.id}/password`} label="重置密码">
          <TextField
            name="password"
            label={ACCOUNT_LABELS.password}
            type="password"
            error={e.password}
            required
            autocomplete="new-password"
            hint={PASSWORD_RULES_TEXT}
          />
          <SubmitButton>重置密码</SubmitButton>
        </PostForm>
        <h2>{account.isActive ? '停用账号' : '启用账号'}</h2>
        <PostForm
          action={`${ACCOUNTS_PATH}/${account.id}/active`}
          label={account.isActive ? '停用账号' : '启用账号'}
        >
          <input type="hidden" name="active" value={account.isActive ? '0' : '1'} />
          <p>
            {account.isActive
              ? '停用后该账号立即退出登录，且不能再登录；记录保留。'
              : '启用后该账号可以重新登录。'}
          </p>
          <SubmitButton secondary>{account.isActive ? '停用账号' : '启用账号'}</SubmitButton>
        </PostForm>
        <p>
          <a href={`/console/audit?subjectType=account&subjectId=${account.id}`}>
            查看该账号的审计记录
          </a>
        </p>
      </ConsolePage>,
      status,
    );
  };

  app.get(`${ACCOUNTS_PATH}/:id`, async (c) =>
    renderAccount(c, (await loadManagedAccount(c)).resource, {}),
  );

  app.post(`${ACCOUNTS_PATH}/:id/roles`, async (c) => {
    const { staff, resource: account } = await loadManagedAccount(c);
    const form = await readForm(c, accountRolesFormSchema, { arrays: ['roles'] });
    if (!form.ok) return renderAccount(c, account, form.errors, form.values.roles, 400);
    const result = await setAccountRoles(
      c.get('deps'),
      account.id,
      form.data.roles,
      actorOf(staff),
    );
    if (!result.ok) return renderAccount(c, account, result.errors, form.values.roles, 400);
    return redirectWithNotice(c, `${ACCOUNTS_PATH}/${account.id}`, 'saved');
  });

  app.post(`${ACCOUNTS_PATH}/:id/email`, async (c) => {
    const { staff, resource: account } = await loadManagedAccount(c);
    const form = await readForm(c, accountEmailFormSchema, EMAIL_FORM);
    if (!form.ok)
      return renderAccount(c, account, form.errors, account.roles, 400, form.values.email);
    const result = await setAccountEmail(
      c.get('deps'),
      account.id,
      form.data.email,
      actorOf(staff),
    );
    if (!result.ok)
      return renderAccount(c, account, result.errors, account.roles, 400, form.values.email);
    return redirectWithNotice(c, `${ACCOUNTS_PATH}/${account.id}`, 'saved');
  });

  app.post(`${ACCOUNTS_PATH}/:id/password`, async (c) => {
    const { staff, resource: account } = await loadManagedAccount(c);
    const { password } = (await readForm(c, passwordFormSchema, PASSWORD_FORM)).values;
    const result = await resetPassword(c.get('deps'), account.id, password, actorOf(staff));
    if (!result.ok) return renderAccount(c, account, result.errors, account.roles, 400);
    return redirectWithNotice(c, `${ACCOUNTS_PATH}/${account.id}`, 'saved', 'password');
  });

  app.post(`${ACCOUNTS_PATH}/:id/active`, async (c) => {
    const { staff, resource: account } = await loadManagedAccount(c);
    const { active } = (await readForm(c, activeFormSchema, ACTIVE_FORM)).values;
    const result = await setAccountActive(
      c.get('deps'),
      account.id,
      active === '1',
      actorOf(staff),
    );
    if (!result.ok) return renderAccount(c, account, result.errors, account.roles, 400);
    return redirectWithNotice(c, `${ACCOUNTS_PATH}/${account.id}`, 'saved');
  });

  return app;
}
