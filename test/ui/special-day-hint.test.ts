import { describe, expect, it } from 'vitest';
import { newSpecialDay, specialDayHint } from '../../src/ui/editors/special-day-hint.ts';

describe('specialDayHint', () => {
  const horizon = { startDate: '2025-03-03', days: 28, warmupDays: 7 };
  it('says a special day outside the simulated period has no effect', () => {
    expect(specialDayHint(horizon, '2025-12-31')).toBe('Outside the simulated period (2025-03-03 to 2025-03-30): it has no effect.');
    expect(specialDayHint(horizon, '2025-03-02')).toMatch(/^Outside/);
  });
  it('says nothing for a day inside it (its first and last days included) or for values it cannot judge', () => {
    for (const d of ['2025-03-03', '2025-03-15', '2025-03-30']) expect(specialDayHint(horizon, d), d).toBe('');
    expect(specialDayHint(horizon, '2025-02-30')).toBe('');
    expect(specialDayHint({ days: 'x' }, '2030-01-01')).toBe('');
    expect(specialDayHint(undefined, '2030-01-01')).toBe('');
  });
  it('uses the scenario format’s default start date when none is given', () => {
    expect(specialDayHint({ days: 7 }, '2025-01-12')).toBe('');
    expect(specialDayHint({ days: 7 }, '2025-01-13')).toBe('Outside the simulated period (2025-01-06 to 2025-01-12): it has no effect.');
  });
});

describe('newSpecialDay', () => {
  it('is New Year’s Eve when the measured period holds one', () => {
    expect(newSpecialDay({ startDate: '2025-12-01', days: 60, warmupDays: 7 })).toEqual({ date: '2025-12-31', factor: 1.5, name: 'New Year’s Eve' });
    // Measuring starts in December 2025 after a warm-up that began in 2024's last week.
    expect(newSpecialDay({ startDate: '2024-12-29', days: 400, warmupDays: 7 }).date).toBe('2025-12-31');
  });
  it('is otherwise the first measured day, so that it has an effect wherever the run is', () => {
    const horizon = { startDate: '2025-03-03', days: 28, warmupDays: 7 };
    const day = newSpecialDay(horizon);
    expect(day).toEqual({ date: '2025-03-10', factor: 1.5, name: 'Special day' });
    expect(specialDayHint(horizon, day.date)).toBe('');
    expect(newSpecialDay({ startDate: '2025-03-03', days: 3, warmupDays: 7 }).date).toBe('2025-03-03');
    expect(newSpecialDay({ days: 7 }).date).toBe('2025-01-06');
  });
  it('still gives a valid row when the period cannot be read', () => {
    expect(newSpecialDay(undefined)).toEqual({ date: '2025-01-06', factor: 1.5, name: 'Special day' });
    expect(newSpecialDay({ startDate: 'soon', days: -1 }).date).toBe('2025-01-06');
  });
});
