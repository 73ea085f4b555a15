// Debian's Chromium driven by playwright-core (never a downloaded browser), and the
// accessibility check every visited page goes through: axe-core with the WCAG 2.1 A/AA
// rules, failing on any serious or critical violation.
import { readFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

// These callbacks run in the browser; the project compiles without the DOM library, so
// the few browser globals used are declared here (module scope only).
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any;
/* eslint-enable @typescript-eslint/no-explicit-any */

const root = new URL('../../../', import.meta.url).pathname;
const axeSource = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** Where screenshots go: outside the repository unless E2E_SCREENSHOTS says otherwise. */
export const SCREENSHOT_DIR =
  process.env.E2E_SCREENSHOTS ?? join(tmpdir(), 'gongkai-e2e-screenshots');

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/**
 * Runs axe-core on the page as it is now. The script is evaluated through the DevTools
 * protocol, so the page's strict CSP stays in force and is not bypassed for the test.
 * Returns a readable list of the serious and critical violations (empty when none).
 */
export async function seriousViolations(
  page: Page,
  options: { javaScriptEnabled?: boolean } = {},
): Promise<string[]> {
  // axe waits on timers, which do not run in a page with JavaScript disabled: check the
  // same document in a scripting page instead, served from the same URL.
  if (options.javaScriptEnabled === false) return violationsOfCopy(page);
  return runAxe(page);
}

/** One scripting context per JavaScript-free context, reused for every copy it checks. */
const mirrors = new WeakMap<BrowserContext, Promise<BrowserContext>>();

async function violationsOfCopy(page: Page): Promise<string[]> {
  const html = await page.content();
  const url = page.url();
  const source = page.context();
  let mirror = mirrors.get(source);
  if (!mirror) {
    const browser = source.browser() as Browser;
    mirror = browser.newContext({
      viewport: page.viewportSize() ?? undefined,
      javaScriptEnabled: true,
    });
    mirrors.set(source, mirror);
    // Closing the browser closes the mirror too; when that wins the race the mirror's own
    // close rejects, which must not surface as an unhandled rejection after the test.
    source.once('close', () => {
      mirror?.then((m) => m.close()).catch(() => undefined);
    });
  }
  const copy = await (await mirror).newPage();
  try {
    await copy.route(url, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
    );
    await copy.goto(url);
    return await runAxe(copy);
  } finally {
    await copy.close();
  }
}

async function runAxe(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = (await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: unknown[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations;
  })) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
    );
}
