/**
 * Report building off the page's thread: summaries over many replications of a long horizon take
 * tens of milliseconds (more while the JIT is cold), too long for the main thread during a run. A
 * small worker keeps the replications as they arrive and builds the reports and paired comparisons
 * on request, with the same functions the command line uses (buildReport, compareStats).
 */
import { parseScenario, formatProblem, type Scenario } from '../scenario/index.ts';
import { buildReport, hourlyRequirement, type Report } from './report.ts';
import { compareStats, type Comparison } from '../stats/compare.ts';
import type { ReplicationStats } from '../stats/replication.ts';

export interface Built {
  reports: Record<string, Report>;
  /** Each scenario after the first against the first, on the replication indices both completed. */
  comparisons: Record<string, Comparison>;
}

export function createReportApi() {
  let seed = '';
  let order: string[] = [];
  const targets = new Map<string, { scenario: Scenario; results: Map<number, ReplicationStats> }>();

  return {
    start(runSeed: string, list: { key: string; json: unknown }[]): void {
      seed = runSeed;
      order = list.map((t) => t.key);
      targets.clear();
      for (const t of list) {
        const parsed = parseScenario(t.json);
        if (!parsed.ok) throw new Error(`invalid scenario: ${parsed.problems.map(formatProblem).join('; ')}`);
        targets.set(t.key, { scenario: parsed.scenario, results: new Map() });
      }
    },
    /**
     * Works out ahead what the reports will need of the scenarios alone (the staffing requirement
     * behind "where it fails" takes a moment): called without waiting once the run has started, so
     * it overlaps the first replications instead of delaying the run or its first report.
     */
    prepare(): void {
      for (const t of targets.values()) hourlyRequirement(t.scenario);
    },
    add(key: string, result: ReplicationStats): void {
      targets.get(key)?.results.set(result.replication, result);
    },
    build(): Built {
      const reports: Record<string, Report> = {};
      for (const [key, t] of targets) if (t.results.size) reports[key] = buildReport(t.scenario, seed, [...t.results.values()]);
      const comparisons: Record<string, Comparison> = {};
      const first = targets.get(order[0] ?? '');
      for (const key of order.slice(1)) {
        const other = targets.get(key);
        if (!first || !other) continue;
        const common = [...first.results.keys()].filter((i) => other.results.has(i));
        if (common.length === 0) continue;
        comparisons[key] = compareStats(
          common.map((i) => first.results.get(i)!),
          common.map((i) => other.results.get(i)!),
        );
      }
      return { reports, comparisons };
    },
  };
}

export type ReportApi = ReturnType<typeof createReportApi>;
