/**
 * Forecasting a period from a fit: the scenario's `demand` section (per-channel level, hour-of-week
 * and month factors, special days), daily expected calls with a 95 % prediction interval, and
 * optional editable presets such as a lockdown that shift demand between call types and online.
 *
 * One simplification the scenario format imposes, reported in `notes`: one callsPerDay per channel,
 * so the trend is evaluated at the middle of the forecast period. Special days carry each channel's
 * own fitted factor (999 often rises on a bank holiday while 101 falls).
 * The interval covers Poisson noise and the day-to-day variation the fit could not explain, not the
 * uncertainty in the fitted factors themselves.
 */
import { civilDate, isoDate, parseIsoDate, weekday } from './dates.ts';
import type { ChannelFit, DemandFit } from './fit.ts';
import { SpecialDays, type UserEvent } from './special.ts';
import { CHANNELS, type Channel } from './types.ts';
import { meanOne } from '../shared/factors.ts';
import { own } from '../shared/own.ts';
import { ID_PATTERN } from '../shared/id.ts';

/** Multipliers a preset applies; every number is an editable assumption. */
export interface PresetFactors {
  label: string;
  /** Level multiplier per channel. */
  level: Partial<Record<Channel, number>>;
  /** Multiplier on a call type's share of its channel's calls (mix renormalised). */
  callTypes: Record<string, number>;
  /** Share of a phone channel's calls that move to online reporting. */
  toOnline: Partial<Record<'999' | '101', number>>;
  source: string;
}

export const PRESETS: Record<'lockdown', PresetFactors> = {
  lockdown: {
    label: 'Lockdown (illustrative)',
    level: { '999': 0.9, '101': 0.85 },
    callTypes: { asb: 1.6, domestic: 1.15, rtc: 0.6, 'crime-report': 0.8 },
    toOnline: { '101': 0.1 },
    source:
      'Direction from Warwickshire Police Performance Scrutiny Q1 2020/21: ASB calls rose during lockdown, other ' +
      'demand was lower, ASB moved online ("the demand is still there, just shifted online"). The sizes are ' +
      'illustrative assumptions to edit, not published figures.',
  },
};
export type PresetName = keyof typeof PRESETS;

export interface ScenarioChannelDemand {
  callsPerDay: number;
  hourOfWeek: number[];
  month: number[];
  mix?: Record<string, number>;
}

export interface ScenarioDemand {
  profile: 'weekly';
  specialDays: { date: string; factor: number; name: string; channels?: Channel[] }[];
  channels: Partial<Record<Channel, ScenarioChannelDemand>>;
}

export interface DayForecast {
  date: string;
  special?: string;
  channels: Partial<Record<Channel, { calls: number; low: number; high: number }>>;
}

/** A channel's level and shape: calls per day, hour-of-week and month factors. */
export interface DemandStream {
  callsPerDay: number;
  hourOfWeek: readonly number[];
  month: readonly number[];
}

export interface Forecast {
  horizon: { startDate: string; days: number; warmupDays: number };
  demand: ScenarioDemand;
  /**
   * The calls a preset moved from the phone channels to online, with their shape; already counted
   * in `demand.channels.online`. `alone`: the history had no online contacts, so the forecast's
   * online channel is these calls and nothing else (a scenario's own online demand then stays and
   * these add to it).
   */
  movedOnline?: DemandStream & { alone: boolean };
  daily: DayForecast[];
  notes: string[];
}

export interface ForecastOptions {
  start: string;
  days: number;
  /** User-marked events in the forecast period; a name the fit has seen reuses its factor. */
  events?: readonly (UserEvent & { factor?: number })[];
  preset?: PresetName;
  /** Overrides the named preset's factors (an edited preset). */
  presetFactors?: PresetFactors;
  /** Calls per call type per channel from the import, for the mix. */
  callTypes?: Partial<Record<Channel, Record<string, number>>>;
}

const Z95 = 1.959964;

