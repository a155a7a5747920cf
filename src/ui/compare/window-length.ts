/**
 * The length of the window of the week Compare looks at, from what the user typed in "For hours".
 * Text in, so a bad value is kept in the field and named, rather than quietly turned into some
 * other window (−1 used to become a 1-hour window, 1e309 was ignored).
 */
export const MAX_WINDOW_HOURS = 168;

export type WindowLength = { ok: true; hours: number } | { ok: false; message: string };

export function windowLength(text: string): WindowLength {
  const trimmed = text.trim();
  const n = trimmed === '' ? NaN : Number(trimmed);
  if (Number.isInteger(n) && n >= 1 && n <= MAX_WINDOW_HOURS) return { ok: true, hours: n };
  return { ok: false, message: `expected a whole number of hours from 1 to ${MAX_WINDOW_HOURS} (a week), got ${trimmed === '' ? 'nothing' : `“${trimmed}”`}` };
}
