/**
 * The rota as capacity changes: for each simulated day, the shifts that start that day, less
 * shrinkage (each rostered person is absent with probability `shrinkage`, drawn per shift per day),
 * with breaks taken in two staggered waves so the floor is never emptied at once. Also the paid
 * hours and cost of a week of the rota.
 */
import type { Random } from '../engine/index.ts';
import { groupsOf, type Scenario } from '../scenario/index.ts';
import { SECONDS_PER_DAY as DAY, SECONDS_PER_HOUR, WEEKDAYS } from '../shared/time.ts';
import { weekdayOfDay, type SimCalendar } from './calendar-time.ts';

export interface CapacityChange {
  time: number;
  group: number;
  delta: number;
}

function clockSeconds(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h! * 60 + m!) * 60;
}

/** Capacity changes caused by shifts starting on `day` (times may run into the next day). */
export function shiftChangesForDay(scenario: Scenario, cal: SimCalendar, day: number, random: Random): CapacityChange[] {
  const { staffing } = scenario;
  const groupIndex = new Map(groupsOf(staffing).map((g, i) => [g.id, i]));
  const weekday = WEEKDAYS[weekdayOfDay(cal, day)]!;
  const changes: CapacityChange[] = [];
  for (const shift of staffing.shifts ?? []) {
    if (!shift.days.includes(weekday)) continue;
    const group = groupIndex.get(shift.group)!;
    let present = 0;
    for (let i = 0; i < shift.staff; i++) if (random() >= staffing.shrinkage) present++;
    if (present === 0) continue;
    const start = day * DAY + clockSeconds(shift.start);
    const end = start + shift.hours * SECONDS_PER_HOUR;
    changes.push({ time: start, group, delta: present }, { time: end, group, delta: -present });
    for (const b of shift.breaks) {
      const first = Math.ceil(present / 2);
      const waves: [number, number][] = [[first, start + b.afterMinutes * 60], [present - first, start + (b.afterMinutes + b.minutes) * 60]];
      for (const [size, out] of waves) {
        const back = Math.min(out + b.minutes * 60, end);
        if (size === 0 || out >= back) continue;
        changes.push({ time: out, group, delta: -size }, { time: back, group, delta: size });
      }
    }
  }
  return changes;
}

export interface GroupCost {
  paidHoursPerWeek: number;
  costPerWeek: number;
}

/** Rostered paid hours and cost per week, by group (before shrinkage: absent staff are still paid). */
export function rotaCost(scenario: Scenario): Record<string, GroupCost> {
  const result: Record<string, GroupCost> = {};
  for (const g of groupsOf(scenario.staffing)) {
    const fixedHours = scenario.staffing.fixed !== undefined ? scenario.staffing.fixed * 168 : 0;
    const shiftHours = (scenario.staffing.shifts ?? [])
      .filter((s) => s.group === g.id)
      .reduce((sum, s) => {
        const unpaid = s.breaks.filter((b) => !b.paid).reduce((m, b) => m + b.minutes, 0) / 60;
        return sum + s.staff * s.days.length * (s.hours - unpaid);
      }, 0);
    const paidHoursPerWeek = fixedHours + shiftHours;
    result[g.id] = { paidHoursPerWeek, costPerWeek: paidHoursPerWeek * g.costPerHour };
  }
  return result;
}
