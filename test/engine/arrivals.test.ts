import { describe, expect, it } from 'vitest';
import { PiecewiseArrivals, createStream } from '../../src/engine/index.ts';

describe('PiecewiseArrivals', () => {
  it('produces Poisson counts matching each piece’s rate', () => {
    const rates = [0.5, 0, 2, 1]; // per second, pieces of 1000 s, repeated
    const end = 400 * 1000;
    const arrivals = new PiecewiseArrivals((p) => rates[p % 4]!, 1000, createStream('nhpp', 0, 'a'), end);
    const counts = [0, 0, 0, 0];
    for (let t = arrivals.next(); t < end; t = arrivals.next()) counts[Math.floor(t / 1000) % 4]!++;
    const perPiece = counts.map((c) => c / 100 / 1000);
    expect(perPiece[0]).toBeCloseTo(0.5, 1);
    expect(perPiece[1]).toBe(0);
    expect(perPiece[2]).toBeCloseTo(2, 1);
    expect(perPiece[3]).toBeCloseTo(1, 1);
  });

  it('returns Infinity when no arrival falls before the end', () => {
    const arrivals = new PiecewiseArrivals(() => 0, 3600, createStream('nhpp', 0, 'b'), 1e6);
    expect(arrivals.next()).toBe(Infinity);
  });

  it('ends the stream at `end`: no arrival at or after it, then Infinity for good', () => {
    const end = 10_000;
    const arrivals = new PiecewiseArrivals(() => 0.05, 3600, createStream('nhpp', 0, 'c'), end);
    let last = 0;
    for (let t = arrivals.next(); t < Infinity; t = arrivals.next()) {
      expect(t).toBeGreaterThan(last);
      expect(t).toBeLessThan(end);
      last = t;
    }
    expect(last).toBeGreaterThan(end - 1000);
    expect(arrivals.next()).toBe(Infinity);
  });
});
