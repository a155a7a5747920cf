/**
 * The expected grade mix of a set of contacts, exactly, from the compiled tables: each call type's
 * mix (`gradeMixOf`) weighted by how many contacts of that type there are. It answers "what share
 * of contacts would this policy send an officer to?" before any simulation runs: the policy form's
 * preview and the calibration test against the published figures both use it.
 */
import { createTriageSampler, gradeMixOf } from './sampler.ts';
import type { TriageConfig } from './schema.ts';

export interface GradeMix {
  /** Share of contacts per grade, index 0–3 for grades 1–4. */
  shares: number[];
  /** Per call type, its own grade shares, in the order of the weights given. */
  byCallType: { id: string; weight: number; shares: number[] }[];
}

/** Expected grade mix of contacts whose call types come in the given (relative) numbers. */
export function expectedGradeMix(config: TriageConfig, weights: Readonly<Record<string, number>>): GradeMix {
  const ids = Object.keys(weights).filter((id) => weights[id]! > 0);
  const total = ids.reduce((sum, id) => sum + weights[id]!, 0);
  if (total <= 0) throw new RangeError('expected at least one call type with a positive number of contacts');
  const sampler = createTriageSampler(config, ids);
  const byCallType = ids.map((id, i) => ({ id, weight: weights[id]! / total, shares: gradeMixOf(sampler, i) }));
  const shares = [0, 1, 2, 3].map((g) => byCallType.reduce((sum, t) => sum + t.weight * t.shares[g]!, 0));
  return { shares, byCallType };
}
