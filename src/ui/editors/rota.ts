/**
 * Rota arithmetic for the rota editor: staff on the floor by hour of week (after shrinkage,
 * breaks, shielding and the desk cap) and the Erlang C requirement for the phone demand, so the
 * manager sees at a glance where the rota falls short. These are planning approximations for the
 * editor; the simulation itself is what the results report.
 */
import { agentsNeeded, groupsOf, meanOf, PHONE_CHANNELS, WEEKDAYS, type Scenario } from '../core.ts';
import { normalise, resolveFactors } from './factors.ts';

export function minutesOf(clock: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(clock);
  return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
}

export function clockOf(minutes: number): string {
  const m = (((Math.round(minutes) % 1440) + 1440) % 1440);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** Minutes of each hour of the week (168) that a shift's staff are working, breaks excluded. */
export function shiftCoverage(shift: { start: string; hours: number; days: readonly string[]; breaks: readonly { afterMinutes: number; minutes: number }[] }): number[] {
  const cover = new Array<number>(168).fill(0);
  const start = minutesOf(shift.start);
  if (!Number.isFinite(start)) return cover;
  const length = shift.hours * 60;
  const weekMinutes = 168 * 60;
  const add = (from: number, to: number, sign: 1 | -1) => {
    for (let t = from; t < to; ) {
      const hourEnd = (Math.floor(t / 60) + 1) * 60;
      const step = Math.min(hourEnd, to) - t;
      const h = Math.floor(((t % weekMinutes) + weekMinutes) % weekMinutes / 60);
      cover[h]! += sign * step;
      t += step;
    }
  };
  for (const day of shift.days) {
    const d = WEEKDAYS.indexOf(day as (typeof WEEKDAYS)[number]);
    if (d < 0) continue;
    const s = d * 1440 + start;
    add(s, s + length, 1);
    for (const b of shift.breaks) add(s + b.afterMinutes, Math.min(s + length, s + b.afterMinutes + b.minutes), -1);
  }
  return cover;
}

/** Average staff able to take calls in each hour of the week, by staff group. */
export function onFloorByGroup(s: Scenario): Map<string, number[]> {
  const st = s.staffing;
  const out = new Map<string, number[]>();
  const keep = 1 - st.shrinkage;
  if (st.fixed !== undefined) {
    out.set(groupsOf(st)[0]!.id, new Array<number>(168).fill(st.fixed));
    return out;
  }
  for (const g of st.groups ?? []) out.set(g.id, new Array<number>(168).fill(0));
  for (const shift of st.shifts ?? []) {
    const line = out.get(shift.group);
    if (!line) continue;
    const cover = shiftCoverage(shift);
    for (let h = 0; h < 168; h++) line[h]! += (shift.staff * keep * cover[h]!) / 60;
  }
  const period = s.desks.periods[0];
  if (period) {
    const deskGroups = groupsOf(st).filter((g) => g.usesDesk).map((g) => g.id);
    for (let h = 0; h < 168; h++) {
      const inRoom = deskGroups.reduce((sum, id) => sum + (out.get(id)?.[h] ?? 0), 0);
      const usable = Math.max(0, Math.min(inRoom - period.shielding, period.usable));
      const ratio = inRoom > 0 ? usable / inRoom : 0;
      for (const id of deskGroups) {
        const line = out.get(id)!;
        line[h] = line[h]! * ratio;
      }
    }
  }
  return out;
}

/** Staff on the floor who can answer phones (999 or 101), by hour of week. */
export function phoneStaffOnFloor(s: Scenario): number[] {
  const byGroup = onFloorByGroup(s);
  const phone = groupsOf(s.staffing).filter((g) => g.skills.some((k) => k === '999' || k === '101'));
  return Array.from({ length: 168 }, (_, h) => phone.reduce((sum, g) => sum + (byGroup.get(g.id)?.[h] ?? 0), 0));
}

/** Erlang C handlers needed each hour for 999 and 101 to meet their targets (summed; no abandonment). */
export function phoneRequirement(s: Scenario): number[] {
  const need = new Array<number>(168).fill(0);
  for (const c of PHONE_CHANNELS) {
    const demand = s.demand.channels[c];
    const handling = s.handling[c];
    if (!demand || !handling || demand.callsPerDay <= 0) continue;
    // As the model does: shapes apply only to a weekly profile, rescaled to mean 1.
    const shape = s.demand.profile === 'weekly' ? normalise(resolveFactors(demand.hourOfWeek ?? s.demand.hourOfWeek, 168)) : resolveFactors(undefined, 168);
    const minutes = meanOf(handling.talkMinutes) + meanOf(handling.wrapMinutes);
    if (!(minutes > 0)) continue;
    const target = s.targets[c];
    for (let h = 0; h < 168; h++) {
      const perSecond = (demand.callsPerDay * (shape[h] ?? 1)) / 86_400;
      need[h]! += agentsNeeded('C', { arrivalRate: perSecond, serviceRate: 1 / (minutes * 60), abandonRate: 0 }, { seconds: target.seconds, share: target.share });
    }
  }
  return need;
}
