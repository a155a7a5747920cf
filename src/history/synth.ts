/**
 * A seeded, synthetic year (or any span) of police contact history with a known shape, so users and
 * tests have realistic calls to import and the fit has an answer to recover.
 *
 * Level: about 1,780 calls a day, i.e. ~650,000 a year, the size of a mid-sized force such as
 * Leicestershire (about 115,000 999 and 560,000 101 calls a year; leics.police.uk, "Contact
 * management"). Split 30 % 999 / 70 % 101: between Leicestershire's 17 % and West Midlands Police's
 * ~40 % in June 2017 (West Midlands Police FOI 8781_17). Summer is the busy period (same FOI; Warwickshire
 * Performance Scrutiny Q1 2020/21). The hour-of-day, day-of-week, month and special-day factors below
 * are illustrative shapes, not calibrated figures.
 *
 * Arrivals are a Poisson process whose rate is constant within each clock hour:
 *   rate(channel, day, hour) = callsPerDay / 24 × hourOfWeek × month × specialDay × trend.
 * Clock hours follow Europe/London: the hour skipped when clocks go forward has no calls, the
 * repeated hour when they go back has two hours' worth.
 */
import seedrandom from 'seedrandom';
import { civilDate, hourOfWeek, isoDate, lastWeekdayOf, parseIsoDate } from './dates.ts';
import { SpecialDays } from './special.ts';
import { SECONDS_PER_HOUR } from '../shared/time.ts';

export type SynthChannel = '999' | '101';

export interface ChannelShape {
  callsPerDay: number;
  /** 168 factors, mean 1, index 0 = Monday 00:00-01:00. */
  hourOfWeek: number[];
  /** 12 factors, mean 1, January first. */
  month: number[];
  /** Day factors for special days (see special.ts): Boxing Day, Easter and other bank holidays share one. */
  special: { bankHoliday: number; christmasDay: number; newYearsEve: number; newYearsDay: number };
  /** Call types and their shares (sum 1). */
  mix: Record<string, number>;
}

function normalise(values: number[]): number[] {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return values.map((v) => v / mean);
}

function weekShape(hourOfDay: number[], dayOfWeek: number[], weekendNight: number): number[] {
  const out: number[] = [];
  for (let d = 0; d < 7; d++) {
    for (let h = 0; h < 24; h++) {
      // Friday and Saturday nights: 22:00 Fri/Sat to 04:00 Sat/Sun.
      const night = ((d === 4 || d === 5) && h >= 22) || ((d === 5 || d === 6) && h < 4);
      out.push(hourOfDay[h]! * dayOfWeek[d]! * (night ? weekendNight : 1));
    }
  }
  return normalise(out);
}

// Illustrative shapes (see the header comment): 999 peaks in the evening, 101 in office hours.
const HOUR_999 = [0.8, 0.65, 0.55, 0.45, 0.38, 0.35, 0.4, 0.55, 0.75, 0.9, 1.0, 1.05, 1.1, 1.12, 1.15, 1.2, 1.3, 1.35, 1.35, 1.3, 1.25, 1.2, 1.1, 0.95];
const HOUR_101 = [0.35, 0.25, 0.18, 0.14, 0.12, 0.14, 0.3, 0.7, 1.3, 1.6, 1.65, 1.6, 1.5, 1.5, 1.5, 1.45, 1.4, 1.3, 1.15, 1.0, 0.85, 0.7, 0.55, 0.45];

export const SYNTH_SHAPE: Record<SynthChannel, ChannelShape> = {
  '999': {
    callsPerDay: 1780 * 0.3,
    hourOfWeek: weekShape(HOUR_999, [0.97, 0.95, 0.95, 0.97, 1.04, 1.1, 1.02], 1.35),
    month: normalise([0.92, 0.88, 0.94, 0.97, 1.02, 1.06, 1.12, 1.09, 1.01, 0.99, 0.96, 1.04]),
    special: { bankHoliday: 1.1, christmasDay: 0.95, newYearsEve: 1.2, newYearsDay: 1.3 },
    mix: { 'concern-for-safety': 0.22, domestic: 0.15, 'crime-in-progress': 0.14, rtc: 0.1, asb: 0.08, suspicious: 0.09, other: 0.22 },
  },
  '101': {
    callsPerDay: 1780 * 0.7,
    hourOfWeek: weekShape(HOUR_101, [1.12, 1.04, 1.02, 1.01, 1.0, 0.92, 0.88], 1.1),
    month: normalise([0.95, 0.93, 0.97, 0.98, 1.01, 1.04, 1.07, 1.05, 1.02, 1.0, 0.98, 0.98]),
    special: { bankHoliday: 0.8, christmasDay: 0.6, newYearsEve: 0.95, newYearsDay: 0.85 },
    mix: { 'crime-report': 0.25, asb: 0.15, enquiry: 0.3, domestic: 0.05, 'lost-found': 0.08, other: 0.17 },
  },
};

