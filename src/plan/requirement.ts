/**
 * The staffing requirement of a scenario, interval by interval: how many call handlers each phone
 * channel needs to meet its answer target (e.g. 90 % of 999 calls within 10 s) by Erlang C (callers
 * wait for ever) and by Erlang A (callers hang up after an exponential patience), on the floor and
 * rostered (after shrinkage). Beside it, the staff the rota puts on the floor, and the intervals
 * that fall short.
 *
 * The formulas are a quick first look, not the verdict. They treat each interval as a steady state
 * with its own arrival rate, each channel as its own pool of handlers, and ignore priorities
 * between 999 and 101, desk caps beyond the simple floor count, breaks' exact timing, and redials.
 * The simulation models all of those: where the two disagree, the simulation is the judge.
 */
import { agentsNeeded, erlangA, type ServiceTarget } from '../stats/erlang.ts';
import { meanOf, type DistSpec } from '../engine/distributions.ts';
import { channelRate } from '../model/demand.ts';
import { simCalendar, dateOfDay, weekdayOfDay } from '../model/calendar-time.ts';
import { deskCapacity } from '../model/desks.ts';
import { groupsOf, type Scenario } from '../scenario/index.ts';
import { SECONDS_PER_DAY, SECONDS_PER_HOUR, WEEKDAYS } from '../shared/time.ts';
import { own } from '../shared/own.ts';

export const PHONE = ['999', '101'] as const;
export type PhoneChannel = (typeof PHONE)[number];
export const INTERVALS = [15, 30, 60] as const;

export interface IntervalRequirement {
  /** Interval start, YYYY-MM-DDTHH:MM (scenario clock). */
  start: string;
  channel: PhoneChannel;
  /** Calls offered per hour on the phone (after online diversion). */
  offeredPerHour: number;
  /** Handlers needed on the floor, Erlang C. */
  erlangC: number;
  /** Handlers needed on the floor, Erlang A (with the scenario's patience). */
  erlangA: number;
  /** The same, rostered: divided by (1 − shrinkage), rounded up. */
  erlangCRostered: number;
  erlangARostered: number;
  /** Erlang A at the Erlang A staffing: share answered in target and share abandoning. */
  serviceLevel: number;
  abandon: number;
}

export interface FloorInterval {
  start: string;
  /** Phone-skilled staff rostered on shift (before shrinkage). */
  rostered: number;
  /** Expected on the floor: rostered less shrinkage, breaks and shielding, capped by usable desks. */
  onFloor: number;
  /** Handlers needed on the floor for both phone channels (Erlang A, each channel its own pool). */
  needed: number;
  short: boolean;
}

export interface StaffingRequirement {
  intervalMinutes: number;
  shrinkage: number;
  /** Per channel: mean handling time (talk + wrap, mix-weighted) and mean patience, seconds. */
  channels: Partial<Record<PhoneChannel, { ahtSeconds: number; patienceSeconds: number | null; target: ServiceTarget }>>;
  intervals: IntervalRequirement[];
  floor: FloorInterval[];
  notes: string[];
}

export interface RequirementOptions {
  intervalMinutes?: number;
  /** Days from the start of the horizon (default 7: the first week). */
  days?: number;
}

export function staffingRequirement(scenario: Scenario, options: RequirementOptions = {}): StaffingRequirement {
  const minutes = options.intervalMinutes ?? 30;
  if (!(INTERVALS as readonly number[]).includes(minutes)) throw new RangeError(`interval must be 15, 30 or 60 minutes, got ${minutes}`);
  const days = options.days ?? 7;
  const cal = simCalendar(scenario.horizon.startDate);
  const shrinkage = scenario.staffing.shrinkage;
  const perDay = (24 * 60) / minutes;
  const intervals: IntervalRequirement[] = [];
  const channels: StaffingRequirement['channels'] = {};
  const neededAt = new Float64Array(days * perDay);
  const notes: string[] = [
    'Erlang C and A treat each interval as a steady state and each channel as its own pool; they ignore 999-before-101 priority, redials and shift changes inside an interval. The simulation models these and is the judge.',
  ];

  for (const channel of PHONE) {
    const demand = scenario.demand.channels[channel];
    if (!demand || demand.callsPerDay <= 0) continue;
    const handling = scenario.handling[channel];
    if (!handling) {
      notes.push(`${channel}: no handling time in the scenario, so no requirement`);
      continue;
    }
    const mix = mixOf(demand.mix);
    const aht = 60 * mix.reduce((s, [id, share]) => {
      const byType = own(handling.byCallType, id);
      return s + share * (meanOf((byType?.talkMinutes ?? handling.talkMinutes) as DistSpec) + meanOf((byType?.wrapMinutes ?? handling.wrapMinutes) as DistSpec));
    }, 0);
    const diverted = mix.reduce((s, [id, share]) => s + share * (own(scenario.diversion[channel], id) ?? 0), 0);
    const patience = scenario.patience[channel];
    const patienceSeconds = patience ? 60 * meanOf(patience as DistSpec) : null;
    const target = scenario.targets[channel];
    channels[channel] = { ahtSeconds: round(aht, 1), patienceSeconds: patienceSeconds === null ? null : round(patienceSeconds, 1), target };
    if (patienceSeconds === null) notes.push(`${channel}: no patience in the scenario, so Erlang A equals Erlang C`);
    const serviceRate = 1 / aht;
    const abandonRate = patienceSeconds ? 1 / patienceSeconds : 0;
    const rate = channelRate(scenario, channel, cal);
    const cache = new Map<number, { c: number; a: number; sl: number; ab: number }>();

    for (let i = 0; i < days * perDay; i++) {
      const startMinute = i * minutes;
      const hourIndex = Math.floor(startMinute / 60);
      const perSecond = rate.perSecond(hourIndex) * (1 - diverted);
      let r = cache.get(perSecond);
      if (!r) {
        const params = { arrivalRate: perSecond, serviceRate, abandonRate };
        const c = agentsNeeded('C', params, target);
        const a = agentsNeeded('A', params, target);
        const m = perSecond > 0 ? erlangA({ ...params, agents: a }) : undefined;
        r = { c, a, sl: m ? m.serviceLevel(target.seconds) : 1, ab: m ? m.probAbandon : 0 };
        cache.set(perSecond, r);
      }
      neededAt[i]! += r.a;
      intervals.push({
        start: stamp(cal, startMinute),
        channel,
        offeredPerHour: round(perSecond * SECONDS_PER_HOUR, 2),
        erlangC: r.c,
        erlangA: r.a,
        erlangCRostered: rostered(r.c, shrinkage),
        erlangARostered: rostered(r.a, shrinkage),
        serviceLevel: round(r.sl, 4),
        abandon: round(r.ab, 4),
      });
    }
  }
  intervals.sort((x, y) => (x.start < y.start ? -1 : x.start > y.start ? 1 : x.channel < y.channel ? 1 : -1));

  const floor: FloorInterval[] = [];
  for (let i = 0; i < days * perDay; i++) {
    const startMinute = i * minutes;
    const { rostered: r, onFloor } = floorAt(scenario, cal, (startMinute + minutes / 2) * 60);
    floor.push({ start: stamp(cal, startMinute), rostered: round(r, 2), onFloor: round(onFloor, 2), needed: neededAt[i]!, short: onFloor < neededAt[i]! });
  }
  return { intervalMinutes: minutes, shrinkage, channels, intervals, floor, notes };
}

