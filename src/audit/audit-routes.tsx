// The audit log in the console (administrators): events of one chain, newest first, with
// names instead of ids, filters (subject type, person, date range, without sign-ins), each
// change as a 字段 / 修改前 / 修改后 table, and a 「校验」 button that verifies the chain.
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { listAgencies } from '../agencies/agency-repository.js';
import { SESSION_ACTIONS } from '../auth/audit-labels.js';
import { requirePermission } from '../auth/guards.js';
import { isPlatformAdmin } from '../auth/platform-admin.js';
import { agencyScope } from '../auth/policy.js';
import { z } from 'zod';
import { DataTable, ListProblems } from '../web/data-table.js';
import { readForm } from '../web/form-input.js';
import type { AppEnv, StaffSession } from '../web/env.js';
import type { Platform } from '../web/feature.js';
import { PostForm, SelectField, SubmitButton, TextField } from '../web/forms.js';
import { ConsolePage } from '../web/layout.js';
import { identifier, isoDate, oneOf, parseListQuery } from '../web/list-query.js';
import { Pager } from '../web/pager.js';
import { fieldChanges, referencedIds } from './audit-changes.js';
import { beijingTime, type AuditLabelIndex } from './audit-labels.js';
import { SYSTEM_CHAIN } from './audit-log.js';
import { listAuditEvents, listChainActors, type AuditEvent } from './audit-repository.js';
import { verifyAuditChain, type AuditVerification } from './audit-verify.js';

export const AUDIT_PATH = '/console/audit';
const PAGE_SIZE = 50;
const NO_SESSIONS = 'no-sessions';

interface ChainOption {
  value: string;
  label: string;
}

