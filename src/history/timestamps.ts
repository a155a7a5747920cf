/**
 * Reading call timestamps as Europe/London clock time. A timestamp without an offset is taken as
 * London local time as written; one with Z or +hh:mm is converted using the UK daylight-saving rule
 * (BST from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October,
 * in force since 1996). UK day-first dates (31/01/2024 13:05) are accepted as well as ISO 8601.
 */
import { dayNumber, daysInMonth, lastWeekdayOf } from './dates.ts';

export interface LocalTime {
  /** Day number of the local date. */
  day: number;
  /** Local clock hour 0-23. */
  hour: number;
  /** Local clock minute 0-59. */
  minute: number;
  /** Set for a local time without offset in the hour the clocks skip in spring: it never existed. */
  inGap?: true;
}

/** Call histories are from the era of control rooms; other years are typing slips. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2199;
/** Real UTC offsets run from −12:00 to +14:00. */
const MAX_OFFSET_MINUTES = 14 * 60;

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;
const UK = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const SUNDAY = 6;

/** Parses a timestamp to London clock time; undefined when it is not a real date and time. */
export function parseLocalTimestamp(text: string): LocalTime | undefined {
  const s = text.trim();
  let y: number, mo: number, d: number, h: number, mi: number, sec: number, offset: string | undefined;
  let m = ISO.exec(s);
  if (m) {
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    [h, mi, sec] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
    offset = m[7];
  } else if ((m = UK.exec(s))) {
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    [h, mi, sec] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  } else {
    return undefined;
  }
  if (y < FIRST_YEAR || y > LAST_YEAR || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || sec > 60) return undefined;
  const day = dayNumber(y, mo, d);
  if (offset === undefined) return h === 1 && day === lastWeekdayOf(y, 3, SUNDAY) && y >= 1996 ? { day, hour: h, minute: mi, inGap: true } : { day, hour: h, minute: mi };
  const sign = offset === 'Z' ? 0 : offset[0] === '-' ? -1 : 1;
  const digits = offset.replace(/[^0-9]/g, '');
  const offsetHours = Number(digits.slice(0, 2));
  const offsetMins = Number(digits.slice(2, 4) || 0);
  if (offsetMins > 59 || offsetHours * 60 + offsetMins > MAX_OFFSET_MINUTES) return undefined;
  const offsetMinutes = sign * (offsetHours * 60 + offsetMins);
  const utcMinutes = day * 1440 + h * 60 + mi - offsetMinutes;
  return londonFromUtcMinutes(utcMinutes);
}

/** London clock time of an instant given in minutes since 1970-01-01T00:00Z. */
export function londonFromUtcMinutes(utcMinutes: number): LocalTime {
  const utcDay = Math.floor(utcMinutes / 1440);
  const year = new Date(utcDay * 86_400_000).getUTCFullYear();
  const bstStart = lastWeekdayOf(year, 3, SUNDAY) * 1440 + 60;
  const bstEnd = lastWeekdayOf(year, 10, SUNDAY) * 1440 + 60;
  const local = utcMinutes + (utcMinutes >= bstStart && utcMinutes < bstEnd ? 60 : 0);
  const day = Math.floor(local / 1440);
  const minuteOfDay = local - day * 1440;
  return { day, hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 };
}