function mixOf(mix: Record<string, number> | undefined): [string, number][] {
  const entries = Object.entries(mix ?? { general: 1 });
  const total = entries.reduce((s, [, w]) => s + w, 0);
  return total > 0 ? entries.map(([id, w]) => [id, w / total]) : [['general', 1]];
}

function rostered(onFloor: number, shrinkage: number): number {
  return Math.ceil(onFloor / (1 - shrinkage) - 1e-9);
}

/**
 * Phone-skilled staff at simulated second `t`: rostered on shifts (including those that started the
 * day before, also before the first day, as the model starts them), and the expected number on the
 * floor after shrinkage, breaks (taken in two waves, as the model does), shielding and the desk cap.
 */
export function floorAt(scenario: Scenario, cal: ReturnType<typeof simCalendar>, t: number): { rostered: number; onFloor: number } {
  const { staffing } = scenario;
  const phoneGroups = new Set(groupsOf(staffing).filter((g) => g.skills.includes('999') || g.skills.includes('101')).map((g) => g.id));
  const deskGroups = new Set(groupsOf(staffing).filter((g) => g.usesDesk).map((g) => g.id));
  const day = Math.floor(t / SECONDS_PER_DAY);
  let rostered = 0;
  let present = 0;
  let atDesks = 0;
  if (staffing.fixed !== undefined) {
    rostered = staffing.fixed;
    present = atDesks = staffing.fixed * (1 - staffing.shrinkage);
  }
  for (const shift of staffing.shifts ?? []) {
    if (!phoneGroups.has(shift.group)) continue;
    for (const d of [day - 1, day]) {
      if (!shift.days.includes(WEEKDAYS[((weekdayOfDay(cal, 0) + d) % 7 + 7) % 7]!)) continue;
      const [h, m] = shift.start.split(':').map(Number);
      const start = d * SECONDS_PER_DAY + (h! * 60 + m!) * 60;
      const end = start + shift.hours * SECONDS_PER_HOUR;
      if (t < start || t >= end) continue;
      rostered += shift.staff;
      const expected = shift.staff * (1 - staffing.shrinkage);
      let away = 0;
      for (const b of shift.breaks) {
        const first = expected / 2;
        const out1 = start + b.afterMinutes * 60;
        const out2 = out1 + b.minutes * 60;
        if (t >= out1 && t < Math.min(out2, end)) away += first;
        if (t >= out2 && t < Math.min(out2 + b.minutes * 60, end)) away += expected - first;
      }
      present += Math.max(0, expected - away);
      if (deskGroups.has(shift.group)) atDesks += Math.max(0, expected - away);
    }
  }
  const rule = deskCapacity(scenario, cal)(day);
  const shielding = Math.min(rule.shielding + atDesks * rule.shieldingShare, present);
  const deskless = present - atDesks;
  const onFloor = Math.min(rule.usable, Math.max(0, atDesks - shielding)) + deskless;
  return { rostered, onFloor };
}

function stamp(cal: ReturnType<typeof simCalendar>, minute: number): string {
  const day = Math.floor(minute / 1440);
  const m = minute - day * 1440;
  return `${dateOfDay(cal, day)}T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

function round(v: number, digits: number): number {
  const p = 10 ** digits;
  return Math.round(v * p) / p;
}
