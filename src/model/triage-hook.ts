/**
 * The triage source for a scenario: the THRIVE statechart compiled into outcome tables, sampled
 * per contact in O(1). Off unless the scenario enables triage.
 */
import { createTriageSampler } from '../triage/index.ts';
import type { Scenario } from '../scenario/index.ts';
import type { TriageHook } from './occ.ts';

export function triageHookFor(scenario: Scenario, callTypeIds: readonly string[]): TriageHook | null {
  return scenario.triage.enabled ? createTriageSampler(scenario.triage, callTypeIds) : null;
}
