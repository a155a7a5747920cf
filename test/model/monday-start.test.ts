/**
 * A run that starts on a Monday with no warm-up must still see the night shift that began on the
 * Sunday evening before it: the rota's "day before the run" wraps to Sunday.
 */
import { describe, expect, it } from 'vitest';
import { runReplication } from '../../src/model/run.ts';
import { scenario } from './scenarios.ts';

describe('a Monday start with no warm-up', () => {
  it('puts the Sunday night shift on the floor from 00:00 on day 0', () => {
    const s = scenario({
      name: 'night',
      horizon: { startDate: '2025-01-06', days: 1, warmupDays: 0 },
      demand: { channels: { '101': { callsPerDay: 1 } } },
      handling: { '101': { talkMinutes: { dist: 'fixed', value: 1 } } },
      staffing: { groups: [{ id: 'h', skills: ['101'] }], shifts: [{ group: 'h', start: '22:00', hours: 9, staff: 3 }] },
    });
    const r = runReplication(s, 'monday', 0);
    const perHour = r.byHour.staffOnFloor.map((x, h) => x / r.byHour.samples[h]!);
    // Sunday's 22:00–07:00 shift covers Monday 00:00–07:00; Monday's own starts at 22:00.
    expect(perHour.slice(0, 7)).toEqual([3, 3, 3, 3, 3, 3, 3]);
    expect(perHour.slice(7, 22)).toEqual(new Array(15).fill(0));
    expect(perHour.slice(22, 24)).toEqual([3, 3]);
    expect(r.groups['h']!.floorSeconds).toBe(9 * 3 * 3600);
  });
});
