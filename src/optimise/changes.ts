/**
 * What changed between two rotas, in words a duty manager reads at a glance: per group and shift
 * (start and length), the change in staff on each weekday, days with the same change joined
 * ("Call handlers: +2 on 23:00–07:00 (8 h) Fri and Sat"). The group's name leads, set off by a
 * colon, so that a name that is a number ("101 handlers: +1 on …") never reads as part of the
 * count, as "+1 101 handlers" did.
 */
import { groupsOf, type Scenario, type Shift } from '../scenario/index.ts';
import { WEEKDAYS } from '../shared/time.ts';

function endOf(s: Pick<Shift, 'start' | 'hours'>): string {
  const [h, m] = s.start.split(':').map(Number);
  const end = (h! * 60 + m! + Math.round(s.hours * 60)) % 1440;
  return `${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`;
}

function dayList(days: string[]): string {
  if (days.length === 7) return 'every day';
  if (days.join() === 'Mon,Tue,Wed,Thu,Fri') return 'Mon–Fri';
  if (days.length === 1) return days[0]!;
  return `${days.slice(0, -1).join(', ')} and ${days.at(-1)}`;
}

/** Staff per weekday for each (group, start, length), break plans added together. */
function byShape(shifts: readonly Shift[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const s of shifts) {
    const k = JSON.stringify([s.group, s.start, s.hours]);
    const perDay = out.get(k) ?? out.set(k, new Array(7).fill(0)).get(k)!;
    for (const d of s.days) perDay[WEEKDAYS.indexOf(d)]! += s.staff;
  }
  return out;
}

export function describeChanges(scenario: Scenario, proposed: readonly Shift[]): string[] {
  const names = new Map(groupsOf(scenario.staffing).map((g) => [g.id, g.name ?? g.id]));
  return headcountChanges(scenario.staffing.shifts ?? [], proposed, names);
}

/** The net change in staff per group, shift times and weekday between two lists of shifts. */
export function headcountChanges(beforeShifts: readonly Shift[], afterShifts: readonly Shift[], names: ReadonlyMap<string, string>): string[] {
  const before = byShape(beforeShifts);
  const after = byShape(afterShifts);
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort((a, b) => {
    const [ga, sa] = JSON.parse(a) as [string, string];
    const [gb, sb] = JSON.parse(b) as [string, string];
    return ga.localeCompare(gb) || sa.localeCompare(sb);
  });
  const lines: string[] = [];
  for (const k of keys) {
    const [group, start, hours] = JSON.parse(k) as [string, string, number];
    const b = before.get(k) ?? new Array(7).fill(0);
    const a = after.get(k) ?? new Array(7).fill(0);
    const byDelta = new Map<number, string[]>();
    WEEKDAYS.forEach((d, i) => {
      const delta = a[i]! - b[i]!;
      if (delta !== 0) byDelta.set(delta, [...(byDelta.get(delta) ?? []), d]);
    });
    for (const [delta, days] of [...byDelta].sort((x, y) => y[0] - x[0]))
      lines.push(`${names.get(group) ?? group}: ${delta > 0 ? '+' : '−'}${Math.abs(delta)} on ${start}–${endOf({ start, hours })} (${hours} h) ${dayList(days)}`);
  }
  return lines;
}