export function forecastDemand(fit: DemandFit, options: ForecastOptions): Forecast {
  const start = parseIsoDate(options.start);
  if (start === undefined) throw new RangeError(`start "${options.start}" is not a date (YYYY-MM-DD)`);
  if (!Number.isInteger(options.days) || options.days < 1) throw new RangeError(`days must be a whole number ≥ 1`);
  const notes: string[] = [];
  const preset = options.presetFactors ?? (options.preset ? PRESETS[options.preset] : undefined);
  const special = new SpecialDays(options.events);
  const mid = start + (options.days - 1) / 2;
  const channels: Partial<Record<Channel, ScenarioChannelDemand>> = {};
  const fits = Object.entries(fit.channels) as [Channel, ChannelFit][];

  for (const [channel, f] of fits) {
    const ref = parseIsoDate(f.referenceDate)!;
    const trend = 1 + f.trendPerYear * ((mid - ref) / 365.25);
    const level = preset?.level[channel] ?? 1;
    const phoneShare = channel === '999' || channel === '101' ? (preset?.toOnline[channel] ?? 0) : 0;
    const { mix, refused } = mixFor(options.callTypes?.[channel], preset?.callTypes);
    if (refused.length) {
      const calls = refused.reduce((a, [, n]) => a + n, 0);
      notes.push(
        `${channel}: call types left out of the mix, as a call type's name must start with a letter or digit and hold only letters, digits, "-" and "_": ` +
          `${refused.map(([name, n]) => `${JSON.stringify(name)} (${n} call${n === 1 ? '' : 's'})`).join(', ')}; ${calls} call${calls === 1 ? '' : 's'} in all. Rename them in the file to keep them.`,
      );
    }
    channels[channel] = {
      callsPerDay: round(f.callsPerDay * trend * level * (1 - phoneShare), 2),
      hourOfWeek: f.hourOfWeek,
      month: f.month,
      ...(mix ? { mix } : {}),
    };
    if (f.trendFitted && Math.abs(f.trendPerYear) > 0) {
      notes.push(`${channel}: trend ${(f.trendPerYear * 100).toFixed(1)} %/year evaluated at ${isoDate(Math.round(mid))}`);
    }
  }
  // Calls moved online by a preset keep the shape of the channel they left, and join (or become)
  // the online channel.
  let movedOnline: Forecast['movedOnline'];
  if (preset) {
    let moved: DemandStream | undefined;
    for (const from of ['999', '101'] as const) {
      const share = preset.toOnline[from] ?? 0;
      const source = channels[from];
      if (!share || !source) continue;
      const stream = { ...source, callsPerDay: (source.callsPerDay / (1 - share)) * share };
      moved = moved ? addStreams(moved, stream) : stream;
      notes.push(`preset: ${(share * 100).toFixed(0)} % of ${from} (${stream.callsPerDay.toFixed(0)} a day) reported online instead`);
    }
    if (moved) {
      const online = channels.online;
      const sum = online ? addStreams(online, moved) : moved;
      channels.online = { ...online, ...sum, callsPerDay: round(sum.callsPerDay, 2), hourOfWeek: [...sum.hourOfWeek], month: [...sum.month] };
      movedOnline = { ...moved, callsPerDay: round(moved.callsPerDay, 2), alone: !online };
    }
    notes.push(`preset ${preset.label}: ${preset.source}`);
  }

  // Special days in the period: each channel's fitted factor for the kind; a user's factor for all.
  const specialDays: ScenarioDemand['specialDays'] = [];
  const unseen = new Set<string>();
  const daily: DayForecast[] = [];
  for (let day = start; day < start + options.days; day++) {
    const kind = special.kind(day);
    const factors = new Map<Channel, number>();
    if (kind !== undefined) {
      const given = options.events?.find((e) => parseIsoDate(e.date) === day)?.factor;
      const fitted = fits.filter(([, f]) => f.special[kind]).sort(([a], [b]) => CHANNELS.indexOf(a) - CHANNELS.indexOf(b));
      if (given === undefined && fitted.length > 0) {
        for (const [channel, f] of fitted) {
          factors.set(channel, f.special[kind]!.factor);
          specialDays.push({ date: isoDate(day), factor: round(f.special[kind]!.factor, 3), name: kind, channels: [channel] });
        }
      } else {
        if (given === undefined) unseen.add(kind);
        specialDays.push({ date: isoDate(day), factor: round(given ?? 1, 3), name: kind });
        for (const channel of CHANNELS) factors.set(channel, given ?? 1);
      }
    }
    const entry: DayForecast = { date: isoDate(day), ...(kind ? { special: kind } : {}), channels: {} };
    for (const channel of CHANNELS) {
      const c = channels[channel];
      if (!c) continue;
      const w = weekday(day) * 24;
      let shape = 0;
      for (let h = 0; h < 24; h++) shape += c.hourOfWeek[w + h]!;
      const mean = (c.callsPerDay / 24) * shape * c.month[civilDate(day).month - 1]! * (factors.get(channel) ?? 1);
      const extra = fit.channels[channel]?.dailyExtraVariance ?? 0;
      const sd = Math.sqrt(mean + extra * mean * mean);
      entry.channels[channel] = { calls: round(mean, 1), low: round(Math.max(0, mean - Z95 * sd), 1), high: round(mean + Z95 * sd, 1) };
    }
    daily.push(entry);
  }
  for (const kind of unseen) notes.push(`special day "${kind}" is not in the history: factor 1 (edit it in specialDays)`);
  for (const [channel, f] of fits) {
    const months = new Set(daily.map((d) => civilDate(parseIsoDate(d.date)!).month - 1));
    const missing = [...months].filter((m) => !f.monthObserved[m]);
    if (missing.length) notes.push(`${channel}: no history for month ${missing.map((m) => m + 1).join(', ')}: month factor 1`);
  }

  return {
    horizon: { startDate: isoDate(start), days: options.days, warmupDays: 0 },
    demand: { profile: 'weekly', specialDays, channels },
    ...(movedOnline ? { movedOnline } : {}),
    daily,
    notes,
  };
}

