/**
 * "Propose a rota" in real Chromium, from the production build (served from a sub-path, under its
 * Content-Security-Policy): a small scenario is imported and a rota proposed with HiGHS in a
 * worker and the simulations in the app's workers; the proposal the page offers for download must
 * equal `occsim optimise --json` for the same file and seed, apart from the timing. Then the cards,
 * the two gantts, cancelling a proposal under way, opening the proposal as a new scenario and
 * running it, comparing it with the current rota in one click, and finding both again after a reload; at 1280 and 390 px wide,
 * failing on any console error or policy violation. Input the optimiser cannot work with is refused
 * naming the field, and a desk cap too low says which standard cannot be met and why. Screenshots: test-results/screenshots/propose-*.png.
 */
import { describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { appUnderTest, cspViolations, expectClean, screenshot, screenshotOf } from './harness.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SMALL = join(ROOT, 'test/fixtures/optimise-small.json');

let cli: Record<string, unknown>;

const app = appUnderTest({
  before: async () => {
    const out = execFileSync(process.execPath, [join(ROOT, 'bin/occsim.js'), 'optimise', SMALL, '--json', '--workers', '2'], { encoding: 'utf8' });
    const { timing: _timing, ...proposal } = JSON.parse(out) as Record<string, unknown>;
    cli = proposal;
  },
  cspViolations: true,
});

const tab = (name: string) => app.page.getByRole('tab', { name, exact: true }).click();
const status = () => app.page.getByTestId('propose-status');
const violations = () => cspViolations(app.page);

describe('proposing a rota in Chromium', { timeout: 240_000 }, () => {
  it('proposes a rota for a small scenario: the same proposal as the command line', async () => {
    await app.page.goto(app.server.url);
    await tab('Scenarios');
    await app.page.locator('#import-file').setInputFiles(SMALL);
    await app.page.getByText('Imported “Small control room”').waitFor();
    await tab('Propose a rota');
    await app.page.getByText('Scenario: Small control room').first().waitFor();
    await app.page.getByRole('button', { name: 'Propose a rota' }).click();
    await status().filter({ hasText: /^Proposing…/ }).waitFor();
    await status().filter({ hasText: /^Done in [\d.]+ s \(all standards met\)/ }).waitFor({ timeout: 180_000 });

    const download = app.page.waitForEvent('download');
    await app.page.getByRole('button', { name: 'Download the proposal (JSON)' }).click();
    const file = await (await download).path();
    const browserProposal = JSON.parse(await readFile(file, 'utf8'));
    // Byte for byte once both are serialised the same way: same shifts, costs, bound, CIs, search.
    assert.equal(JSON.stringify(browserProposal), JSON.stringify(cli));
    assert.deepEqual(await violations(), []);
    expectClean(app.w);
  });

  it('shows the cost against the current rota and the bound, the standard as a card, both gantts and the changes', async () => {
    const proposal = cli as { costPerWeek: number; current: { costPerWeek: number }; shifts: unknown[]; changes: string[] };
    const cards = app.page.getByRole('list', { name: 'Headline figures' });
    const cost = cards.locator('[data-card=cost]');
    const money = (v: number) => `£${Math.round(v).toLocaleString('en-GB')}`;
    assert.match(await cost.innerText(), new RegExp(`Cost per week, proposed\\s+${money(proposal.costPerWeek)}\\s+LP lower bound £[\\d,]+: \\d+\\.\\d % above it\\s+Current rota ${money(proposal.current.costPerWeek)}`));
    const sl = cards.locator('[data-card=standard-101]');
    assert.match(await sl.innerText(), /101 answered within 60 s\s+\d+\.\d %\s+95 % CI \d+\.\d % – \d+\.\d %\s+Standard 85 %\s+✓ Met at the lower 95 % bound/);
    const current = app.page.getByRole('group', { name: 'Current rota: shifts over the week' });
    const proposed = app.page.getByRole('group', { name: 'Proposed rota: shifts over the week' });
    assert.equal(await current.getByRole('slider').count(), 3);
    assert.equal(await proposed.getByRole('slider').count(), proposal.shifts.length);
    assert.equal(await proposed.locator('[aria-readonly=true]').count(), proposal.shifts.length);
    assert.deepEqual(await app.page.getByRole('list', { name: 'What changed' }).getByRole('listitem').allInnerTexts(), proposal.changes);
    await screenshot(app.page, 'propose-01-proposal-1280');
    await screenshotOf(app.page.locator('.gantts'), 'propose-02-gantts');
    expectClean(app.w);
  });

  it('shows the search step by step, the rota it proposes confirmed on replications of its own', async () => {
    const summary = app.page.getByText(/^How the proposal was found/);
    await summary.click();
    const steps = app.page.getByRole('table', { name: 'Search steps' });
    assert.match(await steps.innerText(), /101 met; confirmed on small\/confirm #\d+–\d+/);
    await app.page.getByText('and confirmed its candidates on “small/confirm”').waitFor();
    await screenshotOf(steps, 'propose-10-search-steps');
    await summary.click();
    expectClean(app.w);
  });

  it('fits a 390 px phone without spilling sideways', async () => {
    await app.page.setViewportSize({ width: 390, height: 844 });
    const over = await app.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await screenshot(app.page, 'propose-03-proposal-390');
    await app.page.setViewportSize({ width: 1280, height: 900 });
    assert.equal(over, 0);
  });

  it('cancels a proposal under way and keeps the finished one', async () => {
    await app.page.getByLabel('Time budget (s)').fill('600');
    await app.page.getByRole('button', { name: 'Propose a rota' }).click();
    await status().filter({ hasText: /^Proposing… iterative staffing/ }).waitFor();
    await app.page.getByRole('button', { name: 'Cancel' }).click();
    await status().filter({ hasText: /^Cancelled after [\d.]+ s; the last finished proposal is shown below\./ }).waitFor();
    assert.equal(await app.page.getByRole('button', { name: 'Cancel' }).count(), 0);
    assert.equal(await app.page.getByRole('button', { name: 'Propose a rota' }).isEnabled(), true);
    // The workers are gone: nothing arrives later to replace the status or the proposal.
    await app.page.waitForTimeout(1500);
    assert.match(await status().innerText(), /^Cancelled/);
    await app.page.getByRole('heading', { name: 'Proposed rota for Small control room' }).waitFor();
    await screenshot(app.page, 'propose-04-cancelled');
    expectClean(app.w);
  });

  it('opens the proposal as a new scenario and runs it', async () => {
    await app.page.getByRole('button', { name: 'Open as a new scenario' }).click();
    await app.page.getByText('Scenario: Small control room (proposed rota)').waitFor();
    await tab('Run & results');
    await app.page.getByRole('spinbutton', { name: 'Replications', exact: true }).fill('2');
    await app.page.getByRole('button', { name: 'Run simulation' }).click();
    await app.page.getByTestId('run-status').filter({ hasText: /^Done/ }).waitFor({ timeout: 120_000 });
    await app.page.getByRole('region', { name: 'Results' }).getByRole('img', { name: /Service level by hour of week/ }).waitFor();
    await screenshot(app.page, 'propose-05-run');
    expectClean(app.w);
  });

  it('compares the proposal with the current rota in one click', async () => {
    await tab('Propose a rota');
    await app.page.getByRole('button', { name: 'Compare with the current rota' }).click();
    await app.page.getByRole('heading', { name: 'Compare scenarios' }).waitFor();
    const picks = app.page.getByRole('group', { name: 'Scenarios to compare' });
    const ticked: string[] = [];
    for (const box of await picks.getByRole('checkbox').all()) if (await box.isChecked()) ticked.push(await box.evaluate((b) => b.parentElement!.textContent!.trim()));
    // The scenario opened a moment ago is reused, not opened twice.
    assert.equal(ticked.length, 2);
    assert.match(ticked[0]!, /^Small control room ?\(baseline\)$/);
    assert.equal(ticked[1], 'Small control room (proposed rota)');
    await app.page.getByTestId('run-status').filter({ hasText: /^Done/ }).waitFor({ timeout: 180_000 });
    const sentence = await app.page.getByTestId('compare-sentence').first().innerText();
    assert.match(sentence, /Staff cost a week: −£[\d,]+\./);
    // What differs reads as the net change in staff per shift time, the changes the Propose tab
    // listed, not as shifts matched by their place in the list and "renamed".
    const differs = await app.page.getByRole('region', { name: /^What differs/ }).first().getByRole('listitem').allInnerTexts();
    assert.deepEqual(differs, cli['changes']);
    await screenshot(app.page, 'propose-06-compare');
    assert.deepEqual(await violations(), []);
    expectClean(app.w);
  });

  it('says what comparing does, and the same rota proposed again reuses its copy rather than making "… 2"', async () => {
    await tab('Propose a rota');
    assert.match(await app.page.getByTestId('propose-compare-hint').innerText(), /saves the proposed rota as a new scenario, “Small control room \(proposed rota\)”, once/);
    await tab('Scenarios');
    await app.page.getByRole('button', { name: 'Open Small control room', exact: true }).click();
    await tab('Propose a rota');
    await app.page.getByText('Scenario: Small control room').first().waitFor();
    await app.page.getByRole('button', { name: 'Propose a rota' }).click();
    await status().filter({ hasText: /^Done in [\d.]+ s/ }).waitFor({ timeout: 180_000 });
    await app.page.getByRole('button', { name: 'Compare with the current rota' }).click();
    await app.page.getByRole('heading', { name: 'Compare scenarios' }).waitFor();
    const picks = app.page.getByRole('group', { name: 'Scenarios to compare' });
    const all = (await picks.getByRole('checkbox').all()).map((box) => box.evaluate((b) => b.parentElement!.textContent!.trim()));
    assert.deepEqual((await Promise.all(all)).filter((name) => name.includes('(proposed rota)')), ['Small control room (proposed rota)']);
    await app.page.getByText('The proposed rota is already open as “Small control room (proposed rota)”.').waitFor();
    await app.page.getByTestId('run-status').filter({ hasText: /^Done/ }).waitFor({ timeout: 180_000 });
    expectClean(app.w);
  });

  it('keeps the last comparison and the last proposal through a reload', async () => {
    // The comparison started by the test before, finished: all ten paired replications in.
    await app.page.getByText('(10 paired replications)').first().waitFor({ timeout: 180_000 });
    await app.page.getByTestId('run-status').filter({ hasText: /^Done/ }).waitFor({ timeout: 180_000 });
    const differs = await app.page.getByRole('region', { name: /^What differs/ }).first().getByRole('listitem').allInnerTexts();
    const sentence = await app.page.getByTestId('compare-sentence').first().innerText();
    await app.page.reload();
    await app.page.getByRole('heading', { name: 'Your scenarios' }).waitFor();
    // Compare opens on the scenarios compared last, with their results as they were, without running again.
    await tab('Compare');
    await app.page.getByTestId('kept-comparison').waitFor();
    assert.deepEqual(await app.page.getByRole('region', { name: /^What differs/ }).first().getByRole('listitem').allInnerTexts(), differs);
    assert.equal(await app.page.getByTestId('compare-sentence').first().innerText(), sentence);
    // A window of the week is worked out again from the kept hourly counts.
    await app.page.getByLabel('Also look at').selectOption({ label: 'Friday' });
    assert.match(await app.page.getByTestId('compare-window').first().innerText(), /on Friday 00:00–04:00/);
    await app.page.getByRole('heading', { name: 'Results compared' }).waitFor();
    await screenshot(app.page, 'propose-08-compare-after-reload');
    // The proposal too, with the scenario it was made for.
    await tab('Propose a rota');
    await status().filter({ hasText: /^The last proposal, kept from an earlier visit \(it took [\d.]+ s; all standards met\)/ }).waitFor();
    await app.page.getByRole('heading', { name: 'Proposed rota for Small control room' }).waitFor();
    assert.deepEqual(await app.page.getByRole('list', { name: 'What changed' }).getByRole('listitem').allInnerTexts(), cli['changes']);
    await screenshot(app.page, 'propose-09-proposal-after-reload');
    // Edited since, the proposal says so.
    await tab('Scenarios');
    await app.page.getByRole('button', { name: 'Open Small control room', exact: true }).click();
    await app.page.locator('#f-name').fill('Small control room, edited');
    await tab('Propose a rota');
    await app.page.getByTestId('proposal-stale').filter({ hasText: /^The scenario has changed since/ }).waitFor();
    await app.page.getByTestId('proposal-stale').scrollIntoViewIfNeeded();
    await screenshot(app.page, 'propose-10-proposal-stale');
    await tab('Edit');
    await app.page.locator('#f-name').fill('Small control room');
    assert.deepEqual(await violations(), []);
    expectClean(app.w);
  });

  /** A variant of the small scenario, imported as a file the way a user would. */
  async function importVariant(name: string, patch: (json: Record<string, any>) => void) {
    const json = JSON.parse(await readFile(SMALL, 'utf8'));
    patch(json);
    json.name = name;
    const file = join(await mkdtemp(join(tmpdir(), 'occsim-propose-')), `${name}.json`);
    await writeFile(file, JSON.stringify(json));
    await tab('Scenarios');
    await app.page.locator('#import-file').setInputFiles(file);
    await app.page.getByText(`Imported “${name}”`).waitFor();
    await tab('Propose a rota');
  }

  it('refuses templates that leave a channel uncovered, naming the field', async () => {
    await importVariant('No handler templates', (j) => {
      j.staffing.groups.push({ id: 'desk', skills: ['online'], costPerHour: 15 });
      j.optimise.templates = [{ group: 'desk', starts: ['07:00'], hours: [8] }];
    });
    await app.page.getByRole('button', { name: 'Propose a rota' }).click();
    const alert = app.page.getByRole('alert').filter({ hasText: 'cannot be optimised' });
    await alert.waitFor();
    assert.match(await alert.innerText(), /“No handler templates” cannot be optimised:\s+optimise\.templates: no template for a group skilled for 101 \(handlers\), which has demand/);
    expectClean(app.w);
  });

  it('says which standard a desk cap makes unreachable, why, and the best achievable', async () => {
    await importVariant('Six desks', (j) => (j.desks = { periods: [{ usable: 6 }] }));
    await app.page.getByLabel('Verification replications').fill('3');
    await app.page.getByRole('button', { name: 'Propose a rota' }).click();
    await status().filter({ hasText: /^Done in/ }).waitFor({ timeout: 180_000 });
    const note = app.page.getByRole('note').filter({ hasText: '101 cannot be met' });
    assert.match(await note.innerText(), /^101 cannot be met: in \d+ hours? of the week \(.*\) 101 needs more staff on the floor than the usable desks .*; the best the limits allow is \d+\.\d %\.$/);
    assert.match(await app.page.locator('[data-card=standard-101]').innerText(), /✗ Missed|\? Not proven/);
    await screenshot(app.page, 'propose-07-infeasible');
    expectClean(app.w);
  });
});
