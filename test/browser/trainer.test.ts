/**
 * The THRIVE policy and trainer in Chromium, as a trainer would use them: edit the open scenario's
 * policy by form (a bad threshold refused in words, the preview moving), export it as a file, see
 * the trainer grade with it and say so, walk a case and read the contributions and the path on the
 * statechart diagram; then the same page on a phone (no horizontal scroll) and on a projector.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, assert, beforeAll, describe, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectClean, launch, screenshot, screenshotOf, serveDist, watchedPage, type Watched } from './harness.ts';

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let w: Watched;
let page: Page;

beforeAll(async () => {
  server = await serveDist();
  browser = await launch();
  w = await watchedPage(browser);
  page = w.page;
  await page.goto(server.url);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const tab = (name: string) => page.getByRole('tab', { name }).click();
const field = (label: string) => page.getByRole('textbox', { name: label, exact: true });

async function answerAll(level: string) {
  for (const q of ['threat', 'harm', 'risk', 'investigation', 'vulnerability', 'engagement']) {
    await page.getByRole('group', { name: new RegExp(`^${q}:`, 'i') }).getByRole('radio', { name: level, exact: true }).check();
    await page.getByRole('button', { name: 'Next' }).click();
  }
}

/** Page width beyond the viewport: anything above 0 is a horizontal scroll. */
const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('THRIVE policy form and trainer in Chromium', { timeout: 240_000 }, () => {
  it('edits the policy by form, with a preview, a refusal in words and an export', async () => {
    await tab('Scenarios');
    await page.getByRole('button', { name: /^Open Baseline/ }).first().click();
    await tab('Edit');
    await page.getByRole('navigation', { name: 'Scenario sections' }).getByRole('button', { name: 'Triage' }).click();
    const preview = page.getByTestId('policy-preview');
    await preview.waitFor();
    await page.getByRole('button', { name: 'Edit a copy of the default policy' }).click();
    await page.getByTestId('policy-form').waitFor();

    await field('Policy name').fill('County training policy');
    await field('Grade 3 scheduled from').fill('2');
    await page.getByTestId('table-changes').filter({ hasText: /combinations become more urgent/ }).waitFor();
    const sent = await preview.getByRole('row', { name: /officer sent/ }).textContent();
    assert.match(sent ?? '', /\+\d+\.\d/, 'sending officers more often shows as a rise');

    await field('Grade 2 priority from').fill('1');
    const message = page.locator('#f-triage-policy-thresholds-priority-msg');
    await message.filter({ hasText: 'must be ≥ scheduled (2), got 1' }).waitFor();
    assert.equal(await field('Grade 2 priority from').inputValue(), '1', 'what the user typed is kept');
    await screenshot(page, 'thrive-01-policy-form-refused');
    await field('Grade 2 priority from').fill('9');
    await page.getByTestId('save-status').filter({ hasText: 'All changes saved' }).waitFor();
    await screenshotOf(page.locator('section.preview'), 'thrive-02-policy-preview');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export policy as a file' }).click();
    const file = await (await download).path();
    const exported = JSON.parse(await readFile(file, 'utf8'));
    assert.equal(exported.name, 'County training policy');
    assert.equal(exported.thresholds.scheduled, 2);
    expectClean(w);
  });

  it('grades with the scenario policy and names it; shows contributions and the path on the diagram', async () => {
    await tab('THRIVE trainer');
    await page.getByTestId('trainer-policy').filter({ hasText: 'Grading with “County training policy”, the policy of the open scenario' }).waitFor();
    await page.getByLabel('Training case').selectOption('noisy-party-asb');
    const diagram = page.getByTestId('statechart-diagram');
    await diagram.waitFor();
    await answerAll('low');
    const outcome = page.getByRole('region', { name: 'Outcome' });
    await outcome.getByText(/Your answers lead to grade 3 \(scheduled\): book an appointment/).waitFor();
    await page.getByTestId('contributions').filter({ hasText: 'Threat low +2 · Harm low +1 · Risk low +1 · Vulnerability low +1 = 5: scheduled from 2' }).waitFor();
    const passed = await diagram.locator('g.state.passed').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-state')));
    assert.deepEqual(passed, ['threat', 'harm', 'risk', 'investigation', 'vulnerability', 'engagement']);
    assert.equal(await diagram.locator('g.state.current').getAttribute('data-state'), 'outcome');
    assert.equal(await diagram.locator('path.edge.taken').count(), 6);
    await diagram.getByText('domestic abuse').waitFor();
    await screenshot(page, 'thrive-03-trainer');
    await screenshotOf(diagram, 'thrive-04-statechart');

    await page.getByText('What if the thresholds were different?').click();
    await page.getByRole('textbox', { name: 'scheduled from' }).fill('7');
    await outcome.getByText(/Your answers lead to grade 4/).waitFor();
    await page.getByTestId('trainer-policy').filter({ hasText: 'what if scheduled from 7 (policy: 2)' }).waitFor();
    expectClean(w);
  });

  it('stacks on a phone without horizontal scroll and is large on a projector', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'Try this case again' }).click();
    await page.getByRole('group', { name: /^threat:/i }).waitFor();
    assert.equal(await overflow(), 0, 'no horizontal scroll at 390 px (question)');
    await screenshot(page, 'thrive-05-phone-question');
    await answerAll('medium');
    await page.getByRole('region', { name: 'Outcome' }).waitFor();
    assert.equal(await overflow(), 0, 'no horizontal scroll at 390 px (outcome)');
    await screenshot(page, 'thrive-06-phone-outcome');

    await page.setViewportSize({ width: 1920, height: 1080 });
    const size = await page.locator('section.trainer').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    assert.isAtLeast(size, 20, 'projector text is at least 20 px');
    assert.equal(await overflow(), 0);
    await screenshot(page, 'thrive-07-projector');
    expectClean(w);
  });
});
