/** Hour-of-week labels shared by the charts: index 0 is Monday 00:00–01:00, 167 Sunday 23:00. */
export const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
export const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export function hourLabel(hourOfWeek: number): string {
  const day = DAYS[Math.floor(hourOfWeek / 24) % 7]!;
  return `${day} ${String(hourOfWeek % 24).padStart(2, '0')}:00`;
}

export const weekTicks = DAYS.map((label, i) => ({ value: i * 24, label }));
