/**
 * Hang-ups decided when the caller is reached (channels without redial) against a hang-up event
 * per waiting caller: the same model with the same random draws, so every count must be equal and
 * every sum equal up to the order its terms were added in. Only the number of events differs.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { callTypeTables } from '../../src/model/call-types.ts';
import { OccSimulation } from '../../src/model/occ.ts';
import { triageHookFor } from '../../src/model/triage-hook.ts';
import type { Scenario } from '../../src/scenario/index.ts';
import type { ReplicationStats } from '../../src/stats/replication.ts';
import { scenario } from './scenarios.ts';

function run(s: Scenario, replication: number, eager: boolean): ReplicationStats {
  const types = callTypeTables(s);
  return new OccSimulation(s, types, 'lazy', replication, triageHookFor(s, types.ids), eager).run();
}

/** Paths where two results differ: integers exactly, other numbers beyond a relative 1e-9. */
function differences(a: unknown, b: unknown, path = ''): string[] {
  if (typeof a === 'number' && typeof b === 'number') {
    const same = Number.isInteger(a) && Number.isInteger(b) ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
    return same ? [] : [`${path}: ${a} vs ${b}`];
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) => differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`));
  }
  return a === b ? [] : [`${path}: ${String(a)} vs ${String(b)}`];
}

function expectSameOutcomes(s: Scenario, replications = 2) {
  for (let r = 0; r < replications; r++) {
    const eager = run(s, r, true);
    const lazy = run(s, r, false);
    expect(lazy.events).toBeLessThan(eager.events);
    expect(differences({ ...lazy, events: 0 }, { ...eager, events: 0 })).toEqual([]);
  }
}

const shipped = (name: string) => JSON.parse(readFileSync(new URL(`../../scenarios/${name}.json`, import.meta.url), 'utf8'));

describe('hang-ups decided lazily give the outcomes of hang-up events', () => {
  it('on a shipped scenario with nobody ringing back', () => {
    const json = shipped('baseline');
    delete json.redial;
    json.horizon = { days: 21, warmupDays: 7 };
    const s = scenario(json);
    expect(s.redial['999'] ?? s.redial['101']).toBeFalsy();
    expectSameOutcomes(s);
  });

  it('beside a channel that rings back (999 lazy, 101 with hang-up events and redials into 999)', () => {
    const json = shipped('baseline');
    delete json.redial['999'];
    json.horizon = { days: 21, warmupDays: 7 };
    expectSameOutcomes(scenario(json));
  });

  it('when calls are still queued at the horizon and the drain limit cuts the run short', () => {
    // One handler and patience of weeks: the queue outlasts the drain limit after the horizon.
    const s = scenario({
      name: 'overloaded',
      horizon: { days: 3, warmupDays: 0 },
      demand: { profile: 'flat', channels: { '999': { callsPerDay: 300 }, '101': { callsPerDay: 600 } } },
      handling: { '999': { talkMinutes: { dist: 'exponential', mean: 10 } }, '101': { talkMinutes: { dist: 'exponential', mean: 10 } } },
      patience: { '999': { dist: 'exponential', mean: 60 * 24 * 10 }, '101': { dist: 'exponential', mean: 60 * 24 * 20 } },
      staffing: { fixed: 1 },
    });
    const eager = run(s, 0, true);
    expect(eager.channels['101'].unresolved, 'the drain limit is reached').toBeGreaterThan(0);
    expect(eager.channels['101'].abandoned).toBeGreaterThan(0);
    expectSameOutcomes(s, 3);
  });
});
