/**
 * A proposal as a scenario file: the scenario as the user wrote it (defaults left unstated, every
 * other field kept), with only its name and `staffing.shifts` replaced.
 * `occsim optimise --out` writes it; the app opens it as a new scenario.
 */
import type { Shift } from '../scenario/index.ts';

export function proposedScenarioJson(raw: Record<string, unknown>, proposal: { shifts: readonly Shift[] }, name: string): Record<string, unknown> {
  const staffing = (raw['staffing'] ?? {}) as Record<string, unknown>;
  return { ...raw, name, staffing: { ...staffing, shifts: proposal.shifts } };
}
