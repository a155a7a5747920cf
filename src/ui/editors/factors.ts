/**
 * Demand shape helpers for the editors: a shape is either the name of a profile shipped in seeds/
 * or the factors themselves. The editors show and paint the factors; painting a named profile first
 * turns it into its own copy of the numbers.
 */
import { seedProfile, SEED_PROFILE_NAMES } from '../core.ts';

export type Shape = string | readonly unknown[] | undefined;

export function isProfileName(shape: unknown): shape is string {
  return typeof shape === 'string' && (SEED_PROFILE_NAMES as readonly string[]).includes(shape);
}

/** The factors a shape stands for; `fallback` (usually flat ones) when it is unset or unreadable. */
export function resolveFactors(shape: unknown, n: number): number[] {
  if (isProfileName(shape)) {
    const f = seedProfile(shape);
    if (f.length === n) return [...f];
  }
  if (Array.isArray(shape) && shape.length === n) return shape.map((v) => (typeof v === 'number' && Number.isFinite(v) ? v : NaN));
  return Array.from({ length: n }, () => 1);
}

export function profilesOfLength(n: number): string[] {
  return SEED_PROFILE_NAMES.filter((name) => seedProfile(name).length === n);
}

/** Rescale to mean 1, so calls per day stays the day's total and the shape only moves them. */
export function normalise(factors: readonly number[]): number[] {
  const finite = factors.filter(Number.isFinite);
  const mean = finite.reduce((s, f) => s + f, 0) / (finite.length || 1);
  return mean > 0 ? factors.map((f) => round(f / mean)) : [...factors];
}

export function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}

/** Multiply the cells of the chosen days (null: every day) and hours [from, to) by `by`. */
export function scaleHours(factors: readonly number[], day: number | null, from: number, to: number, by: number): number[] {
  return factors.map((f, i) => {
    const d = Math.floor(i / 24);
    const h = i % 24;
    const inHours = from <= to ? h >= from && h < to : h >= from || h < to;
    return (day === null || d === day) && inHours ? round(f * by) : f;
  });
}
