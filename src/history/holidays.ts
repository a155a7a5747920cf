/**
 * England and Wales bank holidays for any year, computed from the rules (Easter by the Gregorian
 * computus, "first/last Monday" rules, weekend substitutes) plus the one-off changes announced by
 * the government (royal wedding, jubilees, VE day move, state funeral, coronation).
 * Checked against the dates published at gov.uk/bank-holidays (test/history/holidays.test.ts).
 */
import { dayNumber, firstWeekdayOf, isoDate, lastWeekdayOf, weekday } from './dates.ts';

export interface BankHoliday {
  /** YYYY-MM-DD */
  date: string;
  name: string;
}

const MON = 0;
const FRI = 4;

/** Easter Sunday (Gregorian, anonymous computus) as a day number. */
export function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNumber(year, month, day);
}

/** Moves a Saturday or Sunday to the following Monday. */
function nextWeekday(day: number): number {
  const wd = weekday(day);
  return wd === 5 ? day + 2 : wd === 6 ? day + 1 : day;
}

/** Bank holidays of one year in date order, as day numbers with names. */
export function bankHolidayDays(year: number): { day: number; name: string }[] {
  const out: { day: number; name: string }[] = [];
  const add = (day: number, name: string) => out.push({ day, name });

  const newYear = dayNumber(year, 1, 1);
  add(nextWeekday(newYear), weekday(newYear) >= 5 ? "New Year's Day (substitute day)" : "New Year's Day");

  const easter = easterSunday(year);
  add(easter - 2, 'Good Friday');
  add(easter + 1, 'Easter Monday');

  if (year === 2011) add(dayNumber(2011, 4, 29), 'Wedding of Prince William and Catherine Middleton');

  if (year === 2020) add(dayNumber(2020, 5, 8), 'Early May bank holiday (VE day)');
  else if (year === 1995) add(dayNumber(1995, 5, 8), 'Early May bank holiday (VE day)');
  else add(firstWeekdayOf(year, 5, MON), 'Early May bank holiday');
  if (year === 2023) add(dayNumber(2023, 5, 8), 'Bank holiday for the coronation of King Charles III');

  if (year === 2002) {
    add(dayNumber(2002, 6, 3), 'Spring bank holiday');
    add(dayNumber(2002, 6, 4), 'Golden Jubilee bank holiday');
  } else if (year === 2012) {
    add(dayNumber(2012, 6, 4), 'Spring bank holiday');
    add(dayNumber(2012, 6, 5), 'Queen’s Diamond Jubilee');
  } else if (year === 2022) {
    add(dayNumber(2022, 6, 2), 'Spring bank holiday');
    add(dayNumber(2022, 6, 3), 'Platinum Jubilee bank holiday');
  } else {
    add(lastWeekdayOf(year, 5, MON), 'Spring bank holiday');
  }

  add(lastWeekdayOf(year, 8, MON), 'Summer bank holiday');
  if (year === 2022) add(dayNumber(2022, 9, 19), 'Bank Holiday for the State Funeral of Queen Elizabeth II');

  // Christmas and Boxing Day: a holiday on a weekend moves to the next free weekday.
  const christmas = dayNumber(year, 12, 25);
  const cwd = weekday(christmas);
  if (cwd === 5) {
    add(christmas + 2, 'Christmas Day (substitute day)');
    add(christmas + 3, 'Boxing Day (substitute day)');
  } else if (cwd === 6) {
    add(christmas + 1, 'Boxing Day');
    add(christmas + 2, 'Christmas Day (substitute day)');
  } else if (cwd === FRI) {
    add(christmas, 'Christmas Day');
    add(christmas + 3, 'Boxing Day (substitute day)');
  } else {
    add(christmas, 'Christmas Day');
    add(christmas + 1, 'Boxing Day');
  }
  return out.sort((x, y) => x.day - y.day);
}

/** England and Wales bank holidays of a year, e.g. for `occsim demand holidays 2024 --json`. */
export function bankHolidays(year: number): BankHoliday[] {
  return bankHolidayDays(year).map(({ day, name }) => ({ date: isoDate(day), name }));
}
