/**
 * The staffing timeline is the one rule for who is on the floor: the simulation's mean staff on the
 * floor per hour of week must equal the planner's expected value, for every start weekday, with
 * and without warm-up, breaks, shrinkage, shielding and a desk cap. Exactly where nothing is
 * random; within the replications' sampling error where shrinkage is drawn.
 */
import { describe, expect, it } from 'vitest';
import { runReplication } from '../../src/model/run.ts';
import { simCalendar } from '../../src/model/calendar-time.ts';
import { StaffingTimeline, breakWaves, templateCoverage, waveSize } from '../../src/model/timeline.ts';
import { floorCapacity, NO_CAP } from '../../src/model/capacity.ts';
import type { Scenario } from '../../src/scenario/index.ts';
import { scenario } from './scenarios.ts';

const MONDAY = 6; // 2025-01-06
const startDate = (weekday: number) => `2025-01-${String(MONDAY + weekday).padStart(2, '0')}`;

/** Shifts and breaks start on quarter hours, where the simulation samples the floor. Three groups: two at desks (one all-skilled, one 101-only) and a digital desk working from home. */
const GROUPS = [
  { id: 'all', skills: ['999', '101'] },
  { id: 'only101', skills: ['101'] },
  { id: 'home', skills: ['online'], usesDesk: false },
];

function rota(o: { breaks: boolean; shrinkage: number; desks?: object[] }, weekday: number, warmupDays: number): Scenario {
  const b = (...list: [number, number][]) => (o.breaks ? list.map(([afterMinutes, minutes]) => ({ afterMinutes, minutes })) : []);
  return scenario({
    name: 'timeline',
    horizon: { startDate: startDate(weekday), days: warmupDays + 7, warmupDays },
    // No calls: nobody is held on the floor by a call in hand, so the floor is the rota's alone.
    demand: { channels: { '101': { callsPerDay: 0 } } },
    handling: { '101': { talkMinutes: { dist: 'fixed', value: 1 } } },
    staffing: {
      shrinkage: o.shrinkage,
      groups: GROUPS,
      shifts: [
        { group: 'all', start: '06:45', hours: 8.5, staff: 7, breaks: b([240, 30]) },
        { group: 'all', start: '14:30', hours: 8, staff: 6, days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'], breaks: b([120, 15], [300, 45]) },
        { group: 'all', start: '22:00', hours: 9, staff: 5, days: ['Fri', 'Sat', 'Sun'], breaks: b([180, 60]) },
        { group: 'all', start: '23:00', hours: 8, staff: 3, days: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu'], breaks: b([195, 45]) },
        { group: 'only101', start: '09:00', hours: 10, staff: 9, days: ['Mon', 'Tue', 'Sat', 'Sun'], breaks: b([270, 45]) },
        { group: 'home', start: '08:15', hours: 9, staff: 4, days: ['Mon', 'Wed', 'Fri', 'Sun'], breaks: b([225, 30]) },
      ],
    },
    desks: { periods: o.desks ?? [] },
  });
}

/** Simulated staff on the floor per hour of week (all groups) of one replication. */
function simulatedByHour(s: Scenario, replication: number): number[] {
  const r = runReplication(s, 'timeline', replication);
  return r.byHour.staffOnFloor.map((x, h) => x / r.byHour.samples[h]!);
}

/** The planner's expected staff on the floor (all groups) per hour of week over the measured week. */
function expectedByHour(s: Scenario): number[] {
  const cal = simCalendar(s.horizon.startDate);
  const e = new StaffingTimeline(s, cal).expected({ fromDay: s.horizon.warmupDays, days: 7, intervalMinutes: 60 });
  const G = e.groups.length;
  const out = new Array<number>(168).fill(0);
  for (let i = 0; i < 168; i++) {
    const how = (cal.startWeekday * 24 + i) % 168;
    for (let g = 0; g < G; g++) out[how]! += e.onFloor[i * G + g]!;
  }
  return out;
}

const CASES = [
  { name: 'no breaks', breaks: false, shrinkage: 0 },
  { name: 'breaks', breaks: true, shrinkage: 0 },
  { name: 'breaks, shielding and a desk cap', breaks: true, shrinkage: 0, desks: [{ usable: 12, shielding: 1, shieldingShare: 0.1 }] },
];

describe('the staffing timeline against the simulation', () => {
  for (const c of CASES)
    for (const warmup of [0, 7])
      it(`gives exactly the simulated staff on the floor per hour of week: ${c.name}, warm-up ${warmup}, every start weekday`, () => {
        for (let weekday = 0; weekday < 7; weekday++) {
          const s = rota(c, weekday, warmup);
          const simulated = simulatedByHour(s, 0);
          const expected = expectedByHour(s);
          simulated.forEach((x, h) => expect(x, `${startDate(weekday)} hour ${h}`).toBeCloseTo(expected[h]!, 9));
        }
      });

  for (const warmup of [0, 7])
    it(`gives the mean over replications with shrinkage, breaks, shielding and a desk cap, warm-up ${warmup}, every start weekday`, () => {
      const R = 30;
      for (let weekday = 0; weekday < 7; weekday++) {
        const s = rota({ breaks: true, shrinkage: 0.2, desks: [{ usable: 11, shielding: 1, shieldingShare: 0.1 }] }, weekday, warmup);
        const runs = Array.from({ length: R }, (_, r) => simulatedByHour(s, r));
        const expected = expectedByHour(s);
        const stats = (xs: number[]) => {
          const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
          const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1));
          return { mean, se: sd / Math.sqrt(xs.length) };
        };
        for (let h = 0; h < 168; h++) {
          const { mean, se } = stats(runs.map((r) => r[h]!));
          expect(Math.abs(mean - expected[h]!), `${startDate(weekday)} hour ${h}: ${mean} ± ${se} vs ${expected[h]}`).toBeLessThanOrEqual(5 * se + 1e-9);
        }
        // The week as a whole, where a small bias in every hour would add up.
        const week = stats(runs.map((r) => r.reduce((a, b) => a + b, 0)));
        expect(Math.abs(week.mean - expected.reduce((a, b) => a + b, 0))).toBeLessThanOrEqual(4 * week.se);
      }
    });

  it('is not the capacity of the expected staff where the desk cap binds: the cap is taken inside the expectation', () => {
    const s = rota({ breaks: false, shrinkage: 0.3, desks: [{ usable: 6 }] }, 0, 0);
    const e = new StaffingTimeline(s, simCalendar(s.horizon.startDate)).expected({ days: 1, intervalMinutes: 60 });
    // Monday 07:00: the early shift's 7 at desks, each present with probability 0.7, at most 6 desks.
    const i = 7 * 3;
    const pmf = Array.from({ length: 8 }, (_, k) => binomial(7, k) * 0.7 ** k * 0.3 ** (7 - k));
    expect(e.onDuty[i]).toBeCloseTo(4.9, 9);
    expect(e.onFloor[i]).toBeCloseTo(pmf.reduce((sum, p, k) => sum + p * Math.min(k, 6), 0), 9);
    expect(e.onFloor[i]).toBeLessThan(Math.min(4.9, 6));
  });
});

