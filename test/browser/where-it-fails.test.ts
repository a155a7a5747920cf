/**
 * "Where and why it fails" under the result cards, in Chromium from the production build: the
 * baseline run in the app's workers, its worst hours for 999 and 101 read from the page and checked
 * word for word against `occsim run --json` for the same seed and replications; both viewports
 * without sideways scrolling. Screenshots: test-results/screenshots/where-it-fails-*.png.
 */
import { describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { appUnderTest, expectClean, screenshotOf, SCREENSHOTS } from './harness.ts';
import type { Report } from '../../src/model/report.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const REPLICATIONS = 2;

const app = appUnderTest();

describe('where and why it fails', { timeout: 240_000 }, () => {
  it('lists the worst hours under the cards, the same as the command line', async () => {
    await app.page.goto(app.server.url);
    await app.page.getByRole('button', { name: /^Open Baseline/ }).first().click();
    await app.page.getByRole('tab', { name: 'Run & results' }).click();
    await app.page.getByRole('spinbutton', { name: 'Replications', exact: true }).fill(String(REPLICATIONS));
    await app.page.getByRole('button', { name: 'Run simulation' }).click();
    await app.page.getByTestId('run-status').filter({ hasText: /^Done/ }).waitFor({ timeout: 200_000 });

    const section = app.page.getByTestId('where-it-fails');
    await section.getByRole('heading', { name: 'Where and why it fails' }).waitFor();
    const shown = await section.locator('li').allInnerTexts();

    const cli = JSON.parse(
      execFileSync(process.execPath, [resolve(ROOT, 'bin/occsim.js'), 'run', resolve(ROOT, 'scenarios/baseline.json'), '--replications', String(REPLICATIONS), '--json'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }),
    ) as Report;
    const expected = [...cli.whereItFails['999'], ...cli.whereItFails['101']].map((s) => s.sentence);
    assert.ok(expected.length > 0, 'the baseline misses its standards in some hours (it is meant to)');
    assert.deepEqual(shown, expected);
    // The worst 999 hour names its time, its service level, the floor against the need, and the shifts.
    assert.match(shown[0]!, /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[^:]* \d\d:00–\d\d:00: 999 at [\d–]+ %.*on the floor against [\d–]+ needed; on duty: /);
    assert.equal(await section.getByRole('heading', { name: /^999: the worst hours against 90 % within 10 s$/ }).count(), 1);

    // It sits right under the headline cards.
    const follows = await app.page.evaluate(() => document.querySelector('ul.cards')?.nextElementSibling?.getAttribute('data-testid'));
    assert.equal(follows, 'where-it-fails');
    for (const [width, height] of [[1280, 720], [390, 844]] as const) {
      await app.page.setViewportSize({ width, height });
      await section.evaluate((e) => e.scrollIntoView({ block: 'start' }));
      assert.equal(await app.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0, `${width}px: nothing spills sideways`);
      await app.page.screenshot({ path: join(SCREENSHOTS, `where-it-fails-${width}.png`) });
      // The charts below keep their lettering readable: drawn at 80 % of their design size or more (a phone scrolls them sideways).
      const scales = await app.page.evaluate(() =>
        [...document.querySelectorAll<SVGSVGElement>('svg.chart')].map((svg) => svg.getBoundingClientRect().width / svg.viewBox.baseVal.width),
      );
      assert.ok(scales.length >= 4, `${width}px: the result charts are there`);
      assert.ok(Math.min(...scales) >= 0.8, `${width}px: a chart drawn at ${Math.min(...scales).toFixed(2)} of its size`);
    }
    await app.page.setViewportSize({ width: 1280, height: 900 });
    await screenshotOf(section, 'where-it-fails-section');
    expectClean(app.w);
  });
});
