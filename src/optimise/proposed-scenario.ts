/**
 * A proposal as a scenario file: the scenario as the user wrote it (defaults left unstated, every
 * other field kept), with only its name, `staffing.shifts` and its seed replaced: the seed of the
 * verification run, so that `occsim run` of the file repeats that run exactly, whatever --seed the
 * proposal was made with.
 * `occsim optimise --out` writes it; the app opens it as a new scenario.
 */
import type { Shift } from '../scenario/index.ts';

export function proposedScenarioJson(
  raw: Record<string, unknown>,
  proposal: { shifts: readonly Shift[]; verification: { seed: string } },
  name: string,
): Record<string, unknown> {
  const staffing = (raw['staffing'] ?? {}) as Record<string, unknown>;
  return { ...raw, name, seed: proposal.verification.seed, staffing: { ...staffing, shifts: proposal.shifts } };
}
