import { describe, expect, it } from 'vitest';
import loadHighs from 'highs';
import { ProposeView } from '../../src/ui/propose/propose-view.svelte.ts';
import { optimiseWorkerApi } from '../../src/optimise/worker-api.ts';
import { simWorkerApi } from '../../src/model/worker-api.ts';
import { parseScenario } from '../../src/scenario/index.ts';
import small from '../fixtures/optimise-small.json' with { type: 'json' };

/** The app's code path, with the workers replaced by calls in this thread. */
function fakes() {
  const terminated: string[] = [];
  // A pause before each replication, as a worker's message round trip would give, so a cancel can come in between.
  const runReplication = async (s: unknown, seed: string, i: number) => (await new Promise((r) => setTimeout(r, 5)), simWorkerApi.runReplication(s, seed, i));
  const sim = () => ({ api: { runReplication }, terminate: () => terminated.push('sim') });
  const api = optimiseWorkerApi(() => loadHighs());
  const optimiser = () => ({ api: { propose: api.propose }, terminate: () => terminated.push('optimiser') });
  return { terminated, view: new ProposeView(optimiser, sim, 2) };
}
const source = (json: unknown) => ({ id: 'doc', name: 'Small control room', json: json as Record<string, unknown> });

describe('ProposeView', () => {
  it('refuses a scenario with problems, naming them, and starts no worker', async () => {
    const { view, terminated } = fakes();
    const bad = { ...small, horizon: { ...small.horizon, days: -1 } };
    await view.start(source(bad), parseScenario(bad));
    expect(view.problems[0]).toMatch(/^“Small control room” has 1 problem to fix first: .*days/);
    expect(view.phase).toBe('idle');
    expect(terminated).toEqual([]);
  });

  it('refuses verification replications below 2 (no confidence interval to judge by)', async () => {
    const { view } = fakes();
    view.replications = 1;
    await view.start(source(small), parseScenario(small));
    expect(view.problems).toEqual(['Verification replications must be a whole number from 2 to 200.']);
  });

  it('cancel stops at once, terminates every worker and shows nothing that arrives later', async () => {
    const { view, terminated } = fakes();
    view.replications = 2;
    const done = view.start(source(small), parseScenario(small));
    for (let i = 0; i < 500 && view.stage !== 'iterative staffing'; i++) await new Promise((r) => setTimeout(r, 10));
    view.cancel();
    expect(view.phase).toBe('cancelled');
    await done;
    expect(view.proposal).toBeNull();
    expect(view.phase).toBe('cancelled');
    expect(terminated).toContain('optimiser');
  });
});
