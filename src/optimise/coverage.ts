/**
 * What one person on one shift gives the floor, hour of the week by hour of the week, read off the
 * simulation's own rota (the capacity changes the staffing timeline's `drawDay` schedules, breaks in their two
 * waves) rather than a separate reckoning, so the optimiser covers exactly what the model staffs.
 * Also the paid hours of the shift, from the same rota costing the reports use.
 */
import type { Scenario, Shift } from '../scenario/index.ts';
import { simCalendar } from '../model/calendar-time.ts';
import { SECONDS_PER_HOUR as HOUR, WEEKDAYS } from '../shared/time.ts';
import { rotaCost } from '../model/rota.ts';
import { StaffingTimeline } from '../model/timeline.ts';

export const HOURS_OF_WEEK = 168;
/** A Monday: day d of this calendar is weekday d. */
const MONDAY = simCalendar('2025-01-06');

export interface ShiftCoverage {
  /** Expected people on the floor per rostered person, by hour of week (after shrinkage and breaks). */
  floor: Float64Array;
  /** 1 where the shift is on duty for any part of the hour (breaks included). */
  onDuty: Uint8Array;
  /** Person-hours worked per rostered person over the week, by day of the shift's start (Mon first). */
  hoursByDay: Float64Array;
  paidHoursPerWeek: number;
}

/** Coverage of `shift` (its `staff` ignored: per rostered person) in `scenario`'s staffing. */
export function shiftCoverage(scenario: Scenario, shift: Shift): ShiftCoverage {
  // Two people, so that each of the two break waves takes exactly one; halved afterwards.
  const one = { ...shift, staff: 2 };
  const staffing = { ...scenario.staffing, shrinkage: 0, shifts: [one] };
  const single = { ...scenario, staffing };
  const present = 1 - scenario.staffing.shrinkage;
  const floor = new Float64Array(HOURS_OF_WEEK);
  const onDuty = new Uint8Array(HOURS_OF_WEEK);
  const hoursByDay = new Float64Array(7);
  const timeline = new StaffingTimeline(single, MONDAY);
  for (let day = 0; day < 7; day++) {
    if (!shift.days.includes(WEEKDAYS[day]!)) continue;
    const changes = timeline.drawDay(day, () => 0.5).sort((a, b) => a.time - b.time);
    let level = 0;
    for (let i = 0; i < changes.length; i++) {
      level += changes[i]!.delta;
      const from = changes[i]!.time;
      const to = changes[i + 1]?.time ?? from;
      if (level > 0 && to > from) addSpan(floor, from, to, (level / 2) * present);
      if (level > 0) hoursByDay[day]! += ((to - from) / HOUR) * (level / 2) * present;
    }
    const start = changes[0]!.time;
    const end = start + shift.hours * HOUR;
    for (let h = Math.floor(start / HOUR); h * HOUR < end; h++) onDuty[h % HOURS_OF_WEEK] = 1;
  }
  const paid = rotaCost({ ...single, staffing: { ...staffing, shifts: [{ ...shift, staff: 1, days: ['Mon'] }] } });
  return { floor, onDuty, hoursByDay, paidHoursPerWeek: paid[shift.group]!.paidHoursPerWeek * shift.days.length };
}

/** Adds `level` people over [from, to) seconds into hourly bins, wrapping at the end of the week. */
function addSpan(bins: Float64Array, from: number, to: number, level: number): void {
  for (let t = from; t < to; ) {
    const hour = Math.floor(t / HOUR);
    const next = Math.min(to, (hour + 1) * HOUR);
    bins[hour % HOURS_OF_WEEK]! += ((next - t) / HOUR) * level;
    t = next;
  }
}
