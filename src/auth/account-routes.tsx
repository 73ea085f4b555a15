// Console pages for administrators: the staff accounts of the agencies they manage —
// list, create, set roles, deactivate/reactivate, reset password. Every change is audited.
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { listAgencies } from '../agencies/agency-repository.js';
import type { Agency } from '../agencies/agency.js';
import type { AppEnv, StaffSession } from '../web/env.js';
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
import { displayNameSchema, rolesSchema, usernameSchema, type Account } from './account.js';
import { getAccountById, listAccountsOfAgencies } from './account-repository.js';
import {
  createAccount,
  resetPassword,
  setAccountActive,
  setAccountRoles,
} from './account-service.js';
import { requireRole } from './guards.js';
import { PASSWORD_RULES_TEXT } from './password-rules.js';
import { actorOf, agencyScope } from './policy.js';
import { ROLE_LABELS, ROLES, roleLabel, type Role } from './roles.js';

export const ACCOUNTS_PATH = '/console/accounts';

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
const ROLE_HINT =
  '承办人办理申请；负责人审批延期和答复；保密审查员审查拟公开信息；发布员发布信息；上级监督可查阅下级机关；系统管理员管理机关、账号和审计日志。';

function staffOf(c: Context<AppEnv>): StaffSession {
  const staff = c.get('staff');
  if (!staff) throw new HTTPException(403, { message: '请先登录工作台。' });
  return staff;
}

async function managedAgencies(c: Context<AppEnv>): Promise<Agency[]> {
  const scope = await agencyScope(c.get('deps').db.kysely, staffOf(c));
  return (await listAgencies(c.get('deps').db.kysely)).filter((a) => scope.write.has(a.id));
}

async function loadManagedAccount(c: Context<AppEnv>): Promise<Account> {
  const account = await getAccountById(c.get('deps').db.kysely, c.req.param('id') ?? '');
  if (!account) throw new HTTPException(404, { message: '该账号不存在。' });
  const scope = await agencyScope(c.get('deps').db.kysely, staffOf(c));
  if (!scope.write.has(account.agencyId))
    throw new HTTPException(403, { message: '您无权管理其他机关的账号。' });
  return account;
}

function rolesFrom(body: Record<string, string | File | (string | File)[]>): string[] {
  const v = body.roles;
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
}

interface NewValues {
  username: string;
  displayName: string;
  agencyId: string;
  roles: string[];
}

