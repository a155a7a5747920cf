/**
 * Cases whose answer is known: flat Poisson demand, exponential handling, no abandonment, one
 * pool of handlers, and the target asked of every hour (an hour floor equal to the standard).
 * Each hour is then an M/M/n queue in steady state, Erlang C is exact, and with 8-hour shifts on
 * the hour the cheapest rota puts exactly Erlang C's number on every hour.
 *
 * The simulation judges each hour on the replications it is given, and an hour that truly
 * answers 90.8 % can read below 85 % by chance: with four replications (16 weeks an hour) one seed
 * in three left six or more hours one off Erlang C, and one in three proposals carried an extra
 * shift. With eight, over 20 seeds and two orders of random draws, at most two hours in 168 were
 * one off and 20 of 21 proposals were the optimum (the other one shift-day dearer). So the tests
 * run eight, and the proposal is checked on three seeds: the optimum on at least two of them, and
 * never more than one shift-day above it on any.
 */
import { describe, expect, it } from 'vitest';
import loadHighs from 'highs';
import { scenario } from '../model/scenarios.ts';
import { runReplication } from '../../src/model/run.ts';
import { agentsNeeded } from '../../src/stats/erlang.ts';
import { poolsOf } from '../../src/optimise/pools.ts';
import { iterativeStaffing, optimisationWindow, poolLimits } from '../../src/optimise/iterative-staffing.ts';
import { optimiseRota, type Simulate } from '../../src/optimise/optimise.ts';
import type { Scenario } from '../../src/scenario/index.ts';

const highs = await loadHighs();
// 60 calls an hour, 5 minutes each: Erlang C gives 78.3 % within 60 s with 7 handlers and 90.8 % with 8.
const target = { seconds: 60, share: 0.85 };
const REPLICATIONS = 8;
const mmn = (seed = 'mmn', optimise: object = {}) =>
  scenario({
    name: 'M/M/n',
    seed,
    horizon: { startDate: '2025-01-06', days: 29, warmupDays: 1 },
    demand: { profile: 'flat', channels: { '101': { callsPerDay: 1440 } } },
    handling: { '101': { talkMinutes: { dist: 'exponential', mean: 5 } } },
    staffing: {
      groups: [{ id: 'handlers', skills: ['101'], costPerHour: 20 }],
      shifts: [{ group: 'handlers', start: '07:00', hours: 8, staff: 12 }],
    },
    targets: { '101': target },
    optimise: { templates: [{ group: 'handlers', starts: ['00:00', '08:00', '16:00'], hours: [8] }], hourFloor: { '101': 0.85 }, weeks: 4, replications: REPLICATIONS, ...optimise },
  });
const simulate: Simulate = async (s: Scenario, seed, indices) => indices.map((i) => runReplication(s, seed, i));
const erlangC = agentsNeeded('C', { arrivalRate: 60 / 3600, serviceRate: 1 / 300, abandonRate: 0 }, target);

describe('the optimiser on an M/M/n queue', () => {
  it('Erlang C needs 8 handlers here (the known answer the tests below expect)', () => {
    expect(erlangC).toBe(8);
  });

  it.each([4, 12])('iterativeStaffing converges to Erlang C from %i handlers in every hour', async (start) => {
    const s = mmn();
    const window = optimisationWindow(s, 4);
    const pools = poolsOf(s);
    const result = await iterativeStaffing({
      window,
      pools,
      start: { '101': new Array(168).fill(start) },
      limits: poolLimits(window, pools),
      rounds: 8,
      shares: { '101': 0.85 },
      floors: { '101': 0.85 },
      simulate: (sc) => simulate(sc, 'isa', Array.from({ length: REPLICATIONS }, (_, i) => i)),
      weeksSimulated: 4 * REPLICATIONS,
    });
    // Each hour is judged on weeks of simulation, so an hour may settle one away from the answer
    // by chance; the algorithm converges, to Erlang C in nearly every hour and within one in all.
    expect(result.converged).toBe(true);
    const hours = result.requirement['101']!;
    expect(hours.every((n) => Math.abs(n - erlangC) <= 1)).toBe(true);
    expect(hours.filter((n) => n === erlangC).length).toBeGreaterThanOrEqual(0.97 * 168);
  }, 120_000);

  it('optimiseRota proposes the known optimum with flat demand and 8-hour shifts, and meets the standard on fresh seeds', async () => {
    const optimum = 168 * erlangC * 20; // 8 on the floor every hour of the week at £20
    const exact: string[] = [];
    for (const seed of ['mmn', 'mmn-2', 'mmn-3']) {
      const seen: string[] = [];
      const tracking: Simulate = (s, seed, indices) => {
        seen.push(...indices.map((i) => `${seed}#${i}`));
        return simulate(s, seed, indices);
      };
      const p = await optimiseRota(mmn(seed), { seed, replications: REPLICATIONS, budgetSeconds: 600, sipp: false }, { highs, simulate: tracking });
      expect(p.standards, seed).toEqual([expect.objectContaining({ channel: '101', met: true })]);
      expect(p.stoppedBy, seed).toBe('all standards met');
      // Never more than one shift-day (8 hours at £20) above the optimum, nor below it.
      expect(p.costPerWeek, seed).toBeGreaterThanOrEqual(optimum);
      expect(p.costPerWeek, seed).toBeLessThanOrEqual(optimum + 8 * 20);
      if (p.costPerWeek === optimum) {
        exact.push(seed);
        expect(p.lowerBoundPerWeek, seed).toBeCloseTo(optimum, 6);
        expect(p.shifts.map((x) => [x.start, x.staff, x.days.length]), seed).toEqual([
          ['00:00', 8, 7],
          ['08:00', 8, 7],
          ['16:00', 8, 7],
        ]);
      }
      // Verification runs on the scenario's seed; nothing optimisation simulated used it.
      const verification = new Set(Array.from({ length: REPLICATIONS }, (_, i) => `${seed}#${i}`));
      const optimisation = seen.slice(0, -REPLICATIONS);
      expect(seen.slice(-REPLICATIONS)).toEqual([...verification]);
      expect(optimisation.length).toBeGreaterThan(0);
      expect(optimisation.filter((k) => verification.has(k))).toEqual([]);
    }
    expect(exact.length, `the optimum on ${exact.join(', ')}`).toBeGreaterThanOrEqual(2);
  }, 300_000);
});
