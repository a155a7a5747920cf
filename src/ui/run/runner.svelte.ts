/**
 * A run as the page sees it: which scenarios, with which seed and how many replications, and the
 * reports built from the replications completed so far (they update as each one streams in). One
 * scenario for "Run & results"; two or more for "Compare", where every scenario runs the same
 * replication indices with the same seed (common random numbers) so differences can be paired.
 */
import type { Report } from '../../model/report.ts';
import { hourlyServiceCounts, windowServiceLevelDifference, type Comparison, type HourlyServiceCounts } from '../../stats/compare.ts';
import type { Reporter } from './connect.ts';
import type { Estimate } from '../../stats/estimate.ts';
import type { ReplicationStats } from '../../stats/replication.ts';
import type { Scenario } from '../core.ts';
import { docName, type Problem, type ScenarioDoc, type Validation, type Workspace } from '../workspace/workspace.svelte.ts';
import { RunPool, type Connect } from './pool.svelte.ts';
import { problemPlace } from '../editors/problem-place.ts';
import { shownProblem } from '../editors/fields.ts';
import { DEFAULT_MAX_CALLS, runSizeOf, runSizeRefusal } from '../../model/run-size.ts';

export const DEFAULT_SEED = 'occsim';
export const DEFAULT_REPLICATIONS = 10;
const REFRESH_MS = 500;

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
  /** The two scenarios as run, to say what differs between them. */
  scenarios: { a: Scenario; b: Scenario };
  /** The hourly counts of the replications both completed, behind `windowDifference`. */
  hourly: { a: HourlyServiceCounts[]; b: HourlyServiceCounts[] };
  /** Service-level difference B − A over the given hours of the week. */
  windowDifference(channel: '999' | '101' | 'online', hours: number[]): Estimate;
}

/** A comparison as plain data, as it is kept between visits. */
export type PairedData = Omit<PairedComparison, 'windowDifference'>;

/** A comparison from its plain data, live or kept from an earlier visit. */
export function paired(data: PairedData): PairedComparison {
  return { ...data, windowDifference: (channel, hours) => windowServiceLevelDifference(data.hourly.a, data.hourly.b, channel, hours) };
}

/** Plain data of a comparison, to keep it between visits. */
export function pairedData({ windowDifference: _, ...data }: PairedComparison): PairedData {
  return data;
}

/** What a run needs of a scenario in the workspace: its draft as written, and its validation. */
export function runRequest(ws: Workspace<Scenario>, doc: ScenarioDoc): RunRequest {
  const json = $state.snapshot(doc.draft);
  return { key: doc.id, name: docName(doc), json, validation: ws.validate(json) };
}

