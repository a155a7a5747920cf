/**
 * Browser-test harness: serves the production build (dist/) from a tiny static server under a
 * sub-path — as a static host would — and drives Debian's Chromium through playwright-core. Every
 * page records console errors and uncaught exceptions; `expectClean` fails the test on any.
 * Screenshots go to test-results/screenshots/.
 */
import { createServer, type Server } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

const DIST = resolve(import.meta.dirname, '../../dist');
export const SCREENSHOTS = resolve(import.meta.dirname, '../../test-results/screenshots');
const MOUNT = '/occsim/';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
};

export async function serveDist(): Promise<{ url: string; close: () => Promise<void> }> {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is missing: run `npm run build` first');
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(MOUNT)) {
      res.writeHead(404).end('not found');
      return;
    }
    const rel = normalize(path.slice(MOUNT.length) || 'index.html').replace(/^(\.\.[/\\])+/, '');
    try {
      const body = await readFile(join(DIST, rel));
      res.writeHead(200, { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}${MOUNT}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface Watched {
  page: Page;
  errors: string[];
}

/** A page that records console errors and page errors, and long tasks from the start. */
export async function watchedPage(browser: Browser): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
    w.__longTasks = [];
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      /* longtask not supported: the test then reports none */
    }
  });
  return { page, errors };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** A screenshot of one part of the page, at full resolution, for reading the detail. */
export async function screenshotOf(locator: Locator, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await locator.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

export function expectClean(watched: Watched): void {
  if (watched.errors.length) throw new Error(`The page logged errors:\n${watched.errors.join('\n')}`);
}

export interface AppUnderTest {
  server: { url: string; close: () => Promise<void> };
  browser: Browser;
  /** One page for the whole file, as a user keeps one tab open. */
  w: Watched;
  page: Page;
}

/**
 * The production build served and one watched Chromium page for a test file: opened before its
 * first test (after `before`, e.g. a command-line run to compare with) and closed after its last.
 * With `cspViolations`, the page records Content-Security-Policy violations for `cspViolations()`.
 */
export function appUnderTest(options: { before?: () => unknown; cspViolations?: boolean } = {}): AppUnderTest {
  const app = {} as AppUnderTest;
  beforeAll(async () => {
    await options.before?.();
    app.server = await serveDist();
    app.browser = await launch();
    app.w = await watchedPage(app.browser);
    app.page = app.w.page;
    if (options.cspViolations)
      await app.page.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { __violations: string[] }).__violations = seen;
        document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective}: ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`));
      });
  }, 240_000);
  afterAll(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}

/** The policy violations the page has recorded (see `appUnderTest`'s `cspViolations`). */
export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
}
