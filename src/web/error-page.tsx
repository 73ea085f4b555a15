// The Chinese error page. It reads nothing from the database, so it renders even when the
// error came from there.
import { Document, DisplaySettings } from './layout.js';
import { PLATFORM_NAME } from './site.js';

export const ERROR_TITLES: Readonly<Record<number, string>> = {
  400: '请求有误',
  401: '请先登录',
  403: '没有权限',
  404: '页面不存在',
  405: '不支持的请求方式',
  413: '上传的文件太大',
  429: '操作过于频繁',
  500: '系统出错',
  503: '系统暂不可用',
};

export function ErrorPage({ status, message }: { status: number; message: string }) {
  const title = ERROR_TITLES[status] ?? '出错了';
  return (
    <Document title={`${title} - ${PLATFORM_NAME}`}>
      <header class="site-header">
        <div class="wrap">
          <p class="site-title">
            <a href="/">{PLATFORM_NAME}</a>
          </p>
          <DisplaySettings />
        </div>
      </header>
      <div class="wrap">
        <main id="main" tabindex={-1}>
          <h1>{title}</h1>
          <p>{message}</p>
          <p>
            <a href="/">返回部门目录</a>
          </p>
        </main>
      </div>
    </Document>
  );
}
