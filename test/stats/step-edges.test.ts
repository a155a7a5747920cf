import { describe, expect, it } from 'vitest';
import { firstAtLeast, nextDown, nextUp } from '../../src/stats/step-edges.ts';

describe('nextUp and nextDown', () => {
  it('step one double, across zero and powers of two', () => {
    expect(nextUp(1)).toBe(1 + Number.EPSILON);
    expect(nextDown(1)).toBe(1 - Number.EPSILON / 2);
    expect(nextUp(0)).toBe(Number.MIN_VALUE);
    expect(nextDown(0)).toBe(-Number.MIN_VALUE);
    expect(nextUp(-1)).toBe(-1 + Number.EPSILON / 2);
    for (const x of [3600, 1e-300, 12345.678, -7.5, 2 ** 52]) {
      expect(nextDown(nextUp(x))).toBe(x);
      expect(nextUp(x)).toBeGreaterThan(x);
      expect(nextDown(x)).toBeLessThan(x);
    }
  });
});

describe('firstAtLeast', () => {
  const hour = (t: number) => Math.floor(t / 3600);

  it('finds where Math.floor(t / 3600) reaches k, from a guess on either side', () => {
    for (const k of [1, 24, 168, 8759, 87_600]) {
      for (const guess of [k * 3600, nextUp(nextUp(k * 3600)), nextDown(k * 3600)]) {
        const edge = firstAtLeast(hour, k, guess);
        expect(hour(edge)).toBe(k);
        expect(hour(nextDown(edge))).toBe(k - 1);
      }
    }
  });

  it('keeps the rounding of the function it is given: the first k with t × 0.1 ≥ k is not k × 10', () => {
    // 0.1 is a little above a tenth, so t × 0.1 reaches k (rounded) a few doubles below k × 10.
    const tenths = (t: number) => Math.floor(t * 0.1);
    let below = 0;
    for (let k = 1; k < 10_000; k++) {
      const edge = firstAtLeast(tenths, k, k * 10);
      expect(tenths(edge)).toBe(k);
      expect(tenths(nextDown(edge))).toBe(k - 1);
      if (edge < k * 10) below++;
    }
    expect(below).toBeGreaterThan(0);
  });
});
