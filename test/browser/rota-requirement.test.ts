/**
 * The requirement beside the rota, in Chromium from the production build: the rota editor's table
 * for the baseline (999, 15-minute intervals, Erlang C) read day by day and checked figure by figure
 * against `occsim staff --json` for the same options; the gantt's readout while a shift is dragged;
 * both viewports without sideways scrolling. Screenshots: test-results/screenshots/rota-*.png.
 */
import { describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { appUnderTest, expectClean, screenshotOf, SCREENSHOTS } from './harness.ts';
import type { StaffingRequirement } from '../../src/plan/requirement.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

const app = appUnderTest();

const overflow = () => app.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function openRota() {
  await app.page.goto(app.server.url);
  await app.page.getByRole('button', { name: /^Open Baseline/ }).first().click();
  await app.page.getByRole('tab', { name: 'Edit' }).click();
  await app.page.getByRole('navigation', { name: 'Scenario sections' }).getByRole('button', { name: 'Rota' }).click();
}

describe('the requirement beside the rota', { timeout: 180_000 }, () => {
  it('shows the same figures as occsim staff --json, day by day, shaded where short', async () => {
    await openRota();
    await app.page.locator('#rota-chart-channel').selectOption('999');
    await app.page.locator('#rota-chart-interval').selectOption('15');
    await app.page.locator('#rota-chart-method').selectOption('C');
    const table = app.page.getByTestId('requirement-table');
    await app.page.getByRole('table', { name: /999 handlers needed by Erlang C .* per 15-minute interval/ }).waitFor();
    await app.page.waitForFunction(() => document.querySelectorAll('[data-testid="requirement-table"] tbody tr').length === 96);

    const cli = JSON.parse(
      execFileSync(process.execPath, [resolve(ROOT, 'bin/occsim.js'), 'staff', resolve(ROOT, 'scenarios/baseline.json'), '--interval', '15', '--json'], { encoding: 'utf8' }),
    ) as StaffingRequirement;
    const byStart = new Map(cli.intervals.filter((i) => i.channel === '999').map((i) => [i.start, i]));
    const expected = new Map<string, string[]>();
    cli.floor.forEach((f, i) => {
      const hour = (cli.startWeekday * 24 + i / 4) % 168;
      const clock = `${String(Math.floor(hour % 24)).padStart(2, '0')}:${String(Math.round((hour % 1) * 60)).padStart(2, '0')}`;
      const offered = byStart.get(f.start)!;
      const c = f.channels['999'];
      expected.set(`${WEEKDAYS[Math.floor(hour / 24)]} ${clock}`, [offered.offeredPerHour, c.erlangC, offered.erlangCRostered, c.rostered, c.onFloor, c.shortByC].map(String));
    });

    const seen = new Map<string, string[]>();
    let shaded = 0;
    for (const day of WEEKDAYS) {
      await app.page.locator('#rota-table-day').selectOption(day);
      await app.page.getByRole('table', { name: new RegExp(`^${day}:`) }).waitFor();
      const rows = await table.locator('tbody tr').evaluateAll((trs) =>
        trs.map((tr) => ({ cells: [...tr.querySelectorAll('th, td')].map((c) => c.textContent!.trim()), short: tr.classList.contains('short') })),
      );
      assert.equal(rows.length, 96, `${day}: 96 quarter hours`);
      for (const { cells, short } of rows) {
        const [clock, ...figures] = cells as [string, ...string[]];
        // "–" is a covered interval, "3 handlers" a short one: the number is the CLI's shortByC.
        const shortBy = figures[5] === '–' ? '0' : figures[5]!.replace(/ handlers?$/, '');
        seen.set(`${day} ${clock}`, [...figures.slice(0, 5).map((v) => String(Number(v))), shortBy]);
        assert.equal(short, shortBy !== '0', `${day} ${clock}: shaded exactly when short`);
        if (short) shaded++;
      }
    }
    assert.equal(seen.size, 672);
    assert.deepEqual(seen, expected);
    const shortInCli = cli.floor.filter((f) => f.channels['999'].shortByC > 0).length;
    assert.equal(shaded, shortInCli);
    assert.ok(shortInCli > 0, 'the baseline is short on 999 in some quarter hours (it is meant to be)');
    assert.match(await app.page.getByTestId('requirement-summary').innerText(), new RegExp(`^Short in ${shortInCli} of 672 15-minute intervals, by up to \\d+ handlers? on the floor`));
    // The chart shades the same stretches.
    assert.ok((await app.page.locator('figure.chart-frame svg rect.span').count()) > 0);

    await app.page.locator('#rota-table-day').selectOption('Mon');
    await app.page.getByTestId('requirement-table').scrollIntoViewIfNeeded();
    await screenshotOf(app.page.locator('figure.chart-frame').filter({ has: app.page.getByRole('heading', { name: /Staff on the floor against the requirement/ }) }), 'rota-requirement-chart');
    await screenshotOf(app.page.locator('.table-scroll.requirement'), 'rota-requirement-table');
    expectClean(app.w);
  });

  it('gives the dragged shift’s start and end while it moves, and times on the gantt', async () => {
    const gantt = app.page.getByRole('group', { name: /Rota gantt/ });
    await gantt.scrollIntoViewIfNeeded();
    // Each row carries its shift's start–end; the first is the earlies at 07:00 for 8.5 hours.
    const firstLabel = await gantt.locator('text').filter({ hasText: /·.*–/ }).first().textContent();
    assert.match(firstLabel!, /· 07:00–15:\d\d/);
    const box = (await gantt.boundingBox())!;
    const hourPx = (box.width * (980 - 210 - 10)) / 980 / 168;
    const bar = (await gantt.locator('rect.bar').first().boundingBox())!;
    const startBefore = await app.page.locator('#f-staffing-shifts-0-start').inputValue();
    assert.equal(startBefore, '07:00');
    await app.page.mouse.move(bar.x + bar.width / 2, bar.y + bar.height / 2);
    await app.page.mouse.down();
    await app.page.mouse.move(bar.x + bar.width / 2 + hourPx, bar.y + bar.height / 2, { steps: 4 });
    await app.page.mouse.move(bar.x + bar.width / 2 + 2 * hourPx, bar.y + bar.height / 2, { steps: 4 });
    const readout = app.page.getByTestId('gantt-readout');
    await readout.filter({ hasText: /: 09:00–17:\d\d \([\d.]+ h\)$/ }).waitFor();
    assert.match((await gantt.locator('text.readout-tag').textContent()) ?? '', /09:00–17:\d\d/);
    // The tag sits by the bar that moves (Monday's, at the left), not at the far end of the row.
    const tagBox = (await gantt.locator('text.readout-tag').boundingBox())!;
    const moved = (await gantt.locator('rect.bar').first().boundingBox())!;
    assert.ok(Math.abs(tagBox.x - moved.x) < 4, `the readout starts at ${tagBox.x}, the bar at ${moved.x}`);
    await screenshotOf(gantt, 'rota-gantt-dragging');
    await app.page.mouse.up();
    assert.equal(await app.page.locator('#f-staffing-shifts-0-start').inputValue(), '09:00');
    assert.equal(await readout.textContent(), '', 'the readout clears when the shift is let go');
    expectClean(app.w);
  });

  it('fits 1280×720 and a 390×844 phone without sideways scrolling, the table keeping its times in view', async () => {
    for (const [width, height] of [[1280, 720], [390, 844]] as const) {
      await app.page.setViewportSize({ width, height });
      await app.page.getByTestId('requirement-summary').evaluate((e) => e.scrollIntoView({ block: 'start' }));
      assert.equal(await overflow(), 0, `${width}px: nothing spills sideways`);
      // What the planner sees on screen there (the whole page is many screens long on a phone).
      await app.page.screenshot({ path: join(SCREENSHOTS, `rota-requirement-${width}.png`) });
    }
    // On the phone the table scrolls sideways in its own box, and each row's time stays in view.
    const box = app.page.locator('.table-scroll.requirement');
    await box.evaluate((e) => (e.scrollLeft = e.scrollWidth));
    const [boxLeft, timeLeft] = await box.evaluate((e) => [e.getBoundingClientRect().left, e.querySelector('tbody th')!.getBoundingClientRect().left]);
    assert.ok(timeLeft! >= boxLeft! - 1, `the time column scrolled out of view (${timeLeft} < ${boxLeft})`);
    await screenshotOf(box, 'rota-requirement-table-390-scrolled');
    await app.page.setViewportSize({ width: 1280, height: 900 });
    expectClean(app.w);
  });
});
