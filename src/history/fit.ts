/**
 * Fitting a demand profile to hourly call history, per channel, as a multiplicative model
 *
 *   expected calls in hour h of day d = callsPerDay / 24 × hourOfWeek[how(d,h)] × month[m(d)]
 *                                        × special[kind(d)] × (1 + trendPerYear × (d − mid) / 365.25)
 *
 * estimated by Poisson maximum likelihood with backfitting (each factor in turn set so fitted and
 * actual totals agree over the cells it touches; this is iterative proportional fitting, which
 * converges to the Poisson log-linear fit). hourOfWeek (168, index 0 = Monday 00:00) and month (12)
 * are normalised to mean 1; months without data stay at 1. The trend is fitted only when the
 * history spans two years or more: over a single year it cannot be told apart from the season.
 * Days on which no channel has a single call are taken as missing data, not as quiet days.
 *
 * Alongside the factors: actual vs fitted by week and by hour of week, and MAPE at hourly, daily and
 * weekly resolution, each with the MAPE that Poisson chance alone would give if the model were exact,
 * so a planner can see how much of the error is the model and how much is noise.
 */
import { civilDate, hourOfWeek as howIndex, isoDate, weekday } from './dates.ts';
import { SpecialDays, type UserEvent } from './special.ts';
import type { Channel, HistoryImport, HourlySeries } from './types.ts';
import { counted } from '../shared/counted.ts';

export interface IntervalError {
  /** Mean absolute percentage error over intervals with at least one call (a share: 0.1 = 10 %). */
  mape: number;
  /** Approximate MAPE Poisson noise alone would give around the fitted values. */
  noiseFloor: number;
  intervals: number;
}

export interface ChannelFit {
  /** Base level: calls per day at the reference date, on an ordinary day of an average month. */
  callsPerDay: number;
  /** Relative change per year (0 when the history is shorter than two years). */
  trendPerYear: number;
  trendFitted: boolean;
  /** The date callsPerDay refers to (mid-history). */
  referenceDate: string;
  hourOfWeek: number[];
  month: number[];
  monthObserved: boolean[];
  /** Factor per special-day kind seen in the history, with the number of such days. */
  special: Record<string, { factor: number; days: number }>;
  weekly: { weekStart: string; actual: number; fitted: number; days: number }[];
  /** Mean calls per hour of week, actual and fitted (168 each); null for an hour of the week the history does not hold. */
  byHourOfWeek: { actual: (number | null)[]; fitted: (number | null)[] };
  error: { hourly: IntervalError; daily: IntervalError; weekly: IntervalError };
  /**
   * Day-to-day variation beyond Poisson chance, as a relative variance: a day forecast at f calls
   * has variance about f + dailyExtraVariance × f². Feeds the forecast's prediction interval.
   */
  dailyExtraVariance: number;
  totalCalls: number;
  /** Days of this channel's own span with calls on any channel: what its factors rest on. */
  daysObserved: number;
}

export interface DemandFit {
  firstDate: string;
  lastDate: string;
  daysObserved: number;
  /** Dates inside the span with no calls on any channel, treated as missing. */
  missingDays: number;
  channels: Partial<Record<Channel, ChannelFit>>;
  /** What the planner should know before trusting the factors. */
  warnings: string[];
}

export interface FitOptions {
  events?: readonly UserEvent[];
  iterations?: number;
}

interface Cells {
  days: number[];
  y: Float64Array[];
}

export function fitDemand(history: HistoryImport, options: FitOptions = {}): DemandFit {
  const series = Object.entries(history.hourly) as [Channel, HourlySeries][];
  const allDays = new Set<number>();
  for (const [, s] of series) for (const [day, counts] of s) if (counts.some((v) => v > 0)) allDays.add(day);
  if (allDays.size === 0) throw new RangeError('no calls to fit: the history is empty');
  const days = [...allDays].sort((a, b) => a - b);
  const first = days[0]!;
  const last = days[days.length - 1]!;
  const special = new SpecialDays(options.events);
  const channels: Partial<Record<Channel, ChannelFit>> = {};
  const warnings: string[] = [];
  for (const [channel, s] of series) {
    // A channel that starts later or stops earlier (online reporting launched mid-year) is fitted
    // over its own span: the days before its first call are not quiet days.
    const own = [...s.entries()].filter(([, c]) => c.some((v) => v > 0)).map(([d]) => d);
    if (own.length === 0) continue;
    const from = Math.min(...own);
    const to = Math.max(...own);
    const span = days.filter((d) => d >= from && d <= to);
    if (from > first || to < last) warnings.push(`${channel}: calls only from ${isoDate(from)} to ${isoDate(to)}; fitted over that span`);
    const cells: Cells = { days: span, y: span.map((d) => s.get(d) ?? new Float64Array(24)) };
    channels[channel] = fitChannel(cells, special, from, to, options.iterations ?? 40);
  }
  if (days.length < MIN_DAYS_TO_JUDGE) warnings.push(tooLittleToJudge(days.length));
  else if (days.length < 56) {
    warnings.push(`only ${days.length} days of history: each hour-of-week factor rests on about ${Math.round(days.length / 7)} hours, so it follows the noise (8 weeks or more is better)`);
  }
  if (last - first + 1 < 365) warnings.push('less than a year of history: months without data keep factor 1');
  if (last - first + 1 < 700) warnings.push('less than two years of history: no trend fitted (it cannot be told apart from the season)');
  return {
    firstDate: isoDate(first),
    lastDate: isoDate(last),
    daysObserved: days.length,
    missingDays: last - first + 1 - days.length,
    channels,
    warnings,
  };
}

