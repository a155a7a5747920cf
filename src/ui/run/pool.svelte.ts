/**
 * The page side of a simulation run: a pool of workers (one per hardware thread) that hands out
 * replication indices one at a time, so fast workers take more and results stream in as each
 * replication finishes. Cancelling terminates the workers and keeps every completed replication.
 * Several scenarios can share one run (Compare): their replications interleave by index and use the
 * same seed, so each index sees the same random numbers in every scenario.
 */
import { initialTransition, transition } from 'xstate';
import { phaseOf, runMachine, secondsLeft, type RunEvent, type RunSnapshot } from './run-machine.ts';

/** The worker's API as seen through comlink (workers/sim.worker.ts exposes src/model/worker-api.ts). */
export interface SimApi {
  runReplication(scenario: unknown, seed: string, replication: number): Promise<unknown> | unknown;
}

export interface WorkerHandle {
  api: SimApi;
  terminate(): void;
}

export type Connect = () => WorkerHandle;

export interface Job {
  key: string;
  scenario: unknown;
  seed: string;
  replications: number;
}

export interface Indexed<R> {
  index: number;
  result: R;
}

interface Task {
  key: string;
  scenario: unknown;
  seed: string;
  index: number;
}

/** Replication tasks, interleaved by index so paired scenarios progress together. */
export function tasksFor(jobs: Job[]): Task[] {
  const most = Math.max(0, ...jobs.map((j) => j.replications));
  const tasks: Task[] = [];
  for (let index = 0; index < most; index++)
    for (const job of jobs) if (index < job.replications) tasks.push({ key: job.key, scenario: job.scenario, seed: job.seed, index });
  return tasks;
}

export function defaultPoolSize(): number {
  const n = typeof navigator === 'undefined' ? 2 : navigator.hardwareConcurrency;
  return Math.max(1, Math.min(16, Number.isFinite(n) && n > 0 ? n : 2));
}

export class RunPool<R> {
  snapshot: RunSnapshot = $state.raw(initialTransition(runMachine)[0]);
  /** Completed replications per job key, ordered by index. */
  results: Record<string, Indexed<R>[]> = $state.raw({});
  now = $state(0);
  /** Bumped whenever `results` changes, for consumers that recompute on arrival. */
  version = $state(0);

  phase = $derived(phaseOf(this.snapshot));
  done = $derived(this.snapshot.context.done);
  total = $derived(this.snapshot.context.total);
  secondsLeft = $derived(secondsLeft(this.snapshot.context, this.now));

  #connect: Connect;
  #size: number;
  get size(): number {
    return this.#size;
  }
  #clock: () => number;
  #workers: WorkerHandle[] = [];
  #generation = 0;
  #finished: (() => void) | undefined;
  #ticker: ReturnType<typeof setInterval> | undefined;

  /** Called with each completed replication as it arrives. */
  onresult: ((key: string, index: number, result: R) => void) | undefined;
  /** Called after each completed replication and when a run ends (done, cancelled or failed). */
  onchange: (() => void) | undefined;

  constructor(connect: Connect, size = defaultPoolSize(), clock: () => number = () => performance.now()) {
    this.#connect = connect;
    this.#size = size;
    this.#clock = clock;
  }

  #send(event: RunEvent): void {
    this.snapshot = transition(runMachine, this.snapshot, event)[0];
    this.now = event.at;
  }

  /** Run the jobs; resolves when the run is done, cancelled or failed. */
  run(jobs: Job[]): Promise<void> {
    if (this.phase === 'running') this.cancel();
    const generation = ++this.#generation;
    const queue = tasksFor(jobs);
    this.results = Object.fromEntries(jobs.map((j) => [j.key, []]));
    this.version++;
    this.#send({ type: 'START', total: queue.length, at: this.#clock() });
    if (queue.length === 0) return Promise.resolve();

    const finished = new Promise<void>((resolve) => (this.#finished = resolve));
    this.#ticker = setInterval(() => (this.now = this.#clock()), 500);
    const size = Math.min(this.#size, queue.length);
    this.#workers = Array.from({ length: size }, () => this.#connect());

    const work = async (handle: WorkerHandle) => {
      for (let task = queue.shift(); task && generation === this.#generation; task = queue.shift()) {
        const result = await handle.api.runReplication(task.scenario, task.seed, task.index);
        if (generation === this.#generation && this.phase === 'running') this.#record(task.key, task.index, result as R);
      }
    };
    Promise.all(this.#workers.map(work)).then(
      () => this.#end(generation),
      (error: unknown) => {
        if (generation !== this.#generation || this.phase !== 'running') return;
        this.#send({ type: 'FAIL', error: error instanceof Error ? error.message : String(error), at: this.#clock() });
        this.#end(generation);
      },
    );
    return finished;
  }

  cancel(): void {
    if (this.phase !== 'running') return;
    this.#send({ type: 'CANCEL', at: this.#clock() });
    this.#end(this.#generation);
  }

  #record(key: string, index: number, result: R): void {
    const list = [...(this.results[key] ?? []), { index, result }].sort((a, b) => a.index - b.index);
    this.results = { ...this.results, [key]: list };
    this.version++;
    this.onresult?.(key, index, result);
    this.#send({ type: 'REPLICATION_DONE', at: this.#clock() });
    this.onchange?.();
  }

  #end(generation: number): void {
    if (generation !== this.#generation) return;
    this.#generation++;
    clearInterval(this.#ticker);
    for (const w of this.#workers) w.terminate();
    this.#workers = [];
    this.#finished?.();
    this.#finished = undefined;
    this.onchange?.();
  }
}
