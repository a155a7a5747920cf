import { describe, expect, it } from 'vitest';
import { parseHistory } from '../../src/history/csv.ts';
import { fitDemand, judgeable } from '../../src/history/fit.ts';
import { SYNTH_SHAPE, synthHistory, type SynthOptions } from '../../src/history/synth.ts';

async function synthFit(options: SynthOptions, events?: { date: string; name: string }[]) {
  let text = '';
  for (const chunk of synthHistory(options)) text += chunk;
  const history = await parseHistory(text);
  return { history, fit: fitDemand(history, events ? { events } : {}) };
}

const maxAbs = (a: number[], b: number[]) => Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));
const meanAbs = (a: number[], b: number[]) => a.reduce((s, v, i) => s + Math.abs(v - b[i]!), 0) / a.length;
const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;

describe('fitDemand on two synthetic years with a known shape and +5 %/year trend', async () => {
  const { fit } = await synthFit({ start: '2023-01-01', days: 731, seed: 'fit', trendPerYear: 0.05 });

  for (const channel of ['999', '101'] as const) {
    const got = fit.channels[channel]!;
    const want = SYNTH_SHAPE[channel];
    it(`recovers the ${channel} level within 2 % and the trend within 1.5 points`, () => {
      expect(Math.abs(got.callsPerDay / want.callsPerDay - 1)).toBeLessThan(0.02);
      expect(got.trendFitted).toBe(true);
      expect(Math.abs(got.trendPerYear - 0.05)).toBeLessThan(0.015);
    });
    it(`recovers the ${channel} hour-of-week shape (mean error < 0.03, worst < 0.12) and months within 0.03`, () => {
      expect(got.hourOfWeek).toHaveLength(168);
      expect(mean(got.hourOfWeek)).toBeCloseTo(1, 3);
      expect(meanAbs(got.hourOfWeek, want.hourOfWeek)).toBeLessThan(0.03);
      expect(maxAbs(got.hourOfWeek, want.hourOfWeek)).toBeLessThan(0.12);
      expect(got.month).toHaveLength(12);
      expect(mean(got.month)).toBeCloseTo(1, 3);
      expect(maxAbs(got.month, want.month)).toBeLessThan(0.03);
    });
    it(`recovers the ${channel} special-day factors within 0.08`, () => {
      expect(Math.abs(got.special['bank holiday']!.factor - want.special.bankHoliday)).toBeLessThan(0.08);
      expect(Math.abs(got.special['Christmas Day']!.factor - want.special.christmasDay)).toBeLessThan(0.08);
      expect(Math.abs(got.special["New Year's Day"]!.factor - want.special.newYearsDay)).toBeLessThan(0.08);
    });
    it(`reports ${channel} errors close to the Poisson noise floor`, () => {
      for (const e of [got.error.hourly, got.error.daily, got.error.weekly]) {
        expect(e.intervals).toBeGreaterThan(0);
        expect(e.mape).toBeLessThan(e.noiseFloor * 1.3 + 0.01);
      }
    });
  }

  it('compares actual and fitted by week and by hour of week', () => {
    const c = fit.channels['999']!;
    expect(c.weekly.length).toBeGreaterThanOrEqual(105);
    const full = c.weekly.filter((w) => w.days === 7);
    for (const w of full) expect(Math.abs(w.actual / w.fitted - 1)).toBeLessThan(0.12);
    expect(c.byHourOfWeek.actual).toHaveLength(168);
    // Two years hold every hour of the week: none is left as a gap.
    const actual = c.byHourOfWeek.actual.map(Number);
    const fitted = c.byHourOfWeek.fitted.map(Number);
    expect(c.byHourOfWeek.actual.every((v) => v !== null)).toBe(true);
    expect(maxAbs(actual, fitted) / mean(fitted)).toBeLessThan(0.15);
  });
});