export interface SynthOptions {
  /** First day, YYYY-MM-DD (default 2024-01-01). */
  start?: string;
  /** Number of days (default 365). */
  days?: number;
  seed?: string | number;
  /** Relative growth per year, e.g. 0.05 for +5 % a year (default 0). */
  trendPerYear?: number;
  /** Multiplies every channel's level (default 1). */
  scale?: number;
  shape?: Record<SynthChannel, ChannelShape>;
  /** Extra day factors applied to every channel, e.g. a festival: { '2024-07-06': 1.3 }. */
  events?: Record<string, number>;
}

/** The day factor of a special day for one channel's shape (1 for ordinary days). */
export function specialFactor(shape: ChannelShape, kind: string | undefined): number {
  switch (kind) {
    case undefined:
      return 1;
    case "New Year's Eve":
      return shape.special.newYearsEve;
    case "New Year's Day":
      return shape.special.newYearsDay;
    case 'Christmas Day':
      return shape.special.christmasDay;
    default:
      return shape.special.bankHoliday;
  }
}

/** Clock hours that day has at this hour: 0 when clocks go forward, 2 when they go back. */
function clockHourWeight(day: number, hour: number): number {
  if (hour !== 1) return 1;
  const { year, month } = civilDate(day);
  if (month === 3 && day === lastWeekdayOf(year, 3, 6)) return 0;
  if (month === 10 && day === lastWeekdayOf(year, 10, 6)) return 2;
  return 1;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * Generates the history as CSV text in chunks of one day (header first): timestamp,channel,callType
 * with timestamps as London local time, in time order.
 */
export function* synthHistory(options: SynthOptions = {}): Generator<string> {
  const start = parseIsoDate(options.start ?? '2024-01-01');
  if (start === undefined) throw new RangeError(`start "${options.start}" is not a date (YYYY-MM-DD)`);
  const days = options.days ?? 365;
  const shape = options.shape ?? SYNTH_SHAPE;
  const rng = seedrandom(String(options.seed ?? 1));
  const trend = options.trendPerYear ?? 0;
  const scale = options.scale ?? 1;
  const events = new Map<number, number>();
  for (const [date, f] of Object.entries(options.events ?? {})) {
    const d = parseIsoDate(date);
    if (d === undefined) throw new RangeError(`event date "${date}" is not a date (YYYY-MM-DD)`);
    events.set(d, f);
  }
  const special = new SpecialDays();
  const channels = Object.keys(shape) as SynthChannel[];
  const mixes = channels.map((c) => cumulative(shape[c].mix));
  const midDay = start + days / 2;

  yield 'timestamp,channel,callType\n';
  for (let day = start; day < start + days; day++) {
    const date = isoDate(day);
    const month = civilDate(day).month - 1;
    const trendFactor = 1 + trend * ((day - midDay) / 365.25);
    const event = events.get(day) ?? 1;
    const kind = special.kind(day);
    const lines: string[] = [];
    for (let hour = 0; hour < 24; hour++) {
      const weight = clockHourWeight(day, hour);
      if (weight === 0) continue;
      const calls: { t: number; line: string }[] = [];
      channels.forEach((c, ci) => {
        const s = shape[c];
        const perHour =
          ((s.callsPerDay * scale) / 24) *
          s.hourOfWeek[hourOfWeek(day, hour)]! *
          s.month[month]! *
          specialFactor(s, kind) *
          trendFactor *
          event *
          weight;
        // Exponential gaps within the hour (memoryless, so restarting each hour is exact).
        let t = -Math.log(1 - rng()) / perHour;
        while (t < 1) {
          const secondOfHour = Math.floor(t * SECONDS_PER_HOUR);
          const type = pick(mixes[ci]!, rng());
          calls.push({ t, line: `${date}T${pad(hour)}:${pad(Math.floor(secondOfHour / 60))}:${pad(secondOfHour % 60)},${c},${type}` });
          t += -Math.log(1 - rng()) / perHour;
        }
      });
      calls.sort((a, b) => a.t - b.t);
      for (const call of calls) lines.push(call.line);
    }
    yield lines.length ? lines.join('\n') + '\n' : '';
  }
}

function cumulative(mix: Record<string, number>): { name: string; upTo: number }[] {
  const total = Object.values(mix).reduce((a, b) => a + b, 0);
  let acc = 0;
  return Object.entries(mix).map(([name, share]) => ({ name, upTo: (acc += share / total) }));
}

function pick(table: { name: string; upTo: number }[], u: number): string {
  for (const row of table) if (u < row.upTo) return row.name;
  return table[table.length - 1]!.name;
}
