/**
 * Online reports graded 1 jump the digital desk's queue and are counted apart. Known answer: one
 * desk officer, overloaded by the rest of the online queue, is never idle, so a grade-1 report waits
 * for the report in hand to finish (exponential review: a mean residual of one review) and for the
 * grade-1 reports before it — the non-preemptive priority queue's W₁ = W₀ / (1 − ρ₁), W₀ = E[S].
 */
import { describe, expect, it } from 'vitest';
import { summarizeStats } from '../../src/stats/summary.ts';
import { defaultPolicy } from '../../src/triage/index.ts';
import { replications, scenario } from './scenarios.ts';

const REVIEW_MINUTES = 8;
const DAYS = 15;

// No extra minutes for referral, DASH or FOUR, so every review is exponential with the same mean.
const policy = { ...defaultPolicy, referral: { ...defaultPolicy.referral!, minutes: 0 }, domesticAbuse: { ...defaultPolicy.domesticAbuse!, dashMinutes: 0 } };

const desk = scenario({
  name: 'overloaded digital desk',
  horizon: { days: DAYS, warmupDays: 1 },
  demand: { profile: 'flat', channels: { online: { callsPerDay: 200, mix: { 'concern-for-safety': 1, theft: 1 } } } },
  handling: { online: { talkMinutes: { dist: 'exponential', mean: REVIEW_MINUTES } } },
  staffing: { fixed: 1 },
  triage: { enabled: true, policy },
});

describe('online reports graded 1 in the digital desk queue', () => {
  const runs = replications(desk, 8, 'urgent-online');
  const summary = summarizeStats(runs);
  const urgent = summary.online.grade1;

  it('the rest of the queue is long: reports wait most of a day, and longer each day', () => {
    // 200 reports × 8 min = 26.7 h of work a day for one officer: the backlog only grows.
    expect(summary.online.ageMeanHours.mean).toBeGreaterThan(12);
    const backlog = summary.onlineBacklogByDay.map((e) => e.mean!);
    expect(backlog.at(-1)!).toBeGreaterThan(backlog[0]! + 100);
  });

  it('a grade-1 report waits minutes, as the priority queue formula says', () => {
    const measuredMinutes = (DAYS - 1) * 24 * 60;
    const offered = runs.reduce((n, r) => n + r.online.grade1.offered, 0) / runs.length;
    const rho1 = (offered / measuredMinutes) * REVIEW_MINUTES;
    const expected = REVIEW_MINUTES / (1 - rho1);
    const [lo, hi] = urgent.meanWaitMinutes.ci95!;
    expect(offered).toBeGreaterThan(100);
    expect(expected).toBeGreaterThanOrEqual(lo);
    expect(expected).toBeLessThanOrEqual(hi);
    expect(urgent.withinHour.mean).toBeGreaterThan(0.95);
    expect(urgent.serviceLevel.mean).toBeGreaterThan(0.99);
  });

  it('counts them apart from, and inside, the online figures', () => {
    for (const r of runs) {
      const g = r.online.grade1;
      expect(g.offered).toBe(r.channels.online.grades[0]! + g.unresolved);
      expect(g.answered).toBe(r.channels.online.grades[0]!);
      expect(g.offered).toBeLessThan(r.channels.online.offered);
    }
  });
});
