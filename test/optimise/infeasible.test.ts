/** Inputs the optimiser cannot satisfy get a message naming the field and the reason, never a crash. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import loadHighs from 'highs';
import { runReplication } from '../../src/model/run.ts';
import { parseScenario, type Scenario } from '../../src/scenario/index.ts';
import { optimiseRota, OptimiseInputError, type Simulate } from '../../src/optimise/optimise.ts';
import { scenario } from '../model/scenarios.ts';

const highs = await loadHighs();
const simulate: Simulate = async (s: Scenario, seed, indices) => indices.map((i) => runReplication(s, seed, i));
const small = JSON.parse(readFileSync(new URL('../fixtures/optimise-small.json', import.meta.url), 'utf8'));
const withChanges = (patch: (json: typeof small) => void) => {
  const json = structuredClone(small);
  patch(json);
  return json;
};
const options = { seed: 'small', replications: 3, budgetSeconds: 600, sipp: false };

describe('optimiser inputs', () => {
  it('parseScenario names the template field that refers to no group or has a break past the shift', () => {
    const r = parseScenario(
      withChanges((j) => {
        j.optimise.templates = [{ group: 'nobody', starts: ['07:00'], hours: [6], breakPlans: [[{ afterMinutes: 300, minutes: 90 }]] }];
        j.optimise.maxOnDuty = { ghosts: 3 };
      }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual(
      expect.arrayContaining([
        { path: 'optimise.templates.0.group', message: 'expected one of "handlers", got "nobody"' },
        { path: 'optimise.templates.0.breakPlans.0.0', message: 'break ends after the shortest length (6 h)' },
        { path: 'optimise.maxOnDuty.ghosts', message: 'expected one of "handlers", got "ghosts"' },
      ]),
    );
  });

  it('optimiseRota refuses templates that leave a channel with demand uncovered', async () => {
    const s = scenario(
      withChanges((j) => {
        j.staffing.groups.push({ id: 'desk', skills: ['online'], costPerHour: 15 });
        j.optimise.templates = [{ group: 'desk', starts: ['07:00'], hours: [8] }];
      }),
    );
    const error = await optimiseRota(s, options, { highs, simulate }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OptimiseInputError);
    expect((error as OptimiseInputError).problems).toEqual([
      { path: 'optimise.templates', message: 'no template for a group skilled for 101 (handlers), which has demand' },
    ]);
  });

  it('optimiseRota says which standard a desk cap makes unreachable, why, and the best achievable', async () => {
    // Erlang C needs 8 handlers on the floor every hour; only 6 desks are usable.
    const s = scenario(withChanges((j) => (j.desks = { periods: [{ usable: 6 }] })));
    const p = await optimiseRota(s, options, { highs, simulate });
    const std = p.standards.find((x) => x.channel === '101')!;
    expect(std.met).toBe(false);
    expect(p.infeasible).toHaveLength(1);
    expect(p.infeasible[0]).toMatchObject({ channel: '101', bestAchievable: std.achieved });
    expect(p.infeasible[0]!.why).toMatch(/^in 168 hours of the week \(Mon 00:00, Mon 01:00, .*\) 101 needs more staff on the floor than the usable desks/);
    expect(std.achieved.mean!).toBeLessThan(0.85);
    // The best achievable fills the desks: 6 on the floor every hour, no more.
    expect(p.shifts.every((x) => x.staff === 6)).toBe(true);
  }, 60_000);

  it('optimiseRota explains a rota that cannot change enough (maxChanges) to cover the requirement', async () => {
    // The current rota has 6 on nights; every hour must reach 85 %, which takes 8, and no change is allowed.
    const s = scenario(withChanges((j) => Object.assign(j.optimise, { maxChanges: 0, hourFloor: { '101': 0.85 } })));
    const error = await optimiseRota(s, options, { highs, simulate }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OptimiseInputError);
    expect((error as OptimiseInputError).problems[0]).toEqual({
      path: 'optimise',
      message: 'no choice of the allowed shifts covers the requirement within the limits (optimise.maxChanges may be too small to reach it)',
    });
  }, 60_000);

  it('optimiseRota keeps to maxChanges: at most 30 person-shifts a week change, and the thin nights gain staff', async () => {
    const s = scenario(withChanges((j) => Object.assign(j.optimise, { maxChanges: 30, hourFloor: { '101': 0.85 } })));
    const p = await optimiseRota(s, options, { highs, simulate });
    const staffDays = (shifts: { start: string; staff: number; days: string[] }[], start: string) =>
      shifts.filter((x) => x.start === start).reduce((n, x) => n + x.staff * x.days.length, 0);
    const current = s.staffing.shifts!;
    const moved = ['07:00', '15:00', '23:00'].reduce((n, t) => n + Math.abs(staffDays(p.shifts, t) - staffDays(current, t)), 0);
    expect(moved).toBeLessThanOrEqual(30);
    expect(staffDays(p.shifts, '23:00')).toBeGreaterThanOrEqual(8 * 7);
    expect(p.standards[0]!.met).toBe(true);
  }, 60_000);
});
