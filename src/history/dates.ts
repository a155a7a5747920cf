/**
 * Civil-date arithmetic for the demand modules: a day is an integer count of days since
 * 1970-01-01 (a "day number"), so dates compare and subtract as numbers and nothing depends on the
 * machine's time zone. Weekdays are 0 = Monday … 6 = Sunday, as in the scenario's hour-of-week.
 */

const MS_PER_DAY = 86_400_000;

/** Milliseconds of UTC midnight of a date. Date.UTC alone reads years 0-99 as 1900-1999. */
function utcMidnight(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

/** Day number of a calendar date (month 1-12). */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.round(utcMidnight(year, month, day) / MS_PER_DAY);
}

export interface CivilDate {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
}

export function civilDate(dayNum: number): CivilDate {
  const d = new Date(dayNum * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Monday … 6 = Sunday. */
export function weekday(dayNum: number): number {
  // 1970-01-01 was a Thursday (3).
  return (((dayNum + 3) % 7) + 7) % 7;
}

export function isoDate(dayNum: number): string {
  const { year, month, day } = civilDate(dayNum);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Parses YYYY-MM-DD strictly; undefined when it is not a real calendar date. */
export function parseIsoDate(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return dayNumber(y, mo, d);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(utcMidnight(year, month + 1, 0)).getUTCDate();
}

/** Day number of the last given weekday (0 = Monday) of a month. */
export function lastWeekdayOf(year: number, month: number, wd: number): number {
  const last = dayNumber(year, month, daysInMonth(year, month));
  return last - ((weekday(last) - wd + 7) % 7);
}

/** Day number of the first given weekday (0 = Monday) of a month. */
export function firstWeekdayOf(year: number, month: number, wd: number): number {
  const first = dayNumber(year, month, 1);
  return first + ((wd - weekday(first) + 7) % 7);
}

/** Hour-of-week index, 0 = Monday 00:00-01:00. */
export function hourOfWeek(dayNum: number, hour: number): number {
  return weekday(dayNum) * 24 + hour;
}
