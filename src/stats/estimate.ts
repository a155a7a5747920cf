/**
 * Across replications: the mean and its 95 % confidence interval (Student t), and the same for
 * paired differences (common random numbers make replication i of two scenarios comparable).
 * Shares (service level, abandonment, occupancy) get an interval built on the logit scale, so it
 * stays inside 0–100 % however few replications there are (`shareEstimate`); quantities that cannot
 * be negative (waits, counts, backlogs) the t interval cut at 0 (`positiveEstimate`).
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

/**
 * Mean and 95 % CI of a quantity that cannot be negative (a wait, a count, a backlog) across
 * replications: the Student t interval with its lower end cut at 0, so a mean wait of 14 s over two
 * replications is not given an interval reaching below 0 s. The true value is never below 0, so
 * the cut never excludes it: the coverage is the t interval's. (A log-scale interval also stays
 * above 0, but with few, scattered replications its upper end runs to absurd multiples of the
 * mean.) Values below 0 (none expected) keep the plain t interval.
 */
export function positiveEstimate(values: readonly number[]): Estimate {
  const plain = estimate(values);
  if (plain.ci95 === null || values.some((v) => Number.isFinite(v) && v < 0)) return plain;
  return { mean: plain.mean, ci95: [Math.max(0, plain.ci95[0]), plain.ci95[1]] };
}

/** Estimate of b − a over pairs where both are defined. */
export function pairedDifference(a: readonly number[], b: readonly number[]): Estimate {
  return estimate(a.map((x, i) => b[i]! - x));
}

/**
 * Mean and 95 % CI of the paired difference of two shares, b − a, across replications. The interval
 * is MOVER (the method of variance estimates recovery; Zou & Donner 2008, after Newcombe 1998): it
 * recovers the difference's interval from each share's own interval (`shareEstimate`) and the
 * correlation of the pairs, which common random numbers make strong:
 *   lower = d − √((b̄ − l_b)² + (u_a − ā)² − 2r(b̄ − l_b)(u_a − ā))
 *   upper = d + √((u_b − b̄)² + (ā − l_a)² − 2r(u_b − b̄)(ā − l_a))
 * As each share's interval stays in 0–1, the difference's stays in −1…+1 (−100 to +100 points)
 * without being cut, and near an edge it is lopsided as the difference's uncertainty is. With
 * correlation 1 and symmetric intervals it is the paired t interval. Only replications where both
 * shares are defined count. test/stats/share-interval.test.ts checks its coverage.
 */
export function shareDifferenceEstimate(a: readonly number[], b: readonly number[]): Estimate {
  const pa: number[] = [];
  const pb: number[] = [];
  a.forEach((x, i) => {
    const y = b[i]!;
    if (Number.isFinite(x) && Number.isFinite(y)) (pa.push(x), pb.push(y));
  });
  const d = pairedDifference(pa, pb);
  if (d.mean === null || d.ci95 === null) return d;
  const A = shareEstimate(pa);
  const B = shareEstimate(pb);
  if (!A.ci95 || !B.ci95 || pa.some((v) => v < 0 || v > 1) || pb.some((v) => v < 0 || v > 1)) return d;
  const [ma, mb] = [A.mean!, B.mean!];
  const r = correlation(pa, pb);
  const below = (x: number, y: number) => Math.sqrt(Math.max(0, x * x + y * y - 2 * r * x * y));
  return {
    mean: d.mean,
    ci95: [d.mean - below(mb - B.ci95[0], A.ci95[1] - ma), d.mean + below(B.ci95[1] - mb, ma - A.ci95[0])],
  };
}

/** Pearson correlation; 0 when either side does not vary (then the intervals carry no pairing to use). */
function correlation(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}
