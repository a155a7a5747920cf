/**
 * "Propose a rota" as the page runs it: the optimiser in its own worker (HiGHS there), its
 * simulations on a pool of the app's simulation workers, progress as it goes and cancel at any
 * point (every worker is terminated; nothing half-done is shown as a result). The proposal is the
 * optimiser's, byte for byte what `occsim optimise --json` prints for the same scenario and seed;
 * nothing here computes results. The proposal is kept with the scenario it was made for, so it
 * can be opened as a new scenario or compared with that one after the user has moved on, and
 * (through `onproposed` and `restore`) after a reload.
 */
import { proxy, type Remote } from 'comlink';
import type { OptimiseWorkerApi, ProposeRequest, ProposeResult } from '../../optimise/worker-api.ts';
import type { Proposal, Simulate } from '../../optimise/optimise.ts';
import { proposedScenarioJson } from '../../optimise/proposed-scenario.ts';
import { DEFAULT_MAX_CALLS, runSizeOf, runSizeRefusal } from '../../model/run-size.ts';
import type { ReplicationStats } from '../../stats/replication.ts';
import { groupsOf, type Scenario } from '../core.ts';
import type { Shift } from '../../scenario/index.ts';
import type { Validation } from '../workspace/workspace.svelte.ts';
import { refusalReason } from '../run/runner.svelte.ts';
import { defaultPoolSize, type Connect, type WorkerHandle } from '../run/pool.svelte.ts';

export interface OptimiserHandle {
  api: Remote<OptimiseWorkerApi> | { propose(...args: Parameters<OptimiseWorkerApi['propose']>): Promise<ProposeResult> };
  terminate(): void;
}
export type ConnectOptimiser = () => OptimiserHandle;

export type ProposePhase = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

/** The scenario a proposal is for, as it was when the proposal started. */
export interface ProposalSource {
  id: string;
  name: string;
  json: Record<string, unknown>;
}

/** The source with what the page shows beside the proposal: its current shifts and staff groups. */
export interface ProposedFor extends ProposalSource {
  shifts: Shift[];
  groups: string[];
}

/** A finished proposal as it is kept between visits. */
export interface KeptProposal {
  proposal: Proposal;
  source: ProposedFor;
  /** How long it took to propose, in milliseconds. */
  elapsed: number;
}

export class ProposeView {
  phase = $state<ProposePhase>('idle');
  stage = $state('');
  message = $state('');
  /** Milliseconds since the proposal started, ticking while it runs. */
  elapsed = $state(0);
  proposal = $state.raw<Proposal | null>(null);
  source = $state.raw<ProposedFor | null>(null);
  /** Why the last request was refused or failed (each naming its field), empty when it was not. */
  problems = $state.raw<string[]>([]);
  /** The proposal shown was kept from an earlier visit, not made in this one. */
  kept = $state(false);
  /** Called with each finished proposal, to keep it between visits. */
  onproposed: ((kept: KeptProposal) => void) | undefined;
  /** The scenario opened from the current proposal, so a second click does not make another. */
  openedId = $state('');
  replications = $state(10);
  seedOverride = $state('');
  budgetSeconds = $state(120);

  #connectOptimiser: ConnectOptimiser;
  #connectSim: Connect;
  #size: number;
  #generation = 0;
  #optimiser: OptimiserHandle | undefined;
  #sims: WorkerHandle[] = [];
  #ticker: ReturnType<typeof setInterval> | undefined;

  constructor(connectOptimiser: ConnectOptimiser, connectSim: Connect, size = defaultPoolSize()) {
    this.#connectOptimiser = connectOptimiser;
    this.#connectSim = connectSim;
    this.#size = size;
  }

