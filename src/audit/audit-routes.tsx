// The audit log in the console (administrators): events of one chain, newest first,
// paged and filterable by subject, and a 「校验」 button that verifies the whole chain.
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { getAgencyById, listAgencies } from '../agencies/agency-repository.js';
import { requireRole } from '../auth/guards.js';
import { agencyScope } from '../auth/policy.js';
import type { AppEnv, StaffSession } from '../web/env.js';
import { PostForm, SelectField, SubmitButton, TextField } from '../web/forms.js';
import { ConsolePage } from '../web/layout.js';
import { actionLabel, beijingTime, subjectLabel } from './audit-labels.js';
import { SYSTEM_CHAIN } from './audit-log.js';
import { listAuditEvents } from './audit-repository.js';
import { verifyAuditChain, type AuditVerification } from './audit-verify.js';

export const AUDIT_PATH = '/console/audit';
const PAGE_SIZE = 50;

interface ChainOption {
  value: string;
  label: string;
}

/** The chains an administrator may read: the agencies they manage, and 'system' for a top-level admin. */
async function chainOptions(c: Context<AppEnv>, staff: StaffSession): Promise<ChainOption[]> {
  const db = c.get('deps').db.kysely;
  const scope = await agencyScope(db, staff);
  const options = (await listAgencies(db))
    .filter((a) => scope.write.has(a.id))
    .map((a) => ({ value: a.id, label: a.fullName }));
  const own = await getAgencyById(db, staff.agencyId);
  if (own && own.parentId === null)
    options.push({ value: SYSTEM_CHAIN, label: '系统（不属于某一机关的事件）' });
  return options;
}

function pickChain(
  options: ChainOption[],
  requested: string | undefined,
  staff: StaffSession,
): string {
  if (requested) {
    if (!options.some((o) => o.value === requested))
      throw new HTTPException(403, { message: '您无权查看该机关的审计日志。' });
    return requested;
  }
  return options.some((o) => o.value === staff.currentAgencyId)
    ? staff.currentAgencyId
    : staff.agencyId;
}

function json(value: unknown): string {
  return value === null || value === undefined ? '' : JSON.stringify(value, null, 2);
}

async function renderLog(
  c: Context<AppEnv>,
  params: { chain?: string; subjectType?: string; subjectId?: string; page?: string },
  verification: AuditVerification | null,
) {
  const staff = c.get('staff');
  if (!staff) throw new HTTPException(403, { message: '请先登录工作台。' });
  const options = await chainOptions(c, staff);
  const chain = pickChain(options, params.chain || undefined, staff);
  const page = Math.max(1, Math.min(100000, Number.parseInt(params.page ?? '1', 10) || 1));
  const subjectType = params.subjectType?.trim() || undefined;
  const subjectId = params.subjectId?.trim() || undefined;
  const { events, total } = await listAuditEvents(c.get('deps').db.kysely, {
    chainId: chain,
    subjectType,
    subjectId,
    page,
    pageSize: PAGE_SIZE,
  });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const link = (p: number) => {
    const q = new URLSearchParams({ chain, page: String(p) });
    if (subjectType) q.set('subjectType', subjectType);
    if (subjectId) q.set('subjectId', subjectId);
    return `${AUDIT_PATH}?${q}`;
  };
  return c.html(
    <ConsolePage title="审计日志">
      {verification ? (
        <div
          class={verification.ok ? 'notice' : 'error-summary'}
          role={verification.ok ? 'status' : 'alert'}
        >
          <h2>校验结果</h2>
          {verification.ok ? (
            <p>
              校验通过：共 {verification.checked}{' '}
              条审计记录，哈希链完整，没有发现改动、删除或调换顺序。
            </p>
          ) : (
            <p>
              校验未通过：{verification.problem?.message}（此前 {verification.checked}{' '}
              条记录完好。）
            </p>
          )}
        </div>
      ) : null}
      <form method="get" action={AUDIT_PATH} class="form" aria-label="筛选审计记录">
        <SelectField name="chain" label="机关" value={chain} options={options} />
        <TextField
          name="subjectType"
          label="对象类型"
          value={subjectType ?? ''}
          hint="如 account（账号）、agency（机关）"
        />
        <TextField name="subjectId" label="对象编号" value={subjectId ?? ''} />
        <SubmitButton secondary>筛选</SubmitButton>
      </form>
      <PostForm action={`${AUDIT_PATH}/verify`} label="校验审计日志">
        <input type="hidden" name="chain" value={chain} />
        <p>校验会重新计算本机关全部审计记录的哈希链，发现被改动、删除或调换顺序的记录。</p>
        <SubmitButton>校验</SubmitButton>
      </PostForm>
      <table>
        <caption>
          共 {total} 条，第 {page}/{pages} 页（最新的在前）
        </caption>
        <thead>
          <tr>
            <th scope="col">序号</th>
            <th scope="col">时间（北京时间）</th>
            <th scope="col">操作人</th>
            <th scope="col">操作</th>
            <th scope="col">对象</th>
            <th scope="col">变更内容</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr>
              <td>{e.seq}</td>
              <td>{beijingTime(e.occurredAt)}</td>
              <td>{e.actorLabel}</td>
              <td>{actionLabel(e.action)}</td>
              <td>
                <a
                  href={`${AUDIT_PATH}?${new URLSearchParams({ chain, subjectType: e.subjectType, subjectId: e.subjectId })}`}
                >
                  {subjectLabel(e.subjectType)} {e.subjectId}
                </a>
              </td>
              <td>
                {e.before !== null || e.after !== null ? (
                  <details>
                    <summary>查看</summary>
                    {e.before !== null ? (
                      <>
                        <p>变更前：</p>
                        <pre>{json(e.before)}</pre>
                      </>
                    ) : null}
                    {e.after !== null ? (
                      <>
                        <p>变更后：</p>
                        <pre>{json(e.after)}</pre>
                      </>
                    ) : null}
                  </details>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav aria-label="分页">
        {page > 1 ? <a href={link(page - 1)}>上一页</a> : null}
        {page > 1 && page < pages ? '　' : null}
        {page < pages ? <a href={link(page + 1)}>下一页</a> : null}
      </nav>
    </ConsolePage>,
  );
}

export function auditRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(AUDIT_PATH, requireRole('admin'));
  app.use(`${AUDIT_PATH}/*`, requireRole('admin'));

  app.get(AUDIT_PATH, (c) => renderLog(c, c.req.query(), null));

  app.post(`${AUDIT_PATH}/verify`, async (c) => {
    const staff = c.get('staff');
    if (!staff) throw new HTTPException(403, { message: '请先登录工作台。' });
    const body = await c.req.parseBody();
    const requested = typeof body.chain === 'string' ? body.chain : undefined;
    const chain = pickChain(await chainOptions(c, staff), requested, staff);
    const verification = await verifyAuditChain(c.get('deps').db.kysely, chain);
    return renderLog(c, { chain }, verification);
  });

  return app;
}
