import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/model/report.ts';
import { dayRanges } from '../../src/model/report-failures.ts';
import { replications, scenario } from './scenarios.ts';

/**
 * A rota that is short in one hour by construction: six handlers on nights (00:00–09:00) and six
 * on days (10:00–24:00), and between them only the two on "Cover" (09:00–10:00), who take their
 * break in that hour, half of them at a time: one handler on the floor for a load of one erlang.
 */
const gap = scenario({
  name: 'gap at nine',
  seed: 'gap',
  horizon: { startDate: '2025-01-06', days: 15, warmupDays: 1 },
  demand: { profile: 'flat', channels: { '999': { callsPerDay: 480 } } },
  handling: { '999': { talkMinutes: { dist: 'exponential', mean: 3 } } },
  patience: { '999': { dist: 'exponential', mean: 2 } },
  staffing: {
    shrinkage: 0,
    groups: [{ id: 'handlers', skills: ['999', '101'] }, { id: 'desk', skills: ['online'] }],
    shifts: [
      { group: 'handlers', name: 'Nights', start: '00:00', hours: 9, staff: 6 },
      { group: 'handlers', name: 'Cover', start: '09:00', hours: 1, staff: 2, breaks: [{ afterMinutes: 0, minutes: 30 }] },
      { group: 'handlers', name: 'Days', start: '10:00', hours: 14, staff: 6 },
      { group: 'desk', name: 'Digital desk', start: '08:00', hours: 8, staff: 1 },
    ],
  },
});

describe('whereItFails', () => {
  it('whereItFails names the understaffed hour on every day, with the shift and break behind it', () => {
    const report = buildReport(gap, 'gap', replications(gap, 3, 'gap'));
    // The week as a whole may well meet 90 %: the one bad hour carries a twenty-fourth of the calls.
    const spots = report.whereItFails['999'];
    expect(spots).toHaveLength(1);
    const [nine] = spots;
    expect(nine!.label).toBe('Mon–Sun 09:00–10:00');
    expect(nine!.days).toEqual([0, 1, 2, 3, 4, 5, 6]);
    // Two on shift, one of them on a break at any moment of the hour.
    expect(nine!.onFloor).toEqual({ low: 1, high: 1 });
    expect(nine!.needed.low).toBeGreaterThan(1);
    expect(nine!.serviceLevel.high).toBeLessThan(0.9);
    // Only the shift of a group that takes 999 calls, and the digital desk's is left out.
    expect(nine!.onDuty).toEqual(['Cover']);
    expect(nine!.breaks).toEqual(['first break of Cover']);
    expect(nine!.sentence).toMatch(
      /^Mon–Sun 09:00–10:00: 999 at \d+–\d+ % answered within 10 s against 90 %; 1 on the floor against \d+ needed; on duty: Cover; breaks under way: first break of Cover$/,
    );
    // No 101 demand: nothing to tell.
    expect(report.whereItFails['101']).toEqual([]);
  });

  it('whereItFails tells nothing when every hour meets the standard', () => {
    const ample = scenario({ ...JSON.parse(JSON.stringify({ name: 'ample', horizon: { startDate: '2025-01-06', days: 8, warmupDays: 1 } })),
      demand: { profile: 'flat', channels: { '999': { callsPerDay: 240 } } },
      handling: { '999': { talkMinutes: { dist: 'exponential', mean: 3 } } },
      staffing: { fixed: 8 },
    });
    const report = buildReport(ample, 'x', replications(ample, 2));
    expect(report.whereItFails).toEqual({ '999': [], '101': [] });
  });

  it('dayRanges joins neighbouring days', () => {
    expect(dayRanges([0, 1, 2, 3, 4, 5, 6])).toBe('Mon–Sun');
    expect(dayRanges([5, 4])).toBe('Fri–Sat');
    expect(dayRanges([0, 2, 3])).toBe('Mon, Wed–Thu');
    expect(dayRanges([6])).toBe('Sun');
  });
});
