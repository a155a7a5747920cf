/**
 * The grading policy as pure functions: the default policy (seeds/thrive-policy.json), parsing a
 * policy a trainer or force supplies, and turning what an assessment has gathered into an outcome.
 * The grade is the most urgent of: the concern score against the thresholds, every rule whose
 * conditions all hold, and the floors set by context (domestic abuse, stalking). Each of those can
 * only become more urgent as answers rise, which is why a valid policy is monotone.
 */
import defaultPolicyJson from '../../seeds/thrive-policy.json' with { type: 'json' };
import { GRADE_NAMES, LEVELS, QUESTIONS, SENDS_OFFICER, type Answers, type Grade, type Response, type TriageOutcome } from './levels.ts';
import { policySchema, type Conditions, type Policy } from './schema.ts';

export const FOUR_ITEMS = ['fixated', 'obsessive', 'unwanted', 'repeated'] as const;
export type FourItem = (typeof FOUR_ITEMS)[number];

/** Facts about the call that open branches of the assessment. */
export interface TriageFlags {
  domesticAbuse: boolean;
  stalking: boolean;
  missingFromCare: boolean;
}

/** What the statechart has gathered by the time it grades. */
export interface Assessment {
  answers: Partial<Answers>;
  flags: TriageFlags;
  dashDone: boolean;
  four: Partial<Record<FourItem, boolean>>;
}

export const defaultPolicy: Policy = policySchema.parse(defaultPolicyJson);

export function scoreOf(policy: Policy, answers: Partial<Answers>): number {
  let score = 0;
  for (const question of QUESTIONS) {
    const level = answers[question];
    if (level !== undefined && level !== 'none') score += policy.weights[question][level];
  }
  return score;
}

/** True when every answer named in the conditions is at or above its level. */
export function conditionsHold(conditions: Conditions, answers: Partial<Answers>): boolean {
  return QUESTIONS.every((question) => {
    const needed = conditions[question];
    if (needed === undefined) return true;
    const given = answers[question];
    return given !== undefined && LEVELS.indexOf(given) >= LEVELS.indexOf(needed);
  });
}

/** The grade the concern score alone gives under the policy's thresholds. */
export function scoreGrade(policy: Policy, score: number): Grade {
  const { scheduled, priority, emergency } = policy.thresholds;
  return score >= emergency ? 1 : score >= priority ? 2 : score >= scheduled ? 3 : 4;
}

function gradeFromScore(policy: Policy, score: number): { grade: Grade; reason: string } {
  const { scheduled, priority, emergency } = policy.thresholds;
  const grade = scoreGrade(policy, score);
  if (grade === 1) return { grade, reason: `the concern score ${score} reaches the emergency threshold ${emergency}` };
  if (grade === 2) return { grade, reason: `the concern score ${score} reaches the priority threshold ${priority}` };
  if (grade === 3) return { grade, reason: `the concern score ${score} reaches the scheduled threshold ${scheduled}` };
  return { grade, reason: `the concern score ${score} is below the scheduled threshold ${scheduled}` };
}

function fourPresent(assessment: Assessment): number {
  return FOUR_ITEMS.filter((item) => assessment.four[item] === true).length;
}

function responseFor(grade: Grade, refer: boolean): Response {
  if (grade === 1) return 'deploy-now';
  if (grade === 2) return 'within-hour';
  if (grade === 3) return 'appointment';
  return refer ? 'refer' : 'resolve-by-phone';
}

/** A high threat: grade 1 at once; nothing else is asked, so the call-taker adds no minutes. */
export function immediateThreatOutcome(flags: TriageFlags): TriageOutcome {
  const later = flags.domesticAbuse ? ' Attending officers complete the DASH risk assessment.' : '';
  return {
    grade: 1,
    response: 'deploy-now',
    sendsOfficer: SENDS_OFFICER['deploy-now'],
    extraMinutes: 0,
    rationale: `Grade 1 (emergency): an immediate threat to life or of serious harm; deploy now without the rest of the assessment.${later}`,
  };
}

/** Every rule and context floor that applies to an assessment, in policy order. */
export function gradeCandidates(policy: Policy, assessment: Assessment): { grade: Grade; reason: string }[] {
  const { answers, flags } = assessment;
  const candidates: { grade: Grade; reason: string }[] = [];
  for (const rule of policy.rules) {
    if (conditionsHold(rule.when, answers)) candidates.push({ grade: rule.grade, reason: rule.because });
  }
  if (flags.domesticAbuse) {
    candidates.push({ grade: policy.domesticAbuse.leastUrgentGrade, reason: 'domestic abuse is never resolved by phone alone' });
  }
  const present = fourPresent(assessment);
  const stalkingCause = policy.stalking.when === undefined || conditionsHold(policy.stalking.when, answers);
  if (flags.stalking && present >= policy.stalking.minPresent && stalkingCause) {
    candidates.push({ grade: policy.stalking.leastUrgentGrade, reason: `${present} of the FOUR stalking markers are present` });
  }
  return candidates;
}

/** Grades a completed assessment under a policy. */
export function gradeAssessment(policy: Policy, assessment: Assessment): TriageOutcome {
  const { answers, flags } = assessment;
  const candidates = gradeCandidates(policy, assessment);
  const present = fourPresent(assessment);
  const score = scoreOf(policy, answers);
  const byScore = gradeFromScore(policy, score);
  // On a tie a rule or context floor is named rather than the score: it says more to a trainee.
  const decisive = candidates.reduce((best, c) => (c.grade < best.grade || (c.grade === best.grade && best === byScore) ? c : best), byScore);

  const refer = decisive.grade === 4 && conditionsHold(policy.referral.when, answers);
  const notes: string[] = [];
  let extraMinutes = 0;
  if (flags.missingFromCare) notes.push('Missing from care: vulnerability is taken as high.');
  if (assessment.dashDone) {
    extraMinutes += policy.domesticAbuse.dashMinutes;
    notes.push(`DASH risk assessment: ${policy.domesticAbuse.dashMinutes} min.`);
  }
  if (flags.stalking) {
    extraMinutes += policy.stalking.fourMinutes;
    notes.push(`FOUR questions (${present} of 4 present): ${policy.stalking.fourMinutes} min.`);
  }
  if (refer) {
    extraMinutes += policy.referral.minutes;
    notes.push(`Refer: ${policy.referral.because} (${policy.referral.minutes} min).`);
  }
  const scoreNote = decisive === byScore ? '' : ` Concern score ${score}.`;
  const response = responseFor(decisive.grade, refer);
  return {
    grade: decisive.grade,
    response,
    sendsOfficer: SENDS_OFFICER[response],
    extraMinutes,
    rationale: [`Grade ${decisive.grade} (${GRADE_NAMES[decisive.grade]}): ${decisive.reason}.${scoreNote}`, ...notes].join(' '),
  };
}
