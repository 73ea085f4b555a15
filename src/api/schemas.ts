// The registry of schemas published as components of the OpenAPI document.
import { z } from 'zod';

export const apiSchemas = z.registry<{ id: string; description?: string }>();

/** Every error answer of /api/v1: a status and a Chinese message saying what to fix. */
export const errorSchema = z.object({
  error: z.object({
    status: z.number().int().min(400).max(599),
    message: z.string(),
  }),
});
apiSchemas.add(errorSchema, {
  id: 'Error',
  description: '出错时的统一返回格式，message 为中文说明',
});
