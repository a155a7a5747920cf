/**
 * A fixed log-scale histogram of durations in seconds: ~2 % relative resolution from 1 s to about
 * a year, one bin for under a second. Counts are integers, so histograms merge exactly by adding.
 */
import { exp, log } from '../engine/math.ts';

const GROWTH = log(1.02);
export const HISTOGRAM_BINS = 900;

export function binOf(seconds: number): number {
  if (seconds < 1) return 0;
  return Math.min(HISTOGRAM_BINS - 1, 1 + Math.floor(log(seconds) / GROWTH));
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
