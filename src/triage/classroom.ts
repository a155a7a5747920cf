/**
 * Scoring a classroom run: a trainee works through a set of training cases, and the scoreboard sets
 * each of their answers and grades beside the policy's. Only the trainee's machine events are kept;
 * they are replayed through the statechart under the policy in use, and the case's expected answers
 * are graded under the same policy, so a "what if" threshold regrades both sides alike. A question
 * the machine did not ask (everything after a high threat, vulnerability for a child missing from
 * care) is not compared.
 */
import { csvTable, type CsvValue } from '../shared/csv.ts';
import { assess, currentStep, flagsOf, replay } from './compile.ts';
import { GRADE_NAMES, QUESTIONS, RESPONSE_WORDS, type Grade, type Level, type Question, type TriageOutcome } from './levels.ts';
import { FOUR_ITEMS, type FourItem } from './policy.ts';
import type { TriageEvent } from './machine.ts';
import type { Policy } from './schema.ts';
import type { TrainingCase } from './cases.ts';

/** The trainee's events for one case, in the order they were given (empty: not reached). */
export interface Attempt {
  caseId: string;
  events: readonly TriageEvent[];
}

export interface AnswerScore {
  question: Question;
  /** The trainee's level, or undefined when the machine did not ask (or the run ended first). */
  given: Level | undefined;
  expected: Level;
  /** Null when there is nothing to compare. */
  agrees: boolean | null;
}

export interface FourScore {
  item: FourItem;
  given: boolean | undefined;
  expected: boolean;
  agrees: boolean | null;
}

/** How the trainee's grade sits against the policy's: the thing a trainer most wants to see. */
export type GradeVerdict = 'agrees' | 'more urgent' | 'less urgent' | 'not finished';

export interface CaseScore {
  case: TrainingCase;
  /** The trainee's outcome, null when the case was not finished. */
  outcome: TriageOutcome | null;
  /** The expected answers graded under the same policy. */
  expected: TriageOutcome;
  verdict: GradeVerdict;
  answers: AnswerScore[];
  /** The FOUR markers, for a stalking case that lists them; empty otherwise. */
  four: FourScore[];
}

export interface QuestionScore {
  question: Question | 'four';
  agreed: number;
  compared: number;
}

export interface Scoreboard {
  cases: CaseScore[];
  /** Agreement per question over the cases where it was compared; FOUR last, when any case had it. */
  questions: QuestionScore[];
  finished: number;
  gradesAgreed: number;
  moreUrgent: number;
  lessUrgent: number;
}

export function scoreCase(policy: Policy, c: TrainingCase, events: readonly TriageEvent[]): CaseScore {
  const flags = flagsOf(c.context);
  const snapshots = replay(policy, flags, events);
  const given: Partial<Record<Question, Level>> = {};
  const givenFour: Partial<Record<FourItem, boolean>> = {};
  // Each event answered the step its snapshot was waiting on.
  events.forEach((event, i) => {
    const step = currentStep(snapshots[i]!);
    if (event.type === 'ANSWER' && step.kind === 'question') given[step.question] = event.level;
    if (event.type === 'FOUR_ANSWER' && step.kind === 'four') givenFour[step.item] = event.present;
  });
  const last = currentStep(snapshots.at(-1)!);
  const outcome = last.kind === 'done' ? last.outcome : null;
  const expected = assess(policy, { ...flags, ...(c.four ? { four: c.four } : {}) }, c.expectedAnswers).outcome;
  const verdict: GradeVerdict =
    outcome === null ? 'not finished' : outcome.grade === expected.grade ? 'agrees' : outcome.grade < expected.grade ? 'more urgent' : 'less urgent';
  const answers = QUESTIONS.map((question): AnswerScore => {
    const level = given[question];
    return { question, given: level, expected: c.expectedAnswers[question], agrees: level === undefined ? null : level === c.expectedAnswers[question] };
  });
  const four = c.four
    ? FOUR_ITEMS.map((item): FourScore => {
        const present = givenFour[item];
        return { item, given: present, expected: c.four![item], agrees: present === undefined ? null : present === c.four![item] };
      })
    : [];
  return { case: c, outcome, expected, verdict, answers, four };
}