/**
 * Two demand streams on one channel as one: their calls per day add, and each factor list becomes
 * the average of the two (each scaled to mean 1, as the model does) weighted by calls per day.
 * Totals over any week and over any month are then exactly the sum of the two; only the hour-in-
 * a-month detail is approximate, since a product of two blends is not the blend of two products
 * (the gap, a·b/(a+b)² × (week₁−week₂)(month₁−month₂), vanishes when either shape agrees).
 */
export function addStreams(a: DemandStream, b: DemandStream): DemandStream {
  const total = a.callsPerDay + b.callsPerDay;
  const wa = total > 0 ? a.callsPerDay / total : 0.5;
  const blend = (x: readonly number[], y: readonly number[]) => {
    const [nx, ny] = [meanOne(x), meanOne(y)];
    return nx.map((v, i) => round(wa * v + (1 - wa) * ny[i]!, 4));
  };
  return { callsPerDay: total, hourOfWeek: blend(a.hourOfWeek, b.hourOfWeek), month: blend(a.month, b.month) };
}

/**
 * The channel's call-type mix from the imported counts, shifted by a preset. A name the scenario
 * could not hold as a call type is refused, and said so (with its calls) rather than dropped unseen.
 */
function mixFor(counts: Record<string, number> | undefined, shift: Record<string, number> | undefined): { mix: Record<string, number> | undefined; refused: [string, number][] } {
  if (!counts) return { mix: undefined, refused: [] };
  const entries = Object.entries(counts);
  const valid = entries.filter(([id]) => ID_PATTERN.test(id));
  const refused = entries.filter(([id, n]) => !ID_PATTERN.test(id) && n > 0);
  const total = valid.reduce((a, [, n]) => a + n, 0);
  if (total === 0) return { mix: undefined, refused };
  const raw = valid.map(([id, n]) => [id, (n / total) * (own(shift, id) ?? 1)] as const);
  const sum = raw.reduce((a, [, v]) => a + v, 0);
  return { mix: Object.fromEntries(raw.map(([id, v]) => [id, round(v / sum, 4)])), refused };
}


function round(v: number, digits: number): number {
  const p = 10 ** digits;
  return Math.round(v * p) / p;
}
