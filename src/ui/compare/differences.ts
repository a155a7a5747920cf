/**
 * The paired-differences table of the Compare tab: for each headline measure, both scenarios'
 * means, the difference B − A with its 95 % CI (shares in percentage points), and a verdict that
 * says whether the change is an improvement, a deterioration, or within the noise (the CI includes
 * zero). Paid hours and cost come first: they are set by the rota, exact, with no interval.
 */
import type { Report } from '../../model/report.ts';
import type { Comparison } from '../../stats/compare.ts';
import type { Estimate } from '../../stats/estimate.ts';
import { hoursText, money, num, pct, points, secs, signedWith } from '../results/format.ts';

export type Verdict = 'better' | 'worse' | 'higher' | 'lower' | 'no clear change' | '';

export interface DifferenceRow {
  key: string;
  label: string;
  a: string;
  b: string;
  difference: string;
  verdict: Verdict;
}

interface Measure {
  key: string;
  label: string;
  f: (x: number) => string;
  /** How a difference is written, if not like the values (shares: in percentage points). */
  df?: (x: number) => string;
  /** Which way is an improvement; 'neither' for occupancy, where lower is easier on staff but costs more. */
  better: 'up' | 'down' | 'neither';
  of: (r: Report) => Estimate | undefined;
}

const channel = (c: '999' | '101' | 'online', k: 'serviceLevel' | 'abandonRate' | 'meanAnswerSeconds') => (r: Report) => r.channels[c][k];

const MEASURES: Measure[] = [
  { key: '999.serviceLevel', label: '999 answered within target', f: (x) => pct(x), df: points, better: 'up', of: channel('999', 'serviceLevel') },
  { key: '101.serviceLevel', label: '101 answered within target', f: (x) => pct(x), df: points, better: 'up', of: channel('101', 'serviceLevel') },
  { key: '999.abandonRate', label: '999 abandoned', f: (x) => pct(x), df: points, better: 'down', of: channel('999', 'abandonRate') },
  { key: '101.abandonRate', label: '101 abandoned', f: (x) => pct(x), df: points, better: 'down', of: channel('101', 'abandonRate') },
  { key: '999.meanAnswerSeconds', label: '999 average speed of answer', f: secs, better: 'down', of: channel('999', 'meanAnswerSeconds') },
  { key: '101.meanAnswerSeconds', label: '101 average speed of answer', f: secs, better: 'down', of: channel('101', 'meanAnswerSeconds') },
  { key: 'online.serviceLevel', label: 'Online handled within target', f: (x) => pct(x), df: points, better: 'up', of: channel('online', 'serviceLevel') },
  { key: 'online.backlogMean', label: 'Online backlog (mean)', f: (x) => num(x, 1), better: 'down', of: (r) => r.online.backlogMean },
];

/** "+4.1 % (95 % CI 3.5 % to 4.7 %)"; the sign is typographic minus for negatives. */
export function signed(e: Estimate, f: (x: number) => string): string {
  if (e.mean === null) return '–';
  const sign = e.mean > 0 ? '+' : e.mean < 0 ? '−' : '±';
  const show = (x: number) => (x < 0 ? '−' + f(-x) : f(x));
  const ci = e.ci95 ? ` (95 % CI ${show(e.ci95[0])} to ${show(e.ci95[1])})` : '';
  return `${sign}${f(Math.abs(e.mean))}${ci}`;
}

export function verdictOf(e: Estimate, better: 'up' | 'down' | 'neither'): Verdict {
  if (e.mean === null || !e.ci95) return '';
  if (e.ci95[0] <= 0 && e.ci95[1] >= 0) return 'no clear change';
  if (better === 'neither') return e.ci95[0] > 0 ? 'higher' : 'lower';
  return e.ci95[0] > 0 === (better === 'up') ? 'better' : 'worse';
}

export function differenceRows(a: Report, b: Report, comparison: Comparison): DifferenceRow[] {
  const staff: Measure[] = Object.keys(comparison.differences)
    .filter((k) => k.startsWith('staff.') && k.endsWith('.utilisation'))
    .map((k) => {
      const id = k.slice('staff.'.length, -'.utilisation'.length);
      return { key: k, label: `Occupancy: ${a.staff[id]?.name ?? id}`, f: (x: number) => pct(x), df: points, better: 'neither' as const, of: (r: Report) => r.staff[id]?.utilisation };
    });
  const rows: DifferenceRow[] = costRows(a, b);
  for (const m of [...MEASURES, ...staff]) {
    const d = comparison.differences[m.key];
    if (!d || d.mean === null) continue;
    const show = (r: Report) => {
      const mean = m.of(r)?.mean;
      return mean === null || mean === undefined ? '–' : m.f(mean);
    };
    rows.push({ key: m.key, label: m.label, a: show(a), b: show(b), difference: signed(d, m.df ?? m.f), verdict: verdictOf(d, m.better) });
  }
  return rows;
}

/** Paid hours and cost a week, B − A: exact figures of the two rotas. */
export function costRows(a: Report, b: Report): DifferenceRow[] {
  const row = (key: 'paidHoursPerWeek' | 'costPerWeek', label: string, f: (x: number) => string): DifferenceRow => {
    const d = b.cost[key] - a.cost[key];
    return { key: `cost.${key}`, label, a: f(a.cost[key]), b: f(b.cost[key]), difference: d === 0 ? 'no change' : signedWith(d, f), verdict: d > 0 ? 'higher' : d < 0 ? 'lower' : '' };
  };
  const rows = [row('paidHoursPerWeek', 'Paid hours a week', hoursText)];
  if (a.cost.costPerWeek > 0 || b.cost.costPerWeek > 0) rows.push(row('costPerWeek', 'Staff cost a week', money));
  return rows;
}
