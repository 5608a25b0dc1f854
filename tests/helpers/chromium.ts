// Headless Chromium for browser tests (playwright-core driving the system's Chromium;
// no browser download). Tests skip where Chromium is absent:
//
//   const available = chromiumAvailable();
//   if (!available) console.warn(CHROMIUM_SKIP_MESSAGE);
//   it.skipIf(!available)('…', () => withChromiumPage(async (page, log) => { … }));
//
// The machine may have no network: background networking is switched off, and every
// request that is not file: or data: is aborted and recorded (so a report that tries to
// load anything fails its test instead of hanging).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

/** The Chromium binary: $MIGRASCORE_CHROMIUM, else Debian's /usr/bin/chromium. */
export const CHROMIUM_PATH = process.env.MIGRASCORE_CHROMIUM || '/usr/bin/chromium';

export const CHROMIUM_SKIP_MESSAGE = `Chromium not found at ${CHROMIUM_PATH}: install Debian chromium to run the report test (apt-get install -y chromium)`;

export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/** What the page did: anything in the first four lists is a problem. */
export interface PageLog {
  consoleErrors: string[];
  pageErrors: string[];
  failedRequests: string[];
  /** Requests to anything but file: / data: URLs (aborted). */
  externalRequests: string[];
  /** Every request URL, in order. */
  requests: string[];
  /** Console messages of every level, as "level: text". */
  console: string[];
}

export interface ChromiumPageOptions {
  viewport?: { width: number; height: number };
  deviceScaleFactor?: number;
}

/**
 * Launch headless Chromium with a fresh profile, open one page, run `fn(page, log)`,
 * and close everything (the profile directory is removed).
 */
export async function withChromiumPage<T>(
  fn: (page: Page, log: PageLog) => Promise<T>,
  options: ChromiumPageOptions = {},
): Promise<T> {
  const profile = mkdtempSync(join(tmpdir(), 'migrascore-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS],
    viewport: options.viewport ?? { width: 1280, height: 900 },
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    offline: true,
    timeout: 60_000,
  });
  const log: PageLog = { consoleErrors: [], pageErrors: [], failedRequests: [], externalRequests: [], requests: [], console: [] };
  try {
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (/^(?:file|data|about):/i.test(url)) return route.continue();
      log.externalRequests.push(url);
      return route.abort('blockedbyclient');
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (msg) => {
      log.console.push(`${msg.type()}: ${msg.text()}`);
      if (msg.type() === 'error') log.consoleErrors.push(msg.text());
    });
    page.on('pageerror', (err) => log.pageErrors.push(String(err)));
    page.on('request', (req) => log.requests.push(req.url()));
    page.on('requestfailed', (req) => log.failedRequests.push(`${req.url()}: ${req.failure()?.errorText ?? 'failed'}`));
    return await fn(page, log);
  } finally {
    await context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Each inlined figure's size, mark count and url(#…) references that leave its own <svg>. */
export interface FigureInPage {
  id: string | null;
  w: number;
  h: number;
  marks: number;
  foreign: string[];
}

export function inspectFigures(page: Page): Promise<FigureInPage[]> {
  return page.locator('figure').evaluateAll((figs) => figs.map((fig) => {
    const svg = fig.querySelector('svg');
    const box = svg?.getBoundingClientRect();
    const foreign: string[] = [];
    for (const el of svg ? Array.from(svg.querySelectorAll('*')) : []) {
      for (const attr of Array.from(el.attributes)) {
        for (const m of attr.value.matchAll(/url\(#([^)]+)\)/g)) {
          const target = document.getElementById(m[1]);
          if (!target || target.closest('svg') !== svg) foreign.push(m[1]);
        }
      }
    }
    return { id: fig.getAttribute('data-figure'), w: box?.width ?? 0, h: box?.height ?? 0, marks: svg ? svg.querySelectorAll('path, line, rect, text').length : 0, foreign };
  }));
}

/** The page raised no error and asked for nothing beyond file: and data: URLs. */
export function expectSelfContained(log: PageLog): void {
  expect(log.pageErrors).toEqual([]);
  expect(log.consoleErrors).toEqual([]);
  expect(log.failedRequests).toEqual([]);
  expect(log.externalRequests).toEqual([]);
  expect(log.requests.every((u) => u.startsWith('file:') || u.startsWith('data:'))).toBe(true);
}
