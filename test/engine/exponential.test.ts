import { describe, expect, it } from 'vitest';
import { createStream } from '../../src/engine/index.ts';
import { standardExponential } from '../../src/engine/exponential.ts';

const N = 400_000;

function draws(seed: string): Float64Array {
  const random = createStream(seed, 0, 'exponential');
  const x = new Float64Array(N);
  for (let i = 0; i < N; i++) x[i] = standardExponential(random);
  return x;
}

describe('standardExponential (ziggurat)', () => {
  const x = draws('ziggurat');

  it('passes a Kolmogorov–Smirnov test against the unit exponential', () => {
    const sorted = Float64Array.from(x).sort();
    let d = 0;
    for (let i = 0; i < N; i++) {
      const cdf = 1 - Math.exp(-sorted[i]!);
      d = Math.max(d, (i + 1) / N - cdf, cdf - i / N);
    }
    // The 1 % critical value of √N · D is 1.63.
    expect(Math.sqrt(N) * d).toBeLessThan(1.63);
  });

  it('has mean 1 and variance 1, within four standard errors', () => {
    let sum = 0;
    let sq = 0;
    let min = Infinity;
    for (const v of x) {
      sum += v;
      sq += v * v;
      min = Math.min(min, v);
    }
    const mean = sum / N;
    const variance = sq / N - mean * mean;
    expect(Math.abs(mean - 1)).toBeLessThan(4 / Math.sqrt(N)); // sd of X is 1
    expect(Math.abs(variance - 1)).toBeLessThan(4 * Math.sqrt(8 / N)); // var of X² is 20, of (X−1)² is 8
    expect(min).toBeGreaterThanOrEqual(0);
  });

  it('draws the tail beyond the base layer as often as the exponential does, memoryless there', () => {
    const R = 7.697117470131487;
    const tail = x.filter((v) => v > R);
    const expected = N * Math.exp(-R);
    expect(Math.abs(tail.length - expected)).toBeLessThan(4 * Math.sqrt(expected));
    const excess = tail.reduce((s, v) => s + v - R, 0) / tail.length;
    expect(Math.abs(excess - 1)).toBeLessThan(4 / Math.sqrt(tail.length));
  });

  it('draws the same numbers from the same stream', () => {
    expect(draws('ziggurat').slice(0, 1000)).toEqual(x.slice(0, 1000));
  });
});
