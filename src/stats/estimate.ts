/**
 * Across replications: the mean and its 95 % confidence interval (Student t), and the same for
 * paired differences (common random numbers make replication i of two scenarios comparable).
 */
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

/** Estimate of b − a over pairs where both are defined. */
export function pairedDifference(a: readonly number[], b: readonly number[]): Estimate {
  return estimate(a.map((x, i) => b[i]! - x));
}
