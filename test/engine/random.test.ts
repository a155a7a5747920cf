import { describe, expect, it } from 'vitest';
import xor4096 from 'seedrandom/lib/xor4096.js';
import { RandomStreams, createStream, streamSeed } from '../../src/engine/index.ts';

const draw = (r: () => number, n: number) => Array.from({ length: n }, r);

describe('random streams', () => {
  it('give the same numbers for the same (seed, replication, name)', () => {
    expect(draw(createStream('s', 3, 'arrivals'), 5)).toEqual(draw(createStream('s', 3, 'arrivals'), 5));
  });

  it('are exactly seedrandom xor4096 of the stream seed, for a long run of draws', () => {
    for (const name of ['arrivals-999', 'redial', '']) {
      const ours = draw(createStream('s', 7, name), 5000);
      expect(ours).toEqual(draw(xor4096(streamSeed('s', 7, name)), 5000));
    }
  });

  it('differ by seed, replication and name', () => {
    const base = draw(createStream('s', 0, 'a'), 3);
    expect(draw(createStream('t', 0, 'a'), 3)).not.toEqual(base);
    expect(draw(createStream('s', 1, 'a'), 3)).not.toEqual(base);
    expect(draw(createStream('s', 0, 'b'), 3)).not.toEqual(base);
  });

  it('are unaffected by creating or using other streams', () => {
    const alone = new RandomStreams('s', 0);
    const busy = new RandomStreams('s', 0);
    draw(busy.get('other'), 100);
    expect(draw(busy.get('a'), 5)).toEqual(draw(alone.get('a'), 5));
  });

  it('draw uniformly in [0, 1)', () => {
    const xs = draw(createStream('u', 0, 'x'), 100_000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((a, b) => a + b) / xs.length;
    expect(mean).toBeCloseTo(0.5, 2);
  });
});
