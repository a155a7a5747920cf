/**
 * The app in real Chromium, from the production build: load, run the baseline, see results, edit
 * the rota, compare two scenarios, reload and find the edits kept — failing on any console error.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { expectClean, launch, screenshot, serveDist, watchedPage } from './harness.ts';

let browser: Browser;
let server: { url: string; close: () => Promise<void> };

before(async () => {
  server = await serveDist();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

describe('occsim in Chromium', () => {
  it('opens on the scenario list with the ready scenarios', async () => {
    const w = await watchedPage(browser);
    await w.page.goto(server.url);
    await w.page.getByRole('heading', { name: 'Ready scenarios' }).waitFor();
    await screenshot(w.page, '01-start');
    assert.equal(await w.page.getByRole('tab', { name: 'Scenarios' }).getAttribute('aria-selected'), 'true');
    expectClean(w);
    await w.page.context().close();
  });
});
