import { describe, expect, it } from 'vitest';
import { Runner } from '../../src/ui/run/runner.svelte.ts';
import { createReportApi } from '../../src/model/report-api.ts';
import { simWorkerApi } from '../../src/model/worker-api.ts';
import { buildReport } from '../../src/model/report.ts';
import { runReplication } from '../../src/model/run.ts';
import { parseScenario, type Scenario } from '../../src/scenario/index.ts';
import baseline from '../../scenarios/baseline.json' with { type: 'json' };

/** A short horizon keeps the test quick; the code path is the app's, with workers replaced by calls. */
const json = { ...baseline, horizon: { ...baseline.horizon, days: 4, warmupDays: 1 } };
const parsed = parseScenario(json);
if (!parsed.ok) throw new Error('fixture invalid');
const scenario: Scenario = parsed.scenario;

const inProcess = () => ({ api: { runReplication: async (s: unknown, seed: string, i: number) => simWorkerApi.runReplication(s, seed, i) }, terminate: () => {} });

async function settle(runner: Runner, replications: number) {
  for (let i = 0; i < 200 && runner.reports[0]?.report.replications !== replications; i++) await new Promise((r) => setTimeout(r, 20));
}

describe('Runner', () => {
  it('reports what buildReport reports for the same scenario, seed and replications', async () => {
    const runner = new Runner(inProcess, createReportApi, 2);
    runner.replications = 3;
    await runner.start([{ key: 'base', name: 'Base', json, validation: parsed }]);
    await settle(runner, 3);
    const seed = scenario.seed ?? 'occsim';
    const direct = buildReport(scenario, seed, [0, 1, 2].map((i) => runReplication(scenario, seed, i)));
    expect(runner.reports[0]!.report).toEqual(direct);
  });

  it('refuses an invalid scenario with the reason and starts nothing', async () => {
    const runner = new Runner(inProcess, createReportApi, 2);
    await runner.start([{ key: 'x', name: 'Broken', json: {}, validation: parseScenario({}) }]);
    expect(runner.refusal).toMatch(/^“Broken” has \d+ problems? to fix first: /);
    expect(runner.pool.phase).toBe('idle');
  });

  it('names a percentage field’s problem in the percentages the editor shows', async () => {
    const runner = new Runner(inProcess, createReportApi, 2);
    const absent = { ...json, staffing: { ...json.staffing, shrinkage: 1.2 } };
    await runner.start([{ key: 'x', name: 'Absent', json: absent, validation: parseScenario(absent) }]);
    expect(runner.refusal).toBe('“Absent” has 1 problem to fix first: Rota: shrinkage: expected at most 95 %, got 120 %.');
  });

  it('refuses replications that are not a whole number from 1 to 1000, 2.5 included, as a problem of the field, not the scenario', async () => {
    const runner = new Runner(inProcess, createReportApi, 2);
    for (const n of [2.5, 0, -3, null as unknown as number, 1001]) {
      runner.replications = n;
      await runner.start([{ key: 'base', name: 'Base', json, validation: parsed }]);
      expect(runner.refusal, String(n)).toBe('Replications must be a whole number from 1 to 1000.');
      expect(runner.refusedReplications).toBe(true);
      expect(runner.pool.phase).toBe('idle');
    }
    await runner.start([{ key: 'x', name: 'Broken', json: {}, validation: parseScenario({}) }]);
    expect(runner.refusedReplications).toBe(false);
  });

  it('holds a run past the size cap with its estimate until the user runs it anyway', async () => {
    const big = { ...json, horizon: { days: 2 }, demand: { ...json.demand, specialDays: [{ date: '2025-01-06', factor: 1e9, channels: ['online'], fromHour: 0, toHour: 1 }] } };
    const bigParsed = parseScenario(big);
    expect(bigParsed.ok).toBe(true);
    const runner = new Runner(inProcess, createReportApi, 2);
    runner.replications = 1;
    await runner.start([{ key: 'big', name: 'Big', json: big, validation: bigParsed }]);
    expect(runner.oversize).toMatch(/^About [\d.]+ (million|billion) calls \([\d.]+ (million|billion) a replication × 1\), past the cap of 200 million$/);
    expect(runner.pool.phase).toBe('idle');
  });

  it('pairs scenarios on common replication indices', async () => {
    const more = { ...json, name: 'More staff', staffing: { ...json.staffing, shrinkage: 0.1 } };
    const runner = new Runner(inProcess, createReportApi, 2);
    runner.replications = 2;
    await runner.start([
      { key: 'a', name: 'Base', json, validation: parsed },
      { key: 'b', name: 'More staff', json: more, validation: parseScenario(more) },
    ]);
    for (let i = 0; i < 200 && runner.comparisons[0]?.comparison.replications !== 2; i++) await new Promise((r) => setTimeout(r, 20));
    const c = runner.comparisons[0]!;
    expect(c.a.name).toBe('Base');
    expect(c.b.name).toBe('More staff');
    expect(c.comparison.differences['999.serviceLevel']!.mean).toBeGreaterThanOrEqual(0);
    expect(c.windowDifference('999', [0, 1, 2]).mean).not.toBeUndefined();
  });

  it('keeps the previous results when a new run is cancelled before its first replication', async () => {
    const runner = new Runner(inProcess, createReportApi, 1);
    runner.replications = 1;
    const ended: number[] = [];
    runner.onended = (reports) => ended.push(reports[0]!.report.replications);
    await runner.start([{ key: 'a', name: 'Base', json, validation: parsed }]);
    await settle(runner, 1);
    const previous = runner.reports[0]!.report;
    // A worker that never answers: the new run cannot finish a replication before it is cancelled.
    const stuck = new Runner(() => ({ api: { runReplication: () => new Promise<never>(() => {}) }, terminate: () => {} }), createReportApi, 1);
    stuck.reports = runner.reports;
    const running = stuck.start([{ key: 'a', name: 'Base', json, validation: parsed }]);
    expect(stuck.showingPrevious).toBe(true);
    for (let i = 0; i < 200 && stuck.pool.phase !== 'running'; i++) await new Promise((r) => setTimeout(r, 10));
    stuck.cancel();
    await running;
    await new Promise((r) => setTimeout(r, 100));
    expect(stuck.pool.phase).toBe('cancelled');
    expect(stuck.reports[0]!.report).toBe(previous);
    expect(stuck.showingPrevious).toBe(true);
    for (let i = 0; i < 100 && ended.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(ended).toEqual([1]);
  });
});

describe('SavedResults', () => {
  it('gives back a scenario’s last results only while the scenario reads exactly as it was run', async () => {
    const { SavedResults } = await import('../../src/ui/run/saved-results.svelte.ts');
    const { memoryStore } = await import('../../src/ui/workspace/store.ts');
    const store = memoryStore<import('../../src/ui/run/saved-results.svelte.ts').SavedResult>();
    const report = { key: 'doc1', name: 'Base', report: buildReport(scenario, 's', [runReplication(scenario, 's', 0)]) };
    new SavedResults(store).save('doc1', json, report);
    await new Promise((r) => setTimeout(r, 0));
    // A new visit: loaded from the store.
    const again = new SavedResults(store);
    await again.load();
    expect(again.for('doc1', structuredClone(json))!.report).toEqual(report.report);
    expect(again.for('doc1', { ...json, staffing: { ...json.staffing, shrinkage: 0.3 } })).toBeUndefined();
    expect(again.for('doc2', json)).toBeUndefined();
  });
});
