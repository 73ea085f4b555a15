// The public JSON API of applications (for 政务服务 apps and mini-programs):
//   POST /api/v1/agencies/{slug}/requests   → 201 {trackingNumber, accessCode}, Idempotency-Key honoured
//   GET  /api/v1/requests/{trackingNumber}  (X-Access-Code) → status, dates, letters
// A wrong code and an unknown number both get the same 404. Invalid input gets 422 with one
// Chinese message per field, keyed by the field's path in the application.
import { Hono } from 'hono';
import { z } from 'zod';
import { getAgencyById, getAgencyBySlug } from '../agencies/agency-repository.js';
import { apiError } from '../api/api-errors.js';
import type { ApiOperation } from '../api/openapi.js';
import { errorSchema, type ApiSchema } from '../api/schemas.js';
import { systemActor } from '../commands/actor.js';
import { isoDateCst } from '../portal/dates.js';
import type { AppEnv } from '../web/env.js';
import { applicationApiSchema, applicationErrors, applicationSchemaFor } from './application.js';
import { IDEMPOTENCY_CONFLICT, submitApplication } from './commands.js';
import { NOT_FOUND_MESSAGE, TOO_MANY_MESSAGE, trackCase } from './intake-service.js';
import { applicationLimit, RATE_LIMITED_MESSAGE, takeRateSlot } from '../auth/rate-limit.js';
import { stateLabel } from './request.js';
import { caseLetter, letterResponse } from './steps/step-routes.js';
import { forApplicant } from './steps/track-routes.js';
import { newSubmissionToken } from './tracking.js';
import { lettersOf } from '../letters/issue.js';

const API_ACTOR = systemActor('申请人（接口提交）');

/** The request body as the OpenAPI document shows it: the input side of the one schema. */
const { $schema: _drop, ...applicationInputJson } = z.toJSONSchema(applicationApiSchema, {
  io: 'input',
  unrepresentable: 'any',
}) as Record<string, unknown>;
export const applicationDocSchema = z.fromJSONSchema(
  applicationInputJson as z.core.JSONSchema.JSONSchema,
);

export const submittedSchema = z.object({
  trackingNumber: z.string().describe('查询号'),
  accessCode: z
    .string()
    .describe(
      '查询码：只返回这一次（以同一 Idempotency-Key 重试时再次返回），请提示申请人妥善保存',
    ),
});

export const validationErrorSchema = z.object({
  error: z.object({
    status: z.literal(422),
    message: z.string(),
    fields: z
      .record(z.string(), z.string())
      .describe('每个有误字段一条中文说明，键为字段路径，如 applicant.idNumber'),
  }),
});

export const requestStatusSchema = z.object({
  trackingNumber: z.string(),
  agencyName: z.string(),
  state: z.string().describe('办理状态代码'),
  stateLabel: z.string().describe('办理状态（中文）'),
  channel: z.string(),
  submittedOn: z.string().describe('提交（送达）日期 YYYY-MM-DD'),
  receivedOn: z.string().nullable().describe('收到申请之日；网上申请在双方确认前为 null'),
  dueOn: z.string().nullable().describe('答复期限'),
  dueProvisional: z.boolean().describe('为 true 时答复期限涉及尚未公布节假日安排的年份，只是暂定'),
  closedOn: z.string().nullable(),
  letters: z
    .array(
      z.object({
        id: z.string().describe('文书标识，用于下载'),
        kind: z
          .string()
          .describe('文书种类代码，如 receipt、correction_notice、reply_partially_disclosed'),
        name: z.string().describe('文书名称，如 补正告知书'),
        title: z.string().describe('文书标题'),
        letterNumber: z.string().describe('文号'),
        issuedOn: z.string().describe('出具日期 YYYY-MM-DD'),
      }),
    )
    .describe(
      '本机关向申请人出具的文书（按出具顺序）；以 GET /api/v1/requests/{trackingNumber}/letters/{id}.html 或 .docx 下载，同样需要 X-Access-Code',
    ),
});

