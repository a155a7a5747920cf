/**
 * Probability distributions as plain data (`DistSpec`) and their samplers. A spec is validated
 * once by `distProblems`; `sampler(spec)` then returns a function drawing from a `Random` stream.
 * Parameters are in whatever unit the caller uses (the model uses minutes). Distributions never
 * route or schedule: they only sample.
 */
import { standardExponential } from './exponential.ts';
import { exp, log } from './math.ts';
import type { Random } from './random.ts';

export type DistSpec =
  | { dist: 'fixed'; value: number }
  | { dist: 'exponential'; mean: number }
  | { dist: 'lognormal'; mean: number; sd: number }
  | { dist: 'gamma'; mean: number; sd: number }
  | { dist: 'uniform'; min: number; max: number }
  | { dist: 'triangular'; min: number; mode: number; max: number }
  | { dist: 'empirical'; values: { value: number; weight: number }[] };

export type Sampler = (random: Random) => number;

export const DIST_NAMES = ['fixed', 'exponential', 'lognormal', 'gamma', 'uniform', 'triangular', 'empirical'] as const;

/** The largest sd / mean of a lognormal or gamma time: already far wider than any call-centre data. */
const MAX_SPREAD = 100;

/** Relations between parameters that a per-field schema cannot express; [] when valid. */
export function distProblems(spec: DistSpec): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const problem = (path: string, message: string) => problems.push({ path, message });
  switch (spec.dist) {
    case 'uniform':
      if (spec.max < spec.min) problem('max', `expected max ≥ min (${spec.min}), got ${spec.max}`);
      break;
    case 'triangular':
      if (spec.mode < spec.min || spec.mode > spec.max)
        problem('mode', `expected min ≤ mode ≤ max (${spec.min}–${spec.max}), got ${spec.mode}`);
      if (spec.max < spec.min) problem('max', `expected max ≥ min (${spec.min}), got ${spec.max}`);
      break;
    case 'lognormal':
    case 'gamma':
      // Beyond this spread the samplers' parameters overflow and times come out as NaN.
      if (spec.sd > MAX_SPREAD * spec.mean) problem('sd', `expected an sd of at most ${MAX_SPREAD} × the mean (${spec.mean}), got ${spec.sd}`);
      break;
    case 'empirical':
      if (spec.values.length === 0) problem('values', 'expected at least one { value, weight }');
      else if (!spec.values.some((v) => v.weight > 0)) problem('values', 'expected at least one weight > 0');
      break;
    default:
      break;
  }
  return problems;
}

export function meanOf(spec: DistSpec): number {
  switch (spec.dist) {
    case 'fixed':
      return spec.value;
    case 'exponential':
    case 'lognormal':
    case 'gamma':
      return spec.mean;
    case 'uniform':
      return (spec.min + spec.max) / 2;
    case 'triangular':
      return (spec.min + spec.mode + spec.max) / 3;
    case 'empirical': {
      const total = spec.values.reduce((s, v) => s + v.weight, 0);
      return spec.values.reduce((s, v) => s + v.value * v.weight, 0) / total;
    }
  }
}

export function sampler(spec: DistSpec): Sampler {
  switch (spec.dist) {
    case 'fixed': {
      const value = spec.value;
      return () => value;
    }
    case 'exponential': {
      const mean = spec.mean;
      return (random) => mean * standardExponential(random);
    }
    case 'lognormal': {
      if (spec.sd === 0) return () => spec.mean;
      const sigma2 = log(1 + (spec.sd * spec.sd) / (spec.mean * spec.mean));
      const mu = log(spec.mean) - sigma2 / 2;
      const sigma = Math.sqrt(sigma2);
      return (random) => exp(mu + sigma * standardNormal(random));
    }
    case 'gamma': {
      if (spec.sd === 0) return () => spec.mean;
      const shape = (spec.mean * spec.mean) / (spec.sd * spec.sd);
      const scale = (spec.sd * spec.sd) / spec.mean;
      return (random) => scale * standardGamma(shape, random);
    }
    case 'uniform': {
      const { min, max } = spec;
      return (random) => min + (max - min) * random();
    }
    case 'triangular': {
      const { min, mode, max } = spec;
      const split = max > min ? (mode - min) / (max - min) : 0;
      return (random) => {
        const u = random();
        return u < split
          ? min + Math.sqrt(u * (max - min) * (mode - min))
          : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
      };
    }
    case 'empirical': {
      const pick = discrete(spec.values.map((v) => v.weight));
      const values = spec.values.map((v) => v.value);
      return (random) => values[pick(random)]!;
    }
  }
}

/** Draws an index with probability proportional to its weight (cumulative table, binary search). */
export function discrete(weights: readonly number[]): (random: Random) => number {
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((w, i) => (cumulative[i] = total += w));
  const last = weights.length - 1;
  return (random) => {
    const u = random() * total;
    let lo = 0;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

/** Marsaglia's polar method; one normal per call keeps streams position-independent of history. */
function standardNormal(random: Random): number {
  for (;;) {
    const u = 2 * random() - 1;
    const v = 2 * random() - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * Math.sqrt((-2 * log(s)) / s);
  }
}

/** Marsaglia & Tsang (2000), with the boost for shape < 1. */
function standardGamma(shape: number, random: Random): number {
  if (shape < 1) return standardGamma(shape + 1, random) * exp(log(1 - random()) / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - random();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (log(u) < 0.5 * x * x + d * (1 - v + log(v))) return d * v;
  }
}
