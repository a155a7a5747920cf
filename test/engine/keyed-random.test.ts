import { describe, expect, it } from 'vitest';
import { hashString, keyedRandom } from '../../src/engine/index.ts';

describe('keyedRandom', () => {
  it('gives the same number for the same key, whatever was drawn before', () => {
    const a = keyedRandom('s', 0, 'rota');
    const b = keyedRandom('s', 0, 'rota');
    const first = a(7, 3, 2);
    for (let i = 0; i < 100; i++) b(i, i, i);
    expect(b(7, 3, 2)).toBe(first);
    expect(keyedRandom('s', 1, 'rota')(7, 3, 2)).not.toBe(first);
    expect(keyedRandom('t', 0, 'rota')(7, 3, 2)).not.toBe(first);
    expect(keyedRandom('s', 0, 'other')(7, 3, 2)).not.toBe(first);
  });

  it('is uniform on [0, 1) over neighbouring keys (χ² on 20 bins, 200,000 keys)', () => {
    const draw = keyedRandom('uniform', 0, 'rota');
    const bins = new Array<number>(20).fill(0);
    let n = 0;
    for (let shift = 0; shift < 20; shift++)
      for (let day = -1; day < 99; day++)
        for (let person = 0; person < 100; person++) {
          const u = draw(hashString(`shift ${shift}`), day, person);
          expect(u >= 0 && u < 1).toBe(true);
          bins[Math.floor(u * 20)]!++;
          n++;
        }
    const expected = n / 20;
    const chi2 = bins.reduce((s, o) => s + (o - expected) ** 2 / expected, 0);
    // 19 degrees of freedom: the 99.9th percentile is 43.8.
    expect(chi2).toBeLessThan(43.8);
  });

  it('draws neighbouring keys independently: next person, next day (correlation near 0)', () => {
    const draw = keyedRandom('independent', 2, 'rota');
    const n = 50_000;
    const corr = (next: (i: number) => [number, number, number]) => {
      let sx = 0, sy = 0, sxy = 0, sxx = 0, syy = 0;
      for (let i = 0; i < n; i++) {
        const x = draw(17, i, i % 40);
        const y = draw(...next(i));
        sx += x; sy += y; sxy += x * y; sxx += x * x; syy += y * y;
      }
      return (sxy / n - (sx / n) * (sy / n)) / Math.sqrt((sxx / n - (sx / n) ** 2) * (syy / n - (sy / n) ** 2));
    };
    // The standard error of a correlation of independent draws is 1/√n ≈ 0.0045.
    expect(Math.abs(corr((i) => [17, i, (i % 40) + 1]))).toBeLessThan(0.02);
    expect(Math.abs(corr((i) => [17, i + 1, i % 40]))).toBeLessThan(0.02);
    expect(Math.abs(corr((i) => [18, i, i % 40]))).toBeLessThan(0.02);
  });

  it('gives a Bernoulli share that matches its probability (25 % absent)', () => {
    const draw = keyedRandom('absent', 0, 'rota');
    let absent = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) if (draw(hashString('Earlies'), Math.floor(i / 10), i % 10) < 0.25) absent++;
    // Binomial standard deviation √(n·0.25·0.75) ≈ 137: within 4 of them.
    expect(Math.abs(absent - 0.25 * n)).toBeLessThan(4 * Math.sqrt(n * 0.25 * 0.75));
  });
});

describe('hashString', () => {
  it('tells apart strings that differ in one character or in order', () => {
    const names = ['["call-handlers","07:00",8,[]]#0', '["call-handlers","07:00",8,[]]#1', '["call-handlers","07:01",8,[]]#0', 'ab', 'ba', '', 'a'];
    expect(new Set(names.map(hashString)).size).toBe(names.length);
    expect(hashString('Earlies')).toBe(hashString('Earlies'));
  });
});
