/**
 * The app in real Chromium, from the production build: run the baseline and read the results
 * (checking the numbers against the command line and the main thread for long tasks), edit the
 * rota, see a bad value refused with its reason, compare two scenarios, reload and find the edits
 * kept, open a share link — failing on any console error. Screenshots: test-results/screenshots/.
 */
import { describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { appUnderTest, expectClean, screenshot, screenshotOf, SCREENSHOTS, watchedPage } from './harness.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const REPLICATIONS = 4;

const app = appUnderTest();

async function tab(name: string) {
  await app.page.getByRole('tab', { name }).click();
}

/** The ready baseline's file: the one the app bundles, run by the CLI for the same numbers. */
const baselineFile = () => resolve(ROOT, 'scenarios/baseline.json');

/**
 * No task over 50 ms on the page's main thread from `since` (performance.now()) until `to` (default now).
 * The tests that assert it get one retry: a lone collector pause can cross 50 ms once, while work that
 * really blocks the page fails both tries.
 */
async function assertNoLongTasksSince(since: number, to?: number) {
  const until = to ?? (await app.page.evaluate(() => performance.now()));
  const longTasks = await app.page.evaluate(
    ([from, to]) => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter((t) => t.start >= from! && t.start <= to!),
    [since, until],
  );
  assert.deepEqual(longTasks, [], `long tasks on the main thread during the run: ${JSON.stringify(longTasks)}`);
}

async function openBaseline() {
  await tab('Scenarios');
  await app.page.getByRole('button', { name: /^Open Baseline/ }).first().click();
}

describe('occsim in Chromium', { timeout: 240_000 }, () => {
  it('opens on the scenario list', async () => {
    await app.page.goto(app.server.url);
    await app.page.getByRole('heading', { name: 'Ready scenarios' }).waitFor();
    assert.equal(await app.page.getByRole('tab', { name: 'Scenarios' }).getAttribute('aria-selected'), 'true');
    await screenshot(app.page, '01-start');
    expectClean(app.w);
  });

  it('runs the baseline in workers without blocking the page and shows the results', { retry: 1 }, async () => {
    await openBaseline();
    await tab('Run & results');
    await app.page.getByRole('spinbutton', { name: 'Replications', exact: true }).fill(String(REPLICATIONS));
    const t0 = await app.page.evaluate(() => performance.now());
    await app.page.getByRole('button', { name: 'Run simulation' }).click();
    await app.page.getByTestId('run-status').filter({ hasText: /Running|Done/ }).waitFor();
    await app.page.getByTestId('run-status').filter({ hasText: /^Done/ }).waitFor({ timeout: 180_000 });
    const ran = await app.page.evaluate(() => performance.now());

    const results = app.page.getByRole('region', { name: 'Results' });
    await results.getByRole('heading', { name: 'Results', exact: true }).waitFor();
    await results.getByText(`${REPLICATIONS} replications ×`).waitFor();
    await results.getByRole('img', { name: /Online backlog over time/ }).waitFor();
    assert.match(await results.locator('[data-card="999-sl"]').innerText(), /999 answered within 10 s[\s\S]*%[\s\S]*95 % CI/);
    // Every interval of a share stays within 0–100 %.
    for (const text of await results.locator('.card .ci').allInnerTexts()) {
      for (const [, v] of text.matchAll(/(−?-?[\d.]+) %/g)) {
        const x = Number(v!.replace('−', '-'));
        assert.ok(x >= 0 && x <= 100, `${text}: an interval outside 0–100 %`);
      }
    }
    // The rota's cost: paid hours and £ a week, with each group's part.
    assert.match(await results.locator('[data-card="paid-hours"]').innerText(), /Paid hours a week\s+[\d,]+(\.\d)? h/);
    assert.match(await results.locator('[data-card="cost"]').innerText(), /Staff cost a week\s+£[\d,]+\s+Call handlers \(999 and 101\) £[\d,]+/);
    assert.ok(await results.getByRole('img', { name: /Service level by hour of week/ }).count());
    const byDate = results.getByRole('img', { name: /Service level by date/ });
    await byDate.waitFor();
    await screenshotOf(byDate, '02c-service-level-by-date');
    await screenshot(app.page, '02-results');
    await screenshotOf(results.getByRole('list', { name: 'Headline figures' }), '02a-headline-cards');
    await assertNoLongTasksSince(t0, ran);
    expectClean(app.w);
  });

  it('exports a chart as SVG and as PNG', async () => {
    const results = app.page.getByRole('region', { name: 'Results' });
    const svgDownload = app.page.waitForEvent('download');
    await results.getByRole('button', { name: 'Download “Service level by hour of week” as SVG' }).click();
    const svg = await readFile((await (await svgDownload).path())!, 'utf8');
    assert.match(svg, /^<\?xml[\s\S]*<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"[\s\S]*<title[^>]*>Service level by hour of week/);
    // It stands alone: the title drawn, the scenario and run it shows, and its description with the units.
    assert.match(svg, /<text[^>]*font-weight="700"[^>]*>Service level by hour of week/);
    assert.match(svg, new RegExp(`<text[^>]*>Baseline[^<]* · ${REPLICATIONS} replications × \\d+ days · seed “[^”]+” · occsim</text>`));
    await mkdir(SCREENSHOTS, { recursive: true });
    await writeFile(resolve(SCREENSHOTS, '03-exported-chart.svg'), svg);
    const pngDownload = app.page.waitForEvent('download');
    await results.getByRole('button', { name: 'Download “Service level by hour of week” as PNG' }).click();
    const png = await readFile((await (await pngDownload).path())!);
    await writeFile(resolve(SCREENSHOTS, '03-exported-chart.png'), png);
    // The headline figures as a CSV a spreadsheet opens readably, beside the raw one.
    const csvDownload = app.page.waitForEvent('download');
    await results.getByRole('button', { name: 'Download headline figures (CSV)' }).click();
    const csv = await readFile((await (await csvDownload).path())!, 'utf8');
    assert.match(csv, /^Scenario,Measure,Value,95 % interval,Target or guide,Verdict\n/);
    assert.match(csv, /\n[^\n]*Baseline[^\n]*,999 answered within 10 s,\d+\.\d %,\d+\.\d % – \d+\.\d %,Target 90 %,/);
    assert.match(csv, /,Staff cost a week,£[\d,]+|,Staff cost a week,"£[\d,]+"/);
    // A printed briefing: the page without its controls.
    await app.page.emulateMedia({ media: 'print' });
    assert.equal(await results.getByRole('button', { name: 'Print a briefing' }).isVisible(), false);
    assert.equal(await app.page.getByRole('tablist').isVisible(), false);
    await screenshot(app.page, '03-print-briefing');
    await app.page.emulateMedia({ media: 'screen' });
    assert.deepEqual([...png.subarray(1, 4)], [...Buffer.from('PNG')]);
    assert.ok(png.length > 5000, 'the PNG has content');
  });

  it('streams results in while running and keeps completed replications on cancel', async () => {
    // Replications that are not a whole number from 1 to 1000 are refused as they were typed, and
    // the refusal leads back to the field beside it, not to the editor.
    const replications = app.page.getByRole('spinbutton', { name: 'Replications', exact: true });
    for (const typed of ['2.5', '0']) {
      await replications.fill(typed);
      await app.page.getByRole('button', { name: 'Run simulation' }).click();
      const refusal = app.page.getByRole('alert').filter({ hasText: 'Not run. Replications must be a whole number from 1 to 1000.' });
      await refusal.waitFor();
      assert.equal(await replications.inputValue(), typed, 'what was typed is kept');
      assert.equal(await replications.getAttribute('aria-invalid'), 'true');
      assert.doesNotMatch((await app.page.getByTestId('run-status').allInnerTexts()).join(' '), /Running/, 'nothing runs');
      assert.equal(await refusal.getByRole('button', { name: 'Fix it in the editor' }).count(), 0);
      await refusal.getByRole('button', { name: 'Change the replications' }).click();
      assert.equal(await app.page.evaluate(() => document.activeElement?.id), 'run-replications');
    }
    await screenshotOf(app.page.locator('section[aria-labelledby="run-h"]'), '02a-replications-refused');
    await app.page.getByRole('spinbutton', { name: 'Replications', exact: true }).fill('40');
    await app.page.getByRole('button', { name: 'Run simulation' }).click();
    const results = app.page.getByRole('region', { name: 'Results' });
    // The previous results stay until the new run's first replication is in; then its results
    // appear while the run is still going.
    await app.page.getByTestId('run-status').filter({ hasText: /^Running: [1-9]\d* of 40 replications done/ }).waitFor({ timeout: 120_000 });
    await results.getByTestId('previous-results').waitFor({ state: 'detached' });
    await results.getByText(/: \d+ replications? ×/).waitFor({ timeout: 120_000 });
    const shown = Number(/: (\d+) replications? ×/.exec(await results.innerText())?.[1]);
    assert.match(await app.page.getByTestId('run-status').innerText(), /^Running: \d+ of 40 replications done/);
    assert.ok(shown >= 1 && shown < 40);
    await screenshot(app.page, '02b-running');
    await app.page.getByRole('button', { name: 'Cancel run' }).click();
    const status = await app.page.getByTestId('run-status').filter({ hasText: /^Cancelled/ }).innerText();
    const kept = Number(/Cancelled: (\d+) of 40 replications kept/.exec(status)?.[1]);
    assert.ok(kept >= 1 && kept < 40, status);
    await results.getByText(new RegExp(`: ${kept} replications? ×`)).waitFor();
    await app.page.getByRole('spinbutton', { name: 'Replications', exact: true }).fill(String(REPLICATIONS));
    await app.page.getByRole('button', { name: 'Run simulation' }).click();
    await app.page.getByTestId('run-status').filter({ hasText: /^Done/ }).waitFor({ timeout: 180_000 });
    await results.getByText(`${REPLICATIONS} replications ×`).waitFor();
    expectClean(app.w);
  });

  it('shows the last results of an unchanged scenario again after a reload', async () => {
    await app.page.reload();
    await openBaseline();
    await tab('Run & results');
    const results = app.page.getByRole('region', { name: 'Results' });
    await results.getByTestId('kept-results').waitFor();
    await results.getByText(`${REPLICATIONS} replications ×`).waitFor();
    assert.equal(await app.page.getByTestId('run-status').count(), 0, 'nothing is running');
    await screenshot(app.page, '02c-results-after-reload');
    expectClean(app.w);
  });

  // The JSON downloaded here is the report kept across the reload above: it must still match the CLI.
  it('gives the same numbers as occsim run on the command line', async () => {
    const download = app.page.waitForEvent('download');
    await app.page.getByRole('button', { name: 'Download results (JSON)' }).click();
    const fromApp = JSON.parse(await readFile((await (await download).path())!, 'utf8'));
    const cli = JSON.parse(
      execFileSync(process.execPath, [resolve(ROOT, 'bin/occsim.js'), 'run', baselineFile(), '--replications', String(REPLICATIONS), '--json'], {
        encoding: 'utf8',
        maxBuffer: 64 << 20,
      }),
    );
    delete cli.timing;
    assert.equal(fromApp.seed, cli.seed);
    assert.equal(fromApp.replications, cli.replications);
    // Identical to the last bit: the engine uses its own log/exp (src/engine/math.ts), not the platform's.
    assert.deepEqual(fromApp, cli);
  });

  it('edits the rota: headcount, a shift moved with the keyboard, a bad value refused with its reason', async () => {
    await tab('Edit');
    await app.page.getByRole('navigation', { name: 'Scenario sections' }).getByRole('button', { name: 'Rota' }).click();
    const staff = app.page.locator('#f-staffing-shifts-0-staff');
    await staff.fill('20');
    await app.page.getByText(/your changes go to “Baseline.* — my version”/).waitFor();
    const firstShift = app.page.getByRole('slider').first();
    await firstShift.focus();
    await firstShift.press('ArrowRight');
    assert.equal(await app.page.locator('#f-staffing-shifts-0-start').inputValue(), '07:15');
    // Stretch the second shift by dragging the handle at the end of its Monday bar two hours right.
    const gantt = app.page.getByRole('group', { name: /Rota gantt/ });
    const ganttBox = (await gantt.boundingBox())!;
    const hourPx = (ganttBox.width * (980 - 210 - 10)) / 980 / 168;
    const handle = (await gantt.locator('rect.stretch').nth(7).boundingBox())!;
    const hoursBefore = Number(await app.page.locator('#f-staffing-shifts-1-hours').inputValue());
    await app.page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await app.page.mouse.down();
    await app.page.mouse.move(handle.x + handle.width / 2 + hourPx, handle.y + handle.height / 2, { steps: 4 });
    await app.page.mouse.move(handle.x + handle.width / 2 + 2 * hourPx, handle.y + handle.height / 2, { steps: 4 });
    await app.page.mouse.up();
    assert.equal(Number(await app.page.locator('#f-staffing-shifts-1-hours').inputValue()), hoursBefore + 2);

    // The chart under the rota is the planner's answer from the plan worker: per channel, interval and formula.
    const chart = app.page.locator('figure.chart-frame').filter({ has: app.page.getByRole('heading', { name: 'Staff on the floor against the requirement, first week' }) });
    await chart.getByRole('paragraph').filter({ hasText: /in each hour .*Erlang A requirement/ }).waitFor();
    await app.page.locator('#rota-chart-channel').selectOption('999');
    await app.page.locator('#rota-chart-interval').selectOption('15');
    await app.page.locator('#rota-chart-method').selectOption('C');
    await chart.getByRole('paragraph').filter({ hasText: /take 999 calls in each 15-minute interval .*Erlang C requirement.* of 672 intervals|take 999 calls in each 15-minute interval .*Erlang C requirement.*every interval/ }).waitFor();
    await screenshotOf(chart, '02a-rota-chart-999-15min-erlang-c');

    await staff.fill('20x');
    await app.page.locator('#f-staffing-shifts-0-staff-msg').filter({ hasText: /expected a number/ }).waitFor();
    assert.equal(await staff.inputValue(), '20x', 'what the user typed is kept');
    await screenshot(app.page, '03-rota-invalid');
    await tab('Run & results');
    await app.page.getByRole('button', { name: 'Run simulation' }).click();
    await app.page.getByRole('alert').filter({ hasText: /Shift 1 \(Earlies \(break plan A\)\): staff: expected a number/ }).waitFor();
    await screenshot(app.page, '04-run-refused');

    await tab('Edit');
    await app.page.locator('#f-staffing-shifts-0-staff').fill('20');
    await app.page.getByTestId('save-status').filter({ hasText: 'All changes saved' }).waitFor();
    // Cost per hour is edited with the staff groups; the rota's paid hours and cost follow.
    assert.equal(await app.page.locator('#f-staffing-groups-0-costPerHour').inputValue(), '21');
    assert.match(await app.page.getByTestId('rota-cost').innerText(), /^The rota pays [\d,]+(\.\d)? h a week: £[\d,]+/);
    // A percentage field's bounds read in the percentages typed, beside the field and in the summary.
    const shrinkage = app.page.locator('#f-staffing-shrinkage');
    const shrinkageBefore = await shrinkage.inputValue();
    await shrinkage.fill('120');
    await app.page.locator('#f-staffing-shrinkage-msg').filter({ hasText: /^expected at most 95 %, got 120 %$/ }).waitFor();
    const summary = app.page.getByRole('region', { name: /problems? to fix/ });
    assert.match(await summary.innerText(), /Rota: shrinkage: expected at most 95 %, got 120 %/);
    await screenshotOf(summary, '05b-percent-problem');
    await shrinkage.fill(shrinkageBefore);
    // A break too long for its shift is blamed on its own length, not on the break after it.
    const length = app.page.locator('#f-staffing-shifts-0-breaks-0-minutes');
    const lengthBefore = await length.inputValue();
    await length.fill('600');
    await app.page.locator('#f-staffing-shifts-0-breaks-0-minutes-msg').filter({ hasText: /^expected a break that ends within the [\d.]+ h shift \(by \d+ min\), got \d+ \+ 600 = \d+ min$/ }).waitFor();
    assert.equal(await app.page.locator('#f-staffing-shifts-0-breaks-1-afterMinutes').getAttribute('aria-invalid'), null);
    assert.match(await summary.innerText(), /Shift 1 \(Earlies \(break plan A\)\), break 1: length: expected a break that ends within/);
    await screenshotOf(summary, '05c-break-too-long');
    await length.fill(lengthBefore);
    // An empty cost per hour says it counts as £0, beside the field and under the groups.
    const costPerHour = app.page.locator('#f-staffing-groups-0-costPerHour');
    await costPerHour.fill('');
    await app.page.locator('#f-staffing-groups-0-costPerHour-msg').filter({ hasText: 'Empty: counted as £0 an hour.' }).waitFor();
    assert.match(await app.page.getByTestId('rota-cost').innerText(), /No cost per hour for Call handlers \(999 and 101\): counted as £0\./);
    await screenshotOf(app.page.locator('table', { has: app.page.locator('#f-staffing-groups-0-costPerHour') }), '05d-cost-empty');
    await costPerHour.fill('21');
    await app.page.getByTestId('save-status').filter({ hasText: 'All changes saved' }).waitFor();
    await app.page.getByTestId('save-status').filter({ hasText: 'All changes saved' }).waitFor();
    await screenshot(app.page, '05-rota-edited');
    await screenshotOf(app.page.getByRole('group', { name: /Rota gantt/ }), '05a-gantt');
    expectClean(app.w);
  });

  it('compares two scenarios on common random numbers', { retry: 1 }, async () => {
    await tab('Run & results');
    await app.page.getByRole('button', { name: 'Compare with the original…' }).click();
    const picks = app.page.getByRole('group', { name: 'Scenarios to compare' });
    const ticked = [];
    for (const box of await picks.getByRole('checkbox').all()) if (await box.isChecked()) ticked.push(await box.evaluate((b) => b.parentElement!.textContent!.trim()));
    assert.equal(ticked.length, 2);
    assert.match(ticked[0]!, /^Baseline: .*\(baseline\)$/);
    assert.match(ticked[1]!, /^Baseline — my version$/);
    await app.page.getByLabel('Replications each').fill('3');
    const t0 = await app.page.evaluate(() => performance.now());
    await app.page.getByRole('button', { name: 'Compare scenarios' }).click();
    await app.page.getByTestId('run-status').filter({ hasText: /^Done/ }).waitFor({ timeout: 180_000 });
    await app.page.getByRole('img', { name: /Online backlog over time/ }).waitFor();
    const drawn = await app.page.evaluate(() => performance.now());
    // What differs in the inputs comes first: the edits made to the rota earlier in this flow.
    const differs = await app.page.getByRole('region', { name: /^What differs/ }).first().innerText();
    assert.match(differs, /Earlies \(break plan A\) \(Call handlers \(999 and 101\)\): 6 → 20 staff, starts 07:00 → 07:15/);
    assert.match(differs, /→ 10 hours/);
    // Then the verdict: cost first, the overall change in points, and the largest change.
    const sentence = await app.page.getByTestId('compare-sentence').first().innerText();
    assert.match(sentence, /^Paid hours a week: \+[\d,]+(\.\d)? h; Staff cost a week: \+£[\d,]+\./);
    // The CI as "(±0.6)" by the figure when it is even, else its two ends at the sentence's close.
    assert.match(sentence, /Baseline.* — my version answers (\d+\.\d points? (\(±\d+\.\d\) )?(more|fewer) of the 999 calls within 10 s than|the same share of the 999 calls within 10 s as) Baseline[^.(]*( \(95 % CI \d+\.\d( more| fewer)? to \d+\.\d (more|fewer)\))?\./);
    assert.match(sentence, /The largest change over 4 hours: .* on \w+day \d\d:00–\d\d:00( \(95 % CI [^)]*\))?\./);
    const costRow = app.page.getByRole('row', { name: /Staff cost a week/ }).first();
    assert.match(await costRow.innerText(), /£[\d,]+\s+£[\d,]+\s+\+£[\d,]+\s+higher/);
    await app.page.getByRole('heading', { name: 'Results compared' }).waitFor();
    // Side-by-side heat maps share one colour scale, and say so.
    const maps = app.page.locator('svg.heatmap');
    assert.ok((await maps.count()) >= 2);
    const tops = await app.page.locator('svg.heatmap g text[x="240"]').allInnerTexts();
    assert.equal(new Set(tops).size, 1, `one scale top for all maps: ${tops.join(', ')}`);
    assert.equal(await app.page.locator('svg.heatmap').filter({ hasText: 'same scale for every scenario shown' }).count(), await maps.count());
    await screenshot(app.page, '06-compare');
    await screenshotOf(app.page.getByRole('region', { name: 'Differences' }), '06a-differences');
    // Through the run and the drawing of the overlaid charts that follows it.
    await assertNoLongTasksSince(t0, drawn);
    expectClean(app.w);
  });

  it("refuses a bad \"For hours\" in Compare at the field, keeping what was typed, and computes no window from it", async () => {
    const differences = app.page.getByRole('region', { name: 'Differences' });
    await app.page.getByLabel('Also look at').selectOption({ label: 'Friday' });
    await app.page.getByLabel('From hour').selectOption({ label: '22:00' });
    const hours = app.page.getByLabel('For hours');
    const windowSentence = app.page.getByTestId('compare-window').first();
    assert.match(await windowSentence.innerText(), /Friday 22:00–02:00/);
    for (const typed of ['-1', '1e309', '2.5', '169', '']) {
      await hours.fill(typed);
      const message = `expected a whole number of hours from 1 to 168 (a week), got ${typed === '' ? 'nothing' : `“${typed}”`}`;
      assert.equal(await differences.locator('#cmp-hours-msg').innerText(), message);
      assert.equal(await hours.inputValue(), typed, 'what was typed stays in the field');
      assert.equal(await hours.getAttribute('aria-invalid'), 'true');
      assert.equal(await app.page.getByTestId('compare-window').count(), 0, `no window computed from "${typed}"`);
      if (typed === '-1') await screenshotOf(differences, '06b-compare-for-hours-refused');
    }
    await hours.fill('168');
    assert.match(await windowSentence.innerText(), /from Friday 22:00 for 168 hours/);
    await hours.fill('4');
    assert.match(await windowSentence.innerText(), /Friday 22:00–02:00/);
    assert.equal(await differences.locator('#cmp-hours-msg').count(), 0);
    assert.equal(await hours.getAttribute('aria-invalid'), null);
    await app.page.getByLabel('Also look at').selectOption({ label: 'no particular hours' });
    expectClean(app.w);
  });

  it('compares the scenarios ticked, after unticking the defaults; a long list of rota changes shows its first lines, the rest one click away', async () => {
    const picks = app.page.getByRole('group', { name: 'Scenarios to compare' });
    const pick = (name: RegExp) => picks.locator('label').filter({ hasText: name }).getByRole('checkbox');
    const ticked = async () => {
      const names: string[] = [];
      for (const box of await picks.getByRole('checkbox').all()) if (await box.isChecked()) names.push((await box.evaluate((b) => b.parentElement!.textContent!)).trim());
      return names;
    };
    // Unticking both defaults leaves nothing ticked: they do not come back by themselves.
    await pick(/^\s*Baseline — my version\s*$/).uncheck();
    await pick(/^\s*Baseline: mid-sized county force/).uncheck();
    assert.deepEqual(await ticked(), []);
    await pick(/^\s*Baseline: mid-sized county force/).check();
    await pick(/^\s*Warwickshire 101 as measured, autumn 2018/).check();
    assert.deepEqual(await ticked(), ['Baseline: mid-sized county force, ordinary autumn weeks (baseline)', 'Warwickshire 101 as measured, autumn 2018']);
    await app.page.getByLabel('Replications each').fill('1');
    await app.page.getByRole('button', { name: 'Compare scenarios' }).click();
    await app.page.getByTestId('run-status').filter({ hasText: /^Done: 2 replications/ }).waitFor({ timeout: 180_000 });
    assert.equal(await app.page.getByRole('heading', { name: /against/ }).count(), 1);
    const differs = app.page.getByRole('region', { name: /^What differs: Warwickshire/ });
    // What makes it more than a comparison of rotas stays in view; the rota's 24 lines show 8.
    const visible = () => differs.getByRole('listitem').filter({ visible: true }).allInnerTexts();
    const before = await visible();
    assert.ok(before.includes('101 triage step: none → staffed') || before.some((l) => l.startsWith('101 demand per day')), before.join(' | '));
    const more = differs.locator('details');
    const folded = Number((await more.locator('summary').innerText()).match(/^(\d+) more rota changes$/)![1]);
    assert.ok(folded > 4, `${folded} folded`);
    await screenshotOf(app.page.getByRole('region', { name: 'Differences' }), '06c-compare-long-differences');
    await more.locator('summary').click();
    assert.equal((await visible()).length, before.length + folded);
    // Back to the comparison the later tests expect.
    await pick(/^\s*Warwickshire 101 as measured, autumn 2018/).uncheck();
    await pick(/^\s*Baseline — my version\s*$/).check();
    expectClean(app.w);
  });

  it('nothing spills sideways at 1280×720 or on a 390×844 phone: every tab and editor section', async () => {
    const spills: string[] = [];
    const check = async (where: string) => {
      const over = await app.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (over > 0) {
        const wide = await app.page.evaluate(() =>
          [...document.querySelectorAll('body *')]
            .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
            .slice(0, 3)
            .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`),
        );
        spills.push(`${where}: ${over} px (${wide.join(', ')})`);
      }
      // On a desktop, no editor table hides its last columns behind a sideways scroll (a phone may scroll one).
      if (where.startsWith('1280px')) {
        const clipped = await app.page.evaluate(() =>
          [...document.querySelectorAll('.panel table')].filter((t) => t.scrollWidth > t.parentElement!.clientWidth + 1).map((t) => `table.${[...t.classList].join('.')}`),
        );
        if (clipped.length) spills.push(`${where}: ${clipped.join(', ')} wider than its box`);
      }
    };
    for (const [width, height] of [[1280, 720], [390, 844]] as const) {
      await app.page.setViewportSize({ width, height });
      for (const name of ['Scenarios', 'Run & results', 'Compare', 'THRIVE trainer']) {
        await tab(name);
        await check(`${width}px ${name}`);
      }
      await tab('Compare');
      await screenshot(app.page, `09-compare-${width}`);
      await tab('Edit');
      const sections = app.page.getByRole('navigation', { name: 'Scenario sections' }).getByRole('button');
      for (const label of await sections.allInnerTexts()) {
        await sections.filter({ hasText: label.replace(/⚠.*$/, '').trim() }).first().click();
        await check(`${width}px Edit › ${label}`);
        if (label.startsWith('Rota')) await screenshot(app.page, `09-rota-${width}`);
      }
      await tab('Run & results');
      await screenshot(app.page, `09-results-${width}`);
    }
    await app.page.setViewportSize({ width: 1280, height: 900 });
    assert.deepEqual(spills, []);
    expectClean(app.w);
  });

  it('keeps the edits after a reload', async () => {
    await app.page.reload();
    await app.page.getByRole('heading', { name: 'Your scenarios' }).waitFor();
    await app.page.getByRole('button', { name: /^Open Baseline.* — my version/ }).click();
    await app.page.getByRole('navigation', { name: 'Scenario sections' }).getByRole('button', { name: 'Rota' }).click();
    assert.equal(await app.page.locator('#f-staffing-shifts-0-staff').inputValue(), '20');
    assert.equal(await app.page.locator('#f-staffing-shifts-0-start').inputValue(), '07:15');
    assert.equal(await app.page.locator('#f-staffing-shifts-1-hours').inputValue(), '10');
    await screenshot(app.page, '07-after-reload');
    expectClean(app.w);
  });

  it('does not lose an edit made just before the page is reloaded', async () => {
    await app.page.getByRole('navigation', { name: 'Scenario sections' }).getByRole('button', { name: 'General' }).click();
    await app.page.getByLabel('Description').fill('Night cover trial');
    await app.page.reload(); // within the autosave pause
    await app.page.getByRole('button', { name: /^Open Baseline.* — my version/ }).click();
    await app.page.getByRole('navigation', { name: 'Scenario sections' }).getByRole('button', { name: 'General' }).click();
    assert.equal(await app.page.getByLabel('Description').inputValue(), 'Night cover trial');

    // Text in the JSON tab that is not JSON yet is not applied, and not lost either: a reload shows it again.
    const sections = app.page.getByRole('navigation', { name: 'Scenario sections' });
    await sections.getByRole('button', { name: 'JSON' }).click();
    const box = app.page.getByLabel('Scenario JSON');
    const broken = (await box.inputValue()).replace('"Night cover trial"', '"Night cover trial, with"  "a typo"');
    await box.fill(broken);
    await app.page.getByText(/^Not applied yet: /).waitFor();
    await app.page.reload();
    await app.page.getByRole('button', { name: /^Open Baseline.* — my version/ }).click();
    await sections.getByRole('button', { name: 'JSON' }).click();
    assert.equal(await box.inputValue(), broken);
    await app.page.getByText(/^Not applied yet: /).waitFor();
    await screenshot(app.page, '07b-json-kept-after-reload');
    // The draft itself is still the last valid one: the form shows it, so the rest of this flow runs on it.
    await sections.getByRole('button', { name: 'General' }).click();
    assert.equal(await app.page.getByLabel('Description').inputValue(), 'Night cover trial');
    expectClean(app.w);
  });

  it('imports call history, forecasts a period and merges it into the demand, listing what changed, with undo', async () => {
    await tab('Edit');
    await app.page.getByRole('navigation', { name: 'Scenario sections' }).getByRole('button', { name: 'Demand' }).click();
    const startBefore = await app.page.locator('#f-horizon-startDate').inputValue();
    const onlineBefore = await app.page.locator('#f-demand-channels-online-callsPerDay').inputValue();
    // A special day dated outside the simulated period is kept, with a word that it changes nothing.
    const dayRows = app.page.locator('table.special-days tbody tr');
    await app.page.getByRole('button', { name: 'Add special day' }).click();
    const added = dayRows.last();
    // A new row is dated inside the measured period, so that it has an effect as it stands.
    assert.equal(await added.getByLabel('Name').inputValue(), 'Special day');
    assert.doesNotMatch(await added.innerText(), /Outside the simulated period/);
    await added.getByLabel('Date').fill('2031-12-31');
    assert.match(await added.locator('.hint').first().innerText(), /^Outside the simulated period \(\d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d\): it has no effect\.$/);
    await screenshotOf(added, '08-special-day-outside');
    await added.getByRole('button', { name: /^Remove special day/ }).click();
    await app.page.getByText('Import call history and forecast demand…').click();
    await app.page.getByLabel(/^Call history/).setInputFiles(resolve(ROOT, 'seeds/sample-history.csv'));
    await app.page.getByTestId('fit-profile').waitFor({ timeout: 60_000 });
    await app.page.getByRole('form', { name: 'Forecast' }).getByLabel('From').fill('2025-11-03');
    await app.page.getByRole('button', { name: 'Forecast', exact: true }).click();
    await app.page.getByTestId('forecast-days').waitFor();
    const forecastChart = app.page.locator('figure', { has: app.page.getByRole('heading', { name: 'Forecast calls per day' }) });
    assert.match(await forecastChart.innerText(), /Mon 3/);
    await screenshotOf(forecastChart, '08-forecast-chart');
    assert.match(await app.page.getByTestId('fit-quality-999').innerText(), /^Hour by hour the fit is (as close as chance allows|close|fair|poor)/);
    // The sample history codes call types its own way: likely matches are offered, the rest asked.
    const types = app.page.getByRole('group', { name: 'Call types this scenario does not have' });
    assert.equal(await types.getByLabel(/“rtc”/).inputValue(), 'road-traffic-collision');
    assert.equal(await types.getByLabel(/“domestic”/).inputValue(), 'domestic-abuse');
    const apply = app.page.getByRole('button', { name: "Use as the scenario's demand" });
    assert.equal(await apply.isDisabled(), true, 'unknown call types must be answered first');
    await types.getByLabel(/“crime-report”/).selectOption('theft');
    for (const name of ['other', 'lost-found', 'crime-in-progress']) await types.getByLabel(new RegExp(`“${name}”`)).selectOption({ label: 'add as a new call type' });
    await screenshotOf(types, '08-forecast-call-types');
    await apply.click();
    const changes = app.page.getByRole('region', { name: 'What the forecast changed' });
    const listed = await changes.innerText();
    assert.match(listed, /Online: kept as it was \(the history has none\)\./);
    assert.match(listed, /Warm-up: 7 days kept, simulated before the period from 2025-10-27\./);
    assert.match(listed, /“crime-report” counted as theft/);
    assert.equal(await app.page.locator('#f-horizon-startDate').inputValue(), '2025-10-27');
    assert.equal(await app.page.locator('#f-horizon-warmupDays').inputValue(), '7');
    assert.equal(await app.page.locator('#f-demand-channels-online-callsPerDay').inputValue(), onlineBefore);
    assert.equal(await app.page.getByRole('region', { name: /problems? to fix/ }).count(), 0, 'the merged demand is a valid scenario');
    await screenshot(app.page, '08a-demand-forecast');
    await screenshotOf(changes, '08b-forecast-changes');
    await changes.getByRole('button', { name: 'Undo the forecast' }).click();
    assert.equal(await app.page.locator('#f-horizon-startDate').inputValue(), startBefore);
    assert.equal(await changes.count(), 0);
    // A lockdown moves some 101 calls online: the history has no online, so they add to the scenario's own.
    await app.page.getByRole('form', { name: 'Forecast' }).getByLabel('Preset').selectOption('lockdown');
    await app.page.getByRole('button', { name: 'Forecast', exact: true }).click();
    await app.page.getByText(/reported online instead/).waitFor();
    await apply.click();
    const online = new RegExp(`Online: ${onlineBefore} → ([\\d.]+) a day \\(${onlineBefore} kept, the history has none, \\+ ([\\d.]+) moved online by the preset\\)`);
    const [, total, moved] = online.exec(await changes.innerText()) ?? assert.fail(`no line for online in: ${await changes.innerText()}`);
    assert.ok(Number(moved) > 5, `moved ${moved}`);
    assert.equal(Number(total), Number(onlineBefore) + Number(moved));
    const field = Number(await app.page.locator('#f-demand-channels-online-callsPerDay').inputValue());
    assert.ok(Math.abs(field - Number(total)) < 0.05, `online field ${field}, listed ${total}`);
    await screenshotOf(changes, '08c-forecast-lockdown-changes');
    await changes.getByRole('button', { name: 'Undo the forecast' }).click();
    assert.equal(await app.page.locator('#f-demand-channels-online-callsPerDay').inputValue(), onlineBefore);
    expectClean(app.w);
  });

  it('opens a share link as a new scenario, validated on load', async () => {
    await tab('Scenarios');
    await app.page.getByRole('button', { name: /^Share link for Baseline.* — my version/ }).click();
    const link = await app.page.getByLabel('Share link', { exact: true }).inputValue();
    assert.match(link, /#z=[A-Za-z0-9_-]+$/);
    const other = await watchedPage(app.browser);
    await other.page.goto(link);
    await other.page.getByRole('heading', { name: /Edit “Baseline.* — my version/ }).waitFor();
    assert.equal(await other.page.evaluate(() => location.hash), '');
    // The same link opened again selects the copy made the first time instead of adding "… 2".
    await other.page.goto('about:blank');
    await other.page.goto(link);
    await other.page.getByText(/The shared scenario is already open as “Baseline.* — my version”/).waitFor();
    assert.equal(await other.page.getByText(/my version 2/).count(), 0);
    // A link pasted into a tab where the app is already open changes only the hash: it opens too.
    const third = await watchedPage(app.browser);
    await third.page.goto(app.server.url);
    await third.page.getByRole('heading', { name: 'Ready scenarios' }).waitFor();
    await third.page.evaluate((hash) => (location.hash = hash), new URL(link).hash);
    await third.page.getByRole('heading', { name: /Edit “Baseline.* — my version/ }).waitFor();
    assert.equal(await third.page.evaluate(() => location.hash), '');
    await third.page.evaluate(() => (location.hash = '#z=not-a-scenario'));
    await third.page.getByRole('alert').filter({ hasText: /does not hold a readable scenario/ }).waitFor();
    expectClean(third);
    const broken = await watchedPage(app.browser);
    await broken.page.goto(app.server.url + '#z=not-a-scenario');
    await broken.page.getByRole('alert').filter({ hasText: /does not hold a readable scenario/ }).waitFor();
    await screenshot(broken.page, '08-broken-share-link');
    // A link that inflates to 64 MB (a few kilobytes deflated) is stopped at the scenario cap and says so.
    const bomb = deflateRawSync(Buffer.alloc(64 << 20, 0x20)).toString('base64url');
    const inflating = await watchedPage(app.browser);
    await inflating.page.goto(app.server.url + '#z=' + bomb);
    await inflating.page.getByRole('alert').filter({ hasText: /unpacks to more than 8,388,608 bytes, the most a scenario may have/ }).waitFor();
    expectClean(other);
    expectClean(broken);
    expectClean(inflating);
  });

  it('imports a UTF-16 scenario file, and refuses an oversized file and a non-JSON one, naming each', async () => {
    await tab('Scenarios');
    const scenario = JSON.parse(await readFile(resolve(ROOT, 'test/fixtures/mm8.json'), 'utf8'));
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify({ ...scenario, name: 'Saved by Notepad' }), 'utf16le')]);
    await app.page.getByLabel('Import JSON…').setInputFiles([
      { name: 'notepad.json', mimeType: 'application/json', buffer: utf16 },
      { name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(9 * 1024 * 1024, 0x20) },
      { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('shift notes, not a scenario') },
      { name: 'no period.json', mimeType: 'application/json', buffer: Buffer.from('{"a":1}') },
    ]);
    await app.page.getByRole('button', { name: 'Open Saved by Notepad' }).waitFor();
    const alert = app.page.getByRole('alert').filter({ hasText: 'huge.json' });
    await alert.waitFor();
    const refusals = await alert.locator('li').allTextContents();
    assert.equal(refusals.length, 2, refusals.join('\n'));
    assert.match(refusals[0]!, /^huge\.json: expected a scenario of at most 8,388,608 bytes, got 9,437,184$/);
    assert.match(refusals[1]!, /^notes\.json is not valid JSON/);
    await screenshot(app.page, '08-import-refusals');
    // The last file ("no period") left a problem notice; a later refused import must not sit under it.
    const notice = app.page.locator('.notice');
    assert.match(await notice.innerText(), /Imported “no period” with \d+ problems?/);
    await app.page.getByLabel('Import JSON…').setInputFiles([{ name: 'huge2.json', mimeType: 'application/json', buffer: Buffer.alloc(9 * 1024 * 1024, 0x20) }]);
    await app.page.getByRole('alert').filter({ hasText: 'huge2.json' }).waitFor();
    assert.equal(await notice.count(), 0, 'no earlier notice above the refusal');
    await screenshot(app.page, '08-import-refusal-alone');
    app.page.once('dialog', (d) => void d.accept());
    await app.page.getByRole('button', { name: 'Delete Saved by Notepad' }).click();
    // A scenario without a period: its problem is counted on Demand, where the period's fields are.
    await app.page.getByRole('button', { name: 'Open no period' }).click();
    await tab('Edit');
    const sections = app.page.getByRole('navigation', { name: 'Scenario sections' });
    assert.match(await sections.getByRole('button', { name: /^Demand/ }).innerText(), /⚠/);
    await app.page.getByRole('region', { name: /problems? to fix/ }).getByRole('button', { name: 'Period', exact: true }).click();
    const days = app.page.locator('#f-horizon-days');
    await app.page.waitForFunction(() => document.activeElement?.id === 'f-horizon-days');
    assert.equal(await days.getAttribute('aria-invalid'), 'true');
    assert.equal(await app.page.locator('#f-horizon-days-msg').innerText(), 'required: expected a number');
    await screenshot(app.page, '08-period-missing');
    await tab('Scenarios');
    app.page.once('dialog', (d) => void d.accept());
    await app.page.getByRole('button', { name: 'Delete no period' }).click();
    expectClean(app.w);
  });

  it('duplicates, renames and deletes a scenario from the start screen', async () => {
    await tab('Scenarios');
    await app.page.getByRole('button', { name: /^Duplicate Summer peak/ }).click();
    await app.page.getByRole('button', { name: /^Rename Summer peak.*\(copy\)/ }).click();
    await app.page.getByLabel('New name').fill('Summer with extra nights');
    await app.page.getByLabel('New name').press('Enter');
    await app.page.getByRole('button', { name: 'Open Summer with extra nights' }).waitFor();
    app.page.once('dialog', (d) => void d.accept());
    await app.page.getByRole('button', { name: 'Delete Summer with extra nights' }).click();
    await app.page.getByRole('status').filter({ hasText: 'Deleted “Summer with extra nights”.' }).waitFor();
    assert.equal(await app.page.getByRole('button', { name: 'Open Summer with extra nights' }).count(), 0);
    expectClean(app.w);
  });

  it('walks one THRIVE training case in the trainer tab', async () => {
    await tab('THRIVE trainer');
    await app.page.getByLabel('Training case').selectOption('da-breach-non-molestation');
    const library = JSON.parse(await readFile(resolve(ROOT, 'seeds/thrive-cases.json'), 'utf8'));
    const c = library.cases.find((x: { id: string }) => x.id === 'da-breach-non-molestation');
    for (const [question, level] of Object.entries(c.expectedAnswers as Record<string, string>)) {
      const group = app.page.getByRole('group', { name: new RegExp(`^${question}:`, 'i') });
      await group.getByRole('radio', { name: level, exact: true }).check();
      await app.page.getByRole('button', { name: 'Next' }).click();
    }
    await app.page.getByRole('button', { name: 'DASH completed' }).click();
    const outcome = app.page.getByRole('region', { name: 'Outcome' });
    await outcome.getByText(/Your answers lead to grade 1/).waitFor();
    await screenshot(app.page, '09-trainer');
    expectClean(app.w);
  });
});
