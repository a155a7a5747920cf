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
  /** Whether the response sends an officer (grades 1–3): what the simulation counts as a deployment. */
  sendsOfficer: boolean;
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

/**
 * What each level of each question means, in one line: the words a trainer reads out and a trainee
 * checks an answer against. The default policy's weights and rules follow these meanings.
 */
export const LEVEL_MEANINGS: Record<Question, Record<Level, string>> = {
  threat: {
    none: 'No one is threatening anyone.',
    low: 'Words or behaviour that worry the caller, with no sign they will be acted on.',
    medium: 'A credible threat of harm, but not now: the person is not there or not able to act at once.',
    high: 'A threat to life or of serious harm now: an attack under way, a weapon, someone at the door.',
  },
  harm: {
    none: 'No harm done and none to be expected.',
    low: 'Minor loss, damage or distress.',
    medium: 'Injury, significant loss or lasting distress.',
    high: 'Serious injury, sexual assault or harm that cannot be undone.',
  },
  risk: {
    none: 'Nothing suggests harm will happen or happen again.',
    low: 'Harm is possible but unlikely soon.',
    medium: 'Harm is likely unless something changes (history, escalation, access to the victim).',
    high: 'Harm is likely now or within hours without police action.',
  },
  investigation: {
    none: 'No evidence, suspect or scene to secure.',
    low: 'Details to record; an enquiry can follow later.',
    medium: 'A scene, witnesses or CCTV need an officer, but the evidence will keep for an appointment.',
    high: 'Suspects nearby or evidence (forensic, a fresh scene) lost unless an officer goes promptly.',
  },
  vulnerability: {
    none: 'Adults able to look after themselves.',
    low: 'Some need: older, alone, distressed; a partner agency may help.',
    medium: 'Clearly vulnerable: a child, mental ill health, a repeat victim.',
    high: 'Unable to protect themselves: a child at risk, missing from care, a person in crisis.',
  },
  engagement: {
    none: 'The caller needs nothing beyond the report.',
    low: 'Wants updates or advice.',
    medium: 'Needs support to stay engaged: reluctant, frightened, or let down before.',
    high: 'At risk of withdrawing altogether without specialist support.',
  },
};

/** Which way a question moves the outcome as its level rises. */
export type Direction = 'urgency' | 'attendance' | 'none';

/** The direction of each question, as the default policy follows it; a test pins it on the table. */
export const QUESTION_DIRECTIONS: Record<Question, { direction: Direction; why: string }> = {
  threat: { direction: 'urgency', why: 'a threat is about how soon harm may come: a high threat is grade 1 at once, a credible one grade 2' },
  harm: { direction: 'urgency', why: 'serious harm needs officers there; with high risk, at once' },
  risk: { direction: 'urgency', why: 'the likelier harm is soon, the sooner an officer must be there' },
  investigation: {
    direction: 'attendance',
    why: 'evidence needs an officer to gather it: by appointment, or within the hour when it will otherwise be lost; it never makes a call an emergency on its own',
  },
  vulnerability: { direction: 'urgency', why: 'the less able someone is to protect themselves, the sooner someone must be with them' },
  engagement: {
    direction: 'none',
    why: 'engagement is about keeping the person engaged (updates, victim services), not how fast to attend: it never changes the grade',
  },
};

/** Whether each response sends an officer: every grade but 4 (resolved on the phone or referred). */
export const SENDS_OFFICER: Record<Response, boolean> = {
  'deploy-now': true,
  'within-hour': true,
  appointment: true,
  'resolve-by-phone': false,
  refer: false,
};

/** The response of each code, in words. */
export const RESPONSE_WORDS: Record<Response, string> = {
  'deploy-now': 'send officers now (immediate attendance)',
  'within-hour': 'send officers within the hour',
  appointment: 'book an appointment with an officer',
  'resolve-by-phone': 'resolve on the phone, no officer sent',
  refer: 'refer to a partner agency, no officer sent',
};
