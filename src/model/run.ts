/**
 * One replication: a pure function of (scenario, seed, replication index). The CLI, the Node
 * worker threads and the browser's web workers all call this, so they agree to the last digit.
 */
import type { Scenario } from '../scenario/index.ts';
import type { ReplicationStats } from '../stats/replication.ts';
import { callTypeTables } from './call-types.ts';
import { OccSimulation } from './occ.ts';
import { triageHookFor } from './triage-hook.ts';

export function runReplication(scenario: Scenario, seed: string, replication: number): ReplicationStats {
  const types = callTypeTables(scenario);
  return new OccSimulation(scenario, types, seed, replication, triageHookFor(scenario, types.ids)).run();
}
