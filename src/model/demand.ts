/**
 * Demand: the arrival rate of each channel, hour by hour. Rate = calls per day / 24 × the
 * hour-of-week factor × the month factor × any special-day factor (e.g. New Year's Eve × 1.6).
 * Factors have mean 1, so `callsPerDay` is the average over a week and a year.
 */
import { seedProfile } from '../scenario/seeds.ts';
import type { Channel, Scenario } from '../scenario/index.ts';
import { HOUR, dateOfDay, hourOfWeek, monthOfDay, simCalendar, type SimCalendar } from './calendar-time.ts';

const FLAT_WEEK: readonly number[] = new Array(168).fill(1);
const FLAT_YEAR: readonly number[] = new Array(12).fill(1);

const resolve = (f: readonly number[] | string | undefined, flat: readonly number[]) =>
  f === undefined ? flat : typeof f === 'string' ? seedProfile(f) : f;

/** Scales factors to mean 1 (an all-zero list stays zero). */
function normalised(f: readonly number[]): number[] {
  const mean = f.reduce((a, b) => a + b, 0) / f.length;
  return mean > 0 ? f.map((x) => x / mean) : f.map(() => 0);
}

export interface ChannelRate {
  /** Arrivals per second during hour `hourIndex` of the run. */
  perSecond(hourIndex: number): number;
}

export function channelRate(scenario: Scenario, channel: Channel, cal: SimCalendar = simCalendar(scenario.horizon.startDate)): ChannelRate {
  const d = scenario.demand;
  const c = d.channels[channel];
  const base = (c?.callsPerDay ?? 0) / 24 / HOUR;
  const weekly = d.profile === 'weekly';
  const how = normalised(weekly ? resolve(c?.hourOfWeek ?? d.hourOfWeek, FLAT_WEEK) : FLAT_WEEK);
  const month = normalised(weekly ? resolve(c?.month ?? d.month, FLAT_YEAR) : FLAT_YEAR);
  const special = new Map<string, number>();
  for (const s of d.specialDays) special.set(s.date, (special.get(s.date) ?? 1) * s.factor);
  // Day-level factor cached for the current day: the rate is asked for once per hour per arrival walk.
  let cachedDay = -1;
  let dayFactor = 1;
  return {
    perSecond(hourIndex) {
      const day = Math.floor(hourIndex / 24);
      if (day !== cachedDay) {
        cachedDay = day;
        dayFactor = month[monthOfDay(cal, day)]! * (special.size ? (special.get(dateOfDay(cal, day)) ?? 1) : 1);
      }
      return base * how[hourOfWeek(cal, hourIndex)]! * dayFactor;
    },
  };
}

/** Offered calls per hour on `channel` at simulated time `simSeconds` (before diversion). */
export function ratePerHour(scenario: Scenario, channel: Channel, simSeconds: number): number {
  return channelRate(scenario, channel).perSecond(Math.floor(simSeconds / HOUR)) * HOUR;
}
