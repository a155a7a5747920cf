/**
 * Why an assessment got its grade, in parts a trainer can point at: what each answer added to the
 * concern score, the threshold the score reached, every rule and context floor that applied, and
 * which of them decided. It reads the same policy functions the machine grades with, so the
 * explanation cannot disagree with the outcome.
 */
import { GRADE_NAMES, QUESTIONS, type Answers, type Grade, type Level, type Question } from './levels.ts';
import { gradeCandidates, scoreGrade, scoreOf, type Assessment } from './policy.ts';
import type { Policy } from './schema.ts';

export interface Contribution {
  question: Question;
  level: Level;
  /** What the answer added to the concern score (0 for "none"). */
  points: number;
}

export interface Explanation {
  contributions: Contribution[];
  score: number;
  /** The grade the score alone gives, and the threshold sentence, e.g. "priority from 9". */
  scoreGrade: Grade;
  threshold: string;
  /** Rules and context floors that applied, most urgent first. */
  applied: { grade: Grade; reason: string }[];
  /** One line: "Threat medium +5 · Risk high +6 = 11: priority from 9". */
  scoreLine: string;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function contributionsOf(policy: Policy, answers: Partial<Answers>): Contribution[] {
  return QUESTIONS.flatMap((question) => {
    const level = answers[question];
    if (level === undefined) return [];
    return [{ question, level, points: level === 'none' ? 0 : policy.weights[question][level] }];
  });
}

function thresholdSentence(policy: Policy, grade: Grade): string {
  const { scheduled, priority, emergency } = policy.thresholds;
  if (grade === 1) return `emergency from ${emergency}`;
  if (grade === 2) return `priority from ${priority} (emergency from ${emergency})`;
  if (grade === 3) return `scheduled from ${scheduled} (priority from ${priority})`;
  return `below scheduled (from ${scheduled})`;
}

export function explainAssessment(policy: Policy, assessment: Assessment): Explanation {
  const contributions = contributionsOf(policy, assessment.answers);
  const score = scoreOf(policy, assessment.answers);
  const byScore = scoreGrade(policy, score);
  const threshold = thresholdSentence(policy, byScore);
  const counted = contributions.filter((c) => c.points > 0);
  const terms = counted.length ? counted.map((c) => `${capital(c.question)} ${c.level} +${c.points}`).join(' · ') : 'no answer adds to the score';
  return {
    contributions,
    score,
    scoreGrade: byScore,
    threshold,
    applied: gradeCandidates(policy, assessment).sort((a, b) => a.grade - b.grade),
    scoreLine: `${terms} = ${score}: ${threshold}, so grade ${byScore} (${GRADE_NAMES[byScore]}) by score`,
  };
}
