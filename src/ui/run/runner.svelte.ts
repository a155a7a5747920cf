/**
 * A run as the page sees it: which scenarios, with which seed and how many replications, and the
 * reports built from the replications completed so far (they update as each one streams in). One
 * scenario for "Run & results"; two or more for "Compare", where every scenario runs the same
 * replication indices with the same seed (common random numbers) so differences can be paired.
 */
import { buildReport, type Report } from '../../model/report.ts';
import { compareStats, windowServiceLevelDifference, type Comparison } from '../../stats/compare.ts';
import type { Estimate } from '../../stats/estimate.ts';
import type { ReplicationStats } from '../../stats/replication.ts';
import type { Scenario } from '../core.ts';
import type { Problem, Validation } from '../workspace/workspace.svelte.ts';
import { RunPool, type Connect } from './pool.svelte.ts';

export const DEFAULT_SEED = 'occsim';
export const DEFAULT_REPLICATIONS = 10;

export interface RunRequest {
  key: string;
  name: string;
  /** The draft as the user wrote it; the worker validates it again at its edge, as the CLI does. */
  json: unknown;
  validation: Validation<Scenario> | undefined;
}

interface Target {
  key: string;
  name: string;
  json: unknown;
  scenario: Scenario;
}

export interface NamedReport {
  key: string;
  name: string;
  report: Report;
}

export interface PairedComparison {
  a: NamedReport;
  b: NamedReport;
  comparison: Comparison;
  /** Service-level difference B − A over the given hours of the week. */
  windowDifference(channel: '999' | '101' | 'online', hours: number[]): Estimate;
}

/** The reason a run is refused, naming the scenario and its first problems; '' when it may run. */
export function refusalReason(requests: RunRequest[]): string {
  for (const r of requests) {
    const v = r.validation;
    if (!v) return `“${r.name}” could not be checked.`;
    if (!v.ok) {
      const first = v.problems.slice(0, 3).map((p: Problem) => (p.path ? `${p.path}: ${p.message}` : p.message));
      const more = v.problems.length > 3 ? ` and ${v.problems.length - 3} more` : '';
      return `“${r.name}” has ${v.problems.length} problem${v.problems.length === 1 ? '' : 's'} to fix first: ${first.join('; ')}${more}.`;
    }
  }
  return '';
}

export class Runner {
  pool: RunPool<ReplicationStats>;
  replications = $state(DEFAULT_REPLICATIONS);
  /** Overrides the scenario's own seed when not empty. */
  seedOverride = $state('');
  refusal = $state('');
  seed = $state('');
  targets: Target[] = $state.raw([]);

  constructor(connect: Connect, size?: number) {
    this.pool = new RunPool<ReplicationStats>(connect, size);
  }

  reports: NamedReport[] = $derived.by(() => {
    const out: NamedReport[] = [];
    for (const t of this.targets) {
      const results = this.pool.results[t.key];
      if (results?.length) out.push({ key: t.key, name: t.name, report: buildReport(t.scenario, this.seed, results.map((r) => r.result)) });
    }
    return out;
  });

  /** Each scenario after the first against the first, over the replications both completed. */
  comparisons: PairedComparison[] = $derived.by(() => {
    const [first, ...rest] = this.targets;
    if (!first) return [];
    const out: PairedComparison[] = [];
    for (const t of rest) {
      const a = this.pool.results[first.key] ?? [];
      const b = this.pool.results[t.key] ?? [];
      const common = new Set(a.map((r) => r.index).filter((i) => b.some((r) => r.index === i)));
      const ra = a.filter((r) => common.has(r.index)).map((r) => r.result);
      const rb = b.filter((r) => common.has(r.index)).map((r) => r.result);
      const na = this.reports.find((r) => r.key === first.key);
      const nb = this.reports.find((r) => r.key === t.key);
      if (ra.length < 1 || !na || !nb) continue;
      out.push({
        a: na,
        b: nb,
        comparison: compareStats(ra, rb),
        windowDifference: (channel, hours) => windowServiceLevelDifference(ra, rb, channel, hours),
      });
    }
    return out;
  });

  /** Start a run, or refuse it with the reason. Returns when the run ends. */
  async start(requests: RunRequest[]): Promise<void> {
    this.refusal = refusalReason(requests);
    if (this.refusal) return;
    const replications = Math.floor(this.replications);
    if (!(replications >= 1 && replications <= 1000)) {
      this.refusal = 'Replications must be a whole number from 1 to 1000.';
      return;
    }
    const scenarios = requests.map((r) => (r.validation as { ok: true; scenario: Scenario }).scenario);
    this.seed = this.seedOverride.trim() || scenarios[0]!.seed || DEFAULT_SEED;
    this.targets = requests.map((r, i) => ({ key: r.key, name: r.name, json: r.json, scenario: scenarios[i]! }));
    await this.pool.run(this.targets.map((t) => ({ key: t.key, scenario: t.json, seed: this.seed, replications })));
  }

  cancel(): void {
    this.pool.cancel();
  }
}
