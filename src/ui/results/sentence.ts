/**
 * Plain-English comparison sentences from paired differences, e.g. "Rota B answers 4.1 points
 * (±0.6) more of the 999 calls within 10 s than Baseline on Friday 22:00–02:00." Differences of shares
 * are percentage points of calls offered; a difference whose CI includes zero is said to be unclear.
 */
import type { Estimate } from '../../stats/estimate.ts';
import { WEEKDAY_NAMES } from '../../shared/time.ts';
import { points } from './format.ts';

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
  const direction = d.mean >= 0 ? 'more' : 'fewer';
  const ci = uncertainty(d);
  // "±0.6" sits by the figure; an uneven interval's two ends close the sentence.
  const pm = ci.startsWith('±') ? ci : '';
  const ends = pm ? '' : ci && ` (${ci})`;
  // Under 0.05 points "answers 0.0 points more" reads as a contradiction: say the share is the same.
  const sentence =
    Math.abs(d.mean) < 0.0005
      ? `${b} ${verb} the same share of the ${calls} within ${within} as ${a}${where} to 0.1 point${pm && ` (${pm} points)`}${ends}.`
      : `${b} ${verb} ${points(Math.abs(d.mean))}${pm && ` (${pm})`} ${direction} of the ${calls} within ${within} than ${a}${where}${ends}.`;
  if (d.ci95 && d.ci95[0] <= 0 && d.ci95[1] >= 0) return `${sentence} That difference is within the noise: the 95 % CI includes no change.`;
  return sentence;
}

/**
 * The 95 % CI of a difference in points, as the sentence can say it: "±0.6" when the interval is
 * even about the mean (to the 0.1 point shown), else its two ends in words ("95 % CI 1.6 fewer to
 * 0.3 more"), since a ± of half the width would misplace an uneven interval (a share near 0 or 100 %).
 */
function uncertainty(d: Estimate): string {
  if (!d.ci95 || d.mean === null) return '';
  const [lo, hi] = d.ci95;
  const tenths = (x: number) => Math.round(Math.abs(x) * 1000);
  if (tenths(d.mean - lo) === tenths(hi - d.mean)) return `±${(((hi - lo) / 2) * 100).toFixed(1)}`;
  const end = (x: number) => (tenths(x) === 0 ? '0.0' : `${(Math.abs(x) * 100).toFixed(1)} ${x < 0 ? 'fewer' : 'more'}`);
  // Both ends on one side read "3.5 to 4.9 more" (or "4.0 to 9.0 fewer"); across zero, "1.6 fewer to 0.3 more".
  if (lo >= 0 && tenths(lo) > 0) return `95 % CI ${(lo * 100).toFixed(1)} to ${end(hi)}`;
  if (hi <= 0 && tenths(hi) > 0) return `95 % CI ${(Math.abs(hi) * 100).toFixed(1)} to ${end(lo)}`;
  return `95 % CI ${end(lo)} to ${end(hi)}`;
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
