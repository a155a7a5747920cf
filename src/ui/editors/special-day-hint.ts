/**
 * A gentle word beside a special day dated outside the simulated period: the scenario is valid
 * (a planner may keep next year's bank holidays in it), but the day changes nothing in this run.
 */
import { isoDate, parseIsoDate } from '../../history/dates.ts';

/** The period as the model runs it: `days` from `startDate` (default 2025-01-06), the warm-up included. */
export function specialDayHint(horizon: unknown, date: unknown): string {
  const h = (typeof horizon === 'object' && horizon !== null ? horizon : {}) as { startDate?: unknown; days?: unknown };
  const start = parseIsoDate(typeof h.startDate === 'string' ? h.startDate : '2025-01-06');
  const day = typeof date === 'string' ? parseIsoDate(date) : undefined;
  if (start === undefined || day === undefined || !Number.isInteger(h.days) || (h.days as number) < 1) return '';
  const last = start + (h.days as number) - 1;
  if (day >= start && day <= last) return '';
  return `Outside the simulated period (${isoDate(start)} to ${isoDate(last)}): it has no effect.`;
}
