import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bankHolidays, easterSunday } from '../../src/history/holidays.ts';
import { isoDate, weekday, parseIsoDate } from '../../src/history/dates.ts';

// England and Wales bank holidays as published at https://www.gov.uk/bank-holidays
// (and its archived pages for 2011-2018).
const published: Record<number, string[]> = {
  2011: ['2011-01-03', '2011-04-22', '2011-04-25', '2011-04-29', '2011-05-02', '2011-05-30', '2011-08-29', '2011-12-26', '2011-12-27'],
  2012: ['2012-01-02', '2012-04-06', '2012-04-09', '2012-05-07', '2012-06-04', '2012-06-05', '2012-08-27', '2012-12-25', '2012-12-26'],
  2016: ['2016-01-01', '2016-03-25', '2016-03-28', '2016-05-02', '2016-05-30', '2016-08-29', '2016-12-26', '2016-12-27'],
  2019: ['2019-01-01', '2019-04-19', '2019-04-22', '2019-05-06', '2019-05-27', '2019-08-26', '2019-12-25', '2019-12-26'],
  2020: ['2020-01-01', '2020-04-10', '2020-04-13', '2020-05-08', '2020-05-25', '2020-08-31', '2020-12-25', '2020-12-28'],
  2021: ['2021-01-01', '2021-04-02', '2021-04-05', '2021-05-03', '2021-05-31', '2021-08-30', '2021-12-27', '2021-12-28'],
  2022: ['2022-01-03', '2022-04-15', '2022-04-18', '2022-05-02', '2022-06-02', '2022-06-03', '2022-08-29', '2022-09-19', '2022-12-26', '2022-12-27'],
  2023: ['2023-01-02', '2023-04-07', '2023-04-10', '2023-05-01', '2023-05-08', '2023-05-29', '2023-08-28', '2023-12-25', '2023-12-26'],
  2024: ['2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26'],
  2025: ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26'],
  2026: ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28'],
  2027: ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28'],
};

describe('bankHolidays', () => {
  for (const [year, dates] of Object.entries(published)) {
    it(`matches the published England and Wales dates for ${year}`, () => {
      expect(bankHolidays(Number(year)).map((h) => h.date)).toEqual(dates);
    });
  }

  it('names substitute days and one-offs as gov.uk does', () => {
    expect(bankHolidays(2022)).toContainEqual({ date: '2022-12-27', name: 'Christmas Day (substitute day)' });
    expect(bankHolidays(2020)).toContainEqual({ date: '2020-05-08', name: 'Early May bank holiday (VE day)' });
    expect(bankHolidays(2023)).toContainEqual({ date: '2023-01-02', name: "New Year's Day (substitute day)" });
  });

  it('never falls on a weekend, and gives 8 to 10 distinct days a year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2300 }), (year) => {
        const days = bankHolidays(year).map((h) => parseIsoDate(h.date)!);
        expect(new Set(days).size).toBe(days.length);
        expect(days.length).toBeGreaterThanOrEqual(8);
        expect(days.length).toBeLessThanOrEqual(10);
        for (const d of days) expect(weekday(d)).toBeLessThan(5);
      }),
    );
  });
});

describe('easterSunday', () => {
  it('gives known Easter dates', () => {
    expect(isoDate(easterSunday(2000))).toBe('2000-04-23');
    expect(isoDate(easterSunday(2008))).toBe('2008-03-23');
    expect(isoDate(easterSunday(2038))).toBe('2038-04-25');
    expect(isoDate(easterSunday(2285))).toBe('2285-03-22');
  });
});
