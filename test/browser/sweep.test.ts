/**
 * The sweep table in real Chromium, from the production build: a sweep run by the command line
 * (`occsim sweep run --local`) is opened in the app's Sweep table tab, sorted by clicking column
 * headings, charted as cost against 999 service, and a file that is not a table is refused with
 * its reason — failing on any console error. Screenshots: test-results/screenshots/sweep-*.png.
 */
import { describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { appUnderTest, expectClean, screenshot, screenshotOf } from './harness.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const out = join(mkdtempSync(join(tmpdir(), 'occsim-sweep-ui-')), 'rota.results');

let table: { points: { id: string; labels: Record<string, string>; cost: { costPerWeek: number }; kpis: Record<string, { mean: number | null }> }[] };

const app = appUnderTest({
  before: async () => {
    execFileSync(process.execPath, [join(ROOT, 'bin/occsim.js'), 'sweep', 'run', join(ROOT, 'test/fixtures/sweep/rota.json'), '--local', '--out', out], {
      stdio: 'pipe',
    });
    table = JSON.parse(readFileSync(join(out, 'table.json'), 'utf8'));
  },
});

/** The "Point" column of the table as shown. */
const shownIds = () => app.page.getByRole('table', { name: 'Sweep points' }).locator('tbody th[scope=row]').allInnerTexts();

describe('the sweep table in Chromium', { timeout: 120_000 }, () => {
  it('opens a table.json and lists every point, cheapest first', async () => {
    await app.page.goto(app.server.url);
    await app.page.getByRole('tab', { name: 'Sweep table' }).click();
    await app.page.getByLabel('Open a sweep table').setInputFiles(join(out, 'table.json'));
    await app.page.getByTestId('sweep-summary').filter({ hasText: '8 points × 3 replications' }).waitFor();
    const byCost = [...table.points].sort((a, b) => a.cost.costPerWeek - b.cost.costPerWeek || table.points.indexOf(a) - table.points.indexOf(b));
    assert.deepEqual(await shownIds(), byCost.map((p) => p.id));
    const first = app.page.getByRole('table', { name: 'Sweep points' }).locator('tbody tr').first();
    // Cost, then each KPI's mean with its 95 % CI beneath.
    assert.match(await first.innerText(), /£[\d,]+[\s\S]*\d+\.\d %\s+\d+\.\d % – \d+\.\d %/);
    expectClean(app.w);
  });

  it('sorts by a column heading, and again the other way', async () => {
    const heading = app.page.getByRole('button', { name: /^999 answered in target/ });
    await heading.click();
    const sl = (id: string) => table.points.find((p) => p.id === id)!.kpis['999.serviceLevel']!.mean!;
    const up = await shownIds();
    assert.deepEqual(up, [...up].sort((a, b) => sl(a) - sl(b)));
    assert.equal(await app.page.getByRole('columnheader', { name: /^999 answered in target/ }).getAttribute('aria-sort'), 'ascending');
    await heading.click();
    const down = await shownIds();
    assert.deepEqual(down, [...up].reverse());
    assert.equal(await app.page.getByRole('columnheader', { name: /^999 answered in target/ }).getAttribute('aria-sort'), 'descending');
    await app.page.getByRole('button', { name: /^staff/ }).click();
    const byLabel = [...table.points].sort((a, b) => a.labels.staff!.localeCompare(b.labels.staff!) || table.points.indexOf(a) - table.points.indexOf(b));
    assert.deepEqual(await shownIds(), byLabel.map((p) => p.id));
    await app.page.getByLabel('Add a column').selectOption('staff.all.utilisation');
    await app.page.getByRole('columnheader', { name: 'staff.all.utilisation' }).waitFor();
    expectClean(app.w);
  });

  it('charts cost against 999 service, one mark per point, with the table of its numbers', async () => {
    const chart = app.page.getByRole('img', { name: /Cost against 999 service, 8 points/ });
    await chart.waitFor();
    assert.equal(await chart.locator('circle[data-point]').count(), 8);
    // More all-skilled handlers cost more and answer more 999 calls in target: the marks say so.
    const cy = async (id: string) => Number(await chart.locator(`circle[data-point="${id}"]`).getAttribute('cy'));
    const cx = async (id: string) => Number(await chart.locator(`circle[data-point="${id}"]`).getAttribute('cx'));
    assert.ok((await cx('plus2-all-skilled--x1')) > (await cx('as-rostered--x1')));
    assert.ok((await cy('plus2-all-skilled--x1')) < (await cy('as-rostered--x1')), 'higher service is drawn higher');
    await chart.locator('circle[data-point="plus2-all-skilled--x1"]').hover();
    await app.page.getByRole('status').filter({ hasText: '999 in target' }).waitFor();
    await screenshot(app.page, 'sweep-01-table');
    await screenshotOf(app.page.locator('figure.chart-frame'), 'sweep-02-chart');
    expectClean(app.w);
  });

  it('refuses a file that is not a sweep table, says why, and keeps the table open', async () => {
    const bad = join(out, 'not-a-table.json');
    writeFileSync(bad, JSON.stringify({ format: 'occsim-shard', results: [] }));
    await app.page.getByLabel('Open a sweep table').setInputFiles(bad);
    const alert = app.page.getByRole('alert');
    await alert.filter({ hasText: 'not-a-table.json is not a sweep table' }).waitFor();
    assert.match(await alert.innerText(), /format: expected "occsim-sweep-table"/);
    assert.equal((await shownIds()).length, 8);
    await screenshot(app.page, 'sweep-03-refused');
    expectClean(app.w);
  });
});