describe('timeline parts', () => {
  it('breakWaves: two staggered waves per break, cut at the shift end', () => {
    expect(breakWaves({ hours: 8, breaks: [{ afterMinutes: 240, minutes: 30 }] })).toEqual([
      { wave: 0, from: 240 * 60, to: 270 * 60 },
      { wave: 1, from: 270 * 60, to: 300 * 60 },
    ]);
    expect(breakWaves({ hours: 1, breaks: [{ afterMinutes: 40, minutes: 20 }] })).toEqual([{ wave: 0, from: 2400, to: 3600 }]);
  });

  it('waveSize: the first half rounded up, then the rest', () => {
    expect([waveSize(7, 0), waveSize(7, 1), waveSize(1, 0), waveSize(1, 1), waveSize(0, 0)]).toEqual([4, 3, 1, 0, 0]);
  });

  it('templateCoverage: expected staff on duty per interval of the week, breaks and a Sunday night wrapping into Monday', () => {
    const cover = templateCoverage({ group: 'g', start: '22:00', hours: 4, days: ['Sun'], staff: 3, breaks: [{ afterMinutes: 60, minutes: 30 }] }, 0, 30);
    expect(cover).toHaveLength(7 * 48);
    const at = (weekday: number, hh: number, mm: number) => cover[weekday * 48 + hh * 2 + mm / 30]!;
    expect(at(6, 21, 30)).toBe(0);
    expect(at(6, 22, 0)).toBe(3);
    expect(at(6, 23, 0)).toBe(1); // 2 of 3 on the first wave
    expect(at(6, 23, 30)).toBe(2); // the last 1 on the second wave
    expect(at(0, 0, 0)).toBe(3);
    expect(at(0, 1, 30)).toBe(3);
    expect(at(0, 2, 0)).toBe(0);
    // With shrinkage 0.5 and no breaks, the expectation is staff × 0.5; a 15-minute start averages into its half hour.
    const half = templateCoverage({ group: 'g', start: '08:15', hours: 1, days: ['Mon'], staff: 4, breaks: [] }, 0.5, 30);
    [1, 2, 1].forEach((x, k) => expect(half[16 + k]).toBeCloseTo(x, 12));
  });

  it('floorCapacity: shielding leaves the room, desk places are shared pro rata, home workers are not capped', () => {
    const out = [0, 0, 0];
    floorCapacity([10, 5, 4], [true, true, false], NO_CAP, out);
    expect(out).toEqual([10, 5, 4]);
    floorCapacity([10, 5, 4], [true, true, false], { usable: 8, shielding: 1, shieldingShare: 0.2 }, out);
    // 15 at desks, 1 + 3 shielding: 11 left for 8 desks, shared 10:5 → 5.33 and 2.67 → 5 and 3.
    expect(out).toEqual([5, 3, 4]);
  });
});

function binomial(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return c;
}
