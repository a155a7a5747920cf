/**
 * The API a simulation worker exposes (browser web worker and Node worker thread alike): run one
 * replication of a scenario.
 *
 * - `runReplication(json, ...)`: the page sends the scenario as JSON it has not parsed, so it is
 *   validated here, at the worker's edge; the last parsed scenario is cached because a pool sends
 *   the same one many times.
 * - `useScenario(scenario)` then `runLoaded(...)`: the command line has read and validated the
 *   scenario once; it hands each worker the validated scenario once per run, and then only
 *   (seed, replication) per replication.
 */
import { parseScenario, formatProblem, type Scenario } from '../scenario/index.ts';
import type { ReplicationStats } from '../stats/replication.ts';
import { runReplication } from './run.ts';

let cachedText = '';
let cachedScenario: Scenario | null = null;

function scenarioFrom(json: unknown): Scenario {
  const text = JSON.stringify(json);
  if (text !== cachedText || !cachedScenario) {
    const parsed = parseScenario(json);
    if (!parsed.ok) throw new Error(`invalid scenario: ${parsed.problems.map(formatProblem).join('; ')}`);
    cachedText = text;
    cachedScenario = parsed.scenario;
  }
  return cachedScenario;
}

let loaded: Scenario | null = null;

export const simWorkerApi = {
  runReplication(scenario: unknown, seed: string, replication: number): ReplicationStats {
    return runReplication(scenarioFrom(scenario), seed, replication);
  },
  /** The scenario, already validated by the sender, for the `runLoaded` calls that follow. */
  useScenario(scenario: Scenario): void {
    loaded = scenario;
  },
  runLoaded(seed: string, replication: number): ReplicationStats {
    if (!loaded) throw new Error('no scenario loaded: call useScenario first');
    return runReplication(loaded, seed, replication);
  },
};

export type SimWorkerApi = typeof simWorkerApi;