/** The scoreboard of a run: one row per case in the order taken, and agreement per question. */
export function scoreClassroom(policy: Policy, cases: readonly TrainingCase[], attempts: readonly Attempt[]): Scoreboard {
  const scored = attempts.map((a) => {
    const c = cases.find((x) => x.id === a.caseId);
    if (!c) throw new Error(`classroom run: no training case "${a.caseId}"`);
    return scoreCase(policy, c, a.events);
  });
  const tally = (marks: (boolean | null)[]) => ({ agreed: marks.filter((m) => m === true).length, compared: marks.filter((m) => m !== null).length });
  const questions: QuestionScore[] = QUESTIONS.map((question) => ({ question, ...tally(scored.map((s) => s.answers.find((a) => a.question === question)!.agrees)) }));
  if (scored.some((s) => s.four.length > 0)) questions.push({ question: 'four', ...tally(scored.flatMap((s) => s.four.map((f) => f.agrees))) });
  return {
    cases: scored,
    questions,
    finished: scored.filter((s) => s.outcome !== null).length,
    gradesAgreed: scored.filter((s) => s.verdict === 'agrees').length,
    moreUrgent: scored.filter((s) => s.verdict === 'more urgent').length,
    lessUrgent: scored.filter((s) => s.verdict === 'less urgent').length,
  };
}

/** "3 of 4" — agreement in words, or "–" when nothing was compared. */
export function agreementText(s: { agreed: number; compared: number }): string {
  return s.compared === 0 ? '–' : `${s.agreed} of ${s.compared}`;
}

const gradeText = (grade: Grade | undefined): string => (grade === undefined ? '' : `${grade} ${GRADE_NAMES[grade]}`);

/**
 * The scoreboard as CSV for a spreadsheet: who, with which policy, then one row per case (grades,
 * responses, each question as the trainee's level and the expected one), and a last row with the
 * agreement per question.
 */
export function scoreboardCsv(board: Scoreboard, about: { trainee: string; policy: string; date: string }): string {
  const hasFour = board.questions.some((q) => q.question === 'four');
  const header: CsvValue[] = [
    'trainee',
    'policy',
    'date',
    'case',
    'title',
    'grade given',
    'grade expected',
    'grade verdict',
    'response given',
    'response expected',
    ...QUESTIONS.flatMap((q) => [`${q} given`, `${q} expected`, `${q} agrees`]),
    ...(hasFour ? ['FOUR agreed'] : []),
  ];
  const yesNo = (b: boolean | null): string => (b === null ? '' : b ? 'yes' : 'no');
  const rows: CsvValue[][] = board.cases.map((s) => [
    about.trainee,
    about.policy,
    about.date,
    s.case.id,
    s.case.title,
    gradeText(s.outcome?.grade),
    gradeText(s.expected.grade),
    s.verdict,
    s.outcome ? RESPONSE_WORDS[s.outcome.response] : '',
    RESPONSE_WORDS[s.expected.response],
    ...s.answers.flatMap((a) => [a.given ?? 'not asked', a.expected, yesNo(a.agrees)]),
    ...(hasFour ? [s.four.length ? agreementText({ agreed: s.four.filter((f) => f.agrees).length, compared: s.four.filter((f) => f.agrees !== null).length }) : ''] : []),
  ]);
  const total: CsvValue[] = [
    about.trainee,
    about.policy,
    about.date,
    'all cases',
    `${board.cases.length} cases, ${board.finished} finished`,
    '',
    '',
    `${board.gradesAgreed} agree, ${board.moreUrgent} more urgent, ${board.lessUrgent} less urgent`,
    '',
    '',
    ...board.questions.filter((q) => q.question !== 'four').flatMap((q) => ['', '', agreementText(q)]),
    ...(hasFour ? [agreementText(board.questions.find((q) => q.question === 'four')!)] : []),
  ];
  return csvTable([header, ...rows, total]);
}
