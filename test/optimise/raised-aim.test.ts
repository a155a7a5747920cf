import { describe, expect, it } from 'vitest';
import { raisedAim } from '../../src/optimise/optimise.ts';

describe('raisedAim', () => {
  it('raises a missed aim by the shortfall, half a point at least', () => {
    // Aim 91 %, standard 90 %, lower bound 87 %: three points short → 94 %.
    expect(raisedAim(0.91, 0.9, 0.87)).toBeCloseTo(0.94, 12);
    // A hair short still moves half a point.
    expect(raisedAim(0.91, 0.9, 0.899)).toBeCloseTo(0.915, 12);
  });

  it('never asks for 100 %: at most halfway from the aim to it', () => {
    // Nine points short from 91 % would be 100 %; halfway is 95.5 %.
    expect(raisedAim(0.91, 0.9, 0.81)).toBeCloseTo(0.955, 12);
    let aim = 0.91;
    for (let i = 0; i < 20; i++) aim = raisedAim(aim, 0.9, 0.5);
    expect(aim).toBeLessThan(1);
  });
});
