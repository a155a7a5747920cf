/**
 * Applying a forecast to a scenario without breaking it. A history usually covers only part of
 * what a scenario describes (no online contacts, its own names for call types), so applying is a
 * merge, not a replacement:
 * - channels the forecast has get its level and shapes; channels it lacks stay as they were;
 * - calls a preset moves online when the history has no online contacts add to the scenario's own
 *   online demand (the history says nothing about it, so it stays, plus the moved calls);
 * - the forecast's call types are matched to the scenario's by name; a name the scenario does not
 *   know (a typo, another force's coding) is mapped to one it does or added, as the planner chooses,
 *   so per-type handling and diversion keep applying; types the history does not mention keep
 *   their share;
 * - the warm-up is kept and run before the forecast period, so the measured days are the forecast's;
 * - the planner's special days stay, except on a date the forecast sets itself.
 * Every change is listed in words, and `before` holds what was replaced so it can be undone.
 * Works on the editor's JSON draft (which may be invalid), never on the DOM.
 */
import { addStreams, type DemandStream, type Forecast } from '../../history/forecast.ts';
import { resolveFactors } from '../editors/factors.ts';
import { isoDate, parseIsoDate } from '../../history/dates.ts';
import { CHANNELS, type Channel } from '../../history/types.ts';

type Json = Record<string, unknown>;

/** A choice for a call type the scenario does not know: one of its types, or `ADD` to add it. */
export const ADD = '+add';
export type TypeChoices = Record<string, string>;

export interface UnknownType {
  name: string;
  /** The channels whose forecast mix has it, with its share there. */
  shares: Partial<Record<Channel, number>>;
  /** A known type the name is probably meant to be (same letters, or one or two typed wrong). */
  suggestion?: string;
}

export interface Merged {
  /** The draft's horizon and demand after the merge. */
  horizon: Json;
  demand: Json;
  /** What changed, one line per thing, in the planner's words. */
  changes: string[];
  /** The horizon and demand as they were, for undo. */
  before: { horizon: unknown; demand: unknown };
}

const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const record = (v: unknown): Json => (isRecord(v) ? v : {});

/** Every call type the scenario names: in a channel's mix, handling by call type, or diversion. */
export function knownCallTypes(draft: Json): string[] {
  const known = new Set<string>();
  const demand = record(draft['demand']);
  for (const c of CHANNELS) {
    Object.keys(record(record(record(demand['channels'])[c])['mix'])).forEach((t) => known.add(t));
    Object.keys(record(record(record(draft['handling'])[c])['byCallType'])).forEach((t) => known.add(t));
  }
  for (const c of ['999', '101']) Object.keys(record(record(draft['diversion'])[c])).forEach((t) => known.add(t));
  return [...known];
}

/** The forecast's call types the scenario does not know, each with a likely match if there is one. */
export function unknownTypes(draft: Json, forecast: Forecast): UnknownType[] {
  const known = knownCallTypes(draft);
  const found = new Map<string, UnknownType>();
  for (const c of CHANNELS) {
    for (const [name, share] of Object.entries(forecast.demand.channels[c]?.mix ?? {})) {
      if (known.includes(name)) continue;
      const entry = found.get(name) ?? { name, shares: {}, ...suggest(name, known) };
      entry.shares[c] = share;
      found.set(name, entry);
    }
  }
  return [...found.values()];
}

/** Choices to start from: the likely match where there is one; nothing where the planner must say. */
export function suggestedChoices(unknown: readonly UnknownType[], known: readonly string[]): TypeChoices {
  const choices: TypeChoices = {};
  for (const u of unknown) {
    if (u.suggestion) choices[u.name] = u.suggestion;
    // A scenario without call types has nothing to map onto: adding is the only sensible answer.
    else if (known.length === 0) choices[u.name] = ADD;
  }
  return choices;
}

