import { describe, expect, it } from 'vitest';
import { runReplication } from '../../src/model/run.ts';
import { rotaCost } from '../../src/model/rota.ts';
import { scenario } from './scenarios.ts';

const base = {
  name: 'b',
  horizon: { days: 8, warmupDays: 1 },
  handling: {
    '999': { talkMinutes: { dist: 'exponential', mean: 5 } },
    '101': { talkMinutes: { dist: 'exponential', mean: 6 } },
    online: { talkMinutes: { dist: 'fixed', value: 20 } },
  },
};

describe('the OCC model', () => {
  it('lets nobody answer when the rota has no one on shift', () => {
    const s = scenario({
      ...base,
      demand: { channels: { '101': { callsPerDay: 200 } } },
      staffing: { groups: [{ id: 'h', skills: ['101'] }], shifts: [{ group: 'h', start: '08:00', hours: 8, staff: 3, days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'] }] },
    });
    const r = runReplication(s, 's', 0);
    const c = r.channels['101'];
    // Calls queue overnight and at weekends, so many wait; all are answered in the end (no hang-ups).
    expect(c.answered + c.unresolved).toBe(c.offered);
    expect(c.waited / c.offered).toBeGreaterThan(0.5);
    // Nobody is on the floor at 03:00 on a Wednesday (hour of week 2·24 + 3).
    expect(r.byHour.staffOnFloor[51]).toBe(0);
    expect(r.byHour.staffOnFloor[48 + 10]! / r.byHour.samples[48 + 10]!).toBe(3);
  });

  it('counts a contact still waiting when the run stops as waiting until then, not as a wait of 0', () => {
    // No desk, so nobody takes 101: every call waits until draining stops, 7 days after the horizon.
    const s = scenario({
      ...base,
      demand: { channels: { '101': { callsPerDay: 48 } } },
      staffing: { fixed: 2 },
      desks: { periods: [{ usable: 0 }] },
    });
    const c = runReplication(s, 's', 0).channels['101'];
    expect(c.unresolved).toBe(c.offered);
    expect(c.waited).toBe(c.offered);
    // Calls arrive evenly over the 7 measured days, and draining stops 7 days after the last: a mean wait of about 10.5 days.
    const meanDays = c.waitSum / c.offered / 86_400;
    expect(meanDays).toBeGreaterThan(10);
    expect(meanDays).toBeLessThan(11);
    expect(c.byDate.waitSum.reduce((a, b) => a + b)).toBeCloseTo(c.waitSum, 3);
  });

  it('caps the staff on the floor at the usable desks, less shielding staff', () => {
    const make = (usable: number, shielding: number, shieldingShare = 0) =>
      scenario({
        ...base,
        demand: { channels: { '101': { callsPerDay: 100 } } },
        staffing: { fixed: 10 },
        desks: { periods: [{ usable, shielding, shieldingShare }] },
      });
    const floor = (usable: number, shielding: number, share = 0) =>
      runReplication(make(usable, shielding, share), 'd', 0).groups['handlers']!.floorSeconds / (7 * 86400);
    expect(floor(20, 0)).toBeCloseTo(10, 6);
    expect(floor(6, 0)).toBeCloseTo(6, 6);
    expect(floor(20, 3)).toBeCloseTo(7, 6);
    expect(floor(6, 5)).toBeCloseTo(5, 6);
    // A share scales with the staff on duty: 20 % of 10 is 2.
    expect(floor(20, 0, 0.2)).toBeCloseTo(8, 6);
    expect(floor(20, 1, 0.2)).toBeCloseTo(7, 6);
  });

  it('diverts the given share of a call type online, where the digital desk works it', () => {
    const s = scenario({
      ...base,
      demand: { channels: { '101': { callsPerDay: 1000, mix: { asb: 1, theft: 1 } } } },
      diversion: { '101': { asb: 0.4 } },
      staffing: { groups: [{ id: 'p', skills: ['101'] }, { id: 'd', skills: ['online'] }], shifts: [{ group: 'p', start: '00:00', hours: 24, staff: 8 }, { group: 'd', start: '00:00', hours: 24, staff: 3 }] },
    });
    const r = runReplication(s, 'v', 0);
    const diverted = r.channels['101'].diverted;
    expect(diverted / (diverted + r.channels['101'].offered)).toBeCloseTo(0.2, 1);
    expect(r.channels.online.offered).toBe(diverted);
    expect(r.channels.online.answered).toBeGreaterThan(0.95 * diverted);
  });

  it('sends abandoned 101 callers back as redials, some to 999', () => {
    const s = scenario({
      ...base,
      demand: { channels: { '999': { callsPerDay: 50 }, '101': { callsPerDay: 1500 } } },
      patience: { '999': { dist: 'exponential', mean: 10 }, '101': { dist: 'exponential', mean: 2 } },
      redial: { '101': { probability: 0.6, delayMinutes: { dist: 'fixed', value: 5 }, to999: 0.25 } },
      staffing: { groups: [{ id: 'a', skills: ['999', '101'] }], shifts: [{ group: 'a', start: '00:00', hours: 24, staff: 5 }] },
    });
    const r = runReplication(s, 'r', 0);
    const c101 = r.channels['101'];
    const redials = c101.redials + r.channels['999'].redials;
    expect(redials / c101.abandoned).toBeCloseTo(0.6, 1);
    expect(r.channels['999'].redials / redials).toBeCloseTo(0.25, 1);
    expect(r.channels['999'].offered).toBeGreaterThan(50 * 7 + r.channels['999'].redials - 60);
  });

  it('excludes the warm-up from the statistics', () => {
    const make = (warmupDays: number) =>
      scenario({ ...base, horizon: { days: 8, warmupDays }, demand: { channels: { '101': { callsPerDay: 1000 } } }, staffing: { fixed: 6 } });
    const offered = (w: number) => runReplication(make(w), 'w', 0).channels['101'].offered;
    expect(offered(0) / offered(4)).toBeCloseTo(2, 1);
  });

  it('follows the hour-of-week shape and special days', () => {
    const how = new Array(168).fill(0.5).map((x, h) => (h % 24 >= 12 ? 1.5 : x));
    const s = scenario({
      ...base,
      horizon: { startDate: '2025-12-29', days: 7 },
      demand: { profile: 'weekly', hourOfWeek: how, specialDays: [{ date: '2025-12-31', factor: 3 }], channels: { '101': { callsPerDay: 2400 } } },
      staffing: { fixed: 30 },
    });
    const r = runReplication(s, 'h', 0).channels['101'].byHour.offered;
    const am = r.slice(0, 12).reduce((a, b) => a + b);
    const pm = r.slice(12, 24).reduce((a, b) => a + b);
    expect(pm / am).toBeCloseTo(3, 0);
    const wednesday = r.slice(48, 72).reduce((a, b) => a + b);
    const tuesday = r.slice(24, 48).reduce((a, b) => a + b);
    expect(wednesday / tuesday).toBeGreaterThan(2.5);
  });

  it('costs the paid hours of the rota, less unpaid breaks', () => {
    const s = scenario({
      ...base,
      demand: { channels: { '101': { callsPerDay: 10 } } },
      staffing: {
        groups: [{ id: 'h', skills: ['101'], costPerHour: 20 }],
        shifts: [{ group: 'h', start: '07:00', hours: 10, staff: 4, days: ['Mon', 'Tue'], breaks: [{ afterMinutes: 240, minutes: 30 }, { afterMinutes: 400, minutes: 30, paid: true }] }],
      },
    });
    expect(rotaCost(s)).toEqual({ h: { paidHoursPerWeek: 4 * 2 * 9.5, costPerWeek: 4 * 2 * 9.5 * 20 } });
  });
});

describe('special days', () => {
  it('can lift one channel for part of a day only', () => {
    const s = scenario({
      ...base,
      horizon: { startDate: '2020-06-29', days: 7 },
      demand: {
        specialDays: [{ date: '2020-07-04', factor: 4, channels: ['999'], fromHour: 18, toHour: 24, name: 'pubs reopen' }],
        channels: { '999': { callsPerDay: 2400 }, '101': { callsPerDay: 2400 } },
      },
      staffing: { fixed: 60 },
    });
    const r = runReplication(s, 'sd', 0);
    // Saturday is day 5 of the week; hour of week 5·24 + h.
    const sum = (a: number[], from: number, to: number) => a.slice(from, to).reduce((x, y) => x + y, 0);
    const c999 = r.channels['999'].byHour.offered;
    const c101 = r.channels['101'].byHour.offered;
    expect(sum(c999, 138, 144) / sum(c999, 114, 120)).toBeGreaterThan(3); // Saturday vs Friday evening
    expect(sum(c999, 120, 138) / sum(c999, 96, 114)).toBeCloseTo(1, 0); // the rest of the day unchanged
    expect(sum(c101, 138, 144) / sum(c101, 114, 120)).toBeCloseTo(1, 0); // 101 unchanged
  });

  it('rejects an hour window that ends before it starts', () => {
    expect(() =>
      scenario({ ...base, demand: { specialDays: [{ date: '2020-07-04', factor: 2, fromHour: 20, toHour: 18 }], channels: { '101': { callsPerDay: 10 } } }, staffing: { fixed: 1 } }),
    ).toThrow('demand.specialDays.0.toHour: expected an hour after fromHour (20), got 18');
  });
});
