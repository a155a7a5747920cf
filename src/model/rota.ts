/**
 * What a week of the rota costs: paid hours and cost per staff group. (Who is on duty when is the
 * staffing timeline, `timeline.ts`.)
 */
import { groupsOf, type Scenario } from '../scenario/index.ts';

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
