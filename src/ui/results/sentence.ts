/**
 * Plain-English comparison sentences from paired differences, e.g. "Rota B answers 4.1 points
 * (±0.6) more of the 999 calls within 10 s than Baseline on Friday 22:00–02:00." Differences of shares
 * are percentage points of calls offered; a difference whose CI includes zero is said to be unclear.
 */
import type { Estimate } from '../../stats/estimate.ts';
import { WEEKDAY_NAMES } from '../../shared/time.ts';
import { halfWidth, points } from './format.ts';

export interface Window {
  /** Hour of week the window starts (0 = Monday 00:00). */
  start: number;
  hours: number;
}

export function windowText(w: Window): string {
  const day = WEEKDAY_NAMES[Math.floor(w.start / 24) % 7]!;
  const from = w.start % 24;
  const to = (w.start + w.hours) % 24;
  const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;
  return w.hours >= 24 ? `from ${day} ${hh(from)} for ${w.hours} hours` : `on ${day} ${hh(from)}–${hh(to)}`;
}

export function windowHours(w: Window): number[] {
  return Array.from({ length: w.hours }, (_, i) => (w.start + i) % 168);
}

export function serviceSentence(args: {
  a: string;
  b: string;
  channel: '999' | '101' | 'online';
  within: string;
  difference: Estimate;
  window?: Window;
}): string {
  const { a, b, channel, within, difference: d, window } = args;
  const where = window ? ` ${windowText(window)}` : '';
  const calls = channel === 'online' ? 'online reports' : `${channel} calls`;
  const verb = channel === 'online' ? 'completes' : 'answers';
  if (d.mean === null) return `There are no ${calls}${where} to compare.`;
  const pm = halfWidth(d);
  const pmText = pm === null ? '' : (pm * 100).toFixed(1);
  const plusMinus = pmText && ` (±${pmText})`;
  const direction = d.mean >= 0 ? 'more' : 'fewer';
  // Under 0.05 points "answers 0.0 points more" reads as a contradiction: say the share is the same.
  const sentence =
    Math.abs(d.mean) < 0.0005
      ? `${b} ${verb} the same share of the ${calls} within ${within} as ${a}${where} to 0.1 point${pmText && ` (±${pmText} points)`}.`
      : `${b} ${verb} ${points(Math.abs(d.mean))}${plusMinus} ${direction} of the ${calls} within ${within} than ${a}${where}.`;
  if (d.ci95 && d.ci95[0] <= 0 && d.ci95[1] >= 0) return `${sentence} That difference is within the noise: the 95 % CI includes no change.`;
  return sentence;
}

/** The window of `hours` consecutive hours where |mean difference| is largest. */
export function largestWindow(differenceAt: (hours: number[]) => Estimate, hours = 4): { window: Window; difference: Estimate } | null {
  let best: { window: Window; difference: Estimate } | null = null;
  for (let start = 0; start < 168; start++) {
    const window = { start, hours };
    const difference = differenceAt(windowHours(window));
    if (difference.mean === null || !Number.isFinite(difference.mean)) continue;
    if (!best || Math.abs(difference.mean) > Math.abs(best.difference.mean!)) best = { window, difference };
  }
  return best;
}
