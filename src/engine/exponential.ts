/**
 * Unit exponential variates by the ziggurat method (Marsaglia & Tsang 2000, "The ziggurat method
 * for generating random variables", 256 layers): about 99 % of draws take one uniform, a table
 * lookup and one multiplication, where inverting the distribution function takes a logarithm
 * every time. Arrivals, handling and patience times are mostly exponential, so this is a good
 * part of the simulation's time.
 *
 * One uniform u = k / 2^32 (the streams' resolution) gives the layer (its low 8 bits) and the
 * position within the layer (its high 24 bits), so the two are independent. The tables are built
 * at load time from the bit-reproducible `exp`/`log` and IEEE arithmetic only, so every JavaScript
 * engine builds the same tables and draws the same numbers from the same stream.
 */
import { exp, log } from './math.ts';
import type { Random } from './random.ts';

const LAYERS = 256;
/** Positions within a layer: 24 bits. */
const POSITIONS = 2 ** 24;
/** The right edge of the base layer; beyond it is the tail, where X − R is again a unit exponential. */
const R = 7.697117470131487;
/** The area of every layer (and of the base layer with its tail). */
const AREA = 3.949659822581572e-3;

/** Per layer i: accept position p at once when p < K[i]; x = p · W[i]; F[i] = e^(−x_i) at the layer's edge. */
const K = new Float64Array(LAYERS);
const W = new Float64Array(LAYERS);
const F = new Float64Array(LAYERS);
{
  let x = R;
  let previous = R;
  const q = AREA / exp(-R);
  K[0] = Math.floor((R / q) * POSITIONS);
  K[1] = 0;
  W[0] = q / POSITIONS;
  W[LAYERS - 1] = R / POSITIONS;
  F[0] = 1;
  F[LAYERS - 1] = exp(-R);
  for (let i = LAYERS - 2; i >= 1; i--) {
    x = -log(AREA / x + exp(-x));
    K[i + 1] = Math.floor((x / previous) * POSITIONS);
    previous = x;
    F[i] = exp(-x);
    W[i] = x / POSITIONS;
  }
}

/** A draw from the exponential distribution with mean 1. */
export function standardExponential(random: Random): number {
  const bits = random() * 4294967296; // an integer below 2^32
  const i = bits & (LAYERS - 1);
  const p = bits >>> 8;
  return p < K[i]! ? p * W[i]! : edgeOrTail(random, i, p);
}

/**
 * The 1 % of draws that fall outside their layer's rectangle, out of line so that the common case
 * is small enough to be compiled into its callers: the base layer's tail, or the strip under the
 * curve (accepted, or the draw starts again).
 */
function edgeOrTail(random: Random, i: number, p: number): number {
  for (;;) {
    if (i === 0) return R - log(1 - random());
    // Between the layer's rectangle and the curve: accept under the curve, else draw again.
    const x = p * W[i]!;
    if (F[i]! + random() * (F[i - 1]! - F[i]!) < exp(-x)) return x;
    const bits = random() * 4294967296;
    i = bits & (LAYERS - 1);
    p = bits >>> 8;
    if (p < K[i]!) return p * W[i]!;
  }
}
