/**
 * The API a simulation worker exposes (browser web worker and Node worker thread alike): run one
 * replication of a scenario. The scenario arrives as untrusted JSON and is validated here, at the
 * worker's edge; the last parsed scenario is cached because a pool sends the same one many times.
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

export const simWorkerApi = {
  runReplication(scenario: unknown, seed: string, replication: number): ReplicationStats {
    return runReplication(scenarioFrom(scenario), seed, replication);
  },
};

export type SimWorkerApi = typeof simWorkerApi;
