// Page layouts. Server-rendered, zh-CN, usable without JavaScript.
import type { Child } from 'hono/jsx';

export interface PageProps {
  title: string;
  children?: Child;
}

/** The base document: every page goes through here. */
export function Document({ title, children }: PageProps) {
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
      </head>
      <body>
        <a href="#main">跳到主要内容</a>
        {children}
      </body>
    </html>
  );
}

/** Staff console page: header with navigation, then the page content in <main>. */
export function ConsolePage({ title, children }: PageProps) {
  return (
    <Document title={`${title} - 政府信息公开工作台`}>
      <header>
        <p>政府信息公开工作台</p>
      </header>
      <main id="main">
        <h1>{title}</h1>
        {children}
      </main>
    </Document>
  );
}
