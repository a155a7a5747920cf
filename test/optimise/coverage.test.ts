/**
 * The optimiser's coverage is the staffing timeline's: for a team of even size the programme's
 * per-person profile times the head count is exactly the timeline's expected staff on duty (the
 * expectation the simulation is tested against), breaks in their two waves and a night shift
 * wrapping from Sunday into Monday included; shrinkage scales it by the chance of being present.
 */
import { describe, expect, it } from 'vitest';
import { shiftCoverage } from '../../src/optimise/coverage.ts';
import { StaffingTimeline } from '../../src/model/timeline.ts';
import { simCalendar } from '../../src/model/calendar-time.ts';
import type { Shift } from '../../src/scenario/index.ts';
import { scenario } from '../model/scenarios.ts';

const night: Shift = { group: 'h', name: 'Nights', start: '22:30', hours: 9, days: ['Fri', 'Sun'], staff: 1, breaks: [{ afterMinutes: 180, minutes: 45, paid: true }] };

const withStaff = (shrinkage: number, staff: number) =>
  scenario({
    name: 'coverage',
    horizon: { startDate: '2025-01-06', days: 14, warmupDays: 7 },
    demand: { channels: { '101': { callsPerDay: 0 } } },
    handling: { '101': { talkMinutes: { dist: 'fixed', value: 1 } } },
    staffing: { shrinkage, groups: [{ id: 'h', skills: ['101'] }], shifts: [{ ...night, staff }] },
  });

function onDutyByHour(shrinkage: number, staff: number): number[] {
  const s = withStaff(shrinkage, staff);
  // The second week: the Sunday night shift of the first has run into its Monday.
  return [...new StaffingTimeline(s, simCalendar('2025-01-06')).expected({ fromDay: 7, days: 7, intervalMinutes: 60 }).onDuty];
}

describe('shiftCoverage', () => {
  it('shiftCoverage × an even head count is the timeline’s expected staff on duty, hour by hour of the week', () => {
    const perPerson = shiftCoverage(withStaff(0, 1), night).floor;
    const expected = onDutyByHour(0, 6);
    expected.forEach((v, h) => expect(perPerson[h]! * 6).toBeCloseTo(v, 12));
    expect(expected[0]).toBeGreaterThan(0); // Monday 00:00, from Sunday's night shift
  });

  it('shiftCoverage scales by the share present under shrinkage, as the timeline’s expectation does for a large team', () => {
    const perPerson = shiftCoverage(withStaff(0.2, 1), night);
    const expected = onDutyByHour(0.2, 40);
    expected.forEach((v, h) => expect(Math.abs(perPerson.floor[h]! * 40 - v)).toBeLessThan(0.5));
    // 9 h of which 45 min on a break, two nights, 80 % present.
    expect(perPerson.hoursByDay[4]! + perPerson.hoursByDay[6]!).toBeCloseTo(2 * (9 - 0.75) * 0.8, 9);
    expect(perPerson.paidHoursPerWeek).toBe(18);
  });
});
