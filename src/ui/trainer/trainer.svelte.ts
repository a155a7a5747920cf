/**
 * State of the THRIVE trainer screen. It drives a real actor of the statechart for the chosen case,
 * so the questions appear in the order (and with the branches) the machine takes; the component only
 * renders this class. It keeps the trainee's pending choice, the states visited (the path shown on
 * the statechart view) and, at the end, the comparison with the case's expected answers and grade.
 */
import { createActor, type Actor } from 'xstate';
import {
  LEVELS,
  QUESTIONS,
  currentStep,
  stateKeyOf,
  thriveMachine,
  type Level,
  type Policy,
  type Question,
  type TrainingCase,
  type TriageSnapshot,
} from '../../triage/index.ts';

export type Choice = Level | 'yes' | 'no';

export interface AnswerReview {
  question: Question;
  given: Level | undefined;
  expected: Level;
}

export class TrainerState {
  readonly #cases: () => readonly TrainingCase[];
  readonly #policy: () => Policy;
  #actor: Actor<typeof thriveMachine> | null = null;

  selectedId = $state('');
  choice = $state<Choice | null>(null);
  snapshot = $state.raw<TriageSnapshot | null>(null);
  visited = $state.raw<readonly string[]>([]);

  selected = $derived(this.cases.find((c) => c.id === this.selectedId) ?? null);
  step = $derived(this.snapshot ? currentStep(this.snapshot) : null);
  current = $derived(this.snapshot ? stateKeyOf(this.snapshot.value) : null);
  outcome = $derived(this.step?.kind === 'done' ? this.step.outcome : null);
  matchesExpected = $derived(this.outcome !== null && this.outcome.grade === this.selected?.expectedGrade);
  review = $derived.by((): AnswerReview[] => {
    const c = this.selected;
    const answers = this.snapshot?.context.answers ?? {};
    return c ? QUESTIONS.map((question) => ({ question, given: answers[question], expected: c.expectedAnswers[question] })) : [];
  });

  constructor(cases: () => readonly TrainingCase[], policy: () => Policy) {
    this.#cases = cases;
    this.#policy = policy;
  }

  get cases(): readonly TrainingCase[] {
    return this.#cases();
  }

  /** Starts (or restarts) the assessment of a case; an empty id clears the screen. */
  select(id: string): void {
    this.dispose();
    this.selectedId = id;
    this.choice = null;
    this.visited = [];
    this.snapshot = null;
    const c = this.cases.find((x) => x.id === id);
    if (!c) return;
    const flags = { domesticAbuse: !!c.context.domesticAbuse, stalking: !!c.context.stalking, missingFromCare: !!c.context.missingFromCare };
    const actor = createActor(thriveMachine, { input: { policy: this.#policy(), flags } });
    actor.subscribe((snapshot) => {
      this.snapshot = snapshot;
      this.visited = [...this.visited, stateKeyOf(snapshot.value)];
    });
    this.#actor = actor;
    actor.start();
  }

  restart(): void {
    this.select(this.selectedId);
  }

  /** Sends the pending choice as the answer to the step the machine is waiting on. */
  submit(): void {
    const step = this.step;
    const choice = this.choice;
    const level = LEVELS.find((l) => l === choice);
    if (!this.#actor || !step) return;
    if (step.kind === 'dash') this.#actor.send({ type: 'COMPLETE_DASH' });
    else if (step.kind === 'four' && (choice === 'yes' || choice === 'no')) this.#actor.send({ type: 'FOUR_ANSWER', present: choice === 'yes' });
    else if (step.kind === 'question' && level) this.#actor.send({ type: 'ANSWER', level });
    else return;
    this.choice = null;
  }

  dispose(): void {
    this.#actor?.stop();
    this.#actor = null;
  }
}
