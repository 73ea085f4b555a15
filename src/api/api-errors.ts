// JSON error answers for /api/v1, in the one shape the OpenAPI document declares.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export function apiError(c: Context, status: ContentfulStatusCode, message: string) {
  return c.json({ error: { status, message } }, status);
}
