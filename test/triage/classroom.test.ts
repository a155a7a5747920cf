import { describe, expect, it } from 'vitest';
import {
  assess,
  caseLibrary,
  defaultPolicy,
  eventFor,
  findCase,
  policySchema,
  scoreClassroom,
  scoreboardCsv,
  type Answers,
  type TrainingCase,
  type TriageEvent,
} from '../../src/triage/index.ts';

const caseOf = (id: string): TrainingCase => findCase(caseLibrary, id)!;

/** The events a trainee gives when answering a case with these answers (and FOUR markers). */
function eventsFor(c: TrainingCase, answers: Answers, four = c.four): TriageEvent[] {
  const { steps } = assess(defaultPolicy, { ...c.context, ...(four ? { four } : {}) }, answers);
  return steps.filter((s) => s.kind !== 'done').map((s) => eventFor(s, answers, four));
}

describe('scoreClassroom', () => {
  it('a trainee who gives the expected answers agrees on every question and grade', () => {
    const ids = ['da-breach-non-molestation', 'noisy-party-asb', 'stalking-former-colleague'];
    const board = scoreClassroom(
      defaultPolicy,
      caseLibrary,
      ids.map((id) => ({ caseId: id, events: eventsFor(caseOf(id), caseOf(id).expectedAnswers) })),
    );
    expect(board.cases.map((s) => s.verdict)).toEqual(['agrees', 'agrees', 'agrees']);
    expect(board.cases.map((s) => s.outcome?.grade)).toEqual(ids.map((id) => caseOf(id).expectedGrade));
    expect(board.gradesAgreed).toBe(3);
    expect(board.questions).toEqual([
      { question: 'threat', agreed: 3, compared: 3 },
      { question: 'harm', agreed: 3, compared: 3 },
      { question: 'risk', agreed: 3, compared: 3 },
      { question: 'investigation', agreed: 3, compared: 3 },
      { question: 'vulnerability', agreed: 3, compared: 3 },
      { question: 'engagement', agreed: 3, compared: 3 },
      { question: 'four', agreed: 4, compared: 4 },
    ]);
  });

  it('a high threat where none was expected is more urgent, and the questions never asked are not compared', () => {
    const c = caseOf('noisy-party-asb');
    const board = scoreClassroom(defaultPolicy, caseLibrary, [{ caseId: c.id, events: eventsFor(c, { ...c.expectedAnswers, threat: 'high' }) }]);
    const [s] = board.cases;
    expect(s!.outcome?.grade).toBe(1);
    expect(s!.verdict).toBe('more urgent');
    expect(s!.answers.map((a) => a.agrees)).toEqual([false, null, null, null, null, null]);
    expect(board.questions.find((q) => q.question === 'harm')).toEqual({ question: 'harm', agreed: 0, compared: 0 });
    expect(board.moreUrgent).toBe(1);
  });

  it('under-grading shows as less urgent, and the differing answers are the ones marked', () => {
    const c = caseOf('da-breach-non-molestation');
    const answers: Answers = { ...c.expectedAnswers, risk: 'medium', vulnerability: 'medium' };
    const [s] = scoreClassroom(defaultPolicy, caseLibrary, [{ caseId: c.id, events: eventsFor(c, answers) }]).cases;
    expect(s!.outcome!.grade).toBeGreaterThan(c.expectedGrade);
    expect(s!.verdict).toBe('less urgent');
    expect(s!.answers.filter((a) => a.agrees === false).map((a) => a.question)).toEqual(['risk', 'vulnerability']);
  });

  it('vulnerability is not compared for a child missing from care (the machine takes it as high)', () => {
    const c = caseOf('missing-from-care-exploitation');
    const [s] = scoreClassroom(defaultPolicy, caseLibrary, [{ caseId: c.id, events: eventsFor(c, c.expectedAnswers) }]).cases;
    expect(s!.answers.find((a) => a.question === 'vulnerability')).toEqual({ question: 'vulnerability', given: undefined, expected: 'high', agrees: null });
  });

  it('counts FOUR markers apart, and a case not reached as not finished', () => {
    const c = caseOf('stalking-former-colleague');
    const board = scoreClassroom(defaultPolicy, caseLibrary, [
      { caseId: c.id, events: eventsFor(c, c.expectedAnswers, { ...c.four!, repeated: false }) },
      { caseId: 'noisy-party-asb', events: [] },
    ]);
    expect(board.questions.at(-1)).toEqual({ question: 'four', agreed: 3, compared: 4 });
    expect(board.cases[1]!.verdict).toBe('not finished');
    expect(board.cases[1]!.outcome).toBeNull();
    expect(board.finished).toBe(1);
  });

  it('grades both sides under the policy in use: a lower scheduled threshold moves the expected grade too', () => {
    const c = caseOf('noisy-party-asb');
    const low: Answers = { threat: 'low', harm: 'low', risk: 'low', investigation: 'low', vulnerability: 'low', engagement: 'low' };
    const strict = policySchema.parse({ ...defaultPolicy, thresholds: { ...defaultPolicy.thresholds, scheduled: 2 } });
    const attempts = [{ caseId: c.id, events: eventsFor(c, low) }];
    const byDefault = scoreClassroom(defaultPolicy, caseLibrary, attempts).cases[0]!;
    const byStrict = scoreClassroom(strict, caseLibrary, attempts).cases[0]!;
    expect(byDefault.outcome!.grade).toBe(4);
    expect(byStrict.outcome!.grade).toBe(3);
    expect(byStrict.expected.grade).toBe(assess(strict, c.context, c.expectedAnswers).outcome.grade);
  });

  it('refuses an attempt at a case that is not in the library', () => {
    expect(() => scoreClassroom(defaultPolicy, caseLibrary, [{ caseId: 'no-such-case', events: [] }])).toThrow('no training case "no-such-case"');
  });
});

describe('scoreboardCsv', () => {
  it('writes one row per case and a row of agreement per question, with the trainee and policy named', () => {
    const ids = ['noisy-party-asb', 'stalking-former-colleague'];
    const c0 = caseOf(ids[0]!);
    const board = scoreClassroom(defaultPolicy, caseLibrary, [
      { caseId: ids[0]!, events: eventsFor(c0, { ...c0.expectedAnswers, harm: 'medium' }) },
      { caseId: ids[1]!, events: eventsFor(caseOf(ids[1]!), caseOf(ids[1]!).expectedAnswers) },
    ]);
    const csv = scoreboardCsv(board, { trainee: '=Sam, trainee', policy: 'Default', date: '2026-11-29' });
    const lines = csv.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(
      'trainee,policy,date,case,title,grade given,grade expected,grade verdict,response given,response expected,' +
        'threat given,threat expected,threat agrees,harm given,harm expected,harm agrees,risk given,risk expected,risk agrees,' +
        'investigation given,investigation expected,investigation agrees,vulnerability given,vulnerability expected,vulnerability agrees,' +
        'engagement given,engagement expected,engagement agrees,FOUR agreed',
    );
    // A name that looks like a formula is shown as text (a leading apostrophe), and quoted for its comma.
    expect(lines[1]!.startsWith(`"'=Sam, trainee",Default,2026-11-29,noisy-party-asb,`)).toBe(true);
    expect(lines[1]).toContain(',medium,low,no,');
    expect(lines[2]).toContain(',agrees,send officers within the hour,send officers within the hour,');
    expect(lines[2]!.endsWith(',4 of 4')).toBe(true);
    expect(lines[3]).toContain(',all cases,"2 cases, 2 finished",,,"');
    expect(lines[3]).toContain(',,,2 of 2,,,1 of 2,');
  });
});
