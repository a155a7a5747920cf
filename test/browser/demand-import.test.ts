import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { synthHistory } from '../../src/history/synth.ts';
import { createServer, type ViteDevServer } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { chromium, type Browser } from 'playwright-core';
import { SCREENSHOTS, watchedPage } from './harness.ts';

const repo = join(import.meta.dirname, '../..');
let server: ViteDevServer;
let browser: Browser;
let url: string;

beforeAll(async () => {
  server = await createServer({
    configFile: false,
    root: join(import.meta.dirname, 'demand'),
    plugins: [svelte()],
    worker: { format: 'es' },
    server: { port: 0, host: '127.0.0.1', fs: { allow: [repo] } },
    logLevel: 'error',
  });
  await server.listen();
  url = server.resolvedUrls!.local[0]!;
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('call-history import in the browser', () => {
  it('imports the sample CSV in the worker and shows the fitted profile', async () => {
    const { page, errors } = await watchedPage(browser);
    await page.goto(url);
    await page.setInputFiles('input[type=file]', join(repo, 'seeds/sample-history.csv'));
    await page.getByTestId('fit-profile').waitFor({ timeout: 30_000 });
    const perDay999 = Number(await page.getByTestId('calls-per-day-999').textContent());
    const perDay101 = Number(await page.getByTestId('calls-per-day-101').textContent());
    // The sample is a tenth of the synthetic force: ~53 999 and ~125 101 calls a day (June is busier).
    expect(perDay999).toBeGreaterThan(45);
    expect(perDay999).toBeLessThan(70);
    expect(perDay101).toBeGreaterThan(110);
    expect(perDay101).toBeLessThan(150);
    // Actual against fitted, as labelled charts with a legend, by hour of week and by week.
    for (const name of ['999: calls by hour of week, actual and fitted', '999: calls by week, actual and fitted']) {
      const chart = page.locator('[data-channel="999"] figure', { has: page.getByRole('heading', { name }) });
      expect(await chart.getByRole('list', { name: 'Legend' }).innerText()).toMatch(/Actual[\s\S]*Fitted/);
    }
    expect(await page.getByTestId('fit-quality-999').innerText()).toMatch(/^Hour by hour the fit is /);
    expect(errors).toEqual([]);
  });

  it('refuses an empty file after a good import without crediting it with the earlier rows, fit or charts', async () => {
    const { page, errors } = await watchedPage(browser);
    await page.goto(url);
    await page.setInputFiles('input[type=file]', { name: 'semi.csv', mimeType: 'text/csv', buffer: readFileSync(join(repo, 'seeds/sample-history.csv')) });
    await page.getByTestId('fit-profile').waitFor({ timeout: 30_000 });
    await page.setInputFiles('input[type=file]', { name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.from('') });
    await page.getByText('empty.csv was not imported: the file is empty: expected a header row. The earlier import, semi.csv, is unchanged below.').waitFor();
    expect(await page.locator('.rows').innerText()).toMatch(/^semi\.csv: 5,268 rows read, 5,268 used, 0 skipped\.$/);
    expect(await page.locator('body').innerText()).not.toMatch(/empty\.csv: [\d,]+ rows/);
    await page.screenshot({ path: join(SCREENSHOTS, 'demand-import-refused-after-good.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('calls a one-call history too little to judge, and draws the days it does not hold as gaps', async () => {
    const { page, errors } = await watchedPage(browser);
    await page.goto(url);
    await page.setInputFiles('input[type=file]', { name: 'one.csv', mimeType: 'text/csv', buffer: Buffer.from('timestamp,channel\n2024-01-03T10:20,999\n') });
    await page.getByTestId('fit-profile').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('fit-quality-999').innerText()).toBe('Too little history to judge the fit: 1 day with calls, and hour by hour the fitted shape repeats it.');
    expect(await page.locator('.fit-profile .warning').first().innerText()).toMatch(/^only 1 day of history: too little to judge the fit/);
    expect(await page.locator('body').innerText()).not.toMatch(/as close as chance allows|MAPE hourly|\b1 (rows|days)\b/);
    // The hour-of-week chart's data table: Wednesday's hours are numbers, the six other days have no data.
    const chart = page.locator('[data-channel="999"] figure', { has: page.getByRole('heading', { name: '999: calls by hour of week, actual and fitted' }) });
    await chart.getByText('Data table').click();
    const cells = await chart.locator('table tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent!.trim())));
    expect(cells).toHaveLength(168);
    expect(cells.filter((r) => r.every((v) => v === '–'))).toHaveLength(6 * 24);
    expect(cells[2 * 24 + 10]).toEqual(['1.0', '1.0']);
    await page.screenshot({ path: join(SCREENSHOTS, 'demand-import-one-call.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reads a year of one-row-per-call (~650,000 rows) off the main thread, with progress', { retry: 1 }, async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'occsim-year-')), 'year.csv');
    writeFileSync(file, [...synthHistory({ days: 365, seed: 'browser' })].join(''));
    const page = await browser.newPage();
    await page.goto(url);
    // A 20 ms heartbeat on the page: its longest gap is how long the page froze during the import.
    await page.evaluate(() => {
      const w = window as unknown as { longest: number };
      w.longest = 0;
      let last = performance.now();
      setInterval(() => {
        const now = performance.now();
        w.longest = Math.max(w.longest, now - last);
        last = now;
      }, 20);
    });
    const started = Date.now();
    await page.setInputFiles('input[type=file]', file);
    await page.getByText(/Reading year\.csv: [1-9][\d,]* rows/).waitFor({ timeout: 30_000 });
    await page.getByTestId('fit-profile').waitFor({ timeout: 60_000 });
    const seconds = (Date.now() - started) / 1000;
    const longest = await page.evaluate(() => (window as unknown as { longest: number }).longest);
    expect(Number(await page.getByTestId('calls-per-day-999').textContent())).toBeGreaterThan(500);
    expect(longest).toBeLessThan(250);
    console.log(`year import: ${seconds.toFixed(1)} s, longest page freeze ${longest.toFixed(0)} ms`);
  });
});
