import { describe, expect, it } from 'vitest';
import { parseHistory } from '../../src/history/csv.ts';
import { dayNumber } from '../../src/history/dates.ts';
import { fitDemand } from '../../src/history/fit.ts';
import { forecastDemand, PRESETS } from '../../src/history/forecast.ts';
import { synthHistory } from '../../src/history/synth.ts';
import { parseScenario } from '../../src/scenario/index.ts';

const history = async (o: Parameters<typeof synthHistory>[0]) => parseHistory([...synthHistory(o)].join(''));

describe('forecastDemand', async () => {
  const year1 = await history({ start: '2024-01-01', days: 366, seed: 'f1' });
  const fit = fitDemand(year1);

  it('forecastDemand names the call types it cannot keep in the mix instead of dropping them unseen', () => {
    const callTypes = { '999': { domestic: 60, 'road traffic': 30, '(blank)': 10 }, '101': { theft: 5 } };
    const fc = forecastDemand(fit, { start: '2025-04-14', days: 7, callTypes });
    expect(fc.demand.channels['999']!.mix).toEqual({ domestic: 1 });
    expect(fc.demand.channels['101']!.mix).toEqual({ theft: 1 });
    const note = fc.notes.find((n) => n.startsWith('999: call types left out of the mix'));
    expect(note).toContain('"road traffic" (30 calls), "(blank)" (10 calls); 40 calls in all');
    expect(fc.notes.filter((n) => n.startsWith('101: call types left out'))).toEqual([]);
  });

  it('writes a demand section the scenario format accepts', () => {
    const fc = forecastDemand(fit, { start: '2025-04-14', days: 14, callTypes: year1.callTypes });
    const parsed = parseScenario({
      name: 'forecast',
      horizon: fc.horizon,
      demand: fc.demand,
      handling: { '999': { talkMinutes: { dist: 'exponential', mean: 4 } }, '101': { talkMinutes: { dist: 'exponential', mean: 6 } } },
      staffing: { fixed: 40 },
    });
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
    // Good Friday and Easter Monday 2025 fall in the period, with the kinds' fitted factors.
    // Each channel keeps its own fitted factor for the day.
    expect(fc.demand.specialDays.map((d) => [d.date, d.name, d.channels])).toEqual([
      ['2025-04-18', 'Good Friday', ['999']],
      ['2025-04-18', 'Good Friday', ['101']],
      ['2025-04-21', 'Easter Monday', ['999']],
      ['2025-04-21', 'Easter Monday', ['101']],
    ]);
    expect(fc.demand.channels['999']!.mix!['domestic']).toBeCloseTo(0.15, 1);
  });

  it('covers about 95 % of the next year’s actual days with its prediction interval', async () => {
    const year2 = await history({ start: '2025-01-01', days: 365, seed: 'f2' });
    const fc = forecastDemand(fit, { start: '2025-01-01', days: 365 });
    for (const channel of ['999', '101'] as const) {
      const series = year2.hourly[channel]!;
      let inside = 0;
      fc.daily.forEach((d, i) => {
        const actual = series.get(dayNumber(2025, 1, 1) + i)!.reduce((a, b) => a + b, 0);
        const p = d.channels[channel]!;
        if (actual >= p.low && actual <= p.high) inside++;
      });
      expect(inside / 365).toBeGreaterThan(0.9);
      expect(inside / 365).toBeLessThan(0.995);
    }
  });

  it('applies the lockdown preset: lower phone levels, a mix shifted to ASB, some 101 moved online', () => {
    const base = forecastDemand(fit, { start: '2025-03-23', days: 7, callTypes: year1.callTypes });
    const lock = forecastDemand(fit, { start: '2025-03-23', days: 7, callTypes: year1.callTypes, preset: 'lockdown' });
    const p = PRESETS.lockdown;
    expect(lock.demand.channels['999']!.callsPerDay).toBeCloseTo(base.demand.channels['999']!.callsPerDay * p.level['999']!, 0);
    const b101 = base.demand.channels['101']!.callsPerDay * p.level['101']!;
    expect(lock.demand.channels['101']!.callsPerDay).toBeCloseTo(b101 * 0.9, 0);
    expect(lock.demand.channels.online!.callsPerDay).toBeCloseTo(b101 * 0.1, 0);
    // The history has no online contacts: the online channel is the moved calls alone, in 101's shape.
    expect(lock.movedOnline).toMatchObject({ callsPerDay: lock.demand.channels.online!.callsPerDay, alone: true });
    expect(lock.movedOnline!.hourOfWeek).toEqual(lock.demand.channels['101']!.hourOfWeek);
    expect(base.movedOnline).toBeUndefined();
    expect(lock.demand.channels['101']!.mix!['asb']!).toBeGreaterThan(base.demand.channels['101']!.mix!['asb']!);
    expect(lock.notes.join('\n')).toMatch(/illustrative/);
  });

  it('accepts edited preset factors', () => {
    const edited = { ...PRESETS.lockdown, level: { '999': 1, '101': 1 }, toOnline: {} };
    const fc = forecastDemand(fit, { start: '2025-03-23', days: 7, presetFactors: edited });
    expect(fc.demand.channels['999']!.callsPerDay).toBeCloseTo(fit.channels['999']!.callsPerDay, 1);
    expect(fc.demand.channels.online).toBeUndefined();
  });

  it('uses a given factor for a user event and notes kinds the history never saw', () => {
    const fc = forecastDemand(fit, {
      start: '2025-07-01',
      days: 7,
      events: [{ date: '2025-07-04', name: 'pubs reopen', factor: 1.3 }, { date: '2025-07-05', name: 'festival' }],
    });
    expect(fc.demand.specialDays).toEqual([
      { date: '2025-07-04', factor: 1.3, name: 'pubs reopen' },
      { date: '2025-07-05', factor: 1, name: 'festival' },
    ]);
    expect(fc.notes.join('\n')).toContain('"festival" is not in the history');
  });

  it('rejects a bad start or length', () => {
    expect(() => forecastDemand(fit, { start: '2025-02-30', days: 7 })).toThrow('not a date');
    expect(() => forecastDemand(fit, { start: '2025-02-01', days: 0 })).toThrow('days');
  });
});
