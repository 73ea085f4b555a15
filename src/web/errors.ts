// Error pages in Chinese. A stack trace never reaches the visitor; it goes to the log.
import type { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from './env.js';

const titles: Record<number, string> = {
  400: '请求有误',
  403: '没有权限',
  404: '页面不存在',
  413: '上传的文件太大',
  429: '操作过于频繁',
  500: '系统出错',
};

export function installErrorPages(app: Hono<AppEnv>): void {
  app.notFound((c) => {
    if (c.req.path.startsWith('/api/')) return c.json({ error: { status: 404, message: '请求的接口不存在' } }, 404);
    return c.html(simplePage(404, '您访问的页面不存在，请检查网址是否正确。'), 404);
  });
  app.onError((err, c) => {
    const status = err instanceof HTTPException ? err.status : 500;
    const message = err instanceof HTTPException && err.message ? err.message : '系统暂时无法处理您的请求，请稍后再试。';
    if (status >= 500) console.error(err);
    if (c.req.path.startsWith('/api/')) return c.json({ error: { status, message } }, status);
    return c.html(simplePage(status, message), status);
  });
}

function escape(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function simplePage(status: number, message: string): string {
  const title = titles[status] ?? '出错了';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title></head><body><main><h1>${escape(title)}</h1><p>${escape(message)}</p><p><a href="/">返回首页</a></p></main></body></html>`;
}