export function accountRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(ACCOUNTS_PATH, requireRole('admin'));
  app.use(`${ACCOUNTS_PATH}/*`, requireRole('admin'));

  app.get(ACCOUNTS_PATH, async (c) => {
    const agencies = await managedAgencies(c);
    const accounts = await listAccountsOfAgencies(
      c.get('deps').db.kysely,
      agencies.map((a) => a.id),
    );
    const names = new Map(agencies.map((a) => [a.id, a.fullName]));
    return c.html(
      <ConsolePage title="账号管理">
        {c.req.query('saved') === '1' ? (
          <p class="notice" role="status">
            已保存。
          </p>
        ) : null}
        <p>
          <a class="button" href={`${ACCOUNTS_PATH}/new`}>
            新建账号
          </a>
        </p>
        <table>
          <caption>您管理的机关的工作人员账号</caption>
          <thead>
            <tr>
              <th scope="col">用户名</th>
              <th scope="col">姓名</th>
              <th scope="col">所属机关</th>
              <th scope="col">角色</th>
              <th scope="col">状态</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr>
                <td>
                  <a href={`${ACCOUNTS_PATH}/${a.id}`}>{a.username}</a>
                </td>
                <td>{a.displayName}</td>
                <td>{names.get(a.agencyId) ?? ''}</td>
                <td>{a.roles.map(roleLabel).join('、')}</td>
                <td>{a.isActive ? '正常' : '已停用'}</td>
              </tr>
            ))}
          </tbody>
        </table>
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
          <ErrorSummary
            errors={e}
            labels={{
              username: '用户名',
              displayName: '姓名',
              agencyId: '所属机关',
              roles: '角色',
              password: '初始密码',
            }}
          />
          <TextField
            name="username"
            label="用户名"
            value={v.username}
            error={e.username}
            required
            autocomplete="off"
            hint="小写英文字母、数字、点、下划线或连字符，如 zhang.san"
          />
          <TextField
            name="displayName"
            label="姓名"
            value={v.displayName}
            error={e.displayName}
            required
          />
          <SelectField
            name="agencyId"
            label="所属机关"
            value={v.agencyId}
            error={e.agencyId}
            required
            options={agencies.map((a) => ({ value: a.id, label: a.fullName }))}
          />
          <ChoiceGroup
            name="roles"
            label="角色"
            kind="checkbox"
            value={v.roles}
            error={e.roles}
            options={ROLE_OPTIONS}
            hint={ROLE_HINT}
            required
          />
          <TextField
            name="password"
            label="初始密码"
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

  app.get(`${ACCOUNTS_PATH}/new`, (c) =>
    renderNew(
      c,
      { username: '', displayName: '', agencyId: staffOf(c).currentAgencyId, roles: [] },
      {},
    ),
  );

  app.post(ACCOUNTS_PATH, async (c) => {
    const staff = staffOf(c);
    const body = await c.req.parseBody({ all: true });
    const str = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
    const v: NewValues = {
      username: str('username'),
      displayName: str('displayName'),
      agencyId: str('agencyId'),
      roles: rolesFrom(body),
    };
    const errors: Record<string, string> = {};
    const username = usernameSchema.safeParse(v.username);
    if (!username.success) errors.username = username.error.issues[0]?.message ?? '用户名无效';
    const displayName = displayNameSchema.safeParse(v.displayName);
    if (!displayName.success)
      errors.displayName = displayName.error.issues[0]?.message ?? '姓名无效';
    const roles = rolesSchema.safeParse(v.roles);
    if (!roles.success) errors.roles = roles.error.issues[0]?.message ?? '角色无效';
    const scope = await agencyScope(c.get('deps').db.kysely, staff);
    if (!scope.write.has(v.agencyId)) errors.agencyId = '请选择您管理的机关';
    if (!username.success || !displayName.success || !roles.success || errors.agencyId)
      return renderNew(c, v, errors, 400);
    const result = await createAccount(
      c.get('deps'),
      {
        agencyId: v.agencyId,
        username: username.data,
        displayName: displayName.data,
        password: str('password'),
        roles: roles.data,
      },
      actorOf(staff),
      c.get('deps').passwordParams,
    );
    if (!result.ok) return renderNew(c, v, result.errors, 400);
    return c.redirect(`${ACCOUNTS_PATH}?saved=1`, 303);
  });

  const renderAccount = async (
    c: Context<AppEnv>,
    account: Account,
    e: FieldErrors,
    roles: readonly string[] = account.roles,
    status: 200 | 400 = 200,
  ) => {
    const agency = (await managedAgencies(c)).find((a) => a.id === account.agencyId);
    const notice = c.req.query('saved');
    return c.html(
      <ConsolePage title={`账号：${account.displayName}（${account.username}）`}>
        {notice ? (
          <p class="notice" role="status">
            {notice === 'password' ? '密码已重置，该账号需用新密码重新登录。' : '已保存。'}
          </p>
        ) : null}
        <ErrorSummary errors={e} labels={{ roles: '角色', password: '新密码' }} />
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
            label="角色"
            kind="checkbox"
            value={roles}
            error={e.roles}
            options={ROLE_OPTIONS}
            hint={ROLE_HINT}
            required
          />
          <SubmitButton>保存角色</SubmitButton>
        </PostForm>
        <h2>重置密码</h2>
        <PostForm action={`${ACCOUNTS_PATH}/${account.id}/password`} label="重置密码">
          <TextField
            name="password"
            label="新密码"
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

  app.get(`${ACCOUNTS_PATH}/:id`, async (c) => renderAccount(c, await loadManagedAccount(c), {}));

  app.post(`${ACCOUNTS_PATH}/:id/roles`, async (c) => {
    const account = await loadManagedAccount(c);
    const requested = rolesFrom(await c.req.parseBody({ all: true }));
    const roles = rolesSchema.safeParse(requested);
    if (!roles.success)
      return renderAccount(
        c,
        account,
        { roles: roles.error.issues[0]?.message ?? '角色无效' },
        requested,
        400,
      );
    const result = await setAccountRoles(
      c.get('deps'),
      account.id,
      roles.data as Role[],
      actorOf(staffOf(c)),
    );
    if (!result.ok) return renderAccount(c, account, result.errors, requested, 400);
    return c.redirect(`${ACCOUNTS_PATH}/${account.id}?saved=1`, 303);
  });

  app.post(`${ACCOUNTS_PATH}/:id/password`, async (c) => {
    const account = await loadManagedAccount(c);
    const body = await c.req.parseBody();
    const password = typeof body.password === 'string' ? body.password : '';
    const result = await resetPassword(
      c.get('deps'),
      account.id,
      password,
      actorOf(staffOf(c)),
      c.get('deps').passwordParams,
    );
    if (!result.ok) return renderAccount(c, account, result.errors, account.roles, 400);
    return c.redirect(`${ACCOUNTS_PATH}/${account.id}?saved=password`, 303);
  });

  app.post(`${ACCOUNTS_PATH}/:id/active`, async (c) => {
    const account = await loadManagedAccount(c);
    const body = await c.req.parseBody();
    const result = await setAccountActive(
      c.get('deps'),
      account.id,
      body.active === '1',
      actorOf(staffOf(c)),
    );
    if (!result.ok) return renderAccount(c, account, result.errors, account.roles, 400);
    return c.redirect(`${ACCOUNTS_PATH}/${account.id}?saved=1`, 303);
  });

  return app;
}
