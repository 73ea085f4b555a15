// The ceiling on any request body, enforced before anything reads the body (the CSRF check
// parses forms, so a 2 GB upload must be refused before it). Routes that take uploads set
// their own lower limits with a message fitting the form; this one only stops the rest.
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';

export const MAX_REQUEST_MB = 32;

export const requestLimit = bodyLimit({
  maxSize: MAX_REQUEST_MB * 1024 * 1024,
  onError: () => {
    throw new HTTPException(413, {
      message: `提交的内容超过 ${MAX_REQUEST_MB} MB 的上限，请减少或拆分文件后再提交。`,
    });
  },
});
