/**
 * Across replications: the mean and its 95 % confidence interval (Student t), and the same for
 * paired differences (common random numbers make replication i of two scenarios comparable).
 * Shares (service level, abandonment, occupancy) get an interval built on the logit scale, so it
 * stays inside 0–100 % however few replications there are (`shareEstimate`).
 */
// The engine's log and exp round the same in every JavaScript engine: the app and the CLI agree to the bit.
import { exp, log } from '../engine/math.ts';

export interface Estimate {
  mean: number | null;
  /** 95 % confidence interval; null when there are fewer than two replications. */
  ci95: [number, number] | null;
}

// Two-sided 95 % Student t quantiles for 1–30 degrees of freedom.
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101,
  2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** True for an { mean, ci95 } estimate, as found nested in reports. */
export function isEstimate(v: unknown): v is Estimate {
  return typeof v === 'object' && v !== null && 'mean' in v && 'ci95' in v;
}

export function tQuantile975(df: number): number {
  if (df <= 30) return T975[df - 1]!;
  // Cornish–Fisher expansion around the normal quantile; error < 1e-4 beyond 30 df.
  const z = 1.959963984540054;
  const z3 = z * z * z;
  const z5 = z3 * z * z;
  return z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df * df);
}

/** Mean and CI of the finite values (a KPI is undefined in a replication with no calls). */
export function estimate(values: readonly number[]): Estimate {
  let n = 0;
  let sum = 0;
  for (const v of values) if (Number.isFinite(v)) (n++, (sum += v));
  if (n === 0) return { mean: null, ci95: null };
  const mean = sum / n;
  if (n < 2) return { mean, ci95: null };
  let ss = 0;
  for (const v of values) if (Number.isFinite(v)) ss += (v - mean) * (v - mean);
  const half = tQuantile975(n - 1) * Math.sqrt(ss / (n - 1) / n);
  return { mean, ci95: [mean - half, mean + half] };
}

/**
 * Mean and 95 % CI of a share across replications (each value in 0–1). The mean is the same as
 * `estimate`'s; the interval is the Student t interval carried to the logit scale by the delta
 * method — logit(p̄) ± t·s/(√n·p̄(1 − p̄)) — and back, so it is never below 0 or above 1, it is
 * lopsided towards the middle near the edges as a share's uncertainty is, and it always contains
 * p̄. When every replication gives the same share (0 % abandoned in all) the interval is that
 * point. Values outside 0–1 (none expected) fall back to the plain t interval.
 * test/stats/share-interval.test.ts checks its coverage on binomial replications of known p.
 */
export function shareEstimate(values: readonly number[]): Estimate {
  const plain = estimate(values);
  const { mean, ci95 } = plain;
  if (mean === null || ci95 === null) return plain;
  if (values.some((v) => Number.isFinite(v) && (v < 0 || v > 1))) return plain;
  const half = (ci95[1] - ci95[0]) / 2;
  if (half === 0 || mean <= 0 || mean >= 1) return { mean, ci95: [mean, mean] };
  const centre = log(mean / (1 - mean));
  const spread = half / (mean * (1 - mean));
  const back = (x: number) => 1 / (1 + exp(-x));
  return { mean, ci95: [back(centre - spread), back(centre + spread)] };
}

/** Estimate of b − a over pairs where both are defined. */
export function pairedDifference(a: readonly number[], b: readonly number[]): Estimate {
  return estimate(a.map((x, i) => b[i]! - x));
}
