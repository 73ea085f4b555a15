// Refuses a request whose path or query holds a control character (%00, %0A, %E2%80%AE …)
// before any route reads it. Routes look up path segments and query values in the database,
// and PostgreSQL answers a NUL in a query parameter with an error (a 500) instead of "no
// such row"; no page or parameter of this site ever contains such a character, so the
// answer is the page-not-found page for a path and a Chinese 400 for a query.
import { createMiddleware } from 'hono/factory';
import { HTTPException } from 'hono/http-exception';
import { containsControlCharacter } from '../validation/text-input.js';
import type { AppEnv } from './env.js';

export const BAD_PATH_MESSAGE = '您访问的页面不存在，请检查网址是否正确。';
export const BAD_QUERY_MESSAGE =
  '网址中的参数含有控制字符，无法处理，请检查网址是否正确，或回到上一页重新操作。';

function decoded(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    // A malformed escape (%E4%B8) stays as it is: its characters are all printable.
    return raw;
  }
}

export const refuseControlCharactersInUrl = createMiddleware<AppEnv>(async (c, next) => {
  const url = new URL(c.req.url);
  if (containsControlCharacter(decoded(url.pathname)))
    throw new HTTPException(404, { message: BAD_PATH_MESSAGE });
  for (const [key, value] of url.searchParams) {
    if (containsControlCharacter(key) || containsControlCharacter(value))
      throw new HTTPException(400, { message: BAD_QUERY_MESSAGE });
  }
  await next();
});
