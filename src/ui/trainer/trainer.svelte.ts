/**
 * State of the THRIVE trainer screen. It keeps the trainee's answers as machine events and replays
 * them through the statechart's pure transition function under the policy in use: the open
 * scenario's policy (or the default, by choice), with any "what if" thresholds on top. So changing
 * a threshold regrades the same answers at once, and the expected answers are graded under the same
 * policy as the trainee's. The component only renders this class.
 */
import {
  LEVELS,
  QUESTIONS,
  assess,
  currentStep,
  defaultPolicy,
  explainAssessment,
  policySchema,
  replay,
  stateKeyOf,
  type Level,
  type Policy,
  type Question,
  type TrainingCase,
  type TriageEvent,
  type TriageFlags,
  type TriageOutcome,
} from '../../triage/index.ts';
import { browserStore, loadKept, saveKept, type KeptStore } from './kept.ts';

export type Choice = Level | 'yes' | 'no';

export interface AnswerReview {
  question: Question;
  given: Level | undefined;
  expected: Level;
  differs: boolean;
}

/** The open scenario's policy as the trainer sees it: none set, a valid one, or one with problems. */
export interface ScenarioPolicy {
  scenarioName: string;
  /** Null when the scenario sets no policy (the default applies) or its policy has problems. */
  policy: Policy | null;
  problem?: string;
}

export type PolicySource = 'scenario' | 'default';
export const THRESHOLDS = ['scheduled', 'priority', 'emergency'] as const;
export type Threshold = (typeof THRESHOLDS)[number];

export function flagsOf(c: TrainingCase): TriageFlags {
  return { domesticAbuse: !!c.context.domesticAbuse, stalking: !!c.context.stalking, missingFromCare: !!c.context.missingFromCare };
}

export const TRAINER_KEY = 'occsim.trainer';

/** What is kept between visits: the policy choice, the "what if" thresholds as typed, and the case in hand with its answers. */
interface Saved {
  source: PolicySource;
  whatIf: Record<Threshold, string>;
  selectedId: string;
  events: TriageEvent[];
}

export class TrainerState {
  readonly #cases: () => readonly TrainingCase[];
  readonly #scenario: () => ScenarioPolicy | null;
  readonly #store: KeptStore | null;

  selectedId = $state('');
  choice = $state<Choice | null>(null);
  events = $state.raw<readonly TriageEvent[]>([]);
  source = $state<PolicySource>('scenario');
  /** "What if" thresholds as typed; empty means the policy's own. */
  whatIf = $state<Record<Threshold, string>>({ scheduled: '', priority: '', emergency: '' });

  selected = $derived(this.cases.find((c) => c.id === this.selectedId) ?? null);
  /** The scenario's policy, when it has one that parses and the trainer has not chosen the default. */
  usesScenario = $derived(this.source === 'scenario' && this.scenario?.policy != null);
  basePolicy = $derived(this.usesScenario ? this.scenario!.policy! : defaultPolicy);
  whatIfResult = $derived.by(() => {
    const typed = THRESHOLDS.filter((t) => this.whatIf[t].trim() !== '');
    if (typed.length === 0) return { policy: this.basePolicy, changed: [] as Threshold[], problems: [] as string[] };
    const thresholds: Record<string, unknown> = { ...this.basePolicy.thresholds };
    for (const t of typed) thresholds[t] = Number.isFinite(Number(this.whatIf[t])) ? Number(this.whatIf[t]) : this.whatIf[t];
    const parsed = policySchema.safeParse({ ...this.basePolicy, thresholds });
    if (!parsed.success) {
      return { policy: this.basePolicy, changed: [] as Threshold[], problems: parsed.error.issues.map((i) => `${String(i.path.at(-1) ?? 'thresholds')}: ${i.message}`) };
    }
    const changed = THRESHOLDS.filter((t) => parsed.data.thresholds[t] !== this.basePolicy.thresholds[t]);
    return { policy: parsed.data, changed, problems: [] as string[] };
  });
  policy = $derived(this.whatIfResult.policy);
  /** The policy in words, for the screen: which one, and where it came from. */
  policyName = $derived.by(() => {
    const base = this.usesScenario
      ? `“${this.basePolicy.name}”, the policy of the open scenario “${this.scenario!.scenarioName}”`
      : `“${defaultPolicy.name}”, the default policy`;
    const whatIf = this.whatIfResult.changed.map((t) => `${t} from ${this.policy.thresholds[t]} (policy: ${this.basePolicy.thresholds[t]})`);
    return whatIf.length ? `${base}, what if ${whatIf.join(', ')}` : base;
  });

