/**
 * Special days against the simulated period: a gentle word beside one dated outside it (the
 * scenario is valid, since a planner may keep next year's bank holidays in it, but the day changes
 * nothing in this run), and a new row dated inside it, so that "Add special day" has an effect.
 */
import { civilDate, dayNumber, isoDate, parseIsoDate } from '../../history/dates.ts';

/** The period as the model runs it: `days` from `startDate` (default 2025-01-06), the warm-up included. */
function simulatedPeriod(horizon: unknown): { start: number; last: number; warmupDays: number } | undefined {
  const h = (typeof horizon === 'object' && horizon !== null ? horizon : {}) as { startDate?: unknown; days?: unknown; warmupDays?: unknown };
  const start = parseIsoDate(typeof h.startDate === 'string' ? h.startDate : '2025-01-06');
  if (start === undefined || !Number.isInteger(h.days) || (h.days as number) < 1) return undefined;
  const warmupDays = Number.isInteger(h.warmupDays) && (h.warmupDays as number) > 0 ? (h.warmupDays as number) : 0;
  return { start, last: start + (h.days as number) - 1, warmupDays };
}

export function specialDayHint(horizon: unknown, date: unknown): string {
  const period = simulatedPeriod(horizon);
  const day = typeof date === 'string' ? parseIsoDate(date) : undefined;
  if (period === undefined || day === undefined) return '';
  if (day >= period.start && day <= period.last) return '';
  return `Outside the simulated period (${isoDate(period.start)} to ${isoDate(period.last)}): it has no effect.`;
}

/**
 * The row "Add special day" adds: New Year's Eve when the period holds one after its warm-up, else
 * the first measured day (the first day when the warm-up is the whole run), at one and a half times
 * the usual demand, for the user to re-date and rename.
 */
export function newSpecialDay(horizon: unknown): { date: string; factor: number; name: string } {
  const period = simulatedPeriod(horizon) ?? simulatedPeriod({ days: 1 })!;
  const firstMeasured = period.start + period.warmupDays <= period.last ? period.start + period.warmupDays : period.start;
  const newYearsEve = dayNumber(civilDate(firstMeasured).year, 12, 31);
  if (newYearsEve <= period.last) return { date: isoDate(newYearsEve), factor: 1.5, name: 'New Year’s Eve' };
  return { date: isoDate(firstMeasured), factor: 1.5, name: 'Special day' };
}
