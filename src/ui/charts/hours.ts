/** Hour-of-week labels shared by the charts: index 0 is Monday 00:00–01:00, 167 Sunday 23:00. */
import { WEEKDAYS } from '../../shared/time.ts';

/** "Tue 14:00" for hour of week 38; fractions of an hour give the minutes ("Tue 14:30" for 38.5). */
export function hourLabel(hourOfWeek: number): string {
  const minute = Math.round(hourOfWeek * 60);
  const day = WEEKDAYS[Math.floor(minute / 1440) % 7]!;
  return `${day} ${String(Math.floor(minute / 60) % 24).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

export const weekTicks = WEEKDAYS.map((label, i) => ({ value: i * 24, label }));
