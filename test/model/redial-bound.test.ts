/**
 * Redials are bounded per caller: `redial.maxAttempts` calls at most, first call included. A caller
 * who hangs up on the last one, and would have rung again, gives up and is counted as `gaveUp`.
 */
import { describe, expect, it } from 'vitest';
import { runReplication } from '../../src/model/run.ts';
import { DEFAULT_MAX_ATTEMPTS } from '../../src/scenario/schema.ts';
import { scenario } from './scenarios.ts';

/** Nobody on duty and no patience: every call is abandoned at once and (probability 1) rung again a minute later. */
const hopeless = (redial: object) =>
  scenario({
    name: 'hopeless',
    horizon: { days: 1, warmupDays: 0 },
    demand: { profile: 'flat', channels: { '101': { callsPerDay: 1440 } } },
    handling: { '101': { talkMinutes: { dist: 'fixed', value: 5 } } },
    patience: { '101': { dist: 'fixed', value: 0 } },
    redial: { '101': { probability: 1, delayMinutes: { dist: 'fixed', value: 1 }, ...redial } },
    staffing: { fixed: 0 },
  });

describe('redial.maxAttempts', () => {
  it('lets each caller ring exactly maxAttempts times, then counts them as having given up', () => {
    const c = runReplication(hopeless({ maxAttempts: 3 }), 'b', 0).channels['101'];
    const fresh = c.offered - c.redials;
    expect(c.answered).toBe(0);
    expect(c.abandoned).toBe(c.offered);
    // Callers of the last two minutes have redials past the horizon: they alone fall short.
    const lastMinutes = 10;
    expect(c.redials).toBeLessThanOrEqual(2 * fresh);
    expect(c.redials).toBeGreaterThanOrEqual(2 * fresh - 2 * lastMinutes);
    expect(c.gaveUp).toBeLessThanOrEqual(fresh);
    expect(c.gaveUp).toBeGreaterThanOrEqual(fresh - lastMinutes);
  });

  it('counts nobody as having given up when no one would ring again', () => {
    const c = runReplication(hopeless({ maxAttempts: 1, probability: 0 }), 'b', 0).channels['101'];
    expect(c.redials).toBe(0);
    expect(c.gaveUp).toBe(0);
  });

  it('ends a storm the old rules allowed by default: patience 0, probability 1, a short delay', () => {
    const c = runReplication(hopeless({ delayMinutes: { dist: 'fixed', value: 0.01 } }), 'b', 0).channels['101'];
    const fresh = c.offered - c.redials;
    expect(c.redials / fresh).toBeCloseTo(DEFAULT_MAX_ATTEMPTS - 1, 0);
    expect(c.gaveUp).toBeGreaterThan(0.95 * fresh);
  });
});
