/**
 * The vocabulary of a THRIVE assessment: the six questions in the order the call-taker asks them,
 * the four levels of concern, the response grades, and the encoding of one full set of answers as a
 * table index (base 4, threat is the least significant digit). Everything else in triage/ speaks
 * these types.
 */

export const LEVELS = ['none', 'low', 'medium', 'high'] as const;
export type Level = (typeof LEVELS)[number];

export const QUESTIONS = ['threat', 'harm', 'risk', 'investigation', 'vulnerability', 'engagement'] as const;
export type Question = (typeof QUESTIONS)[number];

export type Answers = Record<Question, Level>;

/** 1 emergency, 2 priority, 3 scheduled, 4 resolved without deployment (or referred). */
export type Grade = 1 | 2 | 3 | 4;

export type Response = 'deploy-now' | 'within-hour' | 'appointment' | 'resolve-by-phone' | 'refer';

export interface TriageOutcome {
  grade: Grade;
  response: Response;
  /** Call-taker minutes the assessment adds to handling (DASH, FOUR, partner referral). */
  extraMinutes: number;
  rationale: string;
}

/** Number of answer combinations: 4 levels for each of 6 questions. */
export const COMBINATIONS = 4 ** QUESTIONS.length;

export function levelIndex(level: Level): number {
  return LEVELS.indexOf(level);
}

/** Index of a set of answers in an outcome table: Σ levelIndex_i · 4^i in QUESTIONS order. */
export function answersToIndex(answers: Answers): number {
  let index = 0;
  for (let i = QUESTIONS.length - 1; i >= 0; i--) index = index * 4 + levelIndex(answers[QUESTIONS[i]!]);
  return index;
}

export function indexToAnswers(index: number): Answers {
  const answers = {} as Answers;
  for (const question of QUESTIONS) {
    answers[question] = LEVELS[index % 4]!;
    index = Math.floor(index / 4);
  }
  return answers;
}

export const GRADE_NAMES: Record<Grade, string> = {
  1: 'emergency',
  2: 'priority',
  3: 'scheduled',
  4: 'resolution without deployment',
};

export const QUESTION_PROMPTS: Record<Question, string> = {
  threat: 'Threat: is there a threat to life or of immediate harm, to the caller or anyone else?',
  harm: 'Harm: what harm has been done, or could be done, and how serious is it?',
  risk: 'Risk: how likely is harm now or soon, given what is known about the people involved?',
  investigation: 'Investigation: are there evidence, suspects or scenes that will be lost without prompt action?',
  vulnerability: 'Vulnerability: how vulnerable are the people involved (age, health, care, repeat victim)?',
  engagement: 'Engagement: what does the caller need from us, and what does it take to keep them engaged?',
};
