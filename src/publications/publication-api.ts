// GET /api/v1/agencies/{slug}/publications?q=…&page=N: the catalogue search as JSON, best
// match first (or newest first with sort=date). Only published items; nothing internal.
import { Hono } from 'hono';
import { z } from 'zod';
import { getAgencyBySlug } from '../agencies/agency-repository.js';
import { apiError } from '../api/api-errors.js';
import type { ApiOperation, ApiSpec } from '../api/openapi.js';
import { errorSchema } from '../api/schemas.js';
import type { AppEnv } from '../web/env.js';
import { VALIDITIES } from './item.js';
import { itemHref } from './pages/catalogue-cards.js';
import { queryFilter } from './public-routes.js';
import { searchPublished } from './search.js';

export const API_PAGE_SIZE = 20;

const publicationSummarySchema = z.object({
  indexNumber: z.string().describe('索引号'),
  title: z.string().describe('名称'),
  documentNumber: z.string().nullable().describe('文号'),
  issuer: z.string().describe('发布机构'),
  publishedOn: z.string().describe('发布日期（YYYY-MM-DD）'),
  writtenOn: z.string().nullable().describe('成文日期（YYYY-MM-DD）'),
  summary: z.string().describe('内容概述'),
  subject: z.string().describe('主题分类'),
  validity: z
    .enum(VALIDITIES)
    .describe('有效性：valid 有效、expired 失效、repealed 废止、amended 已修改'),
  url: z.string().describe('信息页面地址'),
});

const searchResultSchema = z.object({
  total: z.number().int().describe('符合条件的条数'),
  page: z.number().int().describe('本页页码'),
  pageCount: z.number().int().describe('总页数'),
  items: z.array(publicationSummarySchema),
});

const operations: ApiOperation[] = [
  {
    method: 'get',
    path: '/api/v1/agencies/{slug}/publications',
    operationId: 'searchPublications',
    summary: '检索主动公开信息',
    description:
      '在机关已发布的政府信息中检索标题、文号、索引号、关键词、内容概述和正文（两个字的词也能检索）；默认按相关度排列，sort=date 按发布日期排列。',
    tags: ['主动公开'],
    auth: 'public',
    parameters: [
      {
        name: 'slug',
        in: 'path',
        required: true,
        description: '机关的网址标识，如 lingshanwei',
        schema: z.string(),
      },
      {
        name: 'q',
        in: 'query',
        required: true,
        description: '检索词，多个词用空格分开',
        schema: z.string(),
      },
      { name: 'page', in: 'query', description: '页码，从 1 开始，每页 20 条', schema: z.string() },
      {
        name: 'sort',
        in: 'query',
        description: 'relevance（默认）或 date',
        schema: z.enum(['relevance', 'date']),
      },
    ],
    responses: {
      '200': { description: '检索结果', schema: searchResultSchema },
      '400': { description: '检索词或页码有误', schema: errorSchema },
      '404': { description: '没有该机关', schema: errorSchema },
    },
  },
];

export const publicationApi: ApiSpec = {
  operations,
  schemas: [
    {
      schema: publicationSummarySchema,
      id: 'PublicationSummary',
      description: '一条已发布的政府信息',
    },
    {
      schema: searchResultSchema,
      id: 'PublicationSearchResult',
      description: '检索结果（最相关的在前）',
    },
  ],
};

export function publicationApiRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/api/v1/agencies/:slug/publications', async (c) => {
    const db = c.get('deps').db.kysely;
    const agency = await getAgencyBySlug(db, c.req.param('slug'));
    if (!agency) return apiError(c, 404, '没有该机关，请先用 GET /api/v1/agencies 查询机关列表');
    const q = (c.req.query('q') ?? '').trim();
    if (!q) return apiError(c, 400, '请用参数 q 给出检索词，如 ?q=征地');
    const parsed = queryFilter(q);
    if (!parsed.ok) return apiError(c, 400, parsed.error);
    const rawPage = c.req.query('page') ?? '1';
    if (!/^\d{1,5}$/.test(rawPage) || Number(rawPage) < 1)
      return apiError(c, 400, `页码“${rawPage.slice(0, 20)}”无效：应为从 1 开始的整数`);
    const sort = c.req.query('sort') ?? 'relevance';
    if (sort !== 'relevance' && sort !== 'date')
      return apiError(c, 400, '排序方式 sort 只能是 relevance 或 date');
    const result = await searchPublished(db, {
      agencyId: agency.id,
      query: parsed.value,
      order: sort,
      page: Number(rawPage),
      pageSize: API_PAGE_SIZE,
    });
    return c.json(
      searchResultSchema.parse({
        total: result.total,
        page: result.page,
        pageCount: result.pageCount,
        items: result.rows.map((p) => ({
          indexNumber: p.indexNumber ?? '',
          title: p.title,
          documentNumber: p.documentNumber,
          issuer: p.issuer,
          publishedOn: p.publishedOn ?? '',
          writtenOn: p.writtenOn,
          summary: p.summary,
          subject: p.subject,
          validity: p.validity,
          url: itemHref(agency, p),
        })),
      }),
    );
  });
  return app;
}
