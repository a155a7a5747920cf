/**
 * Simulated time is seconds since 00:00 on the scenario's start date (Europe/London wall clock,
 * without daylight-saving shifts). These helpers map it to days and dates; the hour of the week
 * (0 = Monday 00:00–01:00) is (startWeekday · 24 + hour) mod 168.
 */
import { SECONDS_PER_DAY } from '../shared/time.ts';

const MS_PER_DAY = SECONDS_PER_DAY * 1000;

export interface SimCalendar {
  /** Weekday of the start date, 0 = Monday. */
  startWeekday: number;
  /** UTC milliseconds of the start date, for date arithmetic. */
  startMs: number;
}

export function simCalendar(startDate: string): SimCalendar {
  const startMs = Date.parse(`${startDate}T00:00:00Z`);
  return { startMs, startWeekday: (new Date(startMs).getUTCDay() + 6) % 7 };
}

/** YYYY-MM-DD of simulated day `day`. */
export function dateOfDay(cal: SimCalendar, day: number): string {
  return new Date(cal.startMs + day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Month 0–11 of simulated day `day`. */
export function monthOfDay(cal: SimCalendar, day: number): number {
  return new Date(cal.startMs + day * MS_PER_DAY).getUTCMonth();
}

/** Weekday 0–6 of simulated day `day`, also for days before the run (day −1 of a Monday start is a Sunday). */
export function weekdayOfDay(cal: SimCalendar, day: number): number {
  return (((cal.startWeekday + day) % 7) + 7) % 7;
}
