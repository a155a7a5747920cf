/**
 * A fixed log-scale histogram of durations in seconds: ~2 % relative resolution from 1 s to about
 * a year, one bin for under a second. Counts are integers, so histograms merge exactly by adding.
 *
 * A bin is defined by a logarithm (`binByLog`), but the recorder files every answered call, so
 * `binOf` finds the same bin by comparisons instead: the least double of each bin (found from
 * `binByLog` itself, so its rounding at the edges is kept, and written out in histogram-edges.ts),
 * and a first guess from the number's power of two and its first five bits below it.
 */
import { exp, log } from '../engine/math.ts';
import { BIN_LOWEST } from './histogram-edges.ts';
import { firstAtLeast } from './step-edges.ts';

const GROWTH = log(1.02);
export const HISTOGRAM_BINS = 900;
const LAST = HISTOGRAM_BINS - 1;

/** The bin of a duration as defined: 0 under a second, then one per 2 % (the last open-ended). */
export function binByLog(seconds: number): number {
  if (seconds < 1) return 0;
  return Math.min(LAST, 1 + Math.floor(log(seconds) / GROWTH));
}

/** The least double of each bin from bin 1 on, found from `binByLog` (histogram-edges.ts is written from this). */
export function binEdgesByLog(): number[] {
  return Array.from({ length: LAST }, (_, i) => firstAtLeast(binByLog, i + 1, exp(i * GROWTH)));
}

/** lowest[b]: the least double in bin b (b ≥ 1); lowest[HISTOGRAM_BINS] = Infinity, as a sentinel. */
const lowest = Float64Array.from([-Infinity, ...BIN_LOWEST, Infinity]);

/** Each power of two from 2^0 to 2^(OCTAVES − 1), cut in 32: the bin of the cut's lower end. */
const OCTAVES = 32;
const CUTS = 32;
const octaveScale = Float64Array.from({ length: OCTAVES }, (_, e) => CUTS / 2 ** e);
const firstBin = new Int32Array(OCTAVES * CUTS);
for (let i = 0, b = 1; i < firstBin.length; i++) {
  const cut = 2 ** Math.floor(i / CUTS) * (1 + (i % CUTS) / CUTS);
  while (cut >= lowest[b + 1]!) b++;
  firstBin[i] = b;
}

/**
 * The bin of `seconds`: the same as `binByLog`, without a logarithm. A cut spans at most 3.2 %
 * (33/32), so the guess is at most two bins low.
 */
export function binOf(seconds: number): number {
  if (seconds < 1) return 0;
  if (seconds >= lowest[LAST]!) return LAST;
  // 1 <= seconds < 2^26 here, so clz32 (of the integer part) gives the power of two.
  const e = 31 - Math.clz32(seconds);
  let b = firstBin[e * CUTS + Math.floor(seconds * octaveScale[e]!) - CUTS]!;
  while (seconds >= lowest[b + 1]!) b++;
  return b;
}

/** [lower, upper) edges of a bin in seconds. */
export function binEdges(bin: number): [number, number] {
  if (bin === 0) return [0, 1];
  return [exp((bin - 1) * GROWTH), exp(bin * GROWTH)];
}

/** The q-quantile (0–1), interpolating linearly within the bin; NaN for an empty histogram. */
export function quantile(counts: ArrayLike<number>, q: number): number {
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i]!;
  if (total === 0) return NaN;
  const target = q * total;
  let cumulative = 0;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i]!;
    if (c > 0 && cumulative + c >= target) {
      const [lo, hi] = binEdges(i);
      return lo + ((target - cumulative) / c) * (hi - lo);
    }
    cumulative += c;
  }
  return binEdges(counts.length - 1)[1];
}

/** Share of the histogram at or below `seconds` (bin-resolution), for CDF charts. */
export function cdfPoints(counts: ArrayLike<number>): { seconds: number[]; p: number[] } {
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i]!;
  const seconds: number[] = [];
  const p: number[] = [];
  if (total === 0) return { seconds, p };
  let cumulative = 0;
  let last = 0;
  for (let i = 0; i < counts.length; i++) last = counts[i]! > 0 ? i : last;
  for (let i = 0; i <= last; i++) {
    cumulative += counts[i]!;
    seconds.push(binEdges(i)[1]);
    p.push(cumulative / total);
  }
  return { seconds, p };
}
