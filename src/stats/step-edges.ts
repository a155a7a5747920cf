/**
 * Where a step function of time moves up. The recorder's hours and the histogram's bins are
 * integer-valued, non-decreasing functions of a double (`Math.floor(t / 3600)`,
 * `1 + Math.floor(log(s) / GROWTH)`). Knowing the exact double at which such a function reaches k
 * lets the hot path test `lo <= t && t < hi` instead of dividing or taking a logarithm, and still
 * get the same integer for every input, rounding at the edges included.
 */

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);

/** The next double above `x` (finite `x`). */
export function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  f64[0] = x;
  u64[0] = x > 0 ? u64[0]! + 1n : u64[0]! - 1n;
  return f64[0]!;
}

/** The next double below `x` (finite `x`). */
export function nextDown(x: number): number {
  return -nextUp(-x);
}

/**
 * The least double t with f(t) >= k, for f non-decreasing; `guess` must lie within a few ulps of it
 * (the search steps one double at a time). Found by evaluating f itself, so it holds whatever
 * rounding f does.
 */
export function firstAtLeast(f: (t: number) => number, k: number, guess: number): number {
  let t = guess;
  while (f(t) >= k) t = nextDown(t);
  while (f(t) < k) t = nextUp(t);
  return t;
}
