/**
 * The THRIVE policy and trainer in Chromium, as a trainer would use them: edit the open scenario's
 * policy by form (a bad threshold refused in words, the preview moving), export it as a file, see
 * the trainer grade with it and say so, walk a case and read the contributions and the path on the
 * statechart diagram; then the same page on a phone (no horizontal scroll) and on a projector; and a
 * classroom run through four cases to its scoreboard (fitting a 1280 px screen and a projector without scrolling sideways), downloaded, printed and projected.
 */
import { readFile } from 'node:fs/promises';
import { assert, beforeAll, describe, it } from 'vitest';
import { appUnderTest, expectClean, screenshot, screenshotOf } from './harness.ts';

const app = appUnderTest();
beforeAll(async () => {
  await app.page.goto(app.server.url);
});

const tab = (name: string) => app.page.getByRole('tab', { name }).click();
const field = (label: string) => app.page.getByRole('textbox', { name: label, exact: true });

async function answerAll(level: string) {
  for (const q of ['threat', 'harm', 'risk', 'investigation', 'vulnerability', 'engagement']) {
    await app.page.getByRole('group', { name: new RegExp(`^${q}:`, 'i') }).getByRole('radio', { name: level, exact: true }).check();
    await app.page.getByRole('button', { name: 'Next' }).click();
  }
}

/** Page width beyond the viewport: anything above 0 is a horizontal scroll. */
const overflow = () => app.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
/** How far the scoreboard's table runs past its box (which would scroll it sideways). */
const tableSpill = () =>
  app.page.getByTestId('scoreboard').locator('table').evaluate((t) => Math.max(0, t.scrollWidth - t.parentElement!.clientWidth));

