// The OpenAPI 3.1 document at /api/openapi.json, built from the same Zod schemas the API
// validates and answers with, from the operations and schemas every feature declares in its
// feature.ts (`api`); a test compares the document with the routes the app actually serves.
//
// To document a new endpoint: list its operations and the schemas they refer to in the
// feature's `api` — nothing else to register.
import { z } from 'zod';
import { errorApiSchema, errorSchema, type ApiSchema } from './schemas.js';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface ApiParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  description: string;
  schema: z.ZodType;
}

export interface ApiResponse {
  description: string;
  /** A schema registered in `apiSchemas`; absent for an empty body. */
  schema?: z.ZodType;
  /** Defaults to application/json. */
  contentType?: string;
}

export interface ApiOperation {
  method: HttpMethod;
  /** OpenAPI form of the path, e.g. `/api/v1/agencies/{slug}`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  /** `session`: needs a signed-in staff session cookie (and X-CSRF-Token for writes). */
  auth?: 'public' | 'session';
  parameters?: ApiParameter[];
  requestBody?: { description: string; schema: z.ZodType; contentType?: string };
  responses: Record<string, ApiResponse>;
}

/** What a feature adds to the API: its operations and the component schemas they use. */
export interface ApiSpec {
  operations: readonly ApiOperation[];
  schemas: readonly ApiSchema[];
}

const TAGS = [
  {
    name: '机关',
    description: '机关及其政府信息公开工作机构的公开信息（政府信息公开指南所列事项）',
  },
];

type SchemaRegistry = ReturnType<typeof z.registry<{ id: string; description?: string }>>;

function schemaRef(apiSchemas: SchemaRegistry, schema: z.ZodType): { $ref: string } {
  const meta = apiSchemas.get(schema);
  if (!meta)
    throw new Error(
      'OpenAPI: every schema in an operation must be registered in apiSchemas with an id',
    );
  return { $ref: `#/components/schemas/${meta.id}` };
}

/** A parameter's plain JSON Schema (parameters are simple types, so inlined). */
function inlineSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return rest;
}

export function buildOpenApiDocument(options: {
  serverUrl?: string;
  specs: readonly ApiSpec[];
}): Record<string, unknown> {
  const apiSchemas: SchemaRegistry = z.registry<{ id: string; description?: string }>();
  for (const { schema, ...meta } of [errorApiSchema, ...options.specs.flatMap((s) => s.schemas)])
    if (!apiSchemas.has(schema)) apiSchemas.add(schema, meta);
  const generated = z.toJSONSchema(apiSchemas, {
    uri: (id) => `#/components/schemas/${id}`,
    unrepresentable: 'any',
  }) as { schemas: Record<string, Record<string, unknown>> };
  const schemas: Record<string, unknown> = {};
  for (const [id, s] of Object.entries(generated.schemas)) {
    const { $schema: _s, $id: _i, ...rest } = s;
    schemas[id] = rest;
  }

  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of options.specs.flatMap((s) => s.operations)) {
    const responses: Record<string, unknown> = {};
    for (const [status, r] of Object.entries(op.responses)) {
      responses[status] = r.schema
        ? {
            description: r.description,
            content: {
              [r.contentType ?? 'application/json']: { schema: schemaRef(apiSchemas, r.schema) },
            },
          }
        : { description: r.description };
    }
    const operation: Record<string, unknown> = {
      operationId: op.operationId,
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      tags: op.tags,
      ...(op.parameters
        ? {
            parameters: op.parameters.map((p) => ({
              name: p.name,
              in: p.in,
              required: p.in === 'path' ? true : (p.required ?? false),
              description: p.description,
              schema: inlineSchema(p.schema),
            })),
          }
        : {}),
      ...(op.requestBody
        ? {
            requestBody: {
              required: true,
              description: op.requestBody.description,
              content: {
                [op.requestBody.contentType ?? 'application/json']: {
                  schema: schemaRef(apiSchemas, op.requestBody.schema),
                },
              },
            },
          }
        : {}),
      responses,
      security: op.auth === 'session' ? [{ staffSession: [] }] : [],
    };
    paths[op.path] = { ...(paths[op.path] ?? {}), [op.method]: operation };
  }

  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: '公开 Gongkai 接口',
      version: '1',
      description:
        '政府信息公开平台的 JSON 接口。公开接口无需登录；工作台接口需要已登录的工作人员会话（Cookie），写操作还需在请求头 X-CSRF-Token 中提供会话的 CSRF 令牌。出错时返回 {"error":{"status","message"}}，message 为中文说明。',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [{ url: options.serverUrl ?? '/' }],
    tags: TAGS,
    paths,
    components: {
      schemas,
      securitySchemes: {
        staffSession: {
          type: 'apiKey',
          in: 'cookie',
          name: 'gk_session',
          description: '工作台登录后的会话 Cookie（通过 HTTPS 提供服务时名为 __Host-gk_session）',
        },
      },
    },
  };
}

export { errorSchema };
