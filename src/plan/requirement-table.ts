/**
 * The requirement beside the rota, as a planner reads it: for one phone channel (or both), by
 * Erlang C or Erlang A, each interval of the week Monday first with the handlers needed (on the
 * floor and rostered), the staff the rota rosters and puts on the floor, and how many whole
 * handlers the floor is short by. Every figure is read from the planner's result
 * (`staffingRequirement`, what `occsim staff --json` prints); nothing is recomputed here, so the
 * rota editor and the command line cannot disagree. "Both" adds the channels, each its own pool.
 */
import type { PhoneChannel, StaffingRequirement } from './requirement.ts';

export type TableChannel = 'phone' | PhoneChannel;
export type TableMethod = 'A' | 'C';

export interface RequirementRow {
  /** Hour of the week the interval starts, Monday 00:00 = 0 (fractions for 15 and 30 minutes). */
  hourOfWeek: number;
  /** Interval start on the scenario's clock, YYYY-MM-DDTHH:MM. */
  start: string;
  /** Calls offered per hour on the phone (after online diversion). */
  offeredPerHour: number;
  /** Handlers needed on the floor, and rostered (after shrinkage). */
  needed: number;
  neededRostered: number;
  /** Staff skilled for the channel that the rota rosters, and expects on the floor. */
  rostered: number;
  onFloor: number;
  /** Whole handlers the floor lacks (0 when covered). */
  shortBy: number;
}

export interface RequirementTable {
  intervalMinutes: number;
  rows: RequirementRow[];
  shortIntervals: number;
  /** The interval short by most handlers (the first of equals), or null when none is short. */
  worst: RequirementRow | null;
  /** Handler-hours short over the week: each interval's shortfall times its length. */
  handlerHoursShort: number;
}

export function requirementTable(req: StaffingRequirement, channel: TableChannel, method: TableMethod): RequirementTable {
  const hours = req.intervalMinutes / 60;
  const byStart = new Map<string, Partial<Record<PhoneChannel, StaffingRequirement['intervals'][number]>>>();
  for (const i of req.intervals) (byStart.get(i.start) ?? byStart.set(i.start, {}).get(i.start)!)[i.channel] = i;
  const channels: PhoneChannel[] = channel === 'phone' ? ['999', '101'] : [channel];

  const rows = req.floor.map((f, i): RequirementRow => {
    const offered = byStart.get(f.start) ?? {};
    const sum = (pick: (c: PhoneChannel) => number) => channels.reduce((total, c) => total + pick(c), 0);
    const need = (c: PhoneChannel) => (method === 'C' ? f.channels[c].erlangC : f.channels[c].erlangA);
    const needRostered = (c: PhoneChannel) => (method === 'C' ? offered[c]?.erlangCRostered : offered[c]?.erlangARostered) ?? 0;
    const floor = channel === 'phone' ? f : f.channels[channel];
    return {
      hourOfWeek: (req.startWeekday * 24 + i * hours) % 168,
      start: f.start,
      offeredPerHour: Math.round(sum((c) => offered[c]?.offeredPerHour ?? 0) * 100) / 100,
      needed: sum(need),
      neededRostered: sum(needRostered),
      rostered: floor.rostered,
      onFloor: floor.onFloor,
      shortBy: method === 'C' ? floor.shortByC : floor.shortByA,
    };
  });
  rows.sort((a, b) => a.hourOfWeek - b.hourOfWeek);
  let worst: RequirementRow | null = null;
  for (const r of rows) if (r.shortBy > 0 && (!worst || r.shortBy > worst.shortBy)) worst = r;
  return {
    intervalMinutes: req.intervalMinutes,
    rows,
    shortIntervals: rows.filter((r) => r.shortBy > 0).length,
    worst,
    handlerHoursShort: rows.reduce((total, r) => total + r.shortBy * hours, 0),
  };
}

/** The short intervals as stretches of the week (hours from Monday 00:00), neighbours joined, for shading. */
export function shortSpans(table: RequirementTable): { from: number; to: number }[] {
  const hours = table.intervalMinutes / 60;
  const spans: { from: number; to: number }[] = [];
  for (const r of table.rows) {
    if (r.shortBy === 0) continue;
    const last = spans.at(-1);
    if (last && Math.abs(last.to - r.hourOfWeek) < 1e-9) last.to = r.hourOfWeek + hours;
    else spans.push({ from: r.hourOfWeek, to: r.hourOfWeek + hours });
  }
  return spans;
}
