import { describe, expect, it } from 'vitest';
import { createStream, exp, log } from '../../src/engine/index.ts';
import * as reference from './fdlibm-reference.ts';

/** Distance in units in the last place between two doubles of the same sign. */
function ulps(a: number, b: number): number {
  const v = new BigInt64Array(new Float64Array([a, b]).buffer);
  const d = v[0]! - v[1]!;
  return Number(d < 0n ? -d : d);
}

describe('engine log and exp', () => {
  const random = createStream('math', 0, 'inputs');
  const inputs = Array.from({ length: 200_000 }, () => random() * 10 ** (random() * 24 - 12));

  it('log is within 1 ulp of the platform log', () => {
    expect(inputs.reduce((m, x) => Math.max(m, ulps(log(x), Math.log(x))), 0)).toBeLessThanOrEqual(1);
  });

  it('exp is within 1 ulp of the platform exp over the whole finite range', () => {
    const xs = Array.from({ length: 200_000 }, () => (random() - 0.5) * 1400);
    expect(xs.reduce((m, x) => Math.max(m, ulps(exp(x), Math.exp(x))), 0)).toBeLessThanOrEqual(1);
  });

  it('handles the edges as fdlibm does', () => {
    expect(log(0)).toBe(-Infinity);
    expect(log(-1)).toBeNaN();
    expect(log(1)).toBe(0);
    expect(log(Infinity)).toBe(Infinity);
    expect(log(5e-324)).toBeCloseTo(-744.44007192138, 10);
    expect(exp(0)).toBe(1);
    expect(ulps(exp(1), Math.E)).toBeLessThanOrEqual(1);
    expect(exp(-Infinity)).toBe(0);
    expect(exp(710)).toBe(Infinity);
    expect(exp(-746)).toBe(0);
    expect(exp(NaN)).toBeNaN();
  });

  it('log and exp give exactly the bits of the literal fdlibm port, over random bit patterns and uniform draws', () => {
    // Random doubles of every magnitude (subnormals, huge values, NaN, infinities) from random bits,
    // plus 1 − u as the samplers use it and the whole range of exp.
    const bits = new Uint32Array(2);
    const double = new Float64Array(bits.buffer);
    const xs: number[] = [];
    for (let i = 0; i < 100_000; i++) {
      bits[0] = random() * 2 ** 32;
      bits[1] = random() * 2 ** 32;
      xs.push(double[0]!, 1 - random(), (random() - 0.5) * 1500);
    }
    xs.push(0, -0, 5e-324, 2.2250738585072014e-308, 1, 2, 709.782712893384, -745.1332191019411, -708.4, 1.7976931348623157e308);
    const differ = (f: (x: number) => number, g: (x: number) => number) => xs.filter((x) => !Object.is(f(x), g(x)));
    expect(differ(log, reference.log)).toEqual([]);
    expect(differ(exp, reference.exp)).toEqual([]);
  });
});
