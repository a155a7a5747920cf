import { describe, expect, it } from 'vitest';
import {
  compileOutcomeTable,
  createTriageSampler,
  defaultAnswerMix,
  defaultPolicy,
  expectationOf,
  gradeMixOf,
  type AnswerMix,
  type Policy,
} from '../../src/triage/index.ts';
import callMix from '../../seeds/call-mix.json' with { type: 'json' };

/** A small seeded generator (mulberry32) so the test needs no stream machinery. */
function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const callTypes = Object.keys(defaultAnswerMix).filter((id) => id !== 'default');

describe('createTriageSampler', () => {
  it('has a default answer mix for every call type of seeds/call-mix.json, plus a default', () => {
    expect(callTypes.sort()).toEqual(Object.keys(callMix.callTypes).sort());
    expect(defaultAnswerMix['default']).toBeDefined();
  });

  it('samples outcomes with the frequencies gradeMixOf predicts', () => {
    const sampler = createTriageSampler({ enabled: true }, ['domestic-abuse', 'asb', 'missing-person']);
    const random = mulberry32(42);
    const n = 40_000;
    for (let ct = 0; ct < 3; ct++) {
      const counts = [0, 0, 0, 0];
      for (let i = 0; i < n; i++) counts[sampler.sample(ct, random).grade - 1]!++;
      gradeMixOf(sampler, ct).forEach((p, g) => expect(counts[g]! / n).toBeCloseTo(p, 1.7));
    }
  });

  it('returns the table entry for the drawn answers, sharing outcome objects (no allocation per sample)', () => {
    const sampler = createTriageSampler({ enabled: true }, ['theft']);
    const table = compileOutcomeTable(defaultPolicy, {});
    expect(sampler.sample(0, () => 0)).toEqual(table[0]);
    const first = sampler.sample(0, () => 0.999);
    expect(sampler.sample(0, () => 0.999)).toBe(first);
  });

  it('never draws a level with zero probability, even when the probabilities sum to just under 1', () => {
    const only = [1, 0, 0, 0];
    // 0.7 + 0.2 + 0.1 is 0.9999999999999999 in floating point, the largest value random() returns.
    const answerMix: AnswerMix = { x: { threat: [0.7, 0.2, 0.1, 0], harm: only, risk: only, investigation: only, vulnerability: only, engagement: only } };
    const sampler = createTriageSampler({ enabled: true, answerMix }, ['x']);
    expect(sampler.sample(0, () => 1 - 2 ** -53).grade).toBe(2);
  });

  it('uses the default entry for unknown call types and lets a scenario override a call type', () => {
    const row = [0, 0, 0, 1];
    const answerMix: AnswerMix = { theft: { threat: row, harm: row, risk: row, investigation: row, vulnerability: row, engagement: row } };
    const sampler = createTriageSampler({ enabled: true, answerMix }, ['theft', 'no-such-type']);
    expect(gradeMixOf(sampler, 0)).toEqual([1, 0, 0, 0]);
    const fallback = createTriageSampler({ enabled: true }, ['default']);
    expect(gradeMixOf(sampler, 1)).toEqual(gradeMixOf(fallback, 0));
  });

  it('keeps the default context flags when a scenario retunes a call type without naming them', () => {
    const none = [1, 0, 0, 0];
    const quiet = { threat: none, harm: none, risk: none, investigation: none, vulnerability: none, engagement: none };
    const kept = createTriageSampler({ enabled: true, answerMix: { 'domestic-abuse': quiet } }, ['domestic-abuse']);
    // All answers "none", but still domestic abuse: DASH is done and the call is never resolved by phone.
    expect(gradeMixOf(kept, 0)[3]).toBe(0);
    expect(expectationOf(kept, 0, (o) => o.extraMinutes)).toBeGreaterThanOrEqual(defaultPolicy.domesticAbuse.dashMinutes);
    const dropped = createTriageSampler({ enabled: true, answerMix: { 'domestic-abuse': { ...quiet, context: {} } } }, ['domestic-abuse']);
    expect(gradeMixOf(dropped, 0)).toEqual([0, 0, 0, 1]);
  });

  it('gives grade mixes that sum to 1 for every call type', () => {
    const sampler = createTriageSampler({ enabled: true }, callTypes);
    callTypes.forEach((_, ct) => expect(gradeMixOf(sampler, ct).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9));
  });
});

describe('policy changes', () => {
  it('a stricter policy moves the grade mix towards attendance and adds handling work', () => {
    const strict: Policy = {
      ...defaultPolicy,
      name: 'attend more',
      thresholds: { scheduled: 1, priority: 3, emergency: 8 },
      domesticAbuse: { dashMinutes: 30, leastUrgentGrade: 2 },
    };
    const ids = ['domestic-abuse', 'asb', 'theft'];
    const before = createTriageSampler({ enabled: true }, ids);
    const after = createTriageSampler({ enabled: true, policy: strict }, ids);
    ids.forEach((_, ct) => {
      const [b1, b2] = gradeMixOf(before, ct);
      const [a1, a2] = gradeMixOf(after, ct);
      expect(a1! + a2!, ids[ct]).toBeGreaterThan(b1! + b2! + 0.02);
    });
    const minutes = (s: typeof before) => expectationOf(s, 0, (o) => o.extraMinutes);
    expect(minutes(after)).toBeGreaterThan(minutes(before) + 5);
  });
});
