/**
 * Where a step function of time moves up. The histogram's bins are an integer-valued,
 * non-decreasing function of a double (`1 + Math.floor(log(s) / GROWTH)`). Knowing the exact double
 * at which such a function reaches k lets the hot path compare instead of taking a logarithm, and
 * still get the same integer for every input, rounding at the edges included.
 */

// A double's two 32-bit halves, to step to its neighbour; which half is low depends on the platform.
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const LOW = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;
const HIGH = 1 - LOW;

/** The double next to `x` (finite, non-zero) away from zero, or towards it. */
function stepMagnitude(x: number, away: boolean): number {
  f64[0] = x;
  if (away) {
    if (u32[LOW] === 0xffffffff) u32[HIGH]!++;
    u32[LOW]!++;
  } else {
    if (u32[LOW] === 0) u32[HIGH]!--;
    u32[LOW]!--;
  }
  return f64[0]!;
}

/** The next double above `x` (finite `x`). */
export function nextUp(x: number): number {
  return x === 0 ? Number.MIN_VALUE : stepMagnitude(x, x > 0);
}

/** The next double below `x` (finite `x`). */
export function nextDown(x: number): number {
  return x === 0 ? -Number.MIN_VALUE : stepMagnitude(x, x < 0);
}

/**
 * The least double t with f(t) >= k, for f non-decreasing; `guess` must lie within a few ulps of it
 * (the search steps one double at a time). Found by evaluating f itself, so it holds whatever
 * rounding f does.
 */
export function firstAtLeast(f: (t: number) => number, k: number, guess: number): number {
  let t = guess;
  if (f(t) >= k) {
    for (let below = nextDown(t); f(below) >= k; below = nextDown(t)) t = below;
    return t;
  }
  do t = nextUp(t);
  while (f(t) < k);
  return t;
}
