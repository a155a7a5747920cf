/**
 * The THRIVE training case library (seeds/thrive-cases.json): for each case the caller's words, the
 * facts that open branches (domestic abuse, stalking with its FOUR markers, missing from care), the
 * answers a trained call-taker should give, and the grade those answers should lead to. The CLI's
 * `--case` and the trainer screen both read it; a test checks every case against the machine.
 */
import libraryJson from '../../seeds/thrive-cases.json' with { type: 'json' };
import { z } from '../shared/zod.ts';
import { QUESTIONS, type Question } from './levels.ts';
import { levelSchema } from './schema.ts';
import { FOUR_ITEMS, type FourItem } from './policy.ts';

const text = z.string().min(1);

export const CASE_CHANNELS = ['999', '101', 'online'] as const;
export type CaseChannel = (typeof CASE_CHANNELS)[number];

/** How a case came in, in words for the trainee. */
export const CHANNEL_WORDS: Record<CaseChannel, string> = {
  '999': 'A 999 emergency call.',
  '101': 'A 101 non-emergency call.',
  online: 'An online report, read by the digital desk.',
};

export const caseSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'expected a lower-case id with dashes'),
  title: text,
  channel: z.enum(CASE_CHANNELS),
  callType: text,
  context: z.strictObject({
    domesticAbuse: z.boolean().optional(),
    stalking: z.boolean().optional(),
    missingFromCare: z.boolean().optional(),
  }),
  four: z.strictObject(Object.fromEntries(FOUR_ITEMS.map((i) => [i, z.boolean()])) as Record<FourItem, z.ZodBoolean>).optional(),
  script: z.array(text).min(1),
  expectedAnswers: z.strictObject(Object.fromEntries(QUESTIONS.map((q) => [q, levelSchema])) as Record<Question, typeof levelSchema>),
  expectedGrade: z.literal([1, 2, 3, 4]),
  expectedResponse: z.enum(['deploy-now', 'within-hour', 'appointment', 'resolve-by-phone', 'refer']),
  teachingNotes: z.array(text).min(1),
  source: text,
});
export type TrainingCase = z.infer<typeof caseSchema>;

const librarySchema = z.strictObject({ source: text, cases: z.array(caseSchema).min(1) });

export const caseLibrary: readonly TrainingCase[] = librarySchema.parse(libraryJson).cases;

export function findCase(cases: readonly TrainingCase[], id: string): TrainingCase | undefined {
  return cases.find((c) => c.id === id);
}
