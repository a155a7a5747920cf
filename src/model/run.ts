/**
 * One replication: a pure function of (scenario, seed, replication index). The CLI, the Node
 * worker threads and the browser's web workers all call this, so they agree to the last digit.
 */
import type { Scenario } from '../scenario/index.ts';
import type { ReplicationStats } from '../stats/replication.ts';
import { OccSimulation } from './occ.ts';
import { triageHookFor } from './triage-hook.ts';

export function runReplication(scenario: Scenario, seed: string, replication: number): ReplicationStats {
  return new OccSimulation(scenario, seed, replication, triageHookFor(scenario)).run();
}
