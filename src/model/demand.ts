/**
 * Demand: the arrival rate of each channel, hour by hour. Rate = calls per day / 24 × the
 * hour-of-week factor × the month factor × any special-day factor (e.g. New Year's Eve × 1.6, or
 * 999 only from 18:00 on the Saturday pubs reopen).
 * Factors have mean 1, so `callsPerDay` is the average over a week and a year. On 999, calls
 * taken for neighbouring forces add their own rate (level × own hour-of-week shape) on their dates:
 * two Poisson streams on one queue are one Poisson stream at the summed rate.
 */
import { seedProfile } from '../scenario/seeds.ts';
import type { Channel, Scenario } from '../scenario/index.ts';
import { meanOne } from '../shared/factors.ts';
import { SECONDS_PER_HOUR as HOUR } from '../shared/time.ts';
import { dateOfDay, monthOfDay, simCalendar, type SimCalendar } from './calendar-time.ts';

const FLAT_WEEK: readonly number[] = new Array(168).fill(1);
const FLAT_YEAR: readonly number[] = new Array(12).fill(1);

const resolve = (f: readonly number[] | string | undefined, flat: readonly number[]) =>
  f === undefined ? flat : typeof f === 'string' ? seedProfile(f) : f;

export interface ChannelRate {
  /** Arrivals per second during hour `hourIndex` of the run. */
  perSecond(hourIndex: number): number;
}

export function channelRate(scenario: Scenario, channel: Channel, cal: SimCalendar = simCalendar(scenario.horizon.startDate)): ChannelRate {
  const d = scenario.demand;
  const c = d.channels[channel];
  const base = (c?.callsPerDay ?? 0) / 24 / HOUR;
  const weekly = d.profile === 'weekly';
  const how = meanOne(weekly ? resolve(c?.hourOfWeek ?? d.hourOfWeek, FLAT_WEEK) : FLAT_WEEK);
  const month = meanOne(weekly ? resolve(c?.month ?? d.month, FLAT_YEAR) : FLAT_YEAR);
  // Special days for this channel by date: [fromHour, toHour, factor] triples.
  const special = new Map<string, [number, number, number][]>();
  for (const sd of d.specialDays) {
    if (sd.channels && !sd.channels.includes(channel)) continue;
    const onDate = special.get(sd.date);
    if (onDate) onDate.push([sd.fromHour, sd.toHour, sd.factor]);
    else special.set(sd.date, [[sd.fromHour, sd.toHour, sd.factor]]);
  }
  const overflow = (channel === '999' ? d.neighbourOverflow : []).map((o) => ({
    from: o.from ?? '',
    to: o.to ?? '9999-12-31',
    perSecond: o.callsPerDay / 24 / HOUR,
    how: meanOne(resolve(o.hourOfWeek, FLAT_WEEK)),
  }));
  // Day-level values cached for the current day: the rate is asked for hour by hour.
  const weekOffset = cal.startWeekday * 24;
  let cachedDay = -1;
  let monthFactor = 1;
  let today: [number, number, number][] | undefined;
  let overflowToday: typeof overflow = [];
  return {
    perSecond(hourIndex) {
      const day = Math.floor(hourIndex / 24);
      if (day !== cachedDay) {
        cachedDay = day;
        monthFactor = month[monthOfDay(cal, day)]!;
        today = special.size ? special.get(dateOfDay(cal, day)) : undefined;
        if (overflow.length) {
          const date = dateOfDay(cal, day);
          overflowToday = overflow.filter((o) => o.from <= date && date <= o.to);
        }
      }
      const hourOfWeek = (weekOffset + hourIndex) % 168;
      let rate = base * how[hourOfWeek]! * monthFactor;
      if (today) {
        const h = hourIndex - day * 24;
        for (const [from, to, factor] of today) if (h >= from && h < to) rate *= factor;
      }
      for (const o of overflowToday) rate += o.perSecond * o.how[hourOfWeek]!;
      return rate;
    },
  };
}

/** Offered calls per hour on `channel` at simulated time `simSeconds` (before diversion). */
export function ratePerHour(scenario: Scenario, channel: Channel, simSeconds: number): number {
  return channelRate(scenario, channel).perSecond(Math.floor(simSeconds / HOUR)) * HOUR;
}
