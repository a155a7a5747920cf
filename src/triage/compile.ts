/**
 * Running the statechart without an actor. `currentStep` says what the machine is waiting for, and
 * `compileOutcomeTable` walks every combination of the six answers (4^6 = 4096) through the
 * machine's pure `transition` function, sharing prefixes as a tree so each transition is taken once.
 * The simulation then looks outcomes up by index instead of running a machine per call.
 */
import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import { COMBINATIONS, LEVELS, QUESTIONS, type Answers, type Question, type TriageOutcome } from './levels.ts';
import { thriveMachine, type TriageEvent } from './machine.ts';
import type { FourItem, TriageFlags } from './policy.ts';
import type { Policy } from './schema.ts';

export type TriageSnapshot = SnapshotFrom<typeof thriveMachine>;

export type Step =
  | { kind: 'question'; question: Question }
  | { kind: 'dash' }
  | { kind: 'four'; item: FourItem }
  | { kind: 'done'; outcome: TriageOutcome };

export type FourAnswers = Partial<Record<FourItem, boolean>>;

/** The call's context for a table: flags default to false; without `four`, all FOUR markers are present. */
export interface TableContext extends Partial<TriageFlags> {
  four?: FourAnswers;
}

export function flagsOf(context: TableContext): TriageFlags {
  return {
    domesticAbuse: context.domesticAbuse ?? false,
    stalking: context.stalking ?? false,
    missingFromCare: context.missingFromCare ?? false,
  };
}

export function startAssessment(policy: Policy, flags: TriageFlags): TriageSnapshot {
  return initialTransition(thriveMachine, { policy, flags })[0];
}

export function currentStep(snapshot: TriageSnapshot): Step {
  if (snapshot.status === 'done') return { kind: 'done', outcome: snapshot.output };
  const value = snapshot.value;
  if (typeof value === 'object') return { kind: 'four', item: value.four };
  if (value === 'dash') return { kind: 'dash' };
  if (value === 'outcome') throw new Error('THRIVE machine is in its final state but not done');
  return { kind: 'question', question: value };
}

/** The event that answers a step from a full set of answers and the FOUR markers (all, if not given). */
export function eventFor(step: Step, answers: Answers, four?: FourAnswers): TriageEvent {
  return step.kind === 'question' ? { type: 'ANSWER', level: answers[step.question] } : followUpEvent(step, four);
}

/** The event for a step after the six questions: DASH done, or a FOUR marker present or not. */
function followUpEvent(step: Step, four?: FourAnswers): TriageEvent {
  if (step.kind === 'dash') return { type: 'COMPLETE_DASH' };
  if (step.kind === 'four') return { type: 'FOUR_ANSWER', present: four ? four[step.item] === true : true };
  throw new Error(`THRIVE machine has no follow-up at step "${step.kind}"`);
}

/** Runs one assessment through the pure transition function, returning every step it took. */
export function assess(policy: Policy, context: TableContext, answers: Answers): { steps: Step[]; outcome: TriageOutcome } {
  let snapshot = startAssessment(policy, flagsOf(context));
  const steps: Step[] = [];
  for (let step = currentStep(snapshot); step.kind !== 'done'; step = currentStep(snapshot)) {
    steps.push(step);
    snapshot = transition(thriveMachine, snapshot, eventFor(step, answers, context.four))[0];
  }
  const done = currentStep(snapshot);
  if (done.kind !== 'done') throw new Error('unreachable');
  steps.push(done);
  return { steps, outcome: done.outcome };
}

/**
 * Outcome for every combination of answers; index = Σ levelIndex_i · 4^i in QUESTIONS order.
 * Outcomes are frozen and shared between the combinations that reach the same final snapshot.
 */
export function compileOutcomeTable(policy: Policy, context: TableContext = {}): TriageOutcome[] {
  const table = new Array<TriageOutcome>(COMBINATIONS);
  const finish = (snapshot: TriageSnapshot): TriageOutcome => {
    for (let step = currentStep(snapshot); ; step = currentStep(snapshot)) {
      if (step.kind === 'done') return Object.freeze(step.outcome);
      snapshot = transition(thriveMachine, snapshot, followUpEvent(step, context.four))[0];
    }
  };
  const walk = (snapshot: TriageSnapshot, depth: number, base: number): void => {
    if (depth === QUESTIONS.length) {
      table[base] = finish(snapshot);
      return;
    }
    const step = currentStep(snapshot);
    const asked = step.kind === 'question' && step.question === QUESTIONS[depth];
    LEVELS.forEach((level, i) => {
      const next = asked ? transition(thriveMachine, snapshot, { type: 'ANSWER', level })[0] : snapshot;
      walk(next, depth + 1, base + i * 4 ** depth);
    });
  };
  walk(startAssessment(policy, flagsOf(context)), 0, 0);
  return table;
}

/**
 * Every snapshot of an assessment driven by a list of events, from the first question on. The
 * trainer keeps only the trainee's events and replays them, so changing the policy (or a "what if"
 * threshold) regrades the same answers at once, through the machine itself.
 */
export function replay(policy: Policy, flags: TriageFlags, events: readonly TriageEvent[]): TriageSnapshot[] {
  const snapshots = [startAssessment(policy, flags)];
  for (const event of events) snapshots.push(transition(thriveMachine, snapshots[snapshots.length - 1]!, event)[0]);
  return snapshots;
}
