/** The triage source for a scenario: none until the THRIVE statechart is wired in. */
import type { Scenario } from '../scenario/index.ts';
import type { TriageHook } from './occ.ts';

export function triageHookFor(_scenario: Scenario): TriageHook | null {
  return null;
}
