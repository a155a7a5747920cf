/**
 * What one person on one shift gives the floor, hour by hour of the week, taken from the staffing
 * timeline's `templateCoverage` (src/model/timeline.ts) — the rule the simulation staffs by, so the
 * optimiser covers exactly what the model will put on the floor — and the paid hours of the shift,
 * from the rota costing the reports use.
 *
 * The covering programme is linear in head count, so it needs one person's share of a shift. The
 * simulation sends the first half of those present (rounded up) on each break, then the rest; for
 * the numbers a control room rosters that is half on each wave, which is what two people give
 * exactly, halved. Shrinkage scales the whole profile by the chance of being present: the timeline's
 * own expectation with shrinkage would round the waves of one small draw, not of a rostered team.
 */
import type { Scenario, Shift } from '../scenario/index.ts';
import { rotaCost } from '../model/rota.ts';
import { templateCoverage } from '../model/timeline.ts';
import { WEEKDAYS } from '../shared/time.ts';

export const HOURS_OF_WEEK = 168;

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
  const present = 1 - scenario.staffing.shrinkage;
  const floor = templateCoverage({ ...shift, staff: 2 }, 0, 60).map((v) => (v / 2) * present);
  const rostered = templateCoverage({ ...shift, staff: 1, breaks: [] }, 0, 60);
  const onDuty = Uint8Array.from(rostered, (v) => (v > 0 ? 1 : 0));
  const hoursByDay = new Float64Array(7);
  for (const day of shift.days) {
    const d = WEEKDAYS.indexOf(day);
    hoursByDay[d] = templateCoverage({ ...shift, days: [day], staff: 2 }, 0, 60).reduce((sum, v) => sum + (v / 2) * present, 0);
  }
  const single = { ...scenario.staffing, shifts: [{ ...shift, staff: 1, days: [WEEKDAYS[0]] }] };
  const paid = rotaCost({ ...scenario, staffing: single });
  return { floor, onDuty, hoursByDay, paidHoursPerWeek: paid[shift.group]!.paidHoursPerWeek * shift.days.length };
}