/**
 * Below two weeks some hour of the week is seen only once (or not at all), and its factor is fitted
 * to that one hour: the fitted shape repeats the history, so its error says nothing of the fit.
 */
export const MIN_DAYS_TO_JUDGE = 14;

/** Whether a channel's fit error can be judged against chance: not when the shape merely repeats the history. */
export function judgeable(fit: ChannelFit): boolean {
  return fit.daysObserved >= MIN_DAYS_TO_JUDGE;
}

function tooLittleToJudge(days: number): string {
  const unseen = days < 7 ? `; ${counted(7 - days, 'day')} of the week ${7 - days === 1 ? 'is' : 'are'} not in it at all` : '';
  const seen = days < 8 ? 'at most once, so the fitted shape just repeats the history' : 'once or twice, so the fitted shape mostly repeats the history';
  return `only ${counted(days, 'day')} of history: too little to judge the fit, as each hour of the week is seen ${seen}${unseen}. Import ${MIN_DAYS_TO_JUDGE} days or more to judge it, 8 weeks or more to rely on it`;
}

function fitChannel(cells: Cells, special: SpecialDays, first: number, last: number, iterations: number): ChannelFit {
  const { days, y } = cells;
  const n = days.length;
  const mid = (first + last) / 2;
  const trendFitted = last - first + 1 >= 700;
  const monthOf = days.map((d) => civilDate(d).month - 1);
  const kindOf = days.map((d) => special.kind(d));
  const x = days.map((d) => (d - mid) / 365.25);
  const dayTotal = y.map((row) => row.reduce((a, b) => a + b, 0));
  const total = dayTotal.reduce((a, b) => a + b, 0);

  const how = new Array<number>(168).fill(1);
  const month = new Array<number>(12).fill(1);
  const sp = new Map<string, number>();
  for (const k of kindOf) if (k !== undefined) sp.set(k, 1);
  let base = total / n / 24;
  let slope = 0;

  const dayFactor = (i: number, without?: 'month' | 'special' | 'trend') =>
    (without === 'month' ? 1 : month[monthOf[i]!]!) *
    (without === 'special' ? 1 : kindOf[i] === undefined ? 1 : sp.get(kindOf[i]!)!) *
    (without === 'trend' ? 1 : 1 + slope * x[i]!);
  /** Sum over the day's hours of base × hourOfWeek. */
  const dayShape = (i: number) => {
    let s = 0;
    const w = weekday(days[i]!) * 24;
    for (let h = 0; h < 24; h++) s += how[w + h]!;
    return s * base;
  };

  for (let iter = 0; iter < iterations; iter++) {
    // Hour of week.
    const num = new Float64Array(168);
    const den = new Float64Array(168);
    for (let i = 0; i < n; i++) {
      const f = base * dayFactor(i);
      const w = weekday(days[i]!) * 24;
      for (let h = 0; h < 24; h++) {
        num[w + h]! += y[i]![h]!;
        den[w + h]! += f;
      }
    }
    for (let k = 0; k < 168; k++) if (den[k]! > 0) how[k] = num[k]! / den[k]!;
    normaliseObserved(how, Array.from(den, (v) => v > 0));

    // Month.
    const mNum = new Float64Array(12);
    const mDen = new Float64Array(12);
    for (let i = 0; i < n; i++) {
      mNum[monthOf[i]!]! += dayTotal[i]!;
      mDen[monthOf[i]!]! += dayShape(i) * dayFactor(i, 'month');
    }
    for (let m = 0; m < 12; m++) if (mDen[m]! > 0) month[m] = mNum[m]! / mDen[m]!;
    normaliseObserved(month, Array.from(mDen, (v) => v > 0));

    // Special days.
    const sNum = new Map<string, number>();
    const sDen = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const k = kindOf[i];
      if (k === undefined) continue;
      sNum.set(k, (sNum.get(k) ?? 0) + dayTotal[i]!);
      sDen.set(k, (sDen.get(k) ?? 0) + dayShape(i) * dayFactor(i, 'special'));
    }
    for (const [k, v] of sNum) sp.set(k, sDen.get(k)! > 0 ? v / sDen.get(k)! : 1);

    // Trend: weighted least squares of the daily ratio actual / fitted-without-trend on time.
    if (trendFitted) {
      let sw = 0, swx = 0, swr = 0, swxx = 0, swxr = 0;
      for (let i = 0; i < n; i++) {
        const f = dayShape(i) * dayFactor(i, 'trend');
        if (f <= 0) continue;
        const r = dayTotal[i]! / f;
        sw += f;
        swx += f * x[i]!;
        swr += f * r;
        swxx += f * x[i]! * x[i]!;
        swxr += f * x[i]! * r;
      }
      const b = (sw * swxr - swx * swr) / (sw * swxx - swx * swx);
      const a = (swr - b * swx) / sw;
      slope = b / a;
    }

    // Level.
    let fittedTotal = 0;
    for (let i = 0; i < n; i++) fittedTotal += dayShape(i) * dayFactor(i);
    base *= total / fittedTotal;
  }

  // Fitted values, comparisons and errors.
  const fittedHour = (i: number, h: number) => base * how[weekday(days[i]!) * 24 + h]! * dayFactor(i);
  const hourly = new ErrorSum();
  const daily = new ErrorSum();
  const weeklyErr = new ErrorSum();
  let extraVar = 0;
  let extraCount = 0;
  const howActual = new Float64Array(168);
  const howFitted = new Float64Array(168);
  const howCount = new Float64Array(168);
  const weeks = new Map<number, { actual: number; fitted: number; days: number }>();
  for (let i = 0; i < n; i++) {
    let dayFitted = 0;
    for (let h = 0; h < 24; h++) {
      const f = fittedHour(i, h);
      const k = howIndex(days[i]!, h);
      hourly.add(y[i]![h]!, f);
      howActual[k]! += y[i]![h]!;
      howFitted[k]! += f;
      howCount[k]!++;
      dayFitted += f;
    }
    daily.add(dayTotal[i]!, dayFitted);
    if (dayFitted > 0) {
      extraVar += ((dayTotal[i]! - dayFitted) ** 2 - dayFitted) / dayFitted ** 2;
      extraCount++;
    }
    const monday = days[i]! - weekday(days[i]!);
    const wk = weeks.get(monday) ?? { actual: 0, fitted: 0, days: 0 };
    wk.actual += dayTotal[i]!;
    wk.fitted += dayFitted;
    wk.days++;
    weeks.set(monday, wk);
  }
  const weekly = [...weeks.entries()]
    .sort(([a], [b]) => a - b)
    .map(([monday, w]) => ({ weekStart: isoDate(monday), actual: w.actual, fitted: round(w.fitted, 1), days: w.days }));
  for (const w of weekly) if (w.days === 7) weeklyErr.add(w.actual, w.fitted);

  const mean = (sum: Float64Array) => Array.from(sum, (v, k) => (howCount[k]! > 0 ? round(v / howCount[k]!, 3) : null));
  const monthObserved = month.map((_, m) => monthOf.includes(m));
  return {
    callsPerDay: round(base * 24, 2),
    trendPerYear: round(slope, 4),
    trendFitted,
    referenceDate: isoDate(Math.round(mid)),
    hourOfWeek: how.map((v) => round(v, 4)),
    month: month.map((v) => round(v, 4)),
    monthObserved,
    special: Object.fromEntries(
      [...sp.entries()].map(([k, f]) => [k, { factor: round(f, 3), days: kindOf.filter((v) => v === k).length }]),
    ),
    weekly,
    byHourOfWeek: { actual: mean(howActual), fitted: mean(howFitted) },
    error: { hourly: hourly.result(), daily: daily.result(), weekly: weeklyErr.result() },
    dailyExtraVariance: round(Math.max(0, extraCount ? extraVar / extraCount : 0), 6),
    totalCalls: total,
    daysObserved: n,
  };
}

/** Scales the observed entries to mean 1 and leaves unobserved ones at 1. */
function normaliseObserved(values: number[], observed: boolean[]): void {
  let sum = 0;
  let count = 0;
  values.forEach((v, i) => {
    if (observed[i]) (sum += v), count++;
  });
  if (count === 0 || sum === 0) return;
  const mean = sum / count;
  values.forEach((v, i) => (values[i] = observed[i] ? v / mean : 1));
}

class ErrorSum {
  private ape = 0;
  private floor = 0;
  private count = 0;
  add(actual: number, fitted: number): void {
    if (actual <= 0 || fitted <= 0) return;
    this.ape += Math.abs(actual - fitted) / actual;
    // E|Y - mu| / mu for Y ~ Poisson(mu), normal approximation.
    this.floor += Math.sqrt(2 / (Math.PI * fitted));
    this.count++;
  }
  result(): IntervalError {
    return this.count === 0
      ? { mape: 0, noiseFloor: 0, intervals: 0 }
      : { mape: round(this.ape / this.count, 4), noiseFloor: round(this.floor / this.count, 4), intervals: this.count };
  }
}

function round(v: number, digits: number): number {
  const p = 10 ** digits;
  return Math.round(v * p) / p;
}
