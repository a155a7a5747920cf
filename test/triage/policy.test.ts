import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { formatProblem, problemsFromZod } from '../../src/shared/problems.ts';
import { answerMixSchema, defaultPolicy, policySchema, triageConfigSchema } from '../../src/triage/index.ts';

/** Problems as the CLI and the scenario loader print them (shared formatter, inputs reported). */
function problems(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return [];
  return problemsFromZod(result.error).map(formatProblem);
}

const clone = () => structuredClone(defaultPolicy) as Record<string, unknown> & typeof defaultPolicy;

describe('policySchema', () => {
  it('accepts the default policy', () => {
    expect(problems(policySchema, defaultPolicy)).toEqual([]);
  });

  it('names the field and the bad level in a rule', () => {
    const p = clone();
    (p.rules[0]!.when as Record<string, string>)['harm'] = 'hgih';
    expect(problems(policySchema, p)).toEqual(['rules.0.when.harm: expected one of low|medium|high, got "hgih"']);
  });

  it('rejects weights that would let more concern score less (a non-monotone policy)', () => {
    const p = clone();
    p.weights.harm = { low: 3, medium: 2, high: 6 };
    expect(problems(policySchema, p)).toEqual(['weights.harm.medium: must be ≥ low (3): more concern may never score less, got 2']);
  });

  it('rejects thresholds out of order and a scheduled threshold that would grade all "none" above 4', () => {
    const p = clone();
    p.thresholds = { scheduled: 0, priority: 9, emergency: 5 };
    expect(problems(policySchema, p)).toEqual([
      'thresholds.scheduled: expected a score > 0 (all answers "none" must be grade 4), got 0',
      'thresholds.emergency: must be ≥ priority (9), got 5',
    ]);
  });

  it('names unknown fields, wrong types and missing fields', () => {
    const p = clone();
    p['colour'] = 'blue';
    (p.domesticAbuse as Record<string, unknown>)['dashMinutes'] = '20';
    delete (p as Record<string, unknown>)['stalking'];
    expect(problems(policySchema, p)).toEqual([
      'domesticAbuse.dashMinutes: expected a number of minutes, got "20"',
      'stalking: expected stalking { fourMinutes, minPresent, when?, leastUrgentGrade }, got nothing',
      'unknown field "colour"',
    ]);
  });

  it('rejects a rule with no conditions, which would apply to every call', () => {
    const p = clone();
    p.rules = [{ when: {}, grade: 1, because: 'always' }];
    expect(problems(policySchema, p)).toEqual(['rules.0.when: expected at least one question, e.g. { "harm": "high" }, got {}']);
  });
});

describe('answerMixSchema', () => {
  const row = [0.25, 0.25, 0.25, 0.25];
  const mix = { threat: row, harm: row, risk: row, investigation: row, vulnerability: row, engagement: row };

  it('rejects probabilities that do not sum to 1, and arrays of the wrong length', () => {
    expect(problems(answerMixSchema, { asb: { ...mix, harm: [0.5, 0.5, 0.5, 0], risk: [1] } })).toEqual([
      'asb.harm: expected probabilities summing to 1, got [0.5,0.5,0.5,0] (sum 1.5)',
      'asb.risk: expected 4 probabilities [none, low, medium, high], got a list of 1',
    ]);
  });

  it('accepts context flags as booleans or probabilities and rejects anything else', () => {
    expect(problems(answerMixSchema, { x: { ...mix, context: { domesticAbuse: true, stalking: 0.2 } } })).toEqual([]);
    expect(problems(answerMixSchema, { x: { ...mix, context: { stalking: 'yes' } } })).toEqual([
      'x.context.stalking: expected true, false or a probability 0–1, got "yes"',
    ]);
  });
});

describe('triageConfigSchema', () => {
  it('defaults to disabled with no policy or mix', () => {
    expect(triageConfigSchema.parse({})).toEqual({ enabled: false });
  });
});
