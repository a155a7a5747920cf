import { describe, expect, it } from 'vitest';
import { normalise, resolveFactors, scaleHours } from '../../src/ui/editors/factors.ts';
import { clockOf, minutesOf } from '../../src/ui/editors/rota.ts';

describe('demand shape helpers', () => {
  it('scaleHours scales a window that wraps past midnight on one day only', () => {
    const out = scaleHours(new Array(168).fill(1), 4, 22, 2, 2);
    expect(out[4 * 24 + 22]).toBe(2);
    expect(out[4 * 24 + 23]).toBe(2);
    expect(out[4 * 24 + 0]).toBe(2); // Friday 00:00–02:00 is part of "Friday 22:00 to 02:00" on the same day
    expect(out[4 * 24 + 2]).toBe(1);
    expect(out[3 * 24 + 22]).toBe(1);
  });
  it('normalise rescales to mean 1', () => {
    expect(normalise([1, 3])).toEqual([0.5, 1.5]);
  });
  it('resolveFactors falls back to flat ones for a missing or wrong-length shape', () => {
    expect(resolveFactors(undefined, 12)).toEqual(new Array(12).fill(1));
    expect(resolveFactors([1, 2], 12)).toEqual(new Array(12).fill(1));
    expect(resolveFactors('uk-month', 12)).toHaveLength(12);
  });
});

describe('rota helpers', () => {
  it('clock arithmetic wraps around the day', () => {
    expect(minutesOf('07:15')).toBe(435);
    expect(clockOf(-15)).toBe('23:45');
    expect(clockOf(1440 + 60)).toBe('01:00');
  });
});