describe('THRIVE policy form and trainer in Chromium', { timeout: 240_000 }, () => {
  it('edits the policy by form, with a preview, a refusal in words and an export', async () => {
    await tab('Scenarios');
    await app.page.getByRole('button', { name: /^Open Baseline/ }).first().click();
    await tab('Edit');
    await app.page.getByRole('navigation', { name: 'Scenario sections' }).getByRole('button', { name: 'Triage' }).click();
    const preview = app.page.getByTestId('policy-preview');
    await preview.waitFor();
    await app.page.getByRole('button', { name: 'Edit a copy of the default policy' }).click();
    await app.page.getByTestId('policy-form').waitFor();

    await field('Policy name').fill('County training policy');
    await field('Grade 3 scheduled from').fill('2');
    await app.page.getByTestId('table-changes').filter({ hasText: /combinations become more urgent/ }).waitFor();
    const sent = await preview.getByRole('row', { name: /officer sent/ }).textContent();
    assert.match(sent ?? '', /\+\d+\.\d/, 'sending officers more often shows as a rise');

    await field('Grade 2 priority from').fill('1');
    const message = app.page.locator('#f-triage-policy-thresholds-priority-msg');
    await message.filter({ hasText: 'must be ≥ scheduled (2), got 1' }).waitFor();
    assert.equal(await field('Grade 2 priority from').inputValue(), '1', 'what the user typed is kept');
    await screenshot(app.page, 'thrive-01-policy-form-refused');
    await field('Grade 2 priority from').fill('9');
    await app.page.getByTestId('save-status').filter({ hasText: 'All changes saved' }).waitFor();
    await screenshotOf(app.page.locator('section.preview'), 'thrive-02-policy-preview');

    const download = app.page.waitForEvent('download');
    await app.page.getByRole('button', { name: 'Export policy as a file' }).click();
    const file = await (await download).path();
    const exported = JSON.parse(await readFile(file, 'utf8'));
    assert.equal(exported.name, 'County training policy');
    assert.equal(exported.thresholds.scheduled, 2);
    expectClean(app.w);
  });

  it('grades with the scenario policy and names it; shows contributions and the path on the diagram', async () => {
    await tab('THRIVE trainer');
    await app.page.getByTestId('trainer-policy').filter({ hasText: 'Grading with “County training policy”, the policy of the open scenario' }).waitFor();
    await app.page.getByLabel('Training case').selectOption('noisy-party-asb');
    const diagram = app.page.getByTestId('statechart-diagram');
    await diagram.waitFor();
    await answerAll('low');
    const outcome = app.page.getByRole('region', { name: 'Outcome' });
    await outcome.getByText(/Your answers lead to grade 3 \(scheduled\): book an appointment/).waitFor();
    await app.page.getByTestId('contributions').filter({ hasText: 'Threat low +2 · Harm low +1 · Risk low +1 · Vulnerability low +1 = 5: scheduled from 2' }).waitFor();
    const passed = await diagram.locator('g.state.passed').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-state')));
    assert.deepEqual(passed, ['threat', 'harm', 'risk', 'investigation', 'vulnerability', 'engagement']);
    assert.equal(await diagram.locator('g.state.current').getAttribute('data-state'), 'outcome');
    assert.equal(await diagram.locator('path.edge.taken').count(), 6);
    await diagram.getByText('domestic abuse').waitFor();
    await screenshot(app.page, 'thrive-03-trainer');
    await screenshotOf(diagram, 'thrive-04-statechart');

    await app.page.getByText('What if the thresholds were different?').click();
    await app.page.getByRole('textbox', { name: 'scheduled from' }).fill('7');
    await outcome.getByText(/Your answers lead to grade 4/).waitFor();
    await app.page.getByTestId('trainer-policy').filter({ hasText: 'what if scheduled from 7 (policy: 2)' }).waitFor();
    expectClean(app.w);
  });

  it('stacks on a phone without horizontal scroll and is large on a projector', async () => {
    await app.page.setViewportSize({ width: 390, height: 844 });
    await app.page.getByRole('button', { name: 'Try this case again' }).click();
    await app.page.getByRole('group', { name: /^threat:/i }).waitFor();
    assert.equal(await overflow(), 0, 'no horizontal scroll at 390 px (question)');
    await screenshot(app.page, 'thrive-05-phone-question');
    await answerAll('medium');
    await app.page.getByRole('region', { name: 'Outcome' }).waitFor();
    assert.equal(await overflow(), 0, 'no horizontal scroll at 390 px (outcome)');
    await screenshot(app.page, 'thrive-06-phone-outcome');

    await app.page.setViewportSize({ width: 1920, height: 1080 });
    const px = (selector: string) => app.page.locator(selector).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    assert.isAtLeast(await px('section.trainer'), 22, 'projector text is at least 22 px');
    assert.isAtLeast(await px('#outcome-title'), 22, 'headings grow with the text, not stay at the desk size');
    assert.isAtLeast(await px('section.trainer table th'), 18, 'table headers too');
    assert.isAtLeast(await px('[role="tab"]'), 20, 'and the tab bar');
    const width = await app.page.locator('main').evaluate((el) => el.getBoundingClientRect().width);
    assert.isAbove(width, 1600, 'the page uses the width of the screen');
    // The diagram's labels as drawn on screen, after the SVG is scaled to its column.
    const label = await app.page.getByTestId('statechart-diagram').locator('g.state text').first().evaluate((el) => el.getBoundingClientRect().height);
    assert.isAtLeast(label, 18, 'statechart labels are large enough to read from the back of a room');
    assert.equal(await overflow(), 0);
    await screenshot(app.page, 'thrive-07-projector');
    await screenshotOf(app.page.getByTestId('statechart-diagram'), 'thrive-08-projector-statechart');
    expectClean(app.w);
  });

  it('runs a classroom: a trainee works through four cases, then a scoreboard to download, print and show', async () => {
    await app.page.setViewportSize({ width: 1280, height: 900 });
    await app.page.getByRole('radio', { name: 'classroom run' }).check();
    await app.page.getByRole('textbox', { name: 'Trainee' }).fill('Sam Okafor');
    await app.page.getByRole('button', { name: 'None', exact: true }).click();
    for (const title of [/^Domestic abuse in progress/, /^House burgled/, /^Online report of a fraud/, /^Keyless car theft/]) {
      await app.page.getByRole('checkbox', { name: title }).check();
    }
    await app.page.getByRole('button', { name: 'Start the run' }).click();
    const progress = app.page.getByTestId('run-progress');

    // The car theft, played down to the longest grade there is: the widest row the scoreboard gets.
    await progress.filter({ hasText: 'Case 1 of 4 · Sam Okafor: Keyless car theft' }).waitFor();
    for (const q of ['threat', 'harm', 'risk', 'investigation', 'vulnerability', 'engagement']) {
      await app.page.getByRole('group', { name: new RegExp(`^${q}:`, 'i') }).getByRole('radio', { name: q === 'threat' || q === 'vulnerability' ? 'none' : 'low', exact: true }).check();
      await app.page.getByRole('button', { name: 'Next' }).click();
    }
    await app.page.getByRole('button', { name: 'Next case' }).click();

    await progress.filter({ hasText: 'Case 2 of 4 · Sam Okafor: Domestic abuse in progress' }).waitFor();
    await app.page.getByRole('group', { name: /^threat:/i }).getByRole('radio', { name: 'high', exact: true }).check();
    await app.page.getByRole('button', { name: 'Next' }).click();
    await app.page.getByTestId('case-answered').filter({ hasText: 'Answered: grade 1 (emergency).' }).waitFor();
    assert.equal(await app.page.getByRole('region', { name: 'Outcome' }).count(), 0, 'no expected answers during the run');
    await app.page.getByRole('button', { name: 'Next case' }).click();

    // The burglary, under-graded: investigation medium instead of high.
    await progress.filter({ hasText: 'Case 3 of 4' }).waitFor();
    const burglary = { threat: 'none', harm: 'medium', risk: 'low', investigation: 'medium', vulnerability: 'low', engagement: 'medium' };
    for (const [q, level] of Object.entries(burglary)) {
      await app.page.getByRole('group', { name: new RegExp(`^${q}:`, 'i') }).getByRole('radio', { name: level, exact: true }).check();
      await app.page.getByRole('button', { name: 'Next' }).click();
    }
    await screenshot(app.page, 'thrive-09-classroom-case');
    await app.page.getByRole('button', { name: 'Next case' }).click();

    await progress.filter({ hasText: 'Case 4 of 4' }).waitFor();
    await app.page.getByTestId('case-channel').filter({ hasText: 'An online report, read by the digital desk.' }).waitFor();
    const online = { threat: 'none', harm: 'medium', risk: 'high', investigation: 'low', vulnerability: 'high', engagement: 'high' };
    for (const [q, level] of Object.entries(online)) {
      await app.page.getByRole('group', { name: new RegExp(`^${q}:`, 'i') }).getByRole('radio', { name: level, exact: true }).check();
      await app.page.getByRole('button', { name: 'Next' }).click();
    }
    await app.page.getByRole('button', { name: 'See the scoreboard' }).click();

    const board = app.page.getByTestId('scoreboard');
    await app.page
      .getByTestId('scoreboard-summary')
      .filter({ hasText: 'Sam Okafor gave the policy’s grade on 2 of 4 cases (0 more urgent, 2 less urgent), and the expected answer to 17 of 19 questions asked.' })
      .waitFor();
    // The whole table in view on a desktop, every question's column with it: nothing to scroll sideways.
    assert.equal(await tableSpill(), 0, 'the scoreboard fits its box at 1280 px');
    const burglaryRow = board.locator('tr[data-case="burglary-offenders-just-left"]');
    assert.match((await burglaryRow.locator('td.grade').textContent()) ?? '', /3 scheduled\s*▼ less urgent/);
    assert.match((await burglaryRow.locator('td.differs').textContent()) ?? '', /medium ✗\s*high/);
    await screenshotOf(board, 'thrive-10-scoreboard');

    const download = app.page.waitForEvent('download');
    await board.getByRole('button', { name: 'Download scoreboard (CSV)' }).click();
    const file = await download;
    assert.match(file.suggestedFilename(), /^thrive-scoreboard-sam-okafor-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = (await readFile(await file.path(), 'utf8')).trimEnd().split('\n');
    assert.equal(lines.length, 6, 'a header, four cases and the agreement row');
    // The run was graded with the open scenario's policy and the "what if" left from the walk above.
    assert.match(lines[3]!, /^Sam Okafor,"“County training policy”, the policy of the open scenario “Baseline — my version”, what if scheduled from 7 \(policy: 2\)",\d{4}-\d{2}-\d{2},burglary-offenders-just-left,.*,3 scheduled,2 priority,less urgent,/);
    assert.match(lines[5]!, /,all cases,"4 cases, 4 finished",,,"2 agree, 0 more urgent, 2 less urgent",/);

    // Kept through a reload: the scoreboard is still there, graded as before (the "what if" is kept too).
    const summary = await app.page.getByTestId('scoreboard-summary').innerText();
    await app.page.reload();
    await tab('THRIVE trainer');
    await board.waitFor();
    await app.page.getByTestId('trainer-policy').filter({ hasText: 'what if scheduled from 7 (policy: 2)' }).waitFor();
    assert.equal(await app.page.getByTestId('scoreboard-summary').innerText(), summary);

    // Printed: the scoreboard without the app's controls.
    await app.page.emulateMedia({ media: 'print' });
    assert.isFalse(await app.page.getByRole('tablist').isVisible(), 'no tab bar on paper');
    assert.isFalse(await board.getByRole('button', { name: 'Print scoreboard' }).isVisible(), 'no buttons on paper');
    assert.isFalse(await app.page.getByRole('radio', { name: 'classroom run' }).isVisible(), 'no mode or policy switches on paper');
    assert.isTrue(await board.locator('tr[data-case="burglary-offenders-just-left"]').isVisible());
    await screenshot(app.page, 'thrive-11-scoreboard-print');
    await app.page.emulateMedia({ media: 'screen' });

    // On a projector, for the class to go through together.
    await app.page.setViewportSize({ width: 1920, height: 1080 });
    assert.isAtLeast(await board.locator('td').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize)), 20);
    assert.equal(await overflow(), 0);
    assert.equal(await tableSpill(), 0, 'the scoreboard fits its box on a 1920 px projector');
    await screenshot(app.page, 'thrive-12-scoreboard-projector');
    expectClean(app.w);
  });
});
