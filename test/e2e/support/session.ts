// A browser session for journeys: a context on the test server that records CSP violations,
// and the one accessibility check (axe, WCAG 2.1 AA: no serious or critical violation).
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { seriousViolations } from './browser.js';

export interface Session {
  context: BrowserContext;
  page: Page;
  cspErrors: string[];
  javaScriptEnabled: boolean;
}

export async function openSession(
  browser: Browser,
  baseURL: string,
  options: BrowserContextOptions = {},
): Promise<Session> {
  const context = await browser.newContext({ baseURL, locale: 'zh-CN', ...options });
  const page = await context.newPage();
  const cspErrors: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) cspErrors.push(msg.text());
  });
  return { context, page, cspErrors, javaScriptEnabled: options.javaScriptEnabled !== false };
}

export async function assertAccessible(s: Session): Promise<void> {
  const path = new URL(s.page.url()).pathname;
  const violations = await seriousViolations(s.page, { javaScriptEnabled: s.javaScriptEnabled });
  assert.deepEqual(violations, [], `axe on ${path}`);
  assert.deepEqual(s.cspErrors, [], `CSP on ${path}`);
}
