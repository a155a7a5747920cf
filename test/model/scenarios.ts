/** Small scenarios for model tests, built through the real parser so defaults apply. */
import { parseScenario, formatProblem, type Scenario } from '../../src/scenario/index.ts';
import { runReplication } from '../../src/model/run.ts';
import type { ReplicationStats } from '../../src/stats/replication.ts';

export function scenario(json: object): Scenario {
  const parsed = parseScenario(json);
  if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join('\n'));
  return parsed.scenario;
}

/** One channel, flat demand, exponential handling, optional exponential patience, c handlers. */
export function queueScenario(o: { callsPerDay: number; meanMinutes: number; agents: number; patienceMinutes?: number; days?: number }) {
  return scenario({
    name: 'queue',
    horizon: { days: o.days ?? 30, warmupDays: 1 },
    demand: { profile: 'flat', channels: { '101': { callsPerDay: o.callsPerDay } } },
    handling: { '101': { talkMinutes: { dist: 'exponential', mean: o.meanMinutes } } },
    ...(o.patienceMinutes ? { patience: { '101': { dist: 'exponential', mean: o.patienceMinutes } } } : {}),
    staffing: { fixed: o.agents },
  });
}

export function replications(s: Scenario, n: number, seed = 'test'): ReplicationStats[] {
  return Array.from({ length: n }, (_, i) => runReplication(s, seed, i));
}
