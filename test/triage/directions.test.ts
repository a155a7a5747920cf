import { describe, expect, it } from 'vitest';
import {
  COMBINATIONS,
  QUESTIONS,
  QUESTION_DIRECTIONS,
  assess,
  compileOutcomeTable,
  defaultPolicy,
  type Answers,
  type TableContext,
} from '../../src/triage/index.ts';

const all = (level: Answers['threat']): Answers => Object.fromEntries(QUESTIONS.map((q) => [q, level])) as Answers;
const contexts: TableContext[] = [{}, { domesticAbuse: true }, { stalking: true }, { missingFromCare: true }];

/** For each question, whether raising it one level (others fixed) ever makes the grade more urgent. */
function raises(context: TableContext): Record<string, { everRaises: boolean; everRaisesToOne: boolean }> {
  const table = compileOutcomeTable(defaultPolicy, context);
  const found = Object.fromEntries(QUESTIONS.map((q) => [q, { everRaises: false, everRaisesToOne: false }]));
  for (let index = 0; index < COMBINATIONS; index++) {
    QUESTIONS.forEach((q, i) => {
      const place = 4 ** i;
      if (Math.floor(index / place) % 4 === 3) return;
      const before = table[index]!.grade;
      const after = table[index + place]!.grade;
      if (after < before) {
        found[q]!.everRaises = true;
        if (after === 1 && q !== 'threat') found[q]!.everRaisesToOne ||= before > 1;
      }
    });
  }
  return found;
}

describe('the default policy follows the written direction of each question', () => {
  it('every question marked "urgency" or "attendance" raises the grade somewhere in the table', () => {
    const found = raises({});
    for (const q of QUESTIONS) {
      expect(found[q]!.everRaises, q).toBe(QUESTION_DIRECTIONS[q].direction !== 'none');
    }
  });

  it('engagement never changes the grade, in any combination or context', () => {
    for (const context of contexts) {
      const table = compileOutcomeTable(defaultPolicy, context);
      const e = QUESTIONS.indexOf('engagement');
      for (let index = 0; index < COMBINATIONS; index++) {
        const base = index - (Math.floor(index / 4 ** e) % 4) * 4 ** e;
        expect(table[index]!.grade).toBe(table[base]!.grade);
      }
    }
  });

  it('investigation alone brings an officer but never makes a call an emergency', () => {
    const found = raises({});
    expect(QUESTION_DIRECTIONS.investigation.direction).toBe('attendance');
    expect(found['investigation']!.everRaisesToOne).toBe(false);
    expect(assess(defaultPolicy, {}, { ...all('none'), investigation: 'medium' }).outcome.response).toBe('appointment');
  });

  it('"low" on every question gives no appointment: nothing named a reason to send an officer', () => {
    expect(assess(defaultPolicy, {}, all('low')).outcome.grade).toBe(4);
  });

  it('serious harm with medium risk and no threat is priority, not emergency; with high risk it is emergency', () => {
    expect(assess(defaultPolicy, {}, { ...all('none'), harm: 'high', risk: 'medium' }).outcome.grade).toBe(2);
    expect(assess(defaultPolicy, {}, { ...all('none'), harm: 'high', risk: 'high' }).outcome.grade).toBe(1);
  });

  it('the stalking floor needs a cause: all four FOUR markers and all answers "none" is not grade 2', () => {
    expect(assess(defaultPolicy, { stalking: true }, all('none')).outcome.grade).toBe(4);
    expect(assess(defaultPolicy, { stalking: true }, { ...all('none'), risk: 'low' }).outcome.grade).toBe(2);
  });

  it('domestic abuse is never resolved by phone alone, which the policy says as its reason', () => {
    const { outcome } = assess(defaultPolicy, { domesticAbuse: true }, all('none'));
    expect(outcome.grade).toBe(3);
    expect(outcome.rationale).toContain('domestic abuse is never resolved by phone alone');
  });
});
