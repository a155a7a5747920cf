import { describe, expect, it } from 'vitest';
import { createStream, distProblems, meanOf, sampler, type DistSpec } from '../../src/engine/index.ts';

function moments(spec: DistSpec, n = 200_000) {
  const draw = sampler(spec);
  const random = createStream('dist', 0, spec.dist);
  let sum = 0;
  let sq = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = draw(random);
    sum += x;
    sq += x * x;
    min = Math.min(min, x);
    max = Math.max(max, x);
  }
  const mean = sum / n;
  return { mean, sd: Math.sqrt(sq / n - mean * mean), min, max };
}

describe('distributions', () => {
  const cases: [DistSpec, number, number][] = [
    [{ dist: 'fixed', value: 3 }, 3, 0],
    [{ dist: 'exponential', mean: 6 }, 6, 6],
    [{ dist: 'lognormal', mean: 5, sd: 3 }, 5, 3],
    [{ dist: 'gamma', mean: 4, sd: 2 }, 4, 2],
    [{ dist: 'gamma', mean: 1, sd: 2 }, 1, 2], // shape < 1
    [{ dist: 'uniform', min: 2, max: 8 }, 5, 6 / Math.sqrt(12)],
    [{ dist: 'triangular', min: 1, mode: 2, max: 6 }, 3, Math.sqrt((1 + 4 + 36 - 2 - 6 - 12) / 18)],
    [{ dist: 'empirical', values: [{ value: 1, weight: 1 }, { value: 3, weight: 3 }] }, 2.5, Math.sqrt(0.75)],
  ];
  for (const [spec, mean, sd] of cases) {
    it(`${spec.dist} ${JSON.stringify(spec)} has the stated mean and sd`, () => {
      const m = moments(spec);
      expect(m.mean).toBeCloseTo(mean, 1);
      expect(m.sd).toBeCloseTo(sd, 1);
      expect(meanOf(spec)).toBeCloseTo(mean, 10);
      expect(m.min).toBeGreaterThanOrEqual(0);
    });
  }

  it('triangular stays within [min, max]', () => {
    const m = moments({ dist: 'triangular', min: 1, mode: 5, max: 6 });
    expect(m.min).toBeGreaterThanOrEqual(1);
    expect(m.max).toBeLessThanOrEqual(6);
  });

  it('distProblems names inconsistent parameters', () => {
    expect(distProblems({ dist: 'uniform', min: 5, max: 1 })).toEqual([{ path: 'max', message: 'expected max ≥ min (5), got 1' }]);
    expect(distProblems({ dist: 'triangular', min: 1, mode: 9, max: 5 })[0]!.path).toBe('mode');
    expect(distProblems({ dist: 'empirical', values: [{ value: 1, weight: 0 }] })[0]!.message).toMatch(/weight > 0/);
    expect(distProblems({ dist: 'exponential', mean: 2 })).toEqual([]);
  });
});
