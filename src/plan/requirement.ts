/**
 * The staffing requirement of a scenario, interval by interval: how many call handlers each phone
 * channel needs to meet its answer target (e.g. 90 % of 999 calls within 10 s) by Erlang C (callers
 * wait for ever) and by Erlang A (callers hang up after an exponential patience), on the floor and
 * rostered (after shrinkage). Beside it, the staff the rota puts on the floor, and the intervals
 * that fall short.
 *
 * The staff on the floor are the staffing timeline's exact expectation of what the simulation puts
 * there (`src/model/timeline.ts`: shrinkage, break waves, shielding, the desk cap), and the handling
 * time is the simulation's mean (`src/model/call-types.ts`: talk, wrap-up and triage's extra minutes,
 * over the mix left on the phone after online diversion).
 *
 * The formulas are a quick first look, not the verdict. They treat each interval as a steady state
 * with its own arrival rate, each channel as its own pool of handlers, and ignore priorities
 * between 999 and 101, handlers shared between channels, and redials. The simulation models all
 * of those: where the two disagree, the simulation is the judge.
 */
import { agentsNeeded, erlangA, type ServiceTarget } from '../stats/erlang.ts';
import { meanOf, type DistSpec } from '../engine/distributions.ts';
import { channelRate } from '../model/demand.ts';
import { simCalendar, dateOfDay } from '../model/calendar-time.ts';
import { phoneHandling } from '../model/call-types.ts';
import { StaffingTimeline } from '../model/timeline.ts';
import { groupsOf, type Scenario } from '../scenario/index.ts';
import { SECONDS_PER_HOUR } from '../shared/time.ts';

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
  /** Phone-skilled staff rostered on shift (before shrinkage and breaks), averaged over the interval. */
  rostered: number;
  /** Expected on the floor: rostered less shrinkage, breaks and shielding, capped by usable desks. */
  onFloor: number;
  /** Handlers needed on the floor for both phone channels (Erlang A, each channel its own pool). */
  needed: number;
  short: boolean;
  /** Whole handlers the floor lacks for both phone channels (0 when covered), by Erlang C and by Erlang A. */
  shortByC: number;
  shortByA: number;
  /** Per phone channel: staff skilled for it, rostered and expected on the floor; the handlers it needs and lacks. */
  channels: Record<PhoneChannel, ChannelFloor>;
}

export interface ChannelFloor {
  rostered: number;
  onFloor: number;
  erlangC: number;
  erlangA: number;
  shortByC: number;
  shortByA: number;
}

export interface StaffingRequirement {
  intervalMinutes: number;
  /** Weekday of the first interval, 0 = Monday. */
  startWeekday: number;
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
  const n = days * perDay;
  const needC = { '999': new Int32Array(n), '101': new Int32Array(n) };
  const needA = { '999': new Int32Array(n), '101': new Int32Array(n) };
  const notes: string[] = [
    'Erlang C and A treat each interval as a steady state and each channel as its own pool; they ignore 999-before-101 priority, redials and shift changes inside an interval. The simulation models these and is the judge.',
  ];

  const handlingByChannel = phoneHandling(scenario);
  for (const channel of PHONE) {
    const demand = scenario.demand.channels[channel];
    if (!demand || demand.callsPerDay <= 0) continue;
    if (!scenario.handling[channel]) {
      notes.push(`${channel}: no handling time in the scenario, so no requirement`);
      continue;
    }
    const { ahtSeconds: aht, diverted } = handlingByChannel[channel];
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
      needC[channel][i] = r.c;
      needA[channel][i] = r.a;
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

  const expected = new StaffingTimeline(scenario, cal).expected({ days, intervalMinutes: minutes });
  const groups = groupsOf(scenario.staffing);
  const G = groups.length;
  const skilled = (channels: readonly string[]) => groups.flatMap((g, k) => (g.skills.some((c) => channels.includes(c)) ? [k] : []));
  const sumOver = (values: Float64Array, i: number, members: number[]) => members.reduce((sum, g) => sum + values[i * G + g]!, 0);
  const phone = skilled(PHONE);
  const by = { '999': skilled(['999']), '101': skilled(['101']) };
  const floor: FloorInterval[] = [];
  for (let i = 0; i < n; i++) {
    const onFloor = sumOver(expected.onFloor, i, phone);
    const needed = needA['999'][i]! + needA['101'][i]!;
    const perChannel = (c: PhoneChannel): ChannelFloor => {
      const there = sumOver(expected.onFloor, i, by[c]);
      return {
        rostered: round(sumOver(expected.rostered, i, by[c]), 2),
        onFloor: round(there, 2),
        erlangC: needC[c][i]!,
        erlangA: needA[c][i]!,
        shortByC: shortBy(needC[c][i]!, there),
        shortByA: shortBy(needA[c][i]!, there),
      };
    };
    floor.push({
      start: stamp(cal, i * minutes),
      rostered: round(sumOver(expected.rostered, i, phone), 2),
      onFloor: round(onFloor, 2),
      needed,
      short: onFloor < needed - 1e-9,
      shortByC: shortBy(needC['999'][i]! + needC['101'][i]!, onFloor),
      shortByA: shortBy(needed, onFloor),
      channels: { '999': perChannel('999'), '101': perChannel('101') },
    });
  }
  return { intervalMinutes: minutes, startWeekday: cal.startWeekday, shrinkage, channels, intervals, floor, notes };
}

/**
 * Handlers the floor lacks, in whole people: 11.3 expected on the floor against 17 needed is short
 * by 6, since 5 more would still leave the floor below 17.
 */
export function shortBy(needed: number, onFloor: number): number {
  return Math.max(0, Math.ceil(needed - onFloor - 1e-9));
}

function rostered(onFloor: number, shrinkage: number): number {
  return Math.ceil(onFloor / (1 - shrinkage) - 1e-9);
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
