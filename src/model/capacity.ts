/**
 * Floor capacity: of the staff on duty in each group, how many can take calls. Covid-secure desk
 * rules apply by day: shielding staff (a number, plus a share of the desk-based staff on duty) are
 * rostered but not in the room, and no more than the usable desks are worked at once. Groups that
 * do not use a desk are never capped. Where periods overlap, the first listed applies; outside every
 * period there is no cap.
 *
 * `floorCapacity` is the one definition of this rule: the simulation applies it to the whole
 * numbers on duty at each change, the planner takes its expectation over shrinkage
 * (`src/model/timeline.ts`), and an optimiser can call it directly.
 */
import type { Scenario } from '../scenario/index.ts';
import { dateOfDay, type SimCalendar } from './calendar-time.ts';

export interface DeskRule {
  usable: number;
  shielding: number;
  shieldingShare: number;
}

export const NO_CAP: DeskRule = { usable: Infinity, shielding: 0, shieldingShare: 0 };

/** True when the rule leaves everyone on duty on the floor (then capacity is linear in staff). */
export function isUncapped(rule: DeskRule): boolean {
  return rule.usable === Infinity && rule.shielding === 0 && rule.shieldingShare === 0;
}

/** The desk rule of each simulated day. */
export function deskRules(s: Scenario, cal: SimCalendar): (day: number) => DeskRule {
  const periods = s.desks.periods;
  if (periods.length === 0) return () => NO_CAP;
  return (day) => {
    const date = dateOfDay(cal, day);
    const p = periods.find((p) => (!p.from || p.from <= date) && (!p.to || date <= p.to));
    return p ? { usable: p.usable, shielding: p.shielding, shieldingShare: p.shieldingShare } : NO_CAP;
  };
}

/**
 * Staff on the floor per group (into `out`) for whole numbers on duty per group: shielding staff
 * (rounded to whole people) leave the room, the desk places left are shared between desk groups in
 * proportion to who is on duty (largest remainder; ties to the group listed first), and groups
 * without desks keep everyone.
 */
export function floorCapacity(onDuty: ArrayLike<number>, usesDesk: readonly boolean[], rule: DeskRule, out: { [group: number]: number }): void {
  const n = onDuty.length;
  let deskStaff = 0;
  for (let g = 0; g < n; g++) if (usesDesk[g]) deskStaff += onDuty[g]!;
  const shielding = rule.shielding + Math.round(deskStaff * rule.shieldingShare);
  const onFloor = Math.min(Math.max(0, deskStaff - shielding), rule.usable);
  let given = 0;
  const remainders: [number, number][] = [];
  for (let g = 0; g < n; g++) {
    if (!usesDesk[g]) {
      out[g] = onDuty[g]!;
      continue;
    }
    const exact = deskStaff > 0 ? (onFloor * onDuty[g]!) / deskStaff : 0;
    out[g] = Math.floor(exact);
    given += out[g]!;
    remainders.push([exact - out[g]!, g]);
  }
  remainders.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let i = 0; given < onFloor && i < remainders.length; i++, given++) out[remainders[i]![1]]!++;
}
