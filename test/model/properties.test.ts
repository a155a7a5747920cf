import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runReplication } from '../../src/model/run.ts';
import { MAX_DAYS_BY_DATE_AND_HOUR, mergeStats } from '../../src/stats/replication.ts';
import { summarizeStats } from '../../src/stats/summary.ts';
import { queueScenario } from './scenarios.ts';

describe('a replication', () => {
  it('is a pure function of (scenario, seed, index)', () => {
    const s = queueScenario({ callsPerDay: 900, meanMinutes: 6, agents: 5, patienceMinutes: 3, days: 5 });
    expect(JSON.stringify(runReplication(s, 'a', 3))).toBe(JSON.stringify(runReplication(s, 'a', 3)));
    expect(JSON.stringify(runReplication(s, 'a', 3))).not.toBe(JSON.stringify(runReplication(s, 'a', 4)));
    expect(JSON.stringify(runReplication(s, 'a', 3))).not.toBe(JSON.stringify(runReplication(s, 'b', 3)));
  });

  it('keeps memory flat: statistics do not grow with the horizon', () => {
    const leaves = (x: unknown): number =>
      typeof x === 'object' && x !== null ? Object.values(x).reduce((n: number, v) => n + leaves(v), 0) : 1;
    const size = (days: number) => leaves(runReplication(queueScenario({ callsPerDay: 500, meanMinutes: 6, agents: 4, days }), 'm', 0));
    // Per measured day: one number for the online backlog trend and five per channel for the KPIs by
    // date. By date and hour is kept only for runs of up to MAX_DAYS_BY_DATE_AND_HOUR days, so past
    // that the growth is those 16 numbers a day and nothing else.
    expect(size(200) - size(100)).toBe(100 * (1 + 3 * 5));
    // (queueScenario runs one warm-up day, so days − 1 are measured.)
    expect(size(MAX_DAYS_BY_DATE_AND_HOUR + 2)).toBeLessThan(size(MAX_DAYS_BY_DATE_AND_HOUR + 1));
  });
});

describe('more staff', () => {
  it('never lowers the service level on common random numbers', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 7 }),
        fc.integer({ min: 300, max: 1500 }),
        fc.integer({ min: 0, max: 1000 }),
        (agents, callsPerDay, rep) => {
          const level = (a: number) => {
            const r = runReplication(queueScenario({ callsPerDay, meanMinutes: 6, agents: a, patienceMinutes: 3, days: 3 }), 'crn', rep);
            return r.channels['101'].withinTarget / r.channels['101'].offered;
          };
          expect(level(agents + 1)).toBeGreaterThanOrEqual(level(agents));
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('merging replication statistics', () => {
  const s = queueScenario({ callsPerDay: 700, meanMinutes: 6, agents: 4, patienceMinutes: 3, days: 3 });
  const [a, b, c] = [0, 1, 2].map((i) => runReplication(s, 'merge', i)) as [ReturnType<typeof runReplication>, ReturnType<typeof runReplication>, ReturnType<typeof runReplication>];

  it('is associative and order-free on counts', () => {
    const left = mergeStats(mergeStats(a, b), c);
    const right = mergeStats(a, mergeStats(c, b));
    expect(left.channels['101'].offered).toBe(right.channels['101'].offered);
    expect(left.channels['101'].waitHistogram).toEqual(right.channels['101'].waitHistogram);
    expect(left.channels['101'].byHour.offered).toEqual(right.channels['101'].byHour.offered);
    expect(left.channels['101'].offered).toBe(a.channels['101'].offered + b.channels['101'].offered + c.channels['101'].offered);
  });

  it('summaries do not depend on the order replications arrive in', () => {
    expect(JSON.stringify(summarizeStats([c, a, b]))).toBe(JSON.stringify(summarizeStats([a, b, c])));
  });
});
