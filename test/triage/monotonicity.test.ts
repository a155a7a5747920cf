import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  COMBINATIONS,
  LEVELS,
  QUESTIONS,
  assess,
  compileOutcomeTable,
  defaultPolicy,
  policySchema,
  type Answers,
  type Policy,
  type TableContext,
} from '../../src/triage/index.ts';

const level = fc.constantFrom(...LEVELS);
const answers: fc.Arbitrary<Answers> = fc.record(Object.fromEntries(QUESTIONS.map((q) => [q, level])) as Record<keyof Answers, typeof level>);
const context: fc.Arbitrary<TableContext> = fc.record({ domesticAbuse: fc.boolean(), stalking: fc.boolean(), missingFromCare: fc.boolean() });
const grade = fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const);

/** Non-decreasing weights: three non-negative steps added up. */
const weights = fc.tuple(fc.nat(6), fc.nat(6), fc.nat(6)).map(([a, b, c]) => ({ low: a, medium: a + b, high: a + b + c }));
const conditions = fc
  .subarray([...QUESTIONS], { minLength: 1, maxLength: 3 })
  .chain((qs) => fc.tuple(...qs.map(() => fc.constantFrom('low' as const, 'medium' as const, 'high' as const))).map((ls) => Object.fromEntries(qs.map((q, i) => [q, ls[i]]))));

/** Any policy the schema accepts: generated raw, then parsed, so the generator cannot drift from the schema. */
const policy: fc.Arbitrary<Policy> = fc
  .record({
    weights: fc.tuple(...QUESTIONS.map(() => weights)),
    cuts: fc.tuple(fc.integer({ min: 1, max: 10 }), fc.nat(10), fc.nat(10)),
    rules: fc.array(fc.record({ when: conditions, grade, because: fc.constant('a rule') }), { maxLength: 6 }),
    referral: conditions,
    da: grade,
    stalking: grade,
    minPresent: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
    stalkingWhen: fc.option(conditions, { nil: undefined }),
  })
  .map((r) =>
    policySchema.parse({
      name: 'generated',
      weights: Object.fromEntries(QUESTIONS.map((q, i) => [q, r.weights[i]])),
      thresholds: { scheduled: r.cuts[0], priority: r.cuts[0] + r.cuts[1], emergency: r.cuts[0] + r.cuts[1] + r.cuts[2] },
      rules: r.rules,
      referral: { when: r.referral, minutes: 10, because: 'partner agency' },
      domesticAbuse: { dashMinutes: 20, leastUrgentGrade: r.da },
      stalking: { fourMinutes: 5, minPresent: r.minPresent, leastUrgentGrade: r.stalking, ...(r.stalkingWhen ? { when: r.stalkingWhen } : {}) },
    }),
  );

const four = fc.record({ fixated: fc.boolean(), obsessive: fc.boolean(), unwanted: fc.boolean(), repeated: fc.boolean() });

describe('monotonicity', () => {
  it('the compiled default table never gives a less urgent grade when any answer rises one level', () => {
    for (const ctx of [{}, { domesticAbuse: true }, { stalking: true }, { missingFromCare: true }] as TableContext[]) {
      const table = compileOutcomeTable(defaultPolicy, ctx);
      for (let index = 0; index < COMBINATIONS; index++) {
        for (let q = 0; q < QUESTIONS.length; q++) {
          const place = 4 ** q;
          if (Math.floor(index / place) % 4 === 3) continue;
          expect(table[index + place]!.grade, `raising ${QUESTIONS[q]} at ${index}`).toBeLessThanOrEqual(table[index]!.grade);
        }
      }
    }
  });

  it('holds for every valid policy, context and pair of answers where one dominates the other', () => {
    fc.assert(
      fc.property(policy, context, four, answers, answers, (p, ctx, markers, a, b) => {
        const higher = Object.fromEntries(QUESTIONS.map((q) => [q, LEVELS[Math.max(LEVELS.indexOf(a[q]), LEVELS.indexOf(b[q]))]])) as Answers;
        const c = { ...ctx, four: markers };
        expect(assess(p, c, higher).outcome.grade).toBeLessThanOrEqual(assess(p, c, a).outcome.grade);
      }),
      { numRuns: 300 },
    );
  });

  it('grades a high threat 1 and all answers "none" 4 (without context flags) under every valid policy', () => {
    fc.assert(
      fc.property(policy, answers, (p, a) => {
        expect(assess(p, {}, { ...a, threat: 'high' }).outcome.grade).toBe(1);
        const none = Object.fromEntries(QUESTIONS.map((q) => [q, 'none'])) as Answers;
        expect(assess(p, {}, none).outcome.grade).toBe(4);
      }),
      { numRuns: 200 },
    );
  });
});
