// The ceiling on any request body, enforced before anything reads the body (the CSRF check
// parses forms, so a 2 GB upload must be refused before it). Routes that take uploads set
// their own lower limits with a message fitting the form; this one only stops the rest.
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';

export const MAX_REQUEST_MB = 32;

const limit = bodyLimit({
  maxSize: MAX_REQUEST_MB * 1024 * 1024,
  onError: () => {
    throw new HTTPException(413, {
      message: `提交的内容超过 ${MAX_REQUEST_MB} MB 的上限，请减少或拆分文件后再提交。`,
    });
  },
});

// GET and HEAD requests never get a body from the server (and nothing here reads one), but
// asking whether they have one makes @hono/node-server build a full WHATWG Request for every
// page view: skip the check for them.
export const requestLimit: MiddlewareHandler = (c, next) =>
  c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limit(c, next);
