/**
 * The shifts the optimiser may choose from: every combination a template allows (group × start ×
 * length × day pattern × break plan), each with what one person on it gives the floor and costs.
 * Without templates in the scenario they are derived from the current rota: each group keeps its
 * shift lengths and break plans and may start on any hour, one day at a time.
 */
import { groupsOf, type Scenario, type Shift, type ShiftTemplate } from '../scenario/index.ts';
import { WEEKDAYS } from '../shared/time.ts';
import { shiftCoverage, type ShiftCoverage } from './coverage.ts';

export interface Candidate {
  shift: Shift;
  /** Index of the break plan within its template (0 = A, 1 = B, ...). */
  plan: number;
  coverage: ShiftCoverage;
  costPerWeek: number;
}

const EVERY_HOUR = Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}:00`);

export function templatesOf(scenario: Scenario): ShiftTemplate[] {
  if (scenario.optimise?.templates) return scenario.optimise.templates;
  const shifts = scenario.staffing.shifts ?? [];
  return groupsOf(scenario.staffing).map((g) => {
    const own = shifts.filter((s) => s.group === g.id);
    const hours = [...new Set(own.map((s) => s.hours))].sort((a, b) => a - b);
    const shortest = Math.min(...hours, 8) * 60;
    const plans = new Map<string, Shift['breaks']>();
    for (const s of own) if (s.breaks.every((b) => b.afterMinutes + b.minutes <= shortest)) plans.set(JSON.stringify(s.breaks), s.breaks);
    return {
      group: g.id,
      starts: EVERY_HOUR,
      hours: hours.length ? hours : [8],
      days: WEEKDAYS.map((d) => [d]),
      breakPlans: plans.size ? [...plans.values()] : [[]],
    };
  });
}

export function candidateShifts(scenario: Scenario, templates: readonly ShiftTemplate[]): Candidate[] {
  const cost = new Map(groupsOf(scenario.staffing).map((g) => [g.id, g.costPerHour]));
  const out: Candidate[] = [];
  const seen = new Set<string>();
  for (const t of templates)
    for (const start of t.starts)
      for (const hours of t.hours)
        t.breakPlans.forEach((breaks, plan) => {
          // Coverage of a pattern is the same whatever its days are called, so compute it once per day and add.
          const byDay = new Map(WEEKDAYS.map((d) => [d, shiftCoverage(scenario, { group: t.group, start, hours, days: [d], staff: 1, breaks })]));
          for (const days of t.days) {
            const key = JSON.stringify([t.group, start, hours, breaks, [...days].sort()]);
            if (seen.has(key)) continue;
            seen.add(key);
            const coverage = sumCoverage(days.map((d) => byDay.get(d)!));
            const name = `${start} ${hours} h${t.breakPlans.length > 1 ? ` (break plan ${String.fromCharCode(65 + plan)})` : ''}`;
            out.push({
              shift: { group: t.group, name, start, hours, days: WEEKDAYS.filter((d) => days.includes(d)), staff: 0, breaks },
              plan,
              coverage,
              costPerWeek: coverage.paidHoursPerWeek * cost.get(t.group)!,
            });
          }
        });
  return out;
}

function sumCoverage(parts: ShiftCoverage[]): ShiftCoverage {
  const [first, ...rest] = parts;
  const sum: ShiftCoverage = { floor: first!.floor.slice(), onDuty: first!.onDuty.slice(), hoursByDay: first!.hoursByDay.slice(), paidHoursPerWeek: first!.paidHoursPerWeek };
  for (const p of rest) {
    p.floor.forEach((v, h) => (sum.floor[h]! += v));
    p.onDuty.forEach((v, h) => (sum.onDuty[h]! |= v));
    p.hoursByDay.forEach((v, d) => (sum.hoursByDay[d]! += v));
    sum.paidHoursPerWeek += p.paidHoursPerWeek;
  }
  return sum;
}
