import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Forecast } from '../../src/history/forecast.ts';
import { demandWorkerApi } from '../../src/history/worker-api.ts';
import { callTypeTables } from '../../src/model/call-types.ts';
import { parseScenario } from '../../src/scenario/index.ts';
import {
  ADD,
  applyMerged,
  knownCallTypes,
  mergeForecast,
  restoreBefore,
  suggestedChoices,
  unknownTypes,
} from '../../src/ui/demand/forecast-merge.ts';

const ROOT = join(import.meta.dirname, '../..');
const baseline = () => JSON.parse(readFileSync(join(ROOT, 'scenarios/baseline.json'), 'utf8')) as Record<string, unknown>;
const flat = (n: number, v = 1) => new Array(n).fill(v) as number[];

/** A small scenario: 999 and online with call types, a 7-day warm-up, one special day of the planner's. */
function scenario(): Record<string, unknown> {
  return {
    name: 'Small force',
    horizon: { startDate: '2025-01-06', days: 35, warmupDays: 7 },
    demand: {
      profile: 'weekly',
      specialDays: [
        { date: '2025-03-05', factor: 1.3, name: 'Match day' },
        { date: '2025-03-10', factor: 2, name: 'Mine, replaced' },
      ],
      channels: {
        '999': { callsPerDay: 200, mix: { domestic: 2, 'road-traffic-collision': 1, concern: 1 } },
        online: { callsPerDay: 40, mix: { asb: 1 } },
      },
    },
    handling: {
      '999': { talkMinutes: { dist: 'fixed', value: 5 }, byCallType: { domestic: { talkMinutes: { dist: 'fixed', value: 12 } } } },
      online: { talkMinutes: { dist: 'fixed', value: 20 } },
    },
    staffing: { fixed: 10 },
  };
}

/** A forecast of 999 only, as from a history without online rows. */
function forecast(mix: Record<string, number> | undefined, specialDays: Forecast['demand']['specialDays'] = []): Forecast {
  return {
    horizon: { startDate: '2025-03-03', days: 14, warmupDays: 0 },
    demand: {
      profile: 'weekly',
      specialDays,
      channels: { '999': { callsPerDay: 180.5, hourOfWeek: flat(168, 1.5), month: flat(12, 2), ...(mix ? { mix } : {}) } },
    },
    daily: [],
    notes: [],
  };
}

