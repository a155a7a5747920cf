/**
 * What the app keeps between visits besides the scenarios: the last comparison (shown again while
 * the scenarios compared are unchanged, with the same window differences) and the last proposal (with
 * the scenario it was made for), in stores of their own, the number kept capped.
 */
import { describe, expect, it } from 'vitest';
import { AppState } from '../../src/ui/app.svelte.ts';
import { memoryStore } from '../../src/ui/workspace/store.ts';
import { SavedResults, type SavedResult } from '../../src/ui/run/saved-results.svelte.ts';
import { paired, runRequest } from '../../src/ui/run/runner.svelte.ts';
import { comparisonId, type KeptComparison } from '../../src/ui/compare/kept-comparison.ts';
import type { ConnectOptimiser, KeptProposal } from '../../src/ui/propose/propose-view.svelte.ts';
import type { ScenarioDoc } from '../../src/ui/workspace/workspace.svelte.ts';
import { createReportApi } from '../../src/model/report-api.ts';
import { simWorkerApi } from '../../src/model/worker-api.ts';
import type { Proposal } from '../../src/optimise/optimise.ts';
import baseline from '../../scenarios/baseline.json' with { type: 'json' };

const short = { ...baseline, name: 'Short', horizon: { ...baseline.horizon, days: 2, warmupDays: 1 } };
const inProcess = () => ({ api: { runReplication: async (s: unknown, seed: string, i: number) => simWorkerApi.runReplication(s, seed, i) }, terminate: () => {} });

function stores() {
  return {
    docs: memoryStore<ScenarioDoc>(),
    results: memoryStore<SavedResult>(),
    comparisons: memoryStore<SavedResult<KeptComparison>>(),
    proposals: memoryStore<SavedResult<KeptProposal>>(),
  };
}
type Stores = ReturnType<typeof stores>;
const noOptimiser: ConnectOptimiser = () => ({ api: { propose: async () => ({ ok: false as const, problems: ['not in this test'] }) }, terminate: () => {} });
const visit = (s: Stores, optimiser = noOptimiser) =>
  new AppState(s.docs, inProcess, createReportApi, s.results, optimiser, s.comparisons, s.proposals);

async function until(done: () => boolean) {
  for (let i = 0; i < 500 && !done(); i++) await new Promise((r) => setTimeout(r, 20));
}

describe('kept across visits', () => {
  it('a comparison is shown again after a reload while its scenarios are unchanged, and Compare opens on them', async () => {
    const s = stores();
    const first = visit(s);
    await first.start('');
    const a = first.workspace.importJson(short);
    const b = first.workspace.importJson({ ...short, name: 'Short, more staff', staffing: { ...short.staffing, shrinkage: 0.2 } });
    if (!a.ok || !b.ok) throw new Error('fixture invalid');
    const ids = [a.doc.id, b.doc.id];
    first.comparer.replications = 2;
    await first.comparer.start(ids.map((id) => runRequest(first.workspace, first.workspace.byId(id)!)));
    await until(() => first.comparer.comparisons[0]?.comparison.replications === 2);
    await first.workspace.flush();
    await new Promise((r) => setTimeout(r, 0));
    const live = first.comparer.comparisons[0]!;

    const again = visit(s);
    await again.start('');
    expect(again.compareChoice).toEqual(ids);
    const drafts = ids.map((id) => again.workspace.byId(id)!.draft);
    const kept = again.savedComparisons.for(comparisonId(ids), drafts)!;
    expect(kept.reports).toEqual(first.comparer.reports);
    const pair = paired(kept.pairs[0]!);
    expect(pair.comparison).toEqual(live.comparison);
    // The window differences are computed again from the kept hourly counts, to the same figures.
    const friday = [118, 119, 120, 121];
    expect(pair.windowDifference('999', friday)).toEqual(live.windowDifference('999', friday));
    // An edit to either scenario retires it.
    expect(again.savedComparisons.for(comparisonId(ids), [drafts[0], { ...drafts[1], seed: 'other' }])).toBeUndefined();
  });

  it('the last proposal comes back after a reload with the scenario it was proposed for', async () => {
    const s = stores();
    const proposal = { scenario: 'Short', costPerWeek: 100, lowerBoundPerWeek: 90 } as Proposal;
    const first = visit(s, () => ({ api: { propose: async () => ({ ok: true as const, proposal }) }, terminate: () => {} }));
    await first.start('');
    const doc = first.workspace.importJson(short);
    if (!doc.ok) throw new Error('fixture invalid');
    const json = structuredClone(short) as unknown as Record<string, unknown>;
    await first.propose.start({ id: doc.doc.id, name: 'Short', json }, first.workspace.validate(json));
    expect(first.propose.phase).toBe('done');
    expect(first.propose.kept).toBe(false);
    await new Promise((r) => setTimeout(r, 0));

    const again = visit(s);
    await again.start('');
    expect(again.propose.proposal).toEqual(proposal);
    expect(again.propose.source).toEqual(first.propose.source);
    expect(again.propose.phase).toBe('done');
    expect(again.propose.kept).toBe(true);
  });
});

describe('SavedResults', () => {
  it('keeps at most its cap, dropping the oldest, in memory and in the store', async () => {
    const store = memoryStore<SavedResult<number>>();
    const saved = new SavedResults<number>(store, 2);
    saved.save('a', 1, 1);
    saved.save('b', 2, 2);
    saved.save('a', 3, 3);
    saved.save('c', 4, 4);
    await new Promise((r) => setTimeout(r, 0));
    expect(saved.for('b', 2)).toBeUndefined();
    expect(saved.for('a', 3)).toBe(3);
    expect(saved.latest()?.id).toBe('c');
    expect((await store.all()).map((r) => r.id).sort()).toEqual(['a', 'c']);
  });
});
