import { describe, expect, it } from 'vitest';
import { assess, caseLibrary, defaultPolicy } from '../../src/triage/index.ts';

describe('caseLibrary', () => {
  it('covers the force priorities the trainer needs, with unique ids', () => {
    const ids = caseLibrary.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(caseLibrary.length).toBeGreaterThanOrEqual(10);
    expect(caseLibrary.some((c) => c.context.domesticAbuse)).toBe(true);
    expect(caseLibrary.some((c) => c.context.stalking && c.four)).toBe(true);
    expect(caseLibrary.some((c) => c.context.missingFromCare)).toBe(true);
    expect(new Set(caseLibrary.map((c) => c.expectedGrade))).toEqual(new Set([1, 2, 3, 4]));
  });

  for (const c of caseLibrary) {
    it(`case ${c.id}: the expected answers give the expected grade and response under the default policy`, () => {
      const { outcome } = assess(defaultPolicy, { ...c.context, ...(c.four ? { four: c.four } : {}) }, c.expectedAnswers);
      expect(outcome.grade).toBe(c.expectedGrade);
      expect(outcome.response).toBe(c.expectedResponse);
    });
  }
});
