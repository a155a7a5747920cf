/**
 * The triage source for a scenario: the THRIVE statechart compiled into outcome tables, sampled
 * per contact in O(1). Off unless the scenario enables triage.
 */
import type { Random } from '../engine/index.ts';
import { createTriageSampler } from '../triage/index.ts';
import { CHANNELS, type Channel, type Scenario } from '../scenario/index.ts';

/** What the model needs from triage: an O(1) draw of the outcome of one contact. */
export interface TriageHook {
  sample(callType: number, random: Random): { grade: number; sendsOfficer: boolean; extraMinutes: number };
}

export function triageHookFor(scenario: Scenario, callTypeIds: readonly string[]): TriageHook | null {
  return scenario.triage.enabled ? createTriageSampler(scenario.triage, callTypeIds) : null;
}

/** Contacts per day of each call type on the given channels (diverted calls keep their type). */
export function contactsPerDayByType(scenario: Scenario, channels: readonly Channel[] = CHANNELS): Record<string, number> {
  const perDay: Record<string, number> = {};
  for (const c of channels) {
    const demand = scenario.demand.channels[c];
    const mix = demand?.mix;
    if (!demand || !mix) continue;
    const total = Object.values(mix).reduce((a, b) => a + b, 0);
    for (const [id, share] of Object.entries(mix)) perDay[id] = (perDay[id] ?? 0) + (demand.callsPerDay * share) / total;
  }
  return perDay;
}
