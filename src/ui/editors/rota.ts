/**
 * Rota helpers for the rota editor: clock arithmetic for the gantt, and the chart of staff on the
 * floor against the requirement, drawn from the planner's result (src/plan/requirement.ts, which
 * takes the staffing timeline's expected values) rather than computed here.
 */
import type { FloorInterval, StaffingRequirement } from '../../plan/requirement.ts';

export function minutesOf(clock: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(clock);
  return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
}

export function clockOf(minutes: number): string {
  const m = (((Math.round(minutes) % 1440) + 1440) % 1440);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

export type ChartChannel = 'phone' | '999' | '101';
export type ChartMethod = 'C' | 'A';

export interface RotaSeries {
  /** x is the hour of the week (Monday 00:00 = 0; fractions for 15 and 30-minute intervals). */
  staff: { x: number; y: number }[];
  need: { x: number; y: number }[];
  short: number;
}

/**
 * The first week of the planner's result laid out Monday first: staff on the floor skilled for the
 * channel (or either phone channel) against the handlers it needs by Erlang C or A.
 */
export function rotaSeries(req: StaffingRequirement, startWeekday: number, channel: ChartChannel, method: ChartMethod): RotaSeries {
  const hours = req.intervalMinutes / 60;
  const need = (f: FloorInterval, c: '999' | '101') => (method === 'C' ? f.channels[c].erlangC : f.channels[c].erlangA);
  const rows = req.floor.map((f, i) => ({
    x: (startWeekday * 24 + i * hours) % 168,
    staff: channel === 'phone' ? f.onFloor : f.channels[channel].onFloor,
    need: channel === 'phone' ? need(f, '999') + need(f, '101') : need(f, channel),
  }));
  rows.sort((a, b) => a.x - b.x);
  return {
    staff: rows.map((r) => ({ x: r.x, y: r.staff })),
    need: rows.map((r) => ({ x: r.x, y: r.need })),
    short: rows.filter((r) => r.staff < r.need - 1e-9).length,
  };
}
