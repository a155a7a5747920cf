/**
 * The production build under its own Content-Security-Policy: runs a scenario in the workers,
 * walks a trainer case, imports call history and has a run held for its size, and fails on any
 * policy violation (the page's securitypolicyviolation events) or console error. Then checks the
 * policy is really enforced: an injected inline script does not run.
 */
import { describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { appUnderTest, cspViolations, expectClean, screenshot } from './harness.ts';

const ROOT = resolve(import.meta.dirname, '../..');

const app = appUnderTest({ cspViolations: true });

const violations = () => cspViolations(app.page);

describe('the built app under its Content-Security-Policy', { timeout: 240_000 }, () => {
  it('ships the policy, without unsafe-eval or inline script; WebAssembly only', async () => {
    await app.page.goto(app.server.url);
    const policy = await app.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.ok(policy, 'the page carries a policy');
    // 'wasm-unsafe-eval' lets the optimiser compile HiGHS's WebAssembly; JavaScript eval stays barred.
    assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
    assert.doesNotMatch(policy, /(?<!wasm-)unsafe-eval/);
    assert.doesNotMatch(policy.split(';').filter((d) => !d.includes('style-src-attr')).join(';'), /unsafe-inline/, 'inline only for style attributes');
  });

  it('runs a scenario in the workers with no violation', async () => {
    await app.page.getByRole('tab', { name: 'Scenarios' }).click();
    await app.page.getByRole('button', { name: /^Open Baseline/ }).first().click();
    await app.page.getByRole('tab', { name: 'Run & results' }).click();
    await app.page.getByRole('spinbutton', { name: 'Replications', exact: true }).fill('2');
    await app.page.getByRole('button', { name: 'Run simulation' }).click();
    await app.page.getByTestId('run-status').filter({ hasText: /^Done/ }).waitFor({ timeout: 180_000 });
    await app.page.getByRole('region', { name: 'Results' }).getByRole('img', { name: /Service level by hour of week/ }).waitFor();
    await screenshot(app.page, 'csp-01-results');
    assert.deepEqual(await violations(), []);
    expectClean(app.w);
  });

  it('walks a trainer case with no violation', async () => {
    await app.page.getByRole('tab', { name: 'THRIVE trainer' }).click();
    await app.page.getByLabel('Training case').selectOption({ index: 1 });
    await app.page.getByRole('group', { name: /^threat:/i }).getByRole('radio').first().check();
    await app.page.getByRole('button', { name: 'Next' }).click();
    await screenshot(app.page, 'csp-02-trainer');
    assert.deepEqual(await violations(), []);
    expectClean(app.w);
  });

  it('imports call history in its worker with no violation', async () => {
    await app.page.getByRole('tab', { name: 'Edit' }).click();
    await app.page.getByRole('navigation', { name: 'Scenario sections' }).getByRole('button', { name: 'Demand' }).click();
    await app.page.getByText('Import call history and forecast demand…').click();
    await app.page.getByLabel(/^Call history/).setInputFiles(resolve(ROOT, 'seeds/sample-history.csv'));
    await app.page.getByTestId('fit-profile').waitFor({ timeout: 60_000 });
    await screenshot(app.page, 'csp-03-import');
    assert.deepEqual(await violations(), []);
    expectClean(app.w);
  });

  it('holds a run past the size cap, shows its estimate, and lets the user back out', async () => {
    await app.page.getByLabel('999 calls per day').fill('1000000000');
    await app.page.getByRole('tab', { name: 'Run & results' }).click();
    await app.page.getByRole('button', { name: 'Run simulation' }).click();
    const notice = app.page.getByRole('alert', { name: 'Run size' });
    await notice.getByText(/About [\d.]+ (billion|trillion) calls \([\d.]+ (billion|trillion) a replication × 2\), past the cap of 200 million/).waitFor();
    await screenshot(app.page, 'csp-04-run-size');
    await notice.getByRole('button', { name: 'Don’t run' }).click();
    assert.equal(await notice.count(), 0);
    assert.equal(await app.page.getByTestId('run-status').filter({ hasText: /Running/ }).count(), 0);
    assert.deepEqual(await violations(), []);
    expectClean(app.w);
  });

  it('is enforced: an injected inline script does not run', async () => {
    const ran = await app.page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.head.append(script);
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    assert.equal(ran, false);
    assert.match((await violations()).join('\n'), /^script-src-elem: inline/);
  });
});
