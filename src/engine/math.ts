/**
 * Bit-reproducible natural logarithm and exponential: ports of fdlibm's e_log.c and e_exp.c
 * (Sun Microsystems, freely distributable). The ECMAScript spec leaves Math.log/exp/pow
 * "implementation-approximated", and V8 in Node and in Chromium do disagree in the last bit for a
 * few per cent of inputs, enough to change a replication. These use only IEEE +, −, ×, ÷, whose
 * results every engine rounds the same way, so the same seed gives the same numbers everywhere.
 * Accuracy: under 1 ulp, like the originals.
 */
const buffer = new ArrayBuffer(8);
const f64 = new Float64Array(buffer);
const i32 = new Int32Array(buffer);
// Word order of a double in memory: the high word is at index 1 on little-endian machines.
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
/**
 * 2^(j − 1100), exact (built by halving and doubling). fdlibm rescales by writing the exponent
 * bits back into the double; multiplying by an exact power of two gives the same bits without a
 * store-then-load through the buffer, which costs more than the whole polynomial.
 */
const POW2_OFFSET = 1100;
const POW2 = new Float64Array(2 * POW2_OFFSET);
POW2[POW2_OFFSET] = 1;
for (let j = 1; j < POW2_OFFSET; j++) {
  POW2[POW2_OFFSET + j] = POW2[POW2_OFFSET + j - 1]! * 2;
  POW2[POW2_OFFSET - j] = POW2[POW2_OFFSET - j + 1]! / 2;
}

const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const TWO54 = 1.8014398509481984e16;
const LG1 = 6.666666666666735130e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;

/** Natural logarithm (fdlibm __ieee754_log). */
export function log(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : NaN; // log(±0) = −∞, log(negative or NaN) = NaN
  if (x === Infinity) return x;
  let k = 0;
  if (x < 2.2250738585072014e-308) {
    k -= 54; // subnormal: scale up
    x *= TWO54;
  }
  f64[0] = x;
  let hx = i32[HI]!;
  // x = 2^e · m with m in [√2/2, √2): fdlibm's normalisation of x (or x/2).
  const i = ((hx & 0x000fffff) + 0x95f64) & 0x100000;
  const e = (hx >> 20) - 1023 + (i >> 20);
  hx &= 0x000fffff;
  x *= POW2[POW2_OFFSET - e]!;
  k += e;
  const f = x - 1;
  const dk = k;
  if ((0x000fffff & (2 + hx)) < 3) {
    // |f| < 2^-20
    if (f === 0) return k === 0 ? 0 : dk * LN2_HI + dk * LN2_LO;
    const r = f * f * (0.5 - 0.33333333333333333 * f);
    return k === 0 ? f - r : dk * LN2_HI - (r - dk * LN2_LO - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const r = t2 + t1;
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0 ? f - (hfsq - s * (hfsq + r)) : dk * LN2_HI - (hfsq - (s * (hfsq + r) + dk * LN2_LO) - f);
  }
  return k === 0 ? f - s * (f - r) : dk * LN2_HI - (s * (f - r) - dk * LN2_LO - f);
}

const O_THRESHOLD = 7.09782712893383973096e2;
const U_THRESHOLD = -7.45133219101941108420e2;
const INV_LN2 = 1.44269504088896338700;
const TWO_M1000 = 9.33263618503218878990e-302;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.65339022054652515390e-6;
const P5 = 4.13813679705723846039e-8;

/** e^x (fdlibm __ieee754_exp). */
export function exp(x: number): number {
  f64[0] = x;
  let hx = i32[HI]!;
  const negative = hx < 0;
  hx &= 0x7fffffff;
  if (hx >= 0x40862e42) {
    // |x| ≥ 709.78…
    if (hx >= 0x7ff00000) return Number.isNaN(x) ? x : negative ? 0 : x;
    if (x > O_THRESHOLD) return Infinity;
    if (x < U_THRESHOLD) return 0;
  }
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (hx > 0x3fd62e42) {
    // |x| > 0.5 ln2: reduce to x = k ln2 + r
    if (hx < 0x3ff0a2b2) {
      hi = negative ? x + LN2_HI : x - LN2_HI;
      lo = negative ? -LN2_LO : LN2_LO;
      k = negative ? -1 : 1;
    } else {
      k = Math.trunc(INV_LN2 * x + (negative ? -0.5 : 0.5));
      hi = x - k * LN2_HI; // exact
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    return 1 + x; // |x| < 2^-28
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2) - x);
  const y = 1 - (lo - (x * c) / (2 - c) - hi);
  // Scale by 2^k (exact while the result is normal; below that, one rounding as in fdlibm).
  if (k > 1020) return y * POW2[POW2_OFFSET + k - 4]! * 16; // 2^k itself would overflow
  if (k >= -1021) return y * POW2[POW2_OFFSET + k]!;
  return y * POW2[POW2_OFFSET + k + 1000]! * TWO_M1000;
}
