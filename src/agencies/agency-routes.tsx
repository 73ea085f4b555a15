// Console pages for administrators: the agencies they manage (their own and those below),
// created and edited through forms that work without JavaScript.
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { requireRole } from '../auth/guards.js';
import { actorOf, agencyScope } from '../auth/policy.js';
import { fieldErrors, formStrings } from '../auth/form-errors.js';
import type { AppEnv, StaffSession } from '../web/env.js';
import type { FieldErrors } from '../web/forms.js';
import { ConsolePage } from '../web/layout.js';
import {
  AGENCY_LEVEL_LABELS,
  AGENCY_FORM_FIELDS,
  agencyInputSchema,
  agencyToForm,
  emptyAgencyForm,
  type Agency,
  type AgencyFormValues,
} from './agency.js';
import { AgencyForm } from './agency-form.js';
import { depthOf, getAgencyById, listAgencies } from './agency-repository.js';
import { createAgency, updateAgency } from './agency-service.js';

export const AGENCIES_PATH = '/console/agencies';

async function managed(c: Context<AppEnv>, staff: StaffSession): Promise<Agency[]> {
  const scope = await agencyScope(c.get('deps').db.kysely, staff);
  return (await listAgencies(c.get('deps').db.kysely)).filter((a) => scope.write.has(a.id));
}

function staffOf(c: Context<AppEnv>): StaffSession {
  const staff = c.get('staff');
  if (!staff) throw new HTTPException(403, { message: '请先登录工作台。' });
  return staff;
}

function notManaged(): HTTPException {
  return new HTTPException(403, { message: '您无权管理该机关。' });
}

export function agencyRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(`${AGENCIES_PATH}/*`, requireRole('admin'));
  app.use(AGENCIES_PATH, requireRole('admin'));

  app.get(AGENCIES_PATH, async (c) => {
    const agencies = await managed(c, staffOf(c));
    const saved = c.req.query('saved') === '1';
    return c.html(
      <ConsolePage title="机关管理">
        {saved ? (
          <p class="notice" role="status">
            已保存。
          </p>
        ) : null}
        <p>
          <a class="button" href={`${AGENCIES_PATH}/new`}>
            新建下级机关
          </a>
        </p>
        <table>
          <caption>您管理的机关（本机关及其下级机关）</caption>
          <thead>
            <tr>
              <th scope="col">机关全称</th>
              <th scope="col">层级</th>
              <th scope="col">机关代码</th>
              <th scope="col">门户</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {agencies.map((a) => (
              <tr>
                <td>
                  {'　'.repeat(depthOf(agencies, a.id))}
                  {a.fullName}
                </td>
                <td>{AGENCY_LEVEL_LABELS[a.level]}</td>
                <td>{a.code}</td>
                <td>
                  <a href={`/agencies/${a.slug}`}>/agencies/{a.slug}</a>
                </td>
                <td>
                  <a href={`${AGENCIES_PATH}/${a.id}/edit`} aria-label={`编辑 ${a.fullName}`}>
                    编辑
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ConsolePage>,
    );
  });

  const renderNew = async (
    c: Context<AppEnv>,
    values: AgencyFormValues,
    errors: FieldErrors,
    status: 200 | 400 = 200,
  ) => {
    const parents = await managed(c, staffOf(c));
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
    const staff = staffOf(c);
    return renderNew(c, { ...emptyAgencyForm(), parentId: staff.currentAgencyId }, {});
  });

  app.post(AGENCIES_PATH, async (c) => {
    const staff = staffOf(c);
    const values = formStrings(await c.req.parseBody(), AGENCY_FORM_FIELDS);
    const parsed = agencyInputSchema.safeParse(values);
    if (!parsed.success) return renderNew(c, values, fieldErrors(parsed.error), 400);
    const scope = await agencyScope(c.get('deps').db.kysely, staff);
    if (!parsed.data.parentId) return renderNew(c, values, { parentId: '请选择上级机关' }, 400);
    if (!scope.write.has(parsed.data.parentId)) throw notManaged();
    const result = await createAgency(c.get('deps'), parsed.data, actorOf(staff));
    if (!result.ok) return renderNew(c, values, result.errors, 400);
    return c.redirect(`${AGENCIES_PATH}?saved=1`, 303);
  });

  const renderEdit = async (
    c: Context<AppEnv>,
    agency: Agency,
    values: AgencyFormValues,
    errors: FieldErrors,
    status: 200 | 400 = 200,
  ) => {
    const staff = staffOf(c);
    const candidates = (await managed(c, staff)).filter((a) => a.id !== agency.id);
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

  const loadManaged = async (c: Context<AppEnv>): Promise<Agency> => {
    const staff = staffOf(c);
    const agency = await getAgencyById(c.get('deps').db.kysely, c.req.param('id') ?? '');
    if (!agency) throw new HTTPException(404, { message: '该机关不存在。' });
    const scope = await agencyScope(c.get('deps').db.kysely, staff);
    if (!scope.write.has(agency.id)) throw notManaged();
    return agency;
  };

  app.get(`${AGENCIES_PATH}/:id/edit`, async (c) => {
    const agency = await loadManaged(c);
    return renderEdit(c, agency, agencyToForm(agency), {});
  });

  app.post(`${AGENCIES_PATH}/:id`, async (c) => {
    const staff = staffOf(c);
    const agency = await loadManaged(c);
    const values = formStrings(await c.req.parseBody(), AGENCY_FORM_FIELDS);
    const parsed = agencyInputSchema.safeParse(values);
    if (!parsed.success) return renderEdit(c, agency, values, fieldErrors(parsed.error), 400);
    const scope = await agencyScope(c.get('deps').db.kysely, staff);
    const newParent = parsed.data.parentId;
    // Moving an agency needs rights over its new parent; keeping the parent needs none.
    if (newParent !== agency.parentId && (newParent === null || !scope.write.has(newParent))) {
      return renderEdit(c, agency, values, { parentId: '只能选择您管理的机关作为上级机关' }, 400);
    }
    const result = await updateAgency(c.get('deps'), agency.id, parsed.data, actorOf(staff));
    if (!result.ok) return renderEdit(c, agency, values, result.errors, 400);
    return c.redirect(`${AGENCIES_PATH}?saved=1`, 303);
  });

  return app;
}
