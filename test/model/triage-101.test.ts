/**
 * The 101 triage step: an automated menu routes callers as they ring; a staffed screen routes them
 * when answered, after its minutes. Routed calls become online reports, leave for another team, or
 * become call-backs made after the live 101 calls.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/index.ts';
import { replications, scenario } from './scenarios.ts';

const base = {
  name: '101 triage',
  horizon: { days: 15, warmupDays: 1 },
  demand: { profile: 'flat', channels: { '101': { callsPerDay: 600 } } },
  handling: { '101': { talkMinutes: { dist: 'exponential', mean: 8 } }, online: { talkMinutes: { dist: 'exponential', mean: 10 } } },
  patience: { '101': { dist: 'exponential', mean: 4 } },
  // 101 handlers round the clock; online reports go to a desk of their own.
  staffing: {
    groups: [
      { id: 'handlers', skills: ['101'] },
      { id: 'desk', skills: ['online'] },
    ],
    shifts: ['00:00', '08:00', '16:00'].flatMap((start) => [
      { group: 'handlers', start, hours: 8, staff: 4 },
      { group: 'desk', start, hours: 8, staff: 1 },
    ]),
  },
};
const step = { toOnline: 0.1, toOtherTeam: 0.05, toCallback: 0.1 };
const total = (runs: ReturnType<typeof replications>, f: (r: ReturnType<typeof replications>[number]) => number) => runs.reduce((n, r) => n + f(r), 0);

describe('the 101 triage step', () => {
  const without = replications(scenario(base), 3, 'step');
  const automated = replications(scenario({ ...base, triage101: { mode: 'automated', ...step } }), 3, 'step');
  const staffed = replications(scenario({ ...base, triage101: { mode: 'staffed', ...step, screenMinutes: { dist: 'fixed', value: 1 } } }), 3, 'step');

  it('routes the stated shares of fresh 101 calls', () => {
    for (const runs of [automated, staffed]) {
      const fresh = total(runs, (r) => r.channels['101'].offered - r.channels['101'].redials);
      const routed = total(runs, (r) => r.triage101.toOnline + r.triage101.toOtherTeam + r.triage101.toCallback);
      // Automated: routed callers never join the live queue; staffed: all do, routed when answered.
      const arrivals = runs === automated ? fresh + routed : fresh;
      expect(total(runs, (r) => r.triage101.toOnline) / arrivals).toBeCloseTo(step.toOnline, 1);
      expect(total(runs, (r) => r.triage101.toOtherTeam) / arrivals).toBeCloseTo(step.toOtherTeam, 1);
    }
    expect(total(without, (r) => r.triage101.toOnline + r.triage101.toOtherTeam + r.triage101.toCallback)).toBe(0);
  });

  it('an automated step takes routed callers out of the live queue, so fewer hang up', () => {
    const rate = (runs: typeof without) => total(runs, (r) => r.channels['101'].abandoned) / total(runs, (r) => r.channels['101'].offered);
    expect(rate(automated)).toBeLessThan(rate(without) * 0.8);
    // The routed-online calls arrive on the digital desk as reports.
    expect(total(automated, (r) => r.channels.online.offered)).toBeGreaterThan(0);
  });

  it('a staffed step answers every call first: all fresh calls still wait for a handler', () => {
    const fresh = (runs: typeof without) => total(runs, (r) => r.channels['101'].offered - r.channels['101'].redials);
    expect(fresh(staffed) / fresh(without)).toBeGreaterThan(0.95);
    expect(fresh(automated) / fresh(without)).toBeLessThan(0.8);
  });

  it('makes call-backs after the live calls, counted apart: they wait longer than live calls, and none hangs up', () => {
    for (const r of automated) {
      const cb = r.triage101.callbacks;
      expect(cb.offered).toBe(r.triage101.toCallback);
      expect(cb.answered + cb.unresolved).toBe(cb.offered);
      expect(cb.waitSum / cb.answered).toBeGreaterThan(r.channels['101'].answerWaitSum / r.channels['101'].answered);
    }
  });

  it('refuses shares that add up past 1 and a staffed step without its minutes, naming the field', () => {
    const bad = parseScenario({ ...base, triage101: { mode: 'staffed', toOnline: 0.6, toCallback: 0.5 } });
    expect(bad.ok).toBe(false);
    const messages = bad.ok ? [] : bad.problems.map((p) => `${p.path}: ${p.message}`);
    expect(messages).toContain('triage101: expected toOnline + toCallback + toOtherTeam ≤ 1, got 1.1');
    expect(messages).toContain('triage101.screenMinutes: expected a distribution of handler minutes for a staffed step, got nothing');
  });
});
