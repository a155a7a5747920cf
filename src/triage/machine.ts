/**
 * THRIVE as an XState v5 statechart: the one definition of how an assessment runs. The call-taker
 * answers threat, harm, risk, investigation, vulnerability and engagement in turn; a high threat goes
 * straight to grade 1; a child missing from care skips the vulnerability question (high by default);
 * domestic abuse adds a DASH risk assessment and stalking the FOUR questions (fixated, obsessive,
 * unwanted, repeated) before grading. Guards and actions are named and pure (assign only), so the
 * pure `transition` function can run the machine without an actor — see compile.ts.
 */
import { assign, setup } from 'xstate';
import type { Level, Question, TriageOutcome } from './levels.ts';
import { gradeAssessment, immediateThreatOutcome, type Assessment, type FourItem, type TriageFlags } from './policy.ts';
import type { Policy } from './schema.ts';

export interface TriageInput {
  policy: Policy;
  flags: TriageFlags;
}

export interface TriageContext extends Assessment {
  policy: Policy;
  outcome: TriageOutcome | null;
}

export type TriageEvent =
  | { type: 'ANSWER'; level: Level }
  | { type: 'COMPLETE_DASH' }
  | { type: 'FOUR_ANSWER'; present: boolean };

function answer(question: Question) {
  return { type: 'recordAnswer', params: { question } } as const;
}

function fourStep(item: FourItem, target: string) {
  return { on: { FOUR_ANSWER: { target, actions: { type: 'recordFour', params: { item } } } } } as const;
}

export const thriveMachine = setup({
  types: {
    context: {} as TriageContext,
    events: {} as TriageEvent,
    input: {} as TriageInput,
    output: {} as TriageOutcome,
  },
  guards: {
    isImmediateThreat: ({ event }) => event.type === 'ANSWER' && event.level === 'high',
    isMissingFromCare: ({ context }) => context.flags.missingFromCare,
    needsDash: ({ context }) => context.flags.domesticAbuse,
    needsFour: ({ context }) => context.flags.stalking,
  },
  actions: {
    recordAnswer: assign({
      answers: ({ context, event }, params: { question: Question }) =>
        event.type === 'ANSWER' ? { ...context.answers, [params.question]: event.level } : context.answers,
    }),
    assumeHighVulnerability: assign({
      answers: ({ context }) => ({ ...context.answers, vulnerability: 'high' as const }),
    }),
    recordDash: assign({ dashDone: true }),
    recordFour: assign({
      four: ({ context, event }, params: { item: FourItem }) =>
        event.type === 'FOUR_ANSWER' ? { ...context.four, [params.item]: event.present } : context.four,
    }),
    gradeImmediateThreat: assign({ outcome: ({ context }) => immediateThreatOutcome(context.flags) }),
    gradeAnswers: assign({ outcome: ({ context }) => gradeAssessment(context.policy, context) }),
  },
}).createMachine({
  id: 'thrive',
  initial: 'threat',
  context: ({ input }) => ({ policy: input.policy, flags: input.flags, answers: {}, dashDone: false, four: {}, outcome: null }),
  output: ({ context }) => {
    if (context.outcome === null) throw new Error('THRIVE machine finished without an outcome');
    return context.outcome;
  },
  states: {
    threat: {
      on: {
        ANSWER: [
          { guard: 'isImmediateThreat', target: 'outcome', actions: [answer('threat'), 'gradeImmediateThreat'] },
          { target: 'harm', actions: answer('threat') },
        ],
      },
    },
    harm: { on: { ANSWER: { target: 'risk', actions: answer('harm') } } },
    risk: { on: { ANSWER: { target: 'investigation', actions: answer('risk') } } },
    investigation: { on: { ANSWER: { target: 'vulnerability', actions: answer('investigation') } } },
    vulnerability: {
      always: { guard: 'isMissingFromCare', target: 'engagement', actions: 'assumeHighVulnerability' },
      on: { ANSWER: { target: 'engagement', actions: answer('vulnerability') } },
    },
    engagement: {
      on: {
        ANSWER: [
          { guard: 'needsDash', target: 'dash', actions: answer('engagement') },
          { guard: 'needsFour', target: 'four', actions: answer('engagement') },
          { target: 'outcome', actions: [answer('engagement'), 'gradeAnswers'] },
        ],
      },
    },
    dash: {
      on: {
        COMPLETE_DASH: [
          { guard: 'needsFour', target: 'four', actions: 'recordDash' },
          { target: 'outcome', actions: ['recordDash', 'gradeAnswers'] },
        ],
      },
    },
    four: {
      initial: 'fixated',
      states: {
        fixated: fourStep('fixated', 'obsessive'),
        obsessive: fourStep('obsessive', 'unwanted'),
        unwanted: fourStep('unwanted', 'repeated'),
        repeated: {
          on: { FOUR_ANSWER: { target: '#thrive.outcome', actions: [{ type: 'recordFour', params: { item: 'repeated' } }, 'gradeAnswers'] } },
        },
      },
    },
    outcome: { type: 'final' },
  },
});
