// A browser session for journeys: a context on the test server that records CSP violations,
// and the one accessibility check (axe, WCAG 2.1 AA: no serious or critical violation).
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../../src/demo/demo-data.js';
import { seriousViolations } from './browser.js';

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Console messages about the Content-Security-Policy (must stay empty). */
  cspErrors: string[];
  /** Every path checked with axe, in order. */
  checked: string[];
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
  return {
    context,
    page,
    cspErrors,
    checked: [],
    javaScriptEnabled: options.javaScriptEnabled !== false,
  };
}

export async function assertAccessible(s: Session): Promise<void> {
  const path = new URL(s.page.url()).pathname;
  const violations = await seriousViolations(s.page, { javaScriptEnabled: s.javaScriptEnabled });
  assert.deepEqual(violations, [], `axe on ${path}`);
  assert.deepEqual(s.cspErrors, [], `CSP on ${path}`);
  s.checked.push(path);
}

/** Signs a demo account in through the login form and waits for the console. */
export async function signInAs(page: Page, username: string): Promise<void> {
  await page.goto('/console/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL('**/console');
}