describe('fitDemand edge cases', () => {
  it('does not fit a trend on one year, and leaves unseen months at 1', async () => {
    const { fit } = await synthFit({ start: '2024-03-04', days: 28, seed: 's' });
    const c = fit.channels['101']!;
    expect(c.trendFitted).toBe(false);
    expect(c.trendPerYear).toBe(0);
    expect(c.monthObserved.filter(Boolean)).toHaveLength(1);
    expect(c.month.every((m) => Math.abs(m - 1) < 1e-9)).toBe(true);
    expect(Math.abs(c.callsPerDay / (SYNTH_SHAPE['101'].callsPerDay * SYNTH_SHAPE['101'].month[2]!) - 1)).toBeLessThan(0.04);
  });

  it('estimates a user-marked event', async () => {
    const { fit } = await synthFit({ start: '2024-06-01', days: 60, seed: 'e', events: { '2024-07-04': 1.5 } }, [
      { date: '2024-07-04', name: 'pubs reopen' },
    ]);
    expect(fit.channels['999']!.special['pubs reopen']!.factor).toBeGreaterThan(1.35);
    expect(fit.channels['999']!.special['pubs reopen']!.factor).toBeLessThan(1.65);
  });

  it('treats days with no calls at all as missing, not as quiet', async () => {
    const h = await parseHistory('timestamp,channel\n2024-01-01T10:00,999\n2024-01-03T10:00,999\n');
    const fit = fitDemand(h);
    expect(fit.missingDays).toBe(1);
    expect(fit.daysObserved).toBe(2);
    expect(fit.channels['999']!.callsPerDay).toBeCloseTo(1, 6);
  });

  it('says a history of one call is too little to judge, and leaves the unseen hours of the week as gaps, not zeros', async () => {
    const fit = fitDemand(await parseHistory('timestamp,channel\n2024-01-03T10:20,999\n'));
    const c = fit.channels['999']!;
    expect(judgeable(c)).toBe(false);
    expect(c.daysObserved).toBe(1);
    expect(fit.warnings[0]).toBe(
      'only 1 day of history: too little to judge the fit, as each hour of the week is seen at most once, so the fitted shape just repeats the history; 6 days of the week are not in it at all. Import 14 days or more to judge it, 8 weeks or more to rely on it',
    );
    // Wednesday (day 2 of the week from Monday) is observed: its 24 hours are numbers, 0 where no call came.
    const wednesday = c.byHourOfWeek.actual.slice(48, 72);
    expect(wednesday.every((v) => typeof v === 'number')).toBe(true);
    expect(wednesday[10]).toBe(1);
    expect(wednesday[11]).toBe(0);
    expect(c.byHourOfWeek.actual.filter((v) => v === null)).toHaveLength(6 * 24);
    expect(c.byHourOfWeek.fitted.filter((v) => v === null)).toHaveLength(6 * 24);
  });

  it('judges a fit from two weeks on, and counts days in the right number in between', async () => {
    const short = (await synthFit({ start: '2024-03-04', days: 13, seed: 'j' })).fit;
    expect(judgeable(short.channels['999']!)).toBe(false);
    expect(short.warnings[0]).toMatch(/^only 13 days of history: too little to judge the fit, as each hour of the week is seen once or twice/);
    const enough = (await synthFit({ start: '2024-03-04', days: 14, seed: 'j' })).fit;
    expect(judgeable(enough.channels['999']!)).toBe(true);
    expect(enough.warnings[0]).toBe('only 14 days of history: each hour-of-week factor rests on about 2 hours, so it follows the noise (8 weeks or more is better)');
    expect(enough.channels['999']!.byHourOfWeek.actual.every((v) => v !== null)).toBe(true);
  });

  it('refuses an empty history', () => {
    expect(() => fitDemand({ format: 'calls', hourly: {}, callTypes: {}, rows: { read: 0, used: 0, skipped: 0, blank: 0, byReason: {} }, problems: [], notes: [] })).toThrow('empty');
  });
});

describe('channels with their own span', () => {
  it('fits a channel that starts later over its own days only', async () => {
    const rows = ['timestamp,channel'];
    for (let d = 1; d <= 28; d++) {
      const date = `2024-02-${String(d).padStart(2, '0')}`;
      for (let h = 0; h < 24; h++) rows.push(`${date}T${String(h).padStart(2, '0')}:10,999`);
      if (d > 14) for (let h = 0; h < 24; h++) rows.push(`${date}T${String(h).padStart(2, '0')}:20,online`, `${date}T${String(h).padStart(2, '0')}:40,online`);
    }
    const fit = fitDemand(await parseHistory(rows.join('\n')));
    expect(fit.channels.online!.callsPerDay).toBeCloseTo(48, 6);
    expect(fit.channels['999']!.callsPerDay).toBeCloseTo(24, 6);
    expect(fit.warnings.join(' ')).toContain('online: calls only from 2024-02-15');
  });
});
