import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../src/engine/index.ts';
import { BIN_LOWEST } from '../../src/stats/histogram-edges.ts';
import { HISTOGRAM_BINS, binByLog, binEdges, binEdgesByLog, binOf } from '../../src/stats/histogram.ts';
import { nextDown, nextUp } from '../../src/stats/step-edges.ts';

describe('binOf', () => {
  it('compares with the bin edges binByLog has (histogram-edges.ts is up to date: else run scripts/histogram-edges.ts)', () => {
    expect(BIN_LOWEST).toHaveLength(HISTOGRAM_BINS - 1);
    expect(BIN_LOWEST).toEqual(binEdgesByLog());
  });

  it('gives the bin binByLog gives at every bin edge, and for 64 doubles either side of it', () => {
    const wrong: string[] = [];
    for (let b = 1; b < HISTOGRAM_BINS; b++) {
      const edge = BIN_LOWEST[b - 1]!;
      let below = edge;
      let above = edge;
      if (binOf(edge) !== b) wrong.push(`binOf(${edge}) = ${binOf(edge)}, not ${b}`);
      for (let k = 0; k < 64; k++) {
        below = nextDown(below);
        above = nextUp(above);
        // binByLog steps once there (so a table of edges can stand for it), and binOf agrees.
        for (const [x, want] of [[below, b - 1], [above, b]] as const) {
          if (binByLog(x) !== want) wrong.push(`binByLog(${x}) = ${binByLog(x)}, not ${want}`);
          if (binOf(x) !== want) wrong.push(`binOf(${x}) = ${binOf(x)}, not ${want}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('gives the bin binByLog gives for a million waits of every size', () => {
    const random = new RandomStreams('histogram', 0).get('waits');
    let differ = 0;
    for (let i = 0; i < 1_000_000; i++) {
      // Log-uniform from a tenth of a second to ten years, with whole and half seconds among them.
      const s = 0.1 * Math.exp(random() * 22);
      for (const x of [s, Math.round(s), Math.round(s) + 0.5]) if (binOf(x) !== binByLog(x)) differ++;
    }
    expect(differ).toBe(0);
  });

  it('puts a zero wait and anything under a second in bin 0, and very long waits in the last bin', () => {
    expect(binOf(0)).toBe(0);
    expect(binOf(nextDown(1))).toBe(0);
    expect(binOf(1)).toBe(1);
    expect(binOf(1e9)).toBe(HISTOGRAM_BINS - 1);
    expect(binOf(Infinity)).toBe(HISTOGRAM_BINS - 1);
  });

  it('files each bin edge from binEdges in that bin', () => {
    for (let b = 1; b < HISTOGRAM_BINS; b++) {
      const [lo, hi] = binEdges(b);
      const mid = Math.sqrt(lo * hi);
      expect(binOf(mid)).toBe(b);
    }
  });
});