describe('mergeForecast', () => {
  it('keeps a channel the history does not cover, exactly as it was', () => {
    const draft = scenario();
    const merged = mergeForecast(draft, forecast({ domestic: 0.5, concern: 0.5 }));
    const channels = merged.demand['channels'] as Record<string, unknown>;
    expect(channels['online']).toEqual({ callsPerDay: 40, mix: { asb: 1 } });
    expect((channels['999'] as { callsPerDay: number }).callsPerDay).toBe(180.5);
    expect(merged.changes).toContain('Online: kept as it was (the history has none).');
    applyMerged(draft, merged);
    expect(parseScenario(draft).ok).toBe(true);
  });

  it('keeps the warm-up, run before the forecast period so the measured days are the forecast’s', () => {
    const merged = mergeForecast(scenario(), forecast(undefined));
    expect(merged.horizon).toEqual({ startDate: '2025-02-24', days: 21, warmupDays: 7 });
    expect(merged.changes).toContain('Period measured: 14 days from 2025-03-03 (was 35 days from 2025-01-06).');
    expect(merged.changes).toContain('Warm-up: 7 days kept, simulated before the period from 2025-02-24.');
  });

  it('keeps the call types the history does not mention at their share; the history’s share the rest', () => {
    const merged = mergeForecast(scenario(), forecast({ domestic: 0.6, 'road-traffic-collision': 0.4 }));
    const mix = ((merged.demand['channels'] as Record<string, { mix: Record<string, number> }>)['999'])!.mix;
    // concern was 1/4 of 999 and the history does not code it: it keeps 25 %, the rest 75 % × 0.6 / 0.4.
    expect(mix).toEqual({ domestic: 0.45, 'road-traffic-collision': 0.3, concern: 0.25 });
    expect(merged.changes).toContain(
      '999 call types from the history: domestic 50.0 % → 45.0 %, road-traffic-collision 25.0 % → 30.0 %. Not in the history, kept: concern 25.0 %.',
    );
  });

  it('keeps the scenario’s mix when the history has no call types', () => {
    const merged = mergeForecast(scenario(), forecast(undefined));
    expect((merged.demand['channels'] as Record<string, { mix: unknown }>)['999']!.mix).toEqual({ domestic: 2, 'road-traffic-collision': 1, concern: 1 });
  });

  it('asks about call types the scenario does not know, suggesting a likely one', () => {
    const draft = scenario();
    const f = forecast({ domestc: 0.3, rtc: 0.2, 'crime-report': 0.4, Concern: 0.1 });
    const unknown = unknownTypes(draft, f);
    expect(unknown.map((u) => [u.name, u.suggestion])).toEqual([
      ['domestc', 'domestic'], // a typo
      ['rtc', 'road-traffic-collision'], // initials
      ['crime-report', undefined], // nothing like it: the planner must say
      ['Concern', 'concern'], // case
    ]);
    const choices = suggestedChoices(unknown, knownCallTypes(draft));
    expect(choices).toEqual({ domestc: 'domestic', rtc: 'road-traffic-collision', Concern: 'concern' });
    expect(() => mergeForecast(draft, f, choices)).toThrow('Say what “crime-report” should be before applying.');
    expect(() => mergeForecast(draft, f, { ...choices, 'crime-report': 'burglary' })).toThrow(/does not have/);
  });

  it('maps an unknown type onto a known one, or adds it when the planner says so', () => {
    const f = forecast({ domestc: 0.3, rtc: 0.2, 'crime-report': 0.4, Concern: 0.1 });
    const merged = mergeForecast(scenario(), f, { domestc: 'domestic', rtc: 'road-traffic-collision', Concern: 'domestic', 'crime-report': ADD });
    const mix = ((merged.demand['channels'] as Record<string, { mix: Record<string, number> }>)['999'])!.mix;
    // domestic 0.3 + Concern 0.1; concern itself is not in the history, so it keeps its 25 % and the rest share 75 %.
    expect(mix).toEqual({ domestic: 0.3, 'road-traffic-collision': 0.15, 'crime-report': 0.3, concern: 0.25 });
    const line = merged.changes.find((c) => c.startsWith('999 call types'))!;
    expect(line).toContain('crime-report new type, ');
    expect(line).toContain('“domestc” counted as domestic; “rtc” counted as road-traffic-collision; “Concern” counted as domestic');
  });

  it('replaces the planner’s special days only on dates the forecast sets', () => {
    const merged = mergeForecast(
      scenario(),
      forecast(undefined, [{ date: '2025-03-10', factor: 1.2, name: 'bank holiday', channels: ['999'] }]),
    );
    expect(merged.demand['specialDays']).toEqual([
      { date: '2025-03-10', factor: 1.2, name: 'bank holiday', channels: ['999'] },
      { date: '2025-03-05', factor: 1.3, name: 'Match day' },
    ]);
    expect(merged.changes).toContain('Your special days on the same dates replaced: 2025-03-10.');
    expect(merged.changes).toContain('Your other special days kept: 1.');
  });

  it('keeps a channel flat when the scenario was flat, though the profile becomes weekly', () => {
    const draft = scenario();
    (draft['demand'] as Record<string, unknown>)['profile'] = 'flat';
    const merged = mergeForecast(draft, forecast(undefined));
    const online = (merged.demand['channels'] as Record<string, Record<string, unknown>>)['online']!;
    expect(online['hourOfWeek']).toEqual(flat(168));
    expect(online['month']).toEqual(flat(12));
    expect(merged.demand['profile']).toBe('weekly');
  });

  it('undoes to exactly the scenario before', () => {
    const draft = scenario();
    const original = structuredClone(draft);
    const merged = mergeForecast(draft, forecast({ domestic: 1 }));
    applyMerged(draft, merged);
    expect(draft).not.toEqual(original);
    restoreBefore(draft, merged.before);
    expect(draft).toEqual(original);
  });

  it('adds the calls a preset moves online to the scenario’s own online demand when the history has none', () => {
    const draft = scenario();
    const week = Array.from({ length: 168 }, (_, h) => (h % 24 < 8 ? 0.5 : 1.25)); // quiet nights
    const months = Array.from({ length: 12 }, (_, m) => (m < 6 ? 2 : 1));
    (draft['demand'] as { channels: Record<string, Record<string, unknown>> }).channels['online']!['hourOfWeek'] = week;
    const f = forecast(undefined);
    f.demand.channels.online = { callsPerDay: 10, hourOfWeek: flat(168, 3), month: months };
    f.movedOnline = { callsPerDay: 10, hourOfWeek: flat(168, 3), month: months, alone: true };
    const merged = mergeForecast(draft, f);
    const online = (merged.demand['channels'] as Record<string, { callsPerDay: number; hourOfWeek: number[]; month: number[]; mix: unknown }>)['online']!;
    expect(online.callsPerDay).toBe(50);
    expect(online.mix).toEqual({ asb: 1 });
    // Each hour of the week carries the scenario's 40 a day in its shape plus the moved 10 flat.
    const weekMean = week.reduce((a, b) => a + b, 0) / 168;
    for (const h of [0, 12, 100]) expect(50 * online.hourOfWeek[h]!).toBeCloseTo(40 * (week[h]! / weekMean) + 10, 2);
    // The scenario's online had no month shape (flat); the moved calls' is 2:1, scaled to mean 1.
    expect(50 * online.month[0]!).toBeCloseTo(40 + 10 * (2 / 1.5), 2);
    expect(merged.changes).toContain(
      'Online: 40 → 50 a day (40 kept, the history has none, + 10 moved online by the preset); shape over the week and year: yours and the moved calls’, weighted by their calls.',
    );
    applyMerged(draft, merged);
    expect(parseScenario(draft).ok).toBe(true);
  });

  it('keeps the baseline’s online demand and adds what the lockdown preset moves from 101', async () => {
    const imported = await demandWorkerApi.importHistory(readFileSync(join(ROOT, 'seeds/sample-history.csv'), 'utf8'));
    if (!imported.ok) throw new Error(imported.message);
    const fit = demandWorkerApi.fit(imported.history);
    const f = demandWorkerApi.forecast(fit, { start: '2025-06-02', days: 28, callTypes: imported.history.callTypes, preset: 'lockdown' });
    expect(f.movedOnline?.alone).toBe(true);
    const draft = baseline();
    const choices = suggestedChoices(unknownTypes(draft, f), knownCallTypes(draft));
    for (const u of unknownTypes(draft, f)) choices[u.name] ??= ADD;
    const before = (draft['demand'] as { channels: Record<string, { callsPerDay: number }> }).channels['online']!.callsPerDay;
    applyMerged(draft, mergeForecast(draft, f, choices));
    const parsed = parseScenario(draft);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(f.movedOnline!.callsPerDay).toBeGreaterThan(5);
    expect(parsed.scenario.demand.channels.online!.callsPerDay).toBeCloseTo(before + f.movedOnline!.callsPerDay, 1);
  });

  it('merges a forecast of the sample history into the baseline: valid, online kept, per-type handling still applies', async () => {
    const imported = await demandWorkerApi.importHistory(readFileSync(join(ROOT, 'seeds/sample-history.csv'), 'utf8'));
    if (!imported.ok) throw new Error(imported.message);
    const fit = demandWorkerApi.fit(imported.history);
    const f = demandWorkerApi.forecast(fit, { start: '2025-11-03', days: 28, callTypes: imported.history.callTypes });
    const draft = baseline();
    const unknown = unknownTypes(draft, f);
    const choices = suggestedChoices(unknown, knownCallTypes(draft));
    expect(choices).toMatchObject({ rtc: 'road-traffic-collision', domestic: 'domestic-abuse', suspicious: 'suspicious-activity', enquiry: 'admin-enquiry' });
    for (const u of unknown) choices[u.name] ??= ADD;
    const onlineBefore = structuredClone((draft['demand'] as { channels: Record<string, unknown> }).channels['online']);
    applyMerged(draft, mergeForecast(draft, f, choices));
    const parsed = parseScenario(draft);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.scenario.demand.channels.online).toMatchObject(onlineBefore as object);
    expect(parsed.scenario.horizon).toEqual({ startDate: '2025-10-27', days: 35, warmupDays: 7 });
    const ids = callTypeTables(parsed.scenario).ids;
    for (const t of Object.keys(parsed.scenario.handling['999']!.byCallType)) expect(ids).toContain(t);
    expect(ids).not.toContain('rtc');
  });
});
