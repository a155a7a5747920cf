/**
 * State of a classroom run: a trainee works through a chosen set of cases one after another, and
 * the scoreboard sets their answers beside the policy's. The run drives the trainer's own
 * TrainerState (the same questions, the same policy choice and "what if"), keeps only each case's
 * machine events, and scores them under the policy in use when the scoreboard is drawn, so changing
 * the policy afterwards regrades the whole run. The trainee's progress is kept in the browser's
 * storage after every answer, so a reload or a closed tab loses nothing.
 */
import { scoreClassroom, type Attempt, type Scoreboard, type TrainingCase, type TriageEvent } from '../../triage/index.ts';
import type { TrainerState } from './trainer.svelte.ts';
import { browserStore, loadKept, saveKept, type KeptStore } from './kept.ts';

export type ClassroomPhase = 'setup' | 'running' | 'done';

/** What is kept between visits: everything typed and answered, nothing derived. */
interface Saved {
  phase: ClassroomPhase;
  trainee: string;
  chosen: string[];
  order: string[];
  attempts: Attempt[];
  current: TriageEvent[];
}

export const STORAGE_KEY = 'occsim.classroom-run';

export class ClassroomState {
  readonly #trainer: TrainerState;
  readonly #store: KeptStore | null;

  phase = $state<ClassroomPhase>('setup');
  trainee = $state('');
  /** The cases ticked for the run, by id. */
  chosen = $state<string[]>([]);
  /** The cases of the run in the order they are taken (the library's order). */
  order = $state.raw<string[]>([]);
  attempts = $state.raw<Attempt[]>([]);
  problem = $state('');

  /** The case being answered (index = cases already done). */
  currentId = $derived(this.phase === 'running' ? (this.order[this.attempts.length] ?? null) : null);
  position = $derived(`Case ${this.attempts.length + 1} of ${this.order.length}`);
  isLast = $derived(this.attempts.length + 1 === this.order.length);
  board = $derived.by((): Scoreboard | null => (this.phase === 'done' ? scoreClassroom(this.#trainer.policy, this.#trainer.cases, this.attempts) : null));

  constructor(trainer: TrainerState, store: KeptStore | null = browserStore(STORAGE_KEY)) {
    this.#trainer = trainer;
    this.#store = store;
    this.chosen = trainer.cases.map((c) => c.id);
    this.#restore();
  }

  get cases(): readonly TrainingCase[] {
    return this.#trainer.cases;
  }

  toggle(id: string, on: boolean): void {
    this.chosen = on ? [...new Set([...this.chosen, id])] : this.chosen.filter((x) => x !== id);
  }

  start(): void {
    const order = this.cases.filter((c) => this.chosen.includes(c.id)).map((c) => c.id);
    if (order.length === 0) {
      this.problem = 'Tick at least one case for the run.';
      return;
    }
    this.problem = '';
    this.order = order;
    this.attempts = [];
    this.phase = 'running';
    this.#trainer.select(order[0]!);
  }

  /** Records the finished case and moves to the next, or to the scoreboard after the last. */
  next(): void {
    const id = this.currentId;
    if (id === null || this.#trainer.outcome === null) return;
    this.attempts = [...this.attempts, { caseId: id, events: this.#trainer.events }];
    if (this.attempts.length === this.order.length) this.#finish();
    else this.#trainer.select(this.order[this.attempts.length]!);
  }

  /** Ends the run early: the case in hand is scored as far as it went, the rest as not reached. */
  end(): void {
    if (this.phase !== 'running') return;
    const done = this.attempts.length;
    this.attempts = [
      ...this.attempts,
      ...this.order.slice(done).map((caseId, i) => ({ caseId, events: i === 0 ? this.#trainer.events : [] })),
    ];
    this.#finish();
  }

  /** Back to choosing cases, keeping the trainee's name and the choice (the scoreboard is gone). */
  again(): void {
    this.phase = 'setup';
    this.order = [];
    this.attempts = [];
    this.#trainer.select('');
  }

  /** Keeps the run. The component calls it in an effect, so every answer and every step is kept as it happens. */
  save(): void {
    const saved: Saved = {
      phase: this.phase,
      trainee: this.trainee,
      chosen: this.chosen,
      order: this.order,
      attempts: this.attempts,
      current: this.phase === 'running' ? [...this.#trainer.events] : [],
    };
    saveKept(this.#store, saved);
  }

  #finish(): void {
    this.phase = 'done';
    this.#trainer.select('');
  }

  /** Picks up a kept run, if its cases are all still in the library; anything else starts afresh. */
  #restore(): void {
    const saved = loadKept(this.#store) as Saved | null;
    if (!saved || !['setup', 'running', 'done'].includes(saved.phase)) return;
    const known = new Set(this.cases.map((c) => c.id));
    const ids = [...(saved.chosen ?? []), ...(saved.order ?? []), ...(saved.attempts ?? []).map((a) => a.caseId)];
    if (!ids.every((id) => known.has(id))) return;
    this.trainee = typeof saved.trainee === 'string' ? saved.trainee : '';
    this.chosen = saved.chosen ?? this.chosen;
    this.order = saved.order ?? [];
    this.attempts = saved.attempts ?? [];
    this.phase = saved.phase;
    if (this.phase === 'running') {
      if (this.currentId === null) {
        this.phase = 'setup';
        return;
      }
      this.#trainer.select(this.currentId);
      this.#trainer.events = saved.current ?? [];
    }
  }
}
