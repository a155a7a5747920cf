/**
 * Special days: which dates get their own demand factor, and of which kind. Each kind is fitted as
 * one factor across the history (so two Christmases inform one "Christmas Day" factor) and reused
 * when forecasting a period with the same kind of day in it.
 *
 * Kinds: New Year's Eve and Day, Christmas and Boxing Day (the dates themselves, whatever the
 * weekday), Good Friday, Easter Monday, any other England and Wales bank holiday (including
 * substitute days) as "bank holiday", and user-marked events (a pubs reopening date, a festival)
 * under the name the user gives.
 */
import { civilDate, parseIsoDate } from './dates.ts';
import { bankHolidayDays } from './holidays.ts';

export const SPECIAL_KINDS = [
  "New Year's Eve",
  "New Year's Day",
  'Christmas Day',
  'Boxing Day',
  'Good Friday',
  'Easter Monday',
  'bank holiday',
] as const;

/** A user-marked event: a date (or several) with a name; the fit estimates its factor. */
export interface UserEvent {
  date: string;
  name: string;
}

export class SpecialDays {
  private readonly cache = new Map<number, Map<number, string>>();
  private readonly events = new Map<number, string>();

  constructor(events: readonly UserEvent[] = []) {
    for (const e of events) {
      const day = parseIsoDate(e.date);
      if (day === undefined) throw new RangeError(`event "${e.name}": date "${e.date}" is not a date (YYYY-MM-DD)`);
      this.events.set(day, e.name);
    }
  }

  /** The kind of a day, or undefined for an ordinary day. User events take precedence. */
  kind(day: number): string | undefined {
    const event = this.events.get(day);
    if (event !== undefined) return event;
    const { year, month, day: dom } = civilDate(day);
    if (month === 12 && dom === 31) return "New Year's Eve";
    if (month === 1 && dom === 1) return "New Year's Day";
    if (month === 12 && dom === 25) return 'Christmas Day';
    if (month === 12 && dom === 26) return 'Boxing Day';
    return this.holidays(year).get(day);
  }

  private holidays(year: number): Map<number, string> {
    let map = this.cache.get(year);
    if (!map) {
      map = new Map();
      for (const h of bankHolidayDays(year)) {
        map.set(h.day, h.name === 'Good Friday' || h.name === 'Easter Monday' ? h.name : 'bank holiday');
      }
      this.cache.set(year, map);
    }
    return map;
  }
}