/** The chains an administrator may read: the agencies they manage, and 'system' for the platform administrator. */
async function chainOptions(c: Context<AppEnv>, staff: StaffSession): Promise<ChainOption[]> {
  const db = c.get('deps').db.kysely;
  const scope = await agencyScope(db, staff);
  const options = (await listAgencies(db))
    .filter((a) => scope.write.has(a.id))
    .map((a) => ({ value: a.id, label: a.fullName }));
  if (await isPlatformAdmin(db, staff))
    options.push({ value: SYSTEM_CHAIN, label: '平台（工作日历、命令行等不属于某一机关的事件）' });
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

/** The start of a Beijing calendar day as an ISO UTC instant. */
const beijingDayStart = (date: string, plusDays = 0): string =>
  new Date(Date.parse(`${date}T00:00:00+08:00`) + plusDays * 86_400_000).toISOString();

function subjectName(e: AuditEvent, names: ReadonlyMap<string, string>): string {
  if (e.subjectType === 'calendar') return `${e.subjectId.split(',').join('、')}年`;
  return names.get(e.subjectId) ?? e.subjectId;
}

function Changes({
  event,
  names,
  labels,
}: {
  event: AuditEvent;
  names: ReadonlyMap<string, string>;
  labels: AuditLabelIndex;
}) {
  const rows = fieldChanges(labels, event.subjectType, event.before, event.after, names);
  if (rows.length === 0) return <>—</>;
  return (
    <table class="data">
      <caption class="visually-hidden">第 {event.seq} 条的修改内容</caption>
      <thead>
        <tr>
          <th scope="col">字段</th>
          <th scope="col">修改前</th>
          <th scope="col">修改后</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <th scope="row">{r.label}</th>
            <td>{r.before}</td>
            <td>{r.after}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

async function renderLog(
  c: Context<AppEnv>,
  platform: Platform,
  params: Record<string, string | undefined>,
  verification: AuditVerification | null,
) {
  const labels = platform.auditLabels;
  const staff = c.get('staff');
  if (!staff) throw new HTTPException(403, { message: '请先登录工作台。' });
  const db = c.get('deps').db.kysely;
  const options = await chainOptions(c, staff);
  const chain = pickChain(options, params.chain || undefined, staff);
  const subjects = labels.subjectOptions();
  const list = parseListQuery(
    AUDIT_PATH,
    { ...params, chain },
    {
      filters: {
        chain: oneOf(
          '机关',
          options.map((o) => o.value),
        ),
        subjectType: oneOf(
          '对象类型',
          subjects.map((o) => o.value),
        ),
        subjectId: identifier('对象编号'),
        actor: identifier('操作人'),
        from: isoDate('起始日期'),
        to: isoDate('截止日期'),
        group: oneOf('操作范围', [NO_SESSIONS]),
      },
      sorts: ['time'],
      defaultSort: 'time',
      defaultDirection: 'desc',
      pageSize: PAGE_SIZE,
    },
  );
  const f = list.filters;
  const result = await listAuditEvents(db, {
    chainId: chain,
    subjectType: f.subjectType,
    subjectId: f.subjectId,
    actorId: f.actor,
    from: f.from ? beijingDayStart(f.from) : undefined,
    before: f.to ? beijingDayStart(f.to, 1) : undefined,
    excludeActions: f.group === NO_SESSIONS ? SESSION_ACTIONS : undefined,
    direction: list.direction,
    page: list.page,
    pageSize: list.pageSize,
  });
  const actors = await listChainActors(db, chain);
  const names = new Map(
    await platform.auditSubjectNames(db, [
      ...result.events.map((e) => e.subjectId),
      ...result.events.flatMap((e) => referencedIds(e.before, e.after)),
      ...(f.subjectId ? [f.subjectId] : []),
    ]),
  );
  const hrefFor = list.hrefFor;
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
      <ListProblems problems={list.problems} />
      <form method="get" action={AUDIT_PATH} class="form" aria-label="筛选审计记录">
        <SelectField name="chain" label="机关" value={chain} options={options} />
        <SelectField
          name="subjectType"
          label="对象类型"
          value={f.subjectType ?? ''}
          options={subjects}
          emptyLabel="全部"
        />
        <SelectField
          name="actor"
          label="操作人"
          value={f.actor ?? ''}
          options={actors.map((a) => ({ value: a.id, label: a.label }))}
          emptyLabel="全部"
        />
        <TextField
          name="from"
          label="起始日期"
          type="date"
          value={f.from ?? ''}
          hint="北京时间，含当日；格式：年-月-日"
        />
        <TextField name="to" label="截止日期" type="date" value={f.to ?? ''} hint="含当日" />
        <SelectField
          name="group"
          label="操作范围"
          value={f.group ?? ''}
          options={[{ value: NO_SESSIONS, label: '不含登录/退出' }]}
          emptyLabel="全部操作"
        />
        {f.subjectId ? <input type="hidden" name="subjectId" value={f.subjectId} /> : null}
        <SubmitButton secondary>筛选</SubmitButton>
      </form>
      {f.subjectId ? (
        <p>
          只显示对象“{names.get(f.subjectId) ?? f.subjectId}”（编号 {f.subjectId}
          ）的记录。
          <a href={hrefFor({ filters: { subjectId: undefined, subjectType: undefined } })}>
            显示全部对象
          </a>
        </p>
      ) : null}
      <PostForm action={`${AUDIT_PATH}/verify`} label="校验审计日志">
        <input type="hidden" name="chain" value={chain} />
        <p>校验会重新计算本机关全部审计记录的哈希链，发现被改动、删除或调换顺序的记录。</p>
        <SubmitButton>校验</SubmitButton>
      </PostForm>
      <DataTable<AuditEvent, 'time'>
        caption={`审计记录（${list.direction === 'desc' ? '最新的在前' : '最早的在前'}）`}
        rows={result.events}
        sorting={{ sort: list.sort, direction: list.direction, hrefFor }}
        columns={[
          { label: '序号', cell: (e) => e.seq },
          { label: '时间（北京时间）', cell: (e) => beijingTime(e.occurredAt), sortKey: 'time' },
          { label: '操作人', cell: (e) => e.actorLabel },
          { label: '操作', cell: (e) => labels.action(e.action) },
          {
            label: '对象',
            cell: (e) => (
              <a
                href={hrefFor({
                  filters: { subjectType: e.subjectType, subjectId: e.subjectId },
                })}
              >
                {labels.subject(e.subjectType)}：{subjectName(e, names)}
              </a>
            ),
          },
          { label: '修改内容', cell: (e) => <Changes event={e} names={names} labels={labels} /> },
        ]}
      />
      <Pager
        total={result.total}
        page={result.page}
        pageCount={result.pageCount}
        hrefFor={hrefFor}
      />
    </ConsolePage>,
  );
}

// The chain asked for is checked against the ones the administrator may read (pickChain).
const VERIFY_FORM = { fields: ['chain'] } as const;
const verifyFormSchema = z.object({ chain: z.string() });

export function auditRoutes(platform: Platform): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(AUDIT_PATH, requirePermission('audit.view'));
  app.use(`${AUDIT_PATH}/*`, requirePermission('audit.view'));

  app.get(AUDIT_PATH, (c) => renderLog(c, platform, c.req.query(), null));

  app.post(`${AUDIT_PATH}/verify`, async (c) => {
    const staff = c.get('staff');
    if (!staff) throw new HTTPException(403, { message: '请先登录工作台。' });
    const requested = (await readForm(c, verifyFormSchema, VERIFY_FORM)).values.chain || undefined;
    const chain = pickChain(await chainOptions(c, staff), requested, staff);
    const verification = await verifyAuditChain(c.get('deps').db.kysely, chain);
    return renderLog(c, platform, { chain }, verification);
  });

  return app;
}
