/**
 * Where and why a run fails its phone standards: the worst hours of the week for 999 and for 101,
 * each with the shifts on duty then, the breaks under way, and the staff on the floor against the
 * handlers needed. Hours of the week that fail at the same time of day are told together ("Mon–Sun
 * 09:00–10:00: 999 at 52–70 %"), since a rota repeats by the day: one change of shift mends them all.
 *
 * The service levels are the simulation's (the hour-of-week profile of the report); the staff on the
 * floor and the handlers needed are the planner's for the first week (`src/plan/requirement.ts`:
 * the staffing timeline's expectation and Erlang A for both phone channels at 60 minutes), so the
 * "why" reads in the same numbers as the rota editor's requirement. The shifts and breaks are read
 * from the rota as written.
 */
import type { Estimate } from '../stats/estimate.ts';
import type { PhoneChannel, StaffingRequirement } from '../plan/requirement.ts';
import { groupsOf, type Scenario } from '../scenario/index.ts';
import { WEEKDAYS } from '../shared/time.ts';
import { clockSeconds } from './timeline.ts';

/** How many hours of the day are told per standard: the worst first. */
const MOST = 3;

export interface WeakHour {
  /** Hour of the day, 0–23, and the weekdays (0 = Monday) on which it fails. */
  hour: number;
  days: number[];
  /** "Mon–Sun 09:00–10:00" */
  label: string;
  /** The simulated service level on those days: lowest and highest mean; the 95 % CI when one day. */
  serviceLevel: { low: number; high: number; ci95: [number, number] | null };
  /** The planner's expected staff on the floor (phone-skilled) and handlers needed, lowest and highest over the days. */
  onFloor: { low: number; high: number };
  needed: { low: number; high: number };
  /** Shifts of groups that take the channel, on duty for some of the hour on one of the days. */
  onDuty: string[];
  /** Breaks under way then, e.g. "first break of Earlies". */
  breaks: string[];
  sentence: string;
}

export type WhereItFails = Record<PhoneChannel, WeakHour[]>;

interface HourProfiles {
  byHourOfWeek: Record<PhoneChannel, { serviceLevel: Estimate[]; offeredPerWeek: Estimate[] }>;
}

export function whereItFails(scenario: Scenario, profiles: HourProfiles, req: StaffingRequirement): WhereItFails {
  const onFloor = new Array<number>(168).fill(NaN);
  const needed = new Array<number>(168).fill(NaN);
  if (req.intervalMinutes !== 60) throw new RangeError('where it fails reads the requirement at 60-minute intervals');
  req.floor.slice(0, 168).forEach((f, i) => {
    const h = (req.startWeekday * 24 + i) % 168;
    onFloor[h] = f.onFloor;
    needed[h] = f.needed;
  });
  const out = {} as WhereItFails;
  for (const channel of ['999', '101'] as const) {
    const share = scenario.targets[channel].share;
    const levels = profiles.byHourOfWeek[channel].serviceLevel;
    const failing = new Map<number, number[]>();
    levels.forEach((e, h) => {
      if (e.mean === null || e.mean >= share || !((profiles.byHourOfWeek[channel].offeredPerWeek[h]?.mean ?? 0) > 0)) return;
      const days = failing.get(h % 24) ?? failing.set(h % 24, []).get(h % 24)!;
      days.push(Math.floor(h / 24));
    });
    const worstOf = (days: number[], hour: number) => Math.min(...days.map((d) => levels[d * 24 + hour]!.mean!));
    const worst = [...failing].sort(([ha, da], [hb, db]) => worstOf(da, ha) - worstOf(db, hb) || ha - hb).slice(0, MOST);
    out[channel] = worst.map(([hour, days]) => weakHour(scenario, channel, hour, days, levels, onFloor, needed));
  }
  return out;
}

