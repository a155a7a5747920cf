/**
 * Demand factors (hour of week, month) mean 1 by definition, so `callsPerDay` stays the average
 * day: whatever scale a shape is written in, the model and the forecast read it rescaled.
 */

/** Scales factors to mean 1 (an all-zero list stays zero). */
export function meanOne(f: readonly number[]): number[] {
  const mean = f.reduce((a, b) => a + b, 0) / f.length;
  return mean > 0 ? f.map((x) => x / mean) : f.map(() => 0);
}