export const requestsSchemas: readonly ApiSchema[] = [
  { schema: applicationDocSchema, id: 'Application', description: '政府信息公开申请' },
  {
    schema: submittedSchema,
    id: 'ApplicationSubmitted',
    description: '申请已提交：查询号和查询码',
  },
  {
    schema: validationErrorSchema,
    id: 'ValidationError',
    description: '申请内容有误，每个字段一条中文说明',
  },
  { schema: requestStatusSchema, id: 'RequestStatus', description: '申请的办理进度' },
];

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,200}$/;

export const requestsOperations: ApiOperation[] = [
  {
    method: 'post',
    path: '/api/v1/agencies/{slug}/requests',
    operationId: 'submitApplication',
    summary: '提交政府信息公开申请',
    description:
      '无需登录。以同一 Idempotency-Key 重复提交相同内容时返回同一查询号和查询码，不会产生第二份申请；同一 Idempotency-Key 用于不同内容时返回 422。',
    tags: ['依申请公开'],
    auth: 'public',
    parameters: [
      { name: 'slug', in: 'path', description: '机关网址标识，如 lingshanwei', schema: z.string() },
      {
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description: '提交标识：8 至 200 个可见 ASCII 字符，每份新申请用一个新值（如 UUID）',
        schema: z.string(),
      },
    ],
    requestBody: { description: '申请内容', schema: applicationDocSchema },
    responses: {
      '201': { description: '已提交', schema: submittedSchema },
      '400': { description: '请求体不是有效的 JSON，或提交标识格式不对', schema: errorSchema },
      '404': { description: '机关不存在', schema: errorSchema },
      '422': {
        description: '申请内容有误，或提交标识已用于不同内容',
        schema: validationErrorSchema,
      },
      '429': { description: '同一网络地址提交过于频繁', schema: errorSchema },
    },
  },
  {
    method: 'get',
    path: '/api/v1/requests/{trackingNumber}',
    operationId: 'getRequestStatus',
    summary: '查询申请办理进度',
    description:
      '查询号或查询码不符时一律返回 404，不提示查询号是否存在。查询码输错次数过多时返回 429。',
    tags: ['依申请公开'],
    auth: 'public',
    parameters: [
      {
        name: 'trackingNumber',
        in: 'path',
        description: '查询号，如 GK-7Q3M-8XKD-2P',
        schema: z.string(),
      },
      {
        name: 'X-Access-Code',
        in: 'header',
        required: true,
        description: '查询码',
        schema: z.string(),
      },
    ],
    responses: {
      '200': { description: '办理进度', schema: requestStatusSchema },
      '400': { description: '未提供查询码', schema: errorSchema },
      '404': { description: '查询号或查询码不符', schema: errorSchema },
      '429': { description: '查询码输错次数过多', schema: errorSchema },
    },
  },
  {
    method: 'get',
    path: '/api/v1/requests/{trackingNumber}/letters/{file}',
    operationId: 'getRequestLetter',
    summary: '下载申请的文书',
    description:
      '文书按出具时的原样提供：.html 为可打印网页，.docx 为 Word 文档。查询号或查询码不符、或文书不属于该申请时一律返回 404。',
    tags: ['依申请公开'],
    auth: 'public',
    parameters: [
      { name: 'trackingNumber', in: 'path', description: '查询号', schema: z.string() },
      {
        name: 'file',
        in: 'path',
        description: '文书标识加格式后缀，如 {id}.html 或 {id}.docx',
        schema: z.string(),
      },
      {
        name: 'X-Access-Code',
        in: 'header',
        required: true,
        description: '查询码',
        schema: z.string(),
      },
    ],
    responses: {
      '200': { description: '文书（text/html 或 Word 文档）' },
      '400': { description: '未提供查询码', schema: errorSchema },
      '404': { description: '查询号、查询码或文书不符', schema: errorSchema },
      '429': { description: '查询码输错次数过多', schema: errorSchema },
    },
  },
];