export function mergeForecast(draft: Json, forecast: Forecast, choices: TypeChoices = {}): Merged {
  const known = knownCallTypes(draft);
  const unanswered = unknownTypes(draft, forecast).filter((u) => !choices[u.name]);
  if (unanswered.length) throw new Error(`Say what ${unanswered.map((u) => `“${u.name}”`).join(', ')} should be before applying.`);
  for (const [name, target] of Object.entries(choices))
    if (target !== ADD && !known.includes(target)) throw new Error(`“${name}” is mapped to “${target}”, which this scenario does not have.`);

  const before = { horizon: structuredClone(draft['horizon']), demand: structuredClone(draft['demand']) };
  const changes: string[] = [];
  const horizon = mergeHorizon(record(draft['horizon']), forecast, changes);
  const oldDemand = record(draft['demand']);
  const demand: Json = structuredClone(oldDemand);
  const wasWeekly = oldDemand['profile'] === 'weekly';
  if (!wasWeekly) changes.push('Demand profile: flat → weekly, to follow the history’s shape over the week and year.');
  demand['profile'] = 'weekly';

  const oldChannels = record(oldDemand['channels']);
  const channels: Json = structuredClone(oldChannels);
  for (const c of CHANNELS) {
    const f = forecast.demand.channels[c];
    const old = isRecord(oldChannels[c]) ? oldChannels[c] : undefined;
    if (!f) {
      if (!old) continue;
      if (!wasWeekly && old['hourOfWeek'] === undefined && old['month'] === undefined) {
        channels[c] = { ...structuredClone(old), hourOfWeek: new Array(168).fill(1), month: new Array(12).fill(1) };
        changes.push(`${label(c)}: kept as it was, flat over the week and year (the history has none).`);
      } else changes.push(`${label(c)}: kept as it was (the history has none).`);
      continue;
    }
    const kept = c === 'online' && forecast.movedOnline?.alone ? ownStream(old, oldDemand, wasWeekly) : undefined;
    if (kept) {
      // The history has no online contacts, so the forecast's online channel is only the calls a
      // preset moved from the phone lines: the scenario's online demand stays and these add to it.
      const moved = forecast.movedOnline!;
      const sum = addStreams(kept, moved);
      channels[c] = { ...structuredClone(old), callsPerDay: round2(sum.callsPerDay), hourOfWeek: sum.hourOfWeek, month: sum.month };
      changes.push(
        `${label(c)}: ${perDay(kept.callsPerDay)} → ${perDay(sum.callsPerDay)} a day (${perDay(kept.callsPerDay)} kept, the history has none, ` +
          `+ ${perDay(moved.callsPerDay)} moved online by the preset); shape over the week and year: yours and the moved calls’, weighted by their calls.`,
      );
      continue;
    }
    const next: Json = { ...structuredClone(old ?? {}), callsPerDay: f.callsPerDay, hourOfWeek: f.hourOfWeek, month: f.month };
    const was = typeof old?.['callsPerDay'] === 'number' ? `${perDay(old['callsPerDay'])} → ` : 'added, ';
    changes.push(`${label(c)}: ${was}${perDay(f.callsPerDay)} a day; shape over the week and year from the history.`);
    if (f.mix) {
      const { mix, line } = mergeMix(c, old?.['mix'], f.mix, choices);
      next['mix'] = mix;
      changes.push(line);
    }
    channels[c] = next;
  }
  demand['channels'] = channels;
  demand['specialDays'] = mergeSpecialDays(oldDemand['specialDays'], forecast, changes);
  return { horizon, demand, changes, before };
}

/**
 * A channel's own demand as the model reads it (its shape, else the demand-wide one, else flat; flat
 * too when the profile is not weekly), or undefined when its level is not a number to add to.
 */
function ownStream(old: Json | undefined, demand: Json, weekly: boolean): DemandStream | undefined {
  const level = old?.['callsPerDay'];
  if (typeof level !== 'number' || !(level >= 0)) return undefined;
  const shape = (own: unknown, shared: unknown, n: number): readonly number[] => {
    const f = resolveFactors(weekly ? (own ?? shared) : undefined, n);
    return f.every((v) => v >= 0) ? f : new Array(n).fill(1);
  };
  return { callsPerDay: level, hourOfWeek: shape(old!['hourOfWeek'], demand['hourOfWeek'], 168), month: shape(old!['month'], demand['month'], 12) };
}

/** Puts the merged horizon and demand into the draft. */
export function applyMerged(draft: Json, merged: Pick<Merged, 'horizon' | 'demand'>): void {
  draft['horizon'] = structuredClone(merged.horizon);
  draft['demand'] = structuredClone(merged.demand);
}

/** Undo: the horizon and demand as they were before the merge (absent stays absent). */
export function restoreBefore(draft: Json, before: Merged['before']): void {
  for (const key of ['horizon', 'demand'] as const) {
    if (before[key] === undefined) delete draft[key];
    else draft[key] = structuredClone(before[key]);
  }
}

function mergeHorizon(old: Json, forecast: Forecast, changes: string[]): Json {
  const warmup = typeof old['warmupDays'] === 'number' && old['warmupDays'] > 0 ? Math.floor(old['warmupDays']) : 0;
  const { startDate, days } = forecast.horizon;
  const simulatedFrom = isoDate(parseIsoDate(startDate)! - warmup);
  const was = typeof old['startDate'] === 'string' && typeof old['days'] === 'number' ? ` (was ${old['days']} days from ${old['startDate']})` : '';
  changes.push(`Period measured: ${days} days from ${startDate}${was}.`);
  if (warmup > 0) changes.push(`Warm-up: ${warmup} days kept, simulated before the period from ${simulatedFrom}.`);
  return { ...structuredClone(old), startDate: simulatedFrom, days: days + warmup, warmupDays: warmup };
}