  snapshots = $derived(this.selected ? replay(this.policy, flagsOf(this.selected), this.events) : []);
  snapshot = $derived(this.snapshots.at(-1) ?? null);
  step = $derived(this.snapshot ? currentStep(this.snapshot) : null);
  current = $derived(this.snapshot ? stateKeyOf(this.snapshot.value) : null);
  visited = $derived(this.snapshots.map((s) => stateKeyOf(s.value)));
  outcome = $derived(this.step?.kind === 'done' ? this.step.outcome : null);
  explanation = $derived(this.outcome && this.snapshot ? explainAssessment(this.policy, this.snapshot.context) : null);
  /** What the case's expected answers give under the policy in use (the case file assumes the default). */
  expected = $derived.by((): TriageOutcome | null => {
    const c = this.selected;
    return c ? assess(this.policy, { ...flagsOf(c), four: c.four }, c.expectedAnswers).outcome : null;
  });
  matchesExpected = $derived(this.outcome !== null && this.outcome.grade === this.expected?.grade);
  review = $derived.by((): AnswerReview[] => {
    const c = this.selected;
    const answers = this.snapshot?.context.answers ?? {};
    return c
      ? QUESTIONS.map((question) => {
          const given = answers[question];
          return { question, given, expected: c.expectedAnswers[question], differs: given !== undefined && given !== c.expectedAnswers[question] };
        })
      : [];
  });

  constructor(cases: () => readonly TrainingCase[], scenario: () => ScenarioPolicy | null = () => null, store: KeptStore | null = browserStore(TRAINER_KEY)) {
    this.#cases = cases;
    this.#scenario = scenario;
    this.#store = store;
    this.#restore();
  }

  /** Keeps the trainer's state. The component calls it in an effect, so every answer and threshold typed is kept as it happens. */
  save(): void {
    const saved: Saved = { source: this.source, whatIf: { ...this.whatIf }, selectedId: this.selectedId, events: [...this.events] };
    saveKept(this.#store, saved);
  }

  /** Picks up what was kept, field by field; a case no longer in the library, or answers that no longer replay, are dropped. */
  #restore(): void {
    const saved = loadKept(this.#store) as Partial<Saved> | null;
    if (typeof saved !== 'object' || saved === null) return;
    if (saved.source === 'scenario' || saved.source === 'default') this.source = saved.source;
    for (const t of THRESHOLDS) if (typeof saved.whatIf?.[t] === 'string') this.whatIf[t] = saved.whatIf[t];
    const c = this.cases.find((x) => x.id === saved.selectedId);
    if (!c) return;
    const events = Array.isArray(saved.events) ? saved.events : [];
    try {
      replay(this.policy, flagsOf(c), events);
    } catch {
      return this.select(c.id);
    }
    this.selectedId = c.id;
    this.events = events;
  }

  get cases(): readonly TrainingCase[] {
    return this.#cases();
  }

  get scenario(): ScenarioPolicy | null {
    return this.#scenario();
  }

  /** Starts (or restarts) the assessment of a case; an empty id clears the screen. */
  select(id: string): void {
    this.selectedId = id;
    this.choice = null;
    this.events = [];
  }

  restart(): void {
    this.select(this.selectedId);
  }

  /** Sends the pending choice as the answer to the step the machine is waiting on. */
  submit(): void {
    const step = this.step;
    const choice = this.choice;
    const level = LEVELS.find((l) => l === choice);
    let event: TriageEvent;
    if (!step) return;
    if (step.kind === 'dash') event = { type: 'COMPLETE_DASH' };
    else if (step.kind === 'four' && (choice === 'yes' || choice === 'no')) event = { type: 'FOUR_ANSWER', present: choice === 'yes' };
    else if (step.kind === 'question' && level) event = { type: 'ANSWER', level };
    else return;
    this.events = [...this.events, event];
    this.choice = null;
  }
}

/** The trainer's view of a scenario's policy as drafted: none, valid, or with its first problem in words. */
export function scenarioPolicyOf(scenarioName: string, drafted: unknown): ScenarioPolicy {
  if (drafted === undefined) return { scenarioName, policy: null };
  const parsed = policySchema.safeParse(drafted);
  if (parsed.success) return { scenarioName, policy: parsed.data };
  const first = parsed.error.issues[0];
  return { scenarioName, policy: null, problem: first ? `triage.policy.${first.path.map(String).join('.')}: ${first.message}` : 'not a valid policy' };
}
