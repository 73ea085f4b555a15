// GET /api/v1/agencies and /api/v1/agencies/:slug: the public facts about each agency —
// what its 政府信息公开指南 prints (names, code, disclosure office contacts). Internal ids,
// accounts and anything else stay out.
import { Hono } from 'hono';
import { z } from 'zod';
import { getAgencyById, getAgencyBySlug, listAgencies } from '../agencies/agency-repository.js';
import { AGENCY_KINDS, AGENCY_LEVELS, type Agency } from '../agencies/agency.js';
import type { AppEnv } from '../web/env.js';
import type { ApiOperation } from './openapi.js';
import { errorSchema, type ApiSchema } from './schemas.js';
import { apiError } from './api-errors.js';

export const disclosureOfficeSchema = z.object({
  name: z.string().nullable().describe('政府信息公开工作机构名称'),
  address: z.string().nullable().describe('办公地址'),
  hours: z.string().nullable().describe('办公时间'),
  phone: z.string().nullable().describe('联系电话'),
  fax: z.string().nullable().describe('传真号码'),
  email: z.string().nullable().describe('电子邮箱'),
  website: z.string().nullable().describe('网址'),
});

export const publicAgencySchema = z.object({
  slug: z.string().describe('网址标识，门户地址为 /agencies/{slug}'),
  fullName: z.string().describe('机关全称'),
  shortName: z.string().describe('机关简称'),
  code: z.string().describe('机关代码（统一社会信用代码或组织机构代码），即索引号前段'),
  level: z.enum(AGENCY_LEVELS).describe('层级'),
  kind: z.enum(AGENCY_KINDS).describe('人民政府或政府部门'),
  parentSlug: z.string().nullable().describe('上级机关的网址标识'),
  office: disclosureOfficeSchema,
  portalUrl: z.string().describe('政府信息公开专栏地址'),
  guideUrl: z.string().describe('政府信息公开指南地址'),
  updatedAt: z.string().describe('机关信息最近更新时间（ISO 8601，UTC）'),
});

export const agencyListSchema = z.object({ agencies: z.array(publicAgencySchema) });

export const agencyDetailSchema = z.object({ agency: publicAgencySchema });
/** The components the agency operations refer to. */
export const agencySchemas: readonly ApiSchema[] = [
  {
    schema: disclosureOfficeSchema,
    id: 'DisclosureOffice',
    description: '政府信息公开工作机构（指南所列联系方式）',
  },
  { schema: publicAgencySchema, id: 'Agency', description: '机关的公开信息' },
  {
    schema: agencyListSchema,
    id: 'AgencyList',
    description: '全部机关，按隶属关系排列（上级在前）',
  },
  { schema: agencyDetailSchema, id: 'AgencyDetail' },
];

const slugParam = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

export type PublicAgency = z.infer<typeof publicAgencySchema>;

export function toPublicAgency(
  agency: Agency,
  slugById: ReadonlyMap<string, string>,
): PublicAgency {
  return {
    slug: agency.slug,
    fullName: agency.fullName,
    shortName: agency.shortName,
    code: agency.code,
    level: agency.level,
    kind: agency.kind,
    parentSlug: agency.parentId ? (slugById.get(agency.parentId) ?? null) : null,
    office: { ...agency.office },
    portalUrl: `/agencies/${agency.slug}`,
    guideUrl: `/agencies/${agency.slug}/guide`,
    updatedAt: agency.updatedAt,
  };
}

export const agencyOperations: ApiOperation[] = [
  {
    method: 'get',
    path: '/api/v1/agencies',
    operationId: 'listAgencies',
    summary: '机关列表',
    description: '本平台登记的全部机关及其政府信息公开工作机构的联系方式。',
    tags: ['机关'],
    auth: 'public',
    responses: { '200': { description: '机关列表', schema: agencyListSchema } },
  },
  {
    method: 'get',
    path: '/api/v1/agencies/{slug}',
    operationId: 'getAgency',
    summary: '单个机关',
    tags: ['机关'],
    auth: 'public',
    parameters: [
      {
        name: 'slug',
        in: 'path',
        description: '机关的网址标识，如 lingshanwei',
        schema: slugParam,
      },
    ],
    responses: {
      '200': { description: '机关的公开信息', schema: agencyDetailSchema },
      '404': { description: '没有该机关', schema: errorSchema },
    },
  },
];

export function agencyApiRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/api/v1/agencies', async (c) => {
    const agencies = await listAgencies(c.get('deps').db.kysely);
    const slugById = new Map(agencies.map((a) => [a.id, a.slug]));
    return c.json(
      agencyListSchema.parse({ agencies: agencies.map((a) => toPublicAgency(a, slugById)) }),
    );
  });
  app.get('/api/v1/agencies/:slug', async (c) => {
    const slug = c.req.param('slug');
    const db = c.get('deps').db.kysely;
    const agency = slugParam.safeParse(slug).success ? await getAgencyBySlug(db, slug) : null;
    if (!agency)
      return apiError(
        c,
        404,
        `没有网址标识为“${slug}”的机关，请先用 GET /api/v1/agencies 查询机关列表`,
      );
    const parent = agency.parentId ? await getAgencyById(db, agency.parentId) : null;
    const slugById = new Map(parent ? [[parent.id, parent.slug]] : []);
    return c.json(agencyDetailSchema.parse({ agency: toPublicAgency(agency, slugById) }));
  });
  return app;
}
