/**
 * 999 calls taken for neighbouring forces (demand.neighbourOverflow): an extra stream on the 999
 * queue with its own level, hour-of-week shape and dates. Off by default, so existing results do
 * not move.
 */
import { describe, expect, it } from 'vitest';
import { channelRate } from '../../src/model/demand.ts';
import { runReplication } from '../../src/model/run.ts';
import { parseScenario } from '../../src/scenario/index.ts';
import { scenario } from './scenarios.ts';

const HOUR = 3600;
/** A week that starts on Monday 6 January 2025: 120 own 999 calls a day, flat. */
const base = {
  name: 'overflow',
  horizon: { startDate: '2025-01-06', days: 14, warmupDays: 0 },
  demand: { profile: 'flat', channels: { '999': { callsPerDay: 120 } } },
  handling: { '999': { talkMinutes: { dist: 'exponential', mean: 5 } } },
  staffing: { fixed: 4 },
};
const eveningsOnly = Array.from({ length: 168 }, (_, h) => (h % 24 >= 18 ? 1 : 0));

describe('neighbour overflow', () => {
  it('adds its own rate and shape on its dates only, and only on 999', () => {
    const s = scenario({
      ...base,
      demand: { ...base.demand, neighbourOverflow: [{ from: '2025-01-10', to: '2025-01-11', callsPerDay: 96, hourOfWeek: eveningsOnly }] },
    });
    const rate = channelRate(s, '999');
    const perHour = (day: number, hour: number) => rate.perSecond(day * 24 + hour) * HOUR;
    expect(perHour(3, 20)).toBeCloseTo(5, 10); // Thursday 9 January: before the dates
    expect(perHour(4, 10)).toBeCloseTo(5, 10); // Friday morning: the shape puts none there
    expect(perHour(4, 20)).toBeCloseTo(5 + 96 / 24 / (6 / 24), 10); // evening: 6 of 24 hours carry the day
    expect(perHour(5, 23)).toBeCloseTo(5 + 16, 10); // Saturday 11 January, the last date
    expect(perHour(6, 20)).toBeCloseTo(5, 10); // Sunday: after the dates
    expect(channelRate(s, '101').perSecond(4 * 24 + 20)).toBe(0);
  });

  it('runs all through the run when it names no dates', () => {
    const s = scenario({ ...base, demand: { ...base.demand, neighbourOverflow: [{ callsPerDay: 24 }] } });
    for (const hour of [0, 100, 300]) expect(channelRate(s, '999').perSecond(hour) * HOUR).toBeCloseTo(6, 10);
  });

  it('offers the extra calls to the 999 queue in the simulation', () => {
    const without = runReplication(scenario(base), 'overflow', 0);
    const s = scenario({ ...base, demand: { ...base.demand, neighbourOverflow: [{ from: '2025-01-13', callsPerDay: 240 }] } });
    const withOverflow = runReplication(s, 'overflow', 0);
    // Seven days at 240 more a day: 1,680 expected, Poisson sd about 41; allow 4 sd.
    const extra = withOverflow.channels['999'].offered - without.channels['999'].offered;
    expect(Math.abs(extra - 1680)).toBeLessThan(4 * Math.sqrt(1680) + 40);
    expect(withOverflow.channels['999'].withinTarget / withOverflow.channels['999'].offered).toBeLessThan(
      without.channels['999'].withinTarget / without.channels['999'].offered,
    );
  });

  it('changes nothing when absent or at zero', () => {
    const zero = scenario({ ...base, demand: { ...base.demand, neighbourOverflow: [{ callsPerDay: 0 }] } });
    expect(runReplication(zero, 'overflow', 0)).toEqual(runReplication(scenario(base), 'overflow', 0));
  });

  it('names the field when its dates or shape are wrong', () => {
    const bad = parseScenario({
      ...base,
      demand: {
        ...base.demand,
        neighbourOverflow: [
          { from: '2025-01-12', to: '2025-01-10', callsPerDay: 10 },
          { callsPerDay: 10, hourOfWeek: [1, 2, 3] },
          { callsPerDay: -1 },
        ],
      },
    });
    expect(bad.ok).toBe(false);
    const paths = bad.ok ? [] : bad.problems.map((p) => `${p.path}: ${p.message}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^demand\.neighbourOverflow\.1\.hourOfWeek: expected exactly 168 /),
        expect.stringMatching(/^demand\.neighbourOverflow\.2\.callsPerDay: /),
      ]),
    );
    const datesOnly = parseScenario({
      ...base,
      demand: { ...base.demand, neighbourOverflow: [{ from: '2025-01-12', to: '2025-01-10', callsPerDay: 10 }] },
    });
    expect(datesOnly.ok ? [] : datesOnly.problems.map((p) => p.path)).toEqual(['demand.neighbourOverflow.0.to']);
  });

  it('counts as 999 demand that needs handling and staff', () => {
    const r = parseScenario({
      name: 'only overflow',
      horizon: { days: 2 },
      demand: { profile: 'flat', channels: {}, neighbourOverflow: [{ callsPerDay: 10 }] },
      handling: {},
      staffing: { groups: [{ id: 'a', skills: ['101'] }], shifts: [] },
    });
    expect(r.ok ? [] : r.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['handling.999', 'staffing']));
  });
});
