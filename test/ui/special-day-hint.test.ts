import { describe, expect, it } from 'vitest';
import { specialDayHint } from '../../src/ui/editors/special-day-hint.ts';

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
