/**
 * Covid-secure desk rules by day: how many desks are usable, and how many of the staff on duty are
 * shielding (off the floor), as a number and as a share of those on duty. Outside every period
 * there is no cap. Where periods overlap, the first listed applies.
 */
import type { Scenario } from '../scenario/index.ts';
import { dateOfDay, type SimCalendar } from './calendar-time.ts';

export interface DeskRule {
  usable: number;
  shielding: number;
  shieldingShare: number;
}

const NO_CAP: DeskRule = { usable: Infinity, shielding: 0, shieldingShare: 0 };

export function deskCapacity(s: Scenario, cal: SimCalendar): (day: number) => DeskRule {
  const periods = s.desks.periods;
  if (periods.length === 0) return () => NO_CAP;
  return (day) => {
    const date = dateOfDay(cal, day);
    const p = periods.find((p) => (!p.from || p.from <= date) && (!p.to || date <= p.to));
    return p ? { usable: p.usable, shielding: p.shielding, shieldingShare: p.shieldingShare } : NO_CAP;
  };
}
