/** Hour-of-week labels shared by the charts: index 0 is Monday 00:00–01:00, 167 Sunday 23:00. */
import { WEEKDAYS } from '../../shared/time.ts';

export function hourLabel(hourOfWeek: number): string {
  const day = WEEKDAYS[Math.floor(hourOfWeek / 24) % 7]!;
  return `${day} ${String(hourOfWeek % 24).padStart(2, '0')}:00`;
}

export const weekTicks = WEEKDAYS.map((label, i) => ({ value: i * 24, label }));