  /** Propose a rota for `source`; resolves when the proposal is done, refused, failed or cancelled. */
  async start(source: ProposalSource, validation: Validation<Scenario> | undefined): Promise<void> {
    if (this.phase === 'running') this.cancel();
    const refusal = this.#refusal(source, validation);
    if (refusal.length || !validation?.ok) {
      this.problems = refusal;
      return;
    }
    const { staffing } = validation.scenario;
    const proposedFor: ProposedFor = { ...source, shifts: staffing.shifts ?? [], groups: groupsOf(staffing).map((g) => g.id) };
    const generation = ++this.#generation;
    const current = () => generation === this.#generation;
    this.problems = [];
    this.phase = 'running';
    this.stage = 'starting';
    this.message = 'loading the solver';
    const began = performance.now();
    this.elapsed = 0;
    this.#ticker = setInterval(() => (this.elapsed = performance.now() - began), 500);
    this.#optimiser = this.#connectOptimiser();
    const simulate: Simulate = (scenario, seed, indices) => this.#simulate(scenario, seed, indices, current);
    const progress = (stage: string, message: string) => {
      if (!current()) return;
      this.stage = stage;
      this.message = message;
    };
    const request: ProposeRequest = { scenario: source.json, seed: this.seedOverride, replications: Math.floor(this.replications), budgetSeconds: this.budgetSeconds };
    try {
      const result = await this.#optimiser.api.propose(request, proxy(simulate), proxy(progress));
      if (!current()) return;
      if (result.ok) {
        this.proposal = result.proposal;
        this.source = proposedFor;
        this.openedId = '';
        this.kept = false;
        this.phase = 'done';
        this.onproposed?.({ proposal: result.proposal, source: proposedFor, elapsed: performance.now() - began });
      } else {
        this.problems = [`“${source.name}” cannot be optimised:`, ...result.problems];
        this.phase = 'failed';
      }
    } catch (error) {
      if (!current()) return;
      this.problems = [`The proposal failed: ${(error as Error).message}`];
      this.phase = 'failed';
    }
    this.elapsed = performance.now() - began;
    this.#stop();
  }

  /** Shows a proposal kept from an earlier visit, unless this visit has one of its own. */
  restore(kept: KeptProposal): void {
    if (this.proposal || this.phase === 'running') return;
    this.proposal = kept.proposal;
    this.source = kept.source;
    this.elapsed = kept.elapsed;
    this.kept = true;
    this.phase = 'done';
  }

  cancel(): void {
    if (this.phase !== 'running') return;
    this.#generation++;
    this.phase = 'cancelled';
    this.#stop();
  }

  /** The proposal's scenario: the source as the user wrote it, with only its name and shifts replaced. */
  proposedJson(): Record<string, unknown> | null {
    if (!this.proposal || !this.source) return null;
    return proposedScenarioJson(this.source.json, this.proposal, `${this.source.name} (proposed rota)`);
  }

  #refusal(source: ProposalSource, validation: Validation<Scenario> | undefined): string[] {
    const invalid = refusalReason([{ key: source.id, name: source.name, json: source.json, validation }]);
    if (invalid || !validation?.ok) return [invalid];
    const replications = this.replications;
    if (!(Number.isInteger(replications) && replications >= 2 && replications <= 200)) return ['Verification replications must be a whole number from 2 to 200.'];
    if (!(Number.isFinite(this.budgetSeconds) && this.budgetSeconds >= 5)) return ['The time budget must be at least 5 seconds.'];
    // The verification run is the largest single run of a proposal; past the cap, refuse it here as a run would be.
    const tooBig = runSizeRefusal(runSizeOf([validation.scenario], replications), DEFAULT_MAX_CALLS);
    return tooBig ? [tooBig.replace(/^run size: a/, 'The verification run: a')] : [];
  }

  /** Replications on the simulation workers, handed out one at a time; the optimiser sorts them by index. */
  async #simulate(scenario: Scenario, seed: string, indices: readonly number[], current: () => boolean): Promise<ReplicationStats[]> {
    if (!current()) throw new Error('cancelled');
    if (this.#sims.length === 0) this.#sims = Array.from({ length: this.#size }, () => this.#connectSim());
    const results: ReplicationStats[] = [];
    let next = 0;
    await Promise.all(
      this.#sims.slice(0, indices.length).map(async (worker) => {
        while (next < indices.length && current()) results.push((await worker.api.runReplication(scenario, seed, indices[next++]!)) as ReplicationStats);
      }),
    );
    if (!current()) throw new Error('cancelled');
    return results;
  }

  #stop(): void {
    clearInterval(this.#ticker);
    this.#ticker = undefined;
    this.#optimiser?.terminate();
    this.#optimiser = undefined;
    for (const w of this.#sims) w.terminate();
    this.#sims = [];
  }
}