export function requestsApiRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/api/v1/agencies/:slug/requests', async (c) => {
    const deps = c.get('deps');
    const agency = await getAgencyBySlug(deps.db.kysely, c.req.param('slug'));
    if (!agency) return apiError(c, 404, '没有找到该机关');
    const key = c.req.header('Idempotency-Key');
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key))
      return apiError(c, 400, 'Idempotency-Key 应为 8 至 200 个可见 ASCII 字符，如一个 UUID');
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return apiError(c, 400, '请求体不是有效的 JSON');
    }
    const today = isoDateCst(deps.clock.now());
    const parsed = applicationSchemaFor(today).safeParse(body);
    if (!parsed.success) {
      const fields = applicationErrors(parsed.error);
      return c.json(
        {
          error: {
            status: 422,
            message: `申请内容有 ${Object.keys(fields).length} 处需要修改`,
            fields,
          },
        },
        422,
      );
    }
    if (!(await takeRateSlot(c, applicationLimit(c))))
      return apiError(c, 429, RATE_LIMITED_MESSAGE);
    const result = await submitApplication(
      deps,
      {
        agencyId: agency.id,
        application: parsed.data,
        channel: 'online',
        submittedOn: today,
        receivedOn: null,
        idempotencyKey: key ?? newSubmissionToken(),
      },
      API_ACTOR,
    );
    if (!result.ok) {
      const message =
        result.errors.idempotencyKey === IDEMPOTENCY_CONFLICT
          ? IDEMPOTENCY_CONFLICT
          : '申请未能提交';
      return c.json({ error: { status: 422, message, fields: result.errors } }, 422);
    }
    c.header('Cache-Control', 'no-store');
    return c.json(
      submittedSchema.parse({
        trackingNumber: result.value.trackingNumber,
        accessCode: result.value.accessCode,
      }),
      201,
    );
  });

  app.get('/api/v1/requests/:trackingNumber', async (c) => {
    const code = c.req.header('X-Access-Code');
    if (!code) return apiError(c, 400, '请在请求头 X-Access-Code 中提供查询码');
    const found = await trackCase(c, c.req.param('trackingNumber'), code);
    if (!found.ok)
      return found.reason === 'throttled'
        ? apiError(c, 429, TOO_MANY_MESSAGE)
        : apiError(c, 404, NOT_FOUND_MESSAGE);
    const rc = found.case;
    const db = c.get('deps').db.kysely;
    const [agency, letters] = await Promise.all([
      getAgencyById(db, rc.agencyId),
      lettersOf(db, { type: 'request', id: rc.id }),
    ]);
    c.header('Cache-Control', 'no-store');
    return c.json(
      requestStatusSchema.parse({
        trackingNumber: rc.trackingNumber,
        agencyName: agency?.fullName ?? '',
        state: rc.state,
        stateLabel: stateLabel(rc.state, 'public'),
        channel: rc.channel,
        submittedOn: rc.submittedOn,
        receivedOn: rc.receivedOn,
        dueOn: rc.dueOn,
        dueProvisional: rc.dueProvisional,
        closedOn: rc.closedOn,
        letters: letters
          .filter((l) => forApplicant(l.kind))
          .map((l) => ({
            id: l.id,
            kind: l.kind,
            name: l.name,
            title: l.title,
            letterNumber: l.letterNumber,
            issuedOn: l.issuedOn,
          })),
      }),
    );
  });

  app.get('/api/v1/requests/:trackingNumber/letters/:file', async (c) => {
    const code = c.req.header('X-Access-Code');
    if (!code) return apiError(c, 400, '请在请求头 X-Access-Code 中提供查询码');
    const found = await trackCase(c, c.req.param('trackingNumber'), code);
    if (!found.ok)
      return found.reason === 'throttled'
        ? apiError(c, 429, TOO_MANY_MESSAGE)
        : apiError(c, 404, NOT_FOUND_MESSAGE);
    const m = /^([0-9a-f-]{36})\.(html|docx)$/.exec(c.req.param('file'));
    const format = m?.[2] as 'html' | 'docx' | undefined;
    const file = m && format ? await caseLetter(c, found.case, m[1]!, format, forApplicant) : null;
    if (!file || !format) return apiError(c, 404, '该申请没有这份文书');
    return letterResponse(c, file, format);
  });

  return app;
}