/**
 * The channel's mix after the merge: the forecast's types under the names the planner chose, and
 * the scenario's types the history does not mention at their old share (the history's types share
 * what is left, in the history's proportions).
 */
function mergeMix(c: Channel, oldMix: unknown, mix: Record<string, number>, choices: TypeChoices) {
  const mapped = new Map<string, number>();
  const added: string[] = [];
  for (const [name, share] of Object.entries(mix)) {
    const target = choices[name] === undefined || choices[name] === ADD ? name : choices[name];
    if (choices[name] === ADD) added.push(name);
    mapped.set(target, (mapped.get(target) ?? 0) + share);
  }
  const oldWeights = Object.entries(record(oldMix)).filter((e): e is [string, number] => typeof e[1] === 'number' && e[1] >= 0);
  const oldTotal = oldWeights.reduce((a, [, w]) => a + w, 0);
  const oldShare = new Map(oldWeights.map(([t, w]) => [t, oldTotal > 0 ? w / oldTotal : 0]));
  const kept = oldWeights.filter(([t]) => !mapped.has(t)).map(([t]) => [t, oldShare.get(t)!] as const);
  const keptShare = kept.reduce((a, [, s]) => a + s, 0);
  const mappedTotal = [...mapped.values()].reduce((a, b) => a + b, 0);
  const result: Record<string, number> = {};
  for (const [t, s] of mapped) result[t] = round4(mappedTotal > 0 ? (s / mappedTotal) * (1 - keptShare) : 0);
  for (const [t, s] of kept) result[t] = round4(s);

  const parts = [...mapped.keys()].map((t) => {
    const from = oldShare.has(t) ? `${pct(oldShare.get(t)!)} → ` : added.includes(t) ? 'new type, ' : '';
    return `${t} ${from}${pct(result[t]!)}`;
  });
  const renamed = Object.entries(choices).filter(([n, t]) => t !== ADD && n in mix).map(([n, t]) => `“${n}” counted as ${t}`);
  let line = `${label(c)} call types from the history: ${parts.join(', ')}.`;
  if (renamed.length) line += ` ${renamed.join('; ')}.`;
  if (kept.length) line += ` Not in the history, kept: ${kept.map(([t, s]) => `${t} ${pct(s)}`).join(', ')}.`;
  return { mix: result, line };
}

function mergeSpecialDays(old: unknown, forecast: Forecast, changes: string[]): unknown[] {
  const mine = Array.isArray(old) ? old : [];
  const fromHistory = forecast.demand.specialDays;
  const dates = new Set(fromHistory.map((d) => d.date));
  const dateOf = (d: unknown) => (isRecord(d) && typeof d['date'] === 'string' ? d['date'] : '');
  const replaced = mine.filter((d) => dates.has(dateOf(d)));
  const kept = mine.filter((d) => !dates.has(dateOf(d)));
  if (fromHistory.length) {
    const days = [...new Map(fromHistory.map((d) => [d.date, d.name])).entries()].map(([date, name]) => `${date} ${name}`);
    changes.push(`Special days from the history: ${days.join(', ')}.`);
  }
  if (replaced.length) changes.push(`Your special days on the same dates replaced: ${replaced.map(dateOf).join(', ')}.`);
  if (kept.length) changes.push(`Your other special days kept: ${kept.length}.`);
  return [...structuredClone(fromHistory), ...structuredClone(kept)];
}

/**
 * A known type `name` is probably meant to be, trying in turn: the same letters ignoring case and
 * punctuation; its initials (rtc → road-traffic-collision); a word of it (domestic →
 * domestic-abuse); a typo or two. Only a single best candidate counts: otherwise the planner says.
 */
function suggest(name: string, known: readonly string[]): { suggestion?: string } {
  const bare = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const initials = (s: string) => s.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean).map((w) => w[0]).join('');
  const words = (s: string) => s.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  const n = bare(name);
  const tests: ((k: string) => boolean)[] = [
    (k) => bare(k) === n,
    (k) => n.length >= 2 && words(k).length >= 2 && initials(k) === n,
    (k) => n.length >= 5 && words(k).includes(n),
    (k) => n.length >= 4 && distance(bare(k), n) <= (Math.min(bare(k).length, n.length) >= 6 ? 2 : 1),
  ];
  for (const test of tests) {
    const hits = known.filter(test);
    if (hits.length === 1) return { suggestion: hits[0]! };
    if (hits.length > 1) return {};
  }
  return {};
}

/** Levenshtein distance. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

const label = (c: Channel) => (c === 'online' ? 'Online' : c);
const perDay = (v: unknown) => (typeof v === 'number' ? v.toLocaleString('en-GB', { maximumFractionDigits: 1 }) : String(v));
const pct = (s: number) => `${(s * 100).toFixed(1)} %`;
const round4 = (v: number) => Math.round(v * 1e4) / 1e4;
const round2 = (v: number) => Math.round(v * 100) / 100;
