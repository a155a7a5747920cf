/**
 * KPIs by date (and by date and hour for short runs): the same counts as the run's totals, split by
 * the measured date a contact arrived, so a special day shows as itself rather than averaged into
 * its hour of the week.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/model/report.ts';
import { runReplication } from '../../src/model/run.ts';
import { MAX_DAYS_BY_DATE_AND_HOUR, type DatedCounts } from '../../src/stats/replication.ts';
import { replications, scenario } from './scenarios.ts';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
/** Two weeks after a warm-up day from Monday 6 January 2025; Saturday 11 January has three times the calls. */
const busySaturday = scenario({
  name: 'by date',
  horizon: { startDate: '2025-01-05', days: 15, warmupDays: 1 },
  demand: { profile: 'flat', specialDays: [{ date: '2025-01-11', factor: 3 }], channels: { '999': { callsPerDay: 200 }, '101': { callsPerDay: 300 } } },
  handling: { '999': { talkMinutes: { dist: 'exponential', mean: 6 } }, '101': { talkMinutes: { dist: 'exponential', mean: 6 } } },
  patience: { '101': { dist: 'exponential', mean: 3 } },
  staffing: { fixed: 3 },
});

describe('KPIs by date', () => {
  it('split every total by date, and every date by hour', () => {
    const r = runReplication(busySaturday, 'by-date', 0);
    for (const c of ['999', '101'] as const) {
      const ch = r.channels[c];
      const totals: Record<keyof DatedCounts, number> = {
        offered: ch.offered,
        answered: ch.answered,
        abandoned: ch.abandoned,
        withinTarget: ch.withinTarget,
        waitSum: ch.waitSum,
      };
      for (const key of Object.keys(totals) as (keyof DatedCounts)[]) {
        expect(ch.byDate[key]).toHaveLength(14);
        expect(sum(ch.byDate[key]), `${c} ${key}`).toBeCloseTo(totals[key], 6);
        expect(ch.byDateHour[key]).toHaveLength(14 * 24);
        ch.byDate[key].forEach((n, d) => expect(sum(ch.byDateHour[key].slice(d * 24, d * 24 + 24))).toBeCloseTo(n, 6));
      }
    }
  });

  it('show a special day as itself, labelled with its date', () => {
    const report = buildReport(busySaturday, 'by-date', replications(busySaturday, 4, 'by-date'));
    expect(report.dates[0]).toBe('2025-01-06');
    expect(report.dates).toHaveLength(14);
    const saturday = report.dates.indexOf('2025-01-11');
    const offered = report.byDate['999'].offered.map((e) => e.mean!);
    const others = offered.filter((_, i) => i !== saturday);
    // 200 calls a day, 600 on the Saturday: far outside Poisson noise (sd about 14 and 24).
    expect(offered[saturday]).toBeGreaterThan(500);
    for (const n of others) expect(n).toBeLessThan(280);
    const sl = report.byDate['101'].serviceLevel.map((e) => e.mean!);
    expect(sl[saturday]).toBeLessThan(Math.min(...sl.filter((_, i) => i !== saturday)));
    expect(report.byDateHour!['999'].offered).toHaveLength(14 * 24);
  });

  it('keep only the by-date counts on long runs, so memory stays bounded', () => {
    const long = { ...busySaturday, horizon: { ...busySaturday.horizon, days: MAX_DAYS_BY_DATE_AND_HOUR + 11 } };
    const r = runReplication(long, 'by-date', 0);
    expect(r.channels['999'].byDate.offered).toHaveLength(MAX_DAYS_BY_DATE_AND_HOUR + 10);
    expect(r.channels['999'].byDateHour.offered).toHaveLength(0);
    expect(buildReport(long, 'by-date', [r]).byDateHour).toBeNull();
  });
});
