/** Number formats for results: shares as percentages, seconds, and estimates with their 95 % CI. */
import { isEstimate, type Estimate } from '../../stats/estimate.ts';
import { csvTable } from '../../shared/csv.ts';

export const pct = (x: number | null | undefined, digits = 1): string =>
  x === null || x === undefined || !Number.isFinite(x) ? '–' : `${(x * 100).toFixed(digits)} %`;
export const num = (x: number | null | undefined, digits = 1): string =>
  x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(digits);
export const secs = (x: number | null | undefined): string =>
  x === null || x === undefined || !Number.isFinite(x) ? '–' : x < 120 ? `${x.toFixed(1)} s` : `${(x / 60).toFixed(1)} min`;

/** A difference of two shares in percentage points: 0.063 → "6.3 points". */
export const points = (x: number | null | undefined, digits = 1): string =>
  x === null || x === undefined || !Number.isFinite(x) ? '–' : `${(x * 100).toFixed(digits)} ${Math.abs(x * 100).toFixed(digits) === (1).toFixed(digits) ? 'point' : 'points'}`;
/** Pounds, whole: 25912.4 → "£25,912". */
export const money = (x: number | null | undefined): string =>
  x === null || x === undefined || !Number.isFinite(x) ? '–' : `£${Math.round(x).toLocaleString('en-GB')}`;
/**
 * Hours with thousands separators, to the tenth a rota's unpaid half-hour breaks need: "1,234 h",
 * "2,673.5 h". Rounded whole, 2,674 h against 3,415 h would read beside a difference of +742 h.
 */
export const hoursText = (x: number | null | undefined): string =>
  x === null || x === undefined || !Number.isFinite(x) ? '–' : `${x.toLocaleString('en-GB', { maximumFractionDigits: 1 })} h`;
/** A signed amount with a typographic minus: +£1,150, −54 h. */
export const signedWith = (x: number, f: (x: number) => string): string => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${f(Math.abs(x))}`;

/**
 * "95 % CI 79.8–82.6 %", or why there is none: an interval needs two replications that measured the
 * figure, and a rare kind of contact (an online report graded 1) may be missing from some.
 */
export function ciText(e: Estimate, f: (x: number) => string): string {
  return e.ci95 ? `95 % CI ${f(e.ci95[0])} – ${f(e.ci95[1])}` : 'CI needs 2+ replications that measured it';
}

export interface CsvRow {
  scenario: string;
  measure: string;
  mean: number | null;
  lo: number | null;
  hi: number | null;
}

export function toCsv(rows: CsvRow[]): string {
  return csvTable([['scenario', 'measure', 'mean', 'ci95_low', 'ci95_high'], ...rows.map((r) => [r.scenario, r.measure, r.mean, r.lo, r.hi])]);
}

/** A table a manager opens in a spreadsheet: one row per headline figure, in words, rounded. */
export function readableCsv(rows: { scenario: string; measure: string; value: string; interval: string; target: string; verdict: string }[]): string {
  const head = ['Scenario', 'Measure', 'Value', '95 % interval', 'Target or guide', 'Verdict'];
  return csvTable([head, ...rows.map((r) => [r.scenario, r.measure, r.value, r.interval, r.target, r.verdict])]);
}

/** Every estimate in a (nested) report as CSV rows, keyed by its dotted path. */
export function estimateRows(scenario: string, value: unknown, prefix = ''): CsvRow[] {
  if (isEstimate(value)) return [{ scenario, measure: prefix, mean: value.mean, lo: value.ci95?.[0] ?? null, hi: value.ci95?.[1] ?? null }];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => estimateRows(scenario, v, prefix ? `${prefix}.${k}` : k));
}

export { isEstimate };
