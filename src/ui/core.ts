/**
 * The UI's one doorway into the simulation core. Until src/scenario lands this is a stand-in that
 * accepts any object.
 */
import type { Validation } from './workspace/workspace.svelte.ts';

export type Scenario = Record<string, unknown>;

export function parseScenario(json: unknown): Validation<Scenario> {
  return typeof json === 'object' && json !== null && !Array.isArray(json)
    ? { ok: true, scenario: json as Scenario }
    : { ok: false, problems: [{ path: '', message: 'Expected a scenario object' }] };
}
