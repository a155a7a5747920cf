import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import {
  COMBINATIONS,
  FOUR_ITEMS,
  QUESTIONS,
  answersToIndex,
  compileOutcomeTable,
  defaultPolicy,
  indexToAnswers,
  thriveMachine,
  type Answers,
  type TableContext,
  type TriageOutcome,
} from '../../src/triage/index.ts';

/** Drives a real actor with the answers, independently of compile.ts's stepping. */
function actorOutcome(context: TableContext, answers: Answers): TriageOutcome {
  const flags = { domesticAbuse: !!context.domesticAbuse, stalking: !!context.stalking, missingFromCare: !!context.missingFromCare };
  const actor = createActor(thriveMachine, { input: { policy: defaultPolicy, flags } }).start();
  for (const q of QUESTIONS) {
    if (actor.getSnapshot().matches(q)) actor.send({ type: 'ANSWER', level: answers[q] });
  }
  if (actor.getSnapshot().matches('dash')) actor.send({ type: 'COMPLETE_DASH' });
  for (const item of FOUR_ITEMS) {
    if (actor.getSnapshot().matches({ four: item })) actor.send({ type: 'FOUR_ANSWER', present: context.four ? context.four[item] === true : true });
  }
  const snapshot = actor.getSnapshot();
  if (snapshot.status !== 'done') throw new Error(`actor stuck in ${JSON.stringify(snapshot.value)}`);
  return snapshot.output;
}

describe('compileOutcomeTable', () => {
  it('indexes answers as Σ levelIndex · 4^i in QUESTIONS order', () => {
    expect(answersToIndex(indexToAnswers(0))).toBe(0);
    expect(indexToAnswers(1).threat).toBe('low');
    expect(indexToAnswers(4 ** 5 * 3).engagement).toBe('high');
    for (let i = 0; i < COMBINATIONS; i += 97) expect(answersToIndex(indexToAnswers(i))).toBe(i);
  });

  const contexts: TableContext[] = [
    {},
    { domesticAbuse: true },
    { stalking: true, four: { fixated: true, unwanted: true } },
    { domesticAbuse: true, stalking: true },
    { missingFromCare: true },
  ];
  for (const context of contexts) {
    it(`agrees with the machine on all 4096 combinations for context ${JSON.stringify(context)}`, () => {
      const table = compileOutcomeTable(defaultPolicy, context);
      expect(table).toHaveLength(COMBINATIONS);
      for (let index = 0; index < COMBINATIONS; index++) {
        expect(table[index], `combination ${index}`).toEqual(actorOutcome(context, indexToAnswers(index)));
      }
    });
  }

  it('says an outcome sends an officer exactly for grades 1–3, whatever the context', () => {
    const seen = new Set<string>();
    for (const context of contexts)
      for (const outcome of compileOutcomeTable(defaultPolicy, context)) {
        expect(outcome.sendsOfficer, outcome.rationale).toBe(outcome.grade <= 3);
        seen.add(`${outcome.response} ${outcome.sendsOfficer}`);
      }
    // Both kinds of grade-4 outcome, and every kind that sends an officer, were met.
    expect([...seen].sort()).toEqual(['appointment true', 'deploy-now true', 'refer false', 'resolve-by-phone false', 'within-hour true']);
  });
});
