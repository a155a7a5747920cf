/** Clock arithmetic for the rota editor's gantt: HH:MM to minutes of the day and back. */

export function minutesOf(clock: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(clock);
  return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
}

export function clockOf(minutes: number): string {
  const m = (((Math.round(minutes) % 1440) + 1440) % 1440);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
