/**
 * The 101 triage step in Chromium, from the production build: set on the editor's Triage section
 * (mode, routing shares, screening time), a bad share total refused with its reason while the typed
 * value stays, and the run's cards for what the step routed and its call-backs. Screenshots:
 * test-results/screenshots/triage101-*.png.
 */
import { describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { appUnderTest, expectClean, screenshot, screenshotOf } from './harness.ts';

const app = appUnderTest();

describe('the 101 triage step', { timeout: 180_000 }, () => {
  it('is edited as a form, refuses shares above 100 % without losing them, and shows its cards after a run', async () => {
    const page = app.page;
    await page.goto(app.server.url);
    await page.getByRole('button', { name: /^Open Warwickshire 101 with a triage step/ }).first().click();
    await page.getByRole('tab', { name: 'Edit' }).click();
    await page.getByRole('navigation', { name: 'Scenario sections' }).getByRole('button', { name: 'Triage' }).click();

    const step = page.getByRole('region', { name: '101 triage step' });
    assert.ok(await step.getByRole('radio', { name: /^Staffed/ }).isChecked());
    const online = step.getByLabel('Routed online (%)');
    assert.equal(await online.inputValue(), '15');
    await step.getByRole('group', { name: /^Screening time/ }).waitFor();

    // 90 % online + 10 % call-back + 10 % other team: refused, named, and what was typed stays.
    await online.fill('90');
    await step.getByText('expected toOnline + toCallback + toOtherTeam at most 100 %, got 110 %').waitFor();
    await page.getByRole('region', { name: /problems? to fix/ }).getByText('expected toOnline + toCallback + toOtherTeam at most 100 %, got 110 %').waitFor();
    assert.equal(await online.inputValue(), '90');
    await screenshot(page, 'triage101-editor-refused');
    await online.fill('15');
    await step.getByText('expected toOnline').waitFor({ state: 'detached' });

    // An automated menu takes no handler time: the screening field goes, the shares stay.
    await step.getByRole('radio', { name: /^Automated/ }).check();
    await step.getByRole('group', { name: /^Screening time/ }).waitFor({ state: 'detached' });
    assert.equal(await online.inputValue(), '15');
    await step.getByRole('radio', { name: /^Staffed/ }).check();
    await step.getByRole('group', { name: /^Screening time/ }).waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshotOf(step, 'triage101-editor-390');
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0, 'nothing spills sideways on a phone');
    await page.setViewportSize({ width: 1280, height: 720 });

    await page.getByRole('tab', { name: 'Run & results' }).click();
    await page.getByRole('spinbutton', { name: 'Replications', exact: true }).fill('2');
    await page.getByRole('button', { name: 'Run simulation' }).click();
    await page.getByTestId('run-status').filter({ hasText: /^Done/ }).waitFor({ timeout: 150_000 });
    const results = page.getByRole('region', { name: 'Results' });
    assert.match(await results.locator('[data-card="101-step-routed"]').innerText(), /101 triage step: calls routed away a day\s+[\d.,]+\s+online [\d.]+ · another team [\d.]+ · call-back [\d.]+/);
    assert.match(await results.locator('[data-card="101-callbacks"]').innerText(), /101 call-backs made within 2 h\s+[\d.]+ %\s+95 % CI/);
    await screenshotOf(results.getByRole('list', { name: 'Headline figures' }), 'triage101-cards');
    expectClean(app.w);
  });
});
