/**
 * A fit's error in words, against the error Poisson chance alone would leave (a perfect model of
 * the shape still misses each hour by about that much): a planner reads "as close as chance allows"
 * more readily than "MAPE 11.8 % (chance ≈ 11.2 %)".
 */
export function fitQuality(mape: number, chance: number): string {
  if (!Number.isFinite(mape) || !Number.isFinite(chance) || chance <= 0) return '';
  const ratio = mape / chance;
  if (ratio <= 1.1) return 'as close as chance allows';
  if (ratio <= 1.5) return 'close: a little more error than chance alone';
  if (ratio <= 2.5) return 'fair: the shape misses part of the pattern';
  return 'poor: much of the variation is not in the fitted shape';
}
