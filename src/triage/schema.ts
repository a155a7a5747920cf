/**
 * The THRIVE input formats, validated at the door: a grading policy (which answers lead to which
 * grade), an answer mix (per call type, how likely each level of concern is for each question) and
 * the scenario's `triage` block. Every message says what was expected and what was found, so a
 * trainer editing a policy file by hand can fix it from the error alone. A policy that would let more
 * concern give a less urgent grade is rejected here, not discovered later in a table.
 */
import { z } from '../shared/zod.ts';
import { shown } from '../shared/problems.ts';
import { LEVELS, QUESTIONS } from './levels.ts';

/** Error option for a schema: "expected <what>, got <input>". */
function expecting(what: string) {
  return { error: (issue: { input?: unknown }) => `expected ${what}, got ${shown(issue.input)}` };
}

/** An object that names unknown keys (a typo in a policy file must not pass silently). */
function record<const S extends z.core.$ZodLooseShape>(shape: S, what: string) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`
        : `expected ${what}, got ${shown(issue.input)}`,
  });
}

const minutes = z.number(expecting('a number of minutes')).min(0, expecting('minutes ≥ 0'));
const weight = z.number(expecting('a weight (number ≥ 0)')).min(0, expecting('a weight ≥ 0'));
const grade = z.literal([1, 2, 3, 4], expecting('a grade 1|2|3|4'));
const sentence = z.string(expecting('a sentence of text')).min(1, expecting('a non-empty sentence'));

export const levelSchema = z.enum(LEVELS, expecting('one of none|low|medium|high'));
const concern = z.enum(['low', 'medium', 'high'], expecting('one of low|medium|high'));

/** Score added by an answer at each level of concern ("none" always scores 0). */
const weightsSchema = record({ low: weight, medium: weight, high: weight }, 'weights { low, medium, high }').superRefine(
  (w, ctx) => {
    if (w.medium < w.low) {
      ctx.addIssue({ code: 'custom', path: ['medium'], input: w.medium, message: `must be ≥ low (${w.low}): more concern may never score less, got ${w.medium}` });
    }
    if (w.high < w.medium) {
      ctx.addIssue({ code: 'custom', path: ['high'], input: w.high, message: `must be ≥ medium (${w.medium}): more concern may never score less, got ${w.high}` });
    }
  },
);

/** Answers at or above these levels; a rule applies only when all of them hold. */
const conditionsSchema = record(
  Object.fromEntries(QUESTIONS.map((q) => [q, concern.optional()])) as Record<(typeof QUESTIONS)[number], z.ZodOptional<typeof concern>>,
  'conditions such as { "harm": "high" }',
).refine((c) => Object.values(c).some((level) => level !== undefined), {
  message: 'expected at least one question, e.g. { "harm": "high" }, got {}',
});

const ruleSchema = record(
  { when: conditionsSchema, grade, because: sentence },
  'a rule { when, grade, because }',
);

export const policySchema = record(
  {
    name: sentence,
    description: sentence.optional(),
    weights: record(
      Object.fromEntries(QUESTIONS.map((q) => [q, weightsSchema])) as Record<(typeof QUESTIONS)[number], typeof weightsSchema>,
      'weights for threat, harm, risk, investigation, vulnerability, engagement',
    ),
    thresholds: record(
      {
        scheduled: z.number(expecting('a score')).gt(0, expecting('a score > 0 (all answers "none" must be grade 4)')),
        priority: z.number(expecting('a score')),
        emergency: z.number(expecting('a score')),
      },
      'thresholds { scheduled, priority, emergency }',
    ).superRefine((t, ctx) => {
      if (t.priority < t.scheduled) {
        ctx.addIssue({ code: 'custom', path: ['priority'], input: t.priority, message: `must be ≥ scheduled (${t.scheduled}), got ${t.priority}` });
      }
      if (t.emergency < t.priority) {
        ctx.addIssue({ code: 'custom', path: ['emergency'], input: t.emergency, message: `must be ≥ priority (${t.priority}), got ${t.emergency}` });
      }
    }),
    rules: z.array(ruleSchema, expecting('a list of rules')).default([]),
    referral: record({ when: conditionsSchema, minutes, because: sentence }, 'a referral { when, minutes, because }'),
    domesticAbuse: record({ dashMinutes: minutes, leastUrgentGrade: grade }, 'domesticAbuse { dashMinutes, leastUrgentGrade }'),
    stalking: record(
      {
        fourMinutes: minutes,
        minPresent: z.literal([1, 2, 3, 4], expecting('how many of the FOUR must be present, 1|2|3|4')),
        /** The answers that must also hold for the floor (the cause beyond the markers); none: markers alone. */
        when: conditionsSchema.optional(),
        leastUrgentGrade: grade,
      },
      'stalking { fourMinutes, minPresent, when?, leastUrgentGrade }',
    ),
  },
  'a THRIVE policy object',
);
export type Policy = z.infer<typeof policySchema>;
export type Conditions = z.infer<typeof conditionsSchema>;

const probability = z.number(expecting('a probability')).min(0, expecting('a probability 0–1')).max(1, expecting('a probability 0–1'));
const levelProbabilities = z
  .array(probability, expecting('4 probabilities [none, low, medium, high]'))
  .length(4, expecting('4 probabilities [none, low, medium, high]'))
  .refine((p) => Math.abs(p.reduce((a, b) => a + b, 0) - 1) <= 1e-6, {
    error: (issue) => `expected probabilities summing to 1, got ${JSON.stringify(issue.input)} (sum ${(issue.input as number[]).reduce((a, b) => a + b, 0)})`,
  });

/** A context flag: true/false, or the share of calls of this type where it holds. */
const flag = z.union([z.boolean(), probability], expecting('true, false or a probability 0–1'));

export const contextSchema = record(
  { domesticAbuse: flag.optional(), stalking: flag.optional(), missingFromCare: flag.optional() },
  'context flags { domesticAbuse, stalking, missingFromCare }',
);

const callTypeMixSchema = record(
  {
    note: sentence.optional(),
    context: contextSchema.optional(),
    ...(Object.fromEntries(QUESTIONS.map((q) => [q, levelProbabilities])) as Record<(typeof QUESTIONS)[number], typeof levelProbabilities>),
  },
  'per-question probabilities for a call type',
);

export const answerMixSchema = z.record(z.string(), callTypeMixSchema, expecting('an object keyed by call-type id'));
export type AnswerMix = z.infer<typeof answerMixSchema>;
export type CallTypeMix = z.infer<typeof callTypeMixSchema>;

export const triageConfigSchema = z.object({
  enabled: z.boolean(expecting('true or false')).default(false),
  policy: policySchema.optional(),
  answerMix: answerMixSchema.optional(),
});
export type TriageConfig = z.infer<typeof triageConfigSchema>;