/** The reason a run is refused, naming the scenario and its first problems; '' when it may run. */
export function refusalReason(requests: RunRequest[]): string {
  for (const r of requests) {
    const v = r.validation;
    if (!v) return `“${r.name}” could not be checked.`;
    if (!v.ok) {
      const first = v.problems.slice(0, 3).map((p: Problem) => (p.path ? `${problemPlace(r.json, p.path)}: ${shownProblem(p.path, p.message)}` : p.message));
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
  /** The refusal is about the replications asked for (a field beside the run button, not in the scenario). */
  refusedReplications = $state(false);
  /** Set when a run is past the size cap: what it would take; `runAnyway` starts it regardless. */
  oversize = $state('');
  #oversized: RunRequest[] | undefined;
  seed = $state('');
  targets: Target[] = $state.raw([]);

  constructor(connect: Connect, connectReporter: () => Reporter, size?: number) {
    this.pool = new RunPool<ReplicationStats>(connect, size);
    this.#connectReporter = connectReporter;
    this.pool.onresult = (key, _index, result) => {
      this.#pendingSince = performance.now();
      void Promise.resolve(this.#reporter?.add(key, result)).catch(() => {});
    };
    this.pool.onchange = () => this.#scheduleRefresh();
  }

  /** Reports of the replications completed so far (refreshed at most every REFRESH_MS while running). */
  reports: NamedReport[] = $state.raw([]);
  /** Each scenario after the first against the first, over the replications both completed. */
  comparisons: PairedComparison[] = $state.raw([]);
  /**
   * True while `reports` are still the previous run's: a new run replaces them only when its first
   * replication is in, so a run cancelled before that leaves the previous results standing.
   */
  showingPrevious = $state(false);
  /** Called with the final reports when a run ends with results (done, or cancelled part-way). */
  onended: ((reports: NamedReport[], targets: readonly { key: string; json: unknown }[]) => void) | undefined;

  #timer: ReturnType<typeof setTimeout> | undefined;
  #lastRefresh = 0;
  #reporter: Reporter | undefined;
  #connectReporter: () => Reporter;
  #generation = 0;

  /**
   * Results stream in faster than anyone can read them, and summarising them takes longer than a
   * frame; so refreshes are coalesced, and reports are built in the report worker, off the page's
   * thread. Only the window differences behind the compare sentences are computed here (cheap).
   */
  #scheduleRefresh(): void {
    if (this.#timer !== undefined) return;
    const ended = this.pool.phase !== 'running';
    const wait = ended ? 0 : Math.max(0, REFRESH_MS - (performance.now() - this.#lastRefresh));
    const generation = this.#generation;
    this.#timer = setTimeout(async () => {
      this.#lastRefresh = performance.now();
      try {
        const built = await this.#reporter!.build();
        if (generation !== this.#generation) return;
        const reports = this.targets.filter((t) => built.reports[t.key]).map((t) => ({ key: t.key, name: t.name, report: built.reports[t.key]! }));
        if (reports.length === 0 && this.showingPrevious) return;
        this.reports = reports;
        this.comparisons = this.#pair(reports, built.comparisons);
        this.showingPrevious = false;
        if (this.pool.phase !== 'running' && reports.length) this.onended?.(reports, this.targets);
      } catch (error) {
        this.refusal = `The results could not be summarised: ${(error as Error).message}`;
      } finally {
        this.#timer = undefined;
        // Anything that arrived while building is picked up by one more refresh.
        if (generation === this.#generation && this.#pendingSince > this.#lastRefresh) this.#scheduleRefresh();
      }
    }, wait);
  }
  #pendingSince = 0;

  #pair(reports: NamedReport[], comparisons: Record<string, Comparison>): PairedComparison[] {
    const [first, ...rest] = this.targets;
    const na = reports.find((r) => r.key === first?.key);
    if (!first || !na) return [];
    const out: PairedComparison[] = [];
    for (const t of rest) {
      const comparison = comparisons[t.key];
      const nb = reports.find((r) => r.key === t.key);
      if (!comparison || !nb) continue;
      const a = this.pool.results[first.key] ?? [];
      const b = this.pool.results[t.key] ?? [];
      const inB = new Set(b.map((r) => r.index));
      const common = new Set(a.map((r) => r.index).filter((i) => inB.has(i)));
      const hourly = (of: typeof a) => of.filter((r) => common.has(r.index)).map((r) => hourlyServiceCounts(r.result));
      out.push(paired({ a: na, b: nb, comparison, scenarios: { a: first.scenario, b: t.scenario }, hourly: { a: hourly(a), b: hourly(b) } }));
    }
    return out;
  }

  /** Start a run, or refuse it with the reason. Returns when the run ends. */
  async start(requests: RunRequest[], { anyway = false }: { anyway?: boolean } = {}): Promise<void> {
    this.oversize = '';
    this.#oversized = undefined;
    this.refusedReplications = false;
    this.refusal = refusalReason(requests);
    if (this.refusal) return;
    // Refused, not rounded: 2.5 is a slip, and running 2 would hide it.
    const replications = this.replications;
    if (!(Number.isInteger(replications) && replications >= 1 && replications <= 1000)) {
      this.refusal = 'Replications must be a whole number from 1 to 1000.';
      this.refusedReplications = true;
      return;
    }
    const scenarios = requests.map((r) => (r.validation as { ok: true; scenario: Scenario }).scenario);
    // A slip of the keyboard (a billion calls a day) would otherwise run for days and exhaust memory.
    const tooBig = anyway ? null : runSizeRefusal(runSizeOf(scenarios, replications), DEFAULT_MAX_CALLS);
    if (tooBig) {
      this.oversize = tooBig.replace(/^run size: a/, 'A');
      this.#oversized = requests;
      return;
    }
    this.seed = this.seedOverride.trim() || scenarios[0]!.seed || DEFAULT_SEED;
    this.showingPrevious = this.reports.length > 0;
    this.#generation++;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.targets = requests.map((r, i) => ({ key: r.key, name: r.name, json: r.json, scenario: scenarios[i]! }));
    this.#reporter ??= this.#connectReporter();
    try {
      await this.#reporter.start(this.seed, this.targets.map((t) => ({ key: t.key, json: t.json })));
    } catch (error) {
      this.refusal = `The run could not start: ${(error as Error).message}`;
      return;
    }
    void this.#reporter.prepare();
    await this.pool.run(this.targets.map((t) => ({ key: t.key, scenario: t.json, seed: this.seed, replications })));
  }

  /** Starts the run refused for its size, as the user has seen the figure and chosen to go on. */
  runAnyway(): Promise<void> {
    const requests = this.#oversized;
    return requests ? this.start(requests, { anyway: true }) : Promise.resolve();
  }

  cancel(): void {
    this.pool.cancel();
  }
}