function weakHour(scenario: Scenario, channel: PhoneChannel, hour: number, days: number[], levels: Estimate[], floor: number[], need: number[]): WeakHour {
  const at = days.map((d) => d * 24 + hour);
  const range = (values: number[]) => ({ low: Math.min(...values), high: Math.max(...values) });
  const sl = range(at.map((h) => levels[h]!.mean!));
  const ci95 = at.length === 1 ? levels[at[0]!]!.ci95 : null;
  const onFloor = range(at.map((h) => floor[h]!).filter(Number.isFinite));
  const needed = range(at.map((h) => need[h]!).filter(Number.isFinite));
  const { onDuty, breaks } = dutyAt(scenario, channel, at);
  const label = `${dayRanges(days)} ${clock(hour)}–${clock(hour + 1)}`;
  const target = scenario.targets[channel];
  const pct = (v: number) => `${Math.round(v * 100)}`;
  const level = sl.low === sl.high ? `${pct(sl.low)} %${ci95 ? ` (95 % CI ${pct(ci95[0])}–${pct(ci95[1])} %)` : ''}` : `${pct(sl.low)}–${pct(sl.high)} %`;
  const staff = Number.isFinite(onFloor.low) ? `; ${spread(onFloor, 1)} on the floor against ${spread(needed, 0)} needed` : '';
  const sentence =
    `${label}: ${channel} at ${level} answered within ${target.seconds} s against ${pct(target.share)} %${staff}` +
    (onDuty.length ? `; on duty: ${onDuty.join(', ')}` : '') +
    (breaks.length ? `; breaks under way: ${breaks.join(', ')}` : '');
  return { hour, days, label, serviceLevel: { ...sl, ci95 }, onFloor, needed, onDuty, breaks, sentence };
}

const ORDINAL = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth'];

/**
 * The shifts of groups skilled for the channel on duty for some of the given hours of the week, and
 * the breaks under way then. A break is taken in two waves (timeline.ts), so it keeps part of the
 * shift off the floor from its start for twice its length.
 */
function dutyAt(scenario: Scenario, channel: PhoneChannel, hoursOfWeek: number[]): { onDuty: string[]; breaks: string[] } {
  const skilled = new Set(groupsOf(scenario.staffing).filter((g) => g.skills.includes(channel)).map((g) => g.id));
  const onDuty = new Set<string>();
  const breaks = new Set<string>();
  const overlaps = (from: number, to: number) => hoursOfWeek.some((h) => [-168, 0, 168].some((wrap) => from < h + wrap + 1 && to > h + wrap));
  for (const shift of scenario.staffing.shifts ?? []) {
    if (!skilled.has(shift.group)) continue;
    const name = shift.name ?? shift.group;
    const startHour = clockSeconds(shift.start) / 3600;
    for (const day of shift.days) {
      const start = WEEKDAYS.indexOf(day as (typeof WEEKDAYS)[number]) * 24 + startHour;
      const end = start + shift.hours;
      if (!overlaps(start, end)) continue;
      onDuty.add(name);
      shift.breaks.forEach((b, k) => {
        const from = start + b.afterMinutes / 60;
        if (overlaps(from, Math.min(end, from + (2 * b.minutes) / 60))) breaks.add(`${ORDINAL[k] ?? `${k + 1}th`} break of ${name}`);
      });
    }
  }
  return { onDuty: [...onDuty], breaks: [...breaks] };
}

/** "Mon–Sun", "Fri–Sat", "Mon, Wed–Thu". */
export function dayRanges(days: number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j === i ? WEEKDAYS[sorted[i]!]! : `${WEEKDAYS[sorted[i]!]}–${WEEKDAYS[sorted[j]!]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

function clock(hour: number): string {
  return `${String(hour % 24).padStart(2, '0')}:00`;
}

function spread(r: { low: number; high: number }, digits: number): string {
  const f = (v: number) => v.toFixed(digits).replace(/\.0+$/, '');
  return f(r.low) === f(r.high) ? f(r.low) : `${f(r.low)}–${f(r.high)}`;
}
