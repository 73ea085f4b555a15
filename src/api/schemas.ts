// Schemas published as components of the OpenAPI document. Each feature lists the schemas
// its operations use (an id and a description each); the document is built from the lists
// it is given, so no schema is registered as a side effect of importing a module.
import { z } from 'zod';

export interface ApiSchema {
  schema: z.ZodType;
  id: string;
  description?: string;
}

/** Every error answer of /api/v1: a status and a Chinese message saying what to fix. */
export const errorSchema = z.object({
  error: z.object({
    status: z.number().int().min(400).max(599),
    message: z.string(),
  }),
});

export const errorApiSchema: ApiSchema = {
  schema: errorSchema,
  id: 'Error',
  description: '出错时的统一返回格式，message 为中文说明',
};
