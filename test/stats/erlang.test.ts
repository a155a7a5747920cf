import { describe, expect, it } from 'vitest';
import { agentsNeeded, erlangA, erlangC } from '../../src/stats/erlang.ts';

/** Brute-force M/M/c+M by a truncated birth–death chain, independent of the library code path. */
function birthDeath(c: number, lambda: number, mu: number, theta: number) {
  const p = [1];
  for (let n = 1; n < 2000; n++) p.push((p[n - 1]! * lambda) / (Math.min(n, c) * mu + Math.max(0, n - c) * theta));
  const total = p.reduce((a, b) => a + b);
  const pi = p.map((x) => x / total);
  const lq = pi.reduce((s, x, n) => s + Math.max(0, n - c) * x, 0);
  return { pi, probWait: pi.slice(c).reduce((a, b) => a + b), probAbandon: (lq * theta) / lambda, meanWait: lq / lambda };
}

/**
 * P(answered within t | k ahead) in closed form: the caller is answered when k + 1 departures at
 * rates r_j = cμ + jθ (j = k … 0) come before their own exponential patience, so the answer is
 * E[e^{−θT}; T ≤ t] for T hypoexponential, Σ_i C_i r_i (1 − e^{−(r_i+θ)t}) / (r_i + θ) with
 * C_i = Π_{j≠i} r_j / (r_j − r_i). Fine for the few k where the rates' spread keeps C_i small.
 */
function answeredWithinClosedForm(t: number, k: number, cMu: number, theta: number): number {
  const r = Array.from({ length: k + 1 }, (_, j) => cMu + j * theta);
  return r.reduce((sum, ri, i) => {
    const coefficient = r.reduce((prod, rj, j) => (j === i ? prod : (prod * rj) / (rj - ri)), 1);
    return sum + (coefficient * ri * (1 - Math.exp(-(ri + theta) * t))) / (ri + theta);
  }, 0);
}

describe('erlangC', () => {
  it('matches the textbook value: 10 agents, 8 erlangs', () => {
    // Erlang C(10, 8) = 0.4092 (standard tables).
    expect(erlangC({ agents: 10, arrivalRate: 8, serviceRate: 1 }).probWait).toBeCloseTo(0.4092, 4);
  });

  it('has mean wait C / (cμ − λ) and service level 1 − C·e^{−(cμ−λ)t}', () => {
    const m = erlangC({ agents: 10, arrivalRate: 8, serviceRate: 1 });
    expect(m.meanWait).toBeCloseTo(m.probWait / 2, 12);
    expect(m.serviceLevel(0.5)).toBeCloseTo(1 - m.probWait * Math.exp(-1), 12);
  });

  it('is saturated at or above full load', () => {
    expect(erlangC({ agents: 5, arrivalRate: 5, serviceRate: 1 }).meanWait).toBe(Infinity);
  });
});

describe('erlangA', () => {
  it.each([
    [8, 1 / 60, 1 / 360, 1 / 240],
    [20, 0.1, 1 / 180, 1 / 60],
    [3, 0.02, 1 / 120, 1 / 600],
  ])('agrees with a brute-force birth–death chain (c=%d)', (c, lambda, mu, theta) => {
    const a = erlangA({ agents: c, arrivalRate: lambda, serviceRate: mu, abandonRate: theta });
    const b = birthDeath(c, lambda, mu, theta);
    expect(a.probWait).toBeCloseTo(b.probWait, 8);
    expect(a.probAbandon).toBeCloseTo(b.probAbandon, 8);
    expect(a.meanWait).toBeCloseTo(b.meanWait, 6);
  });

  it('service level runs from 1 − P(wait) at t = 0 to 1 − P(abandon) as t grows', () => {
    const a = erlangA({ agents: 8, arrivalRate: 1 / 60, serviceRate: 1 / 360, abandonRate: 1 / 240 });
    expect(a.serviceLevel(0)).toBeCloseTo(1 - a.probWait, 8);
    expect(a.serviceLevel(1e5)).toBeCloseTo(1 - a.probAbandon, 6);
    expect(a.serviceLevel(20)).toBeGreaterThan(a.serviceLevel(10));
  });

  it.each([
    [4, 1 / 60, 1 / 300, 1 / 30, 20],
    [2, 1 / 100, 1 / 120, 1 / 20, 60],
    [6, 1 / 40, 1 / 200, 1 / 25, 10],
  ])('service level agrees with the closed form caller by caller (c=%d, t=%d s)', (c, lambda, mu, theta, t) => {
    const { pi } = birthDeath(c, lambda, mu, theta);
    // Few states carry weight here (patience of 20–30 s), so the closed form stays well conditioned.
    let expected = pi.slice(0, c).reduce((a, b) => a + b);
    for (let n = c; n < c + 25; n++) expected += pi[n]! * answeredWithinClosedForm(t, n - c, c * mu, theta);
    expect(erlangA({ agents: c, arrivalRate: lambda, serviceRate: mu, abandonRate: theta }).serviceLevel(t)).toBeCloseTo(expected, 10);
  });

  it('tends to Erlang C as patience grows', () => {
    const a = erlangA({ agents: 8, arrivalRate: 1 / 60, serviceRate: 1 / 360, abandonRate: 1e-9 });
    const c = erlangC({ agents: 8, arrivalRate: 1 / 60, serviceRate: 1 / 360 });
    expect(a.probWait).toBeCloseTo(c.probWait, 5);
    expect(a.serviceLevel(20)).toBeCloseTo(c.serviceLevel(20), 4);
  });
});

describe('agentsNeeded', () => {
  it('is the fewest agents meeting the target', () => {
    const params = { arrivalRate: 1 / 60, serviceRate: 1 / 360, abandonRate: 1 / 240 };
    for (const kind of ['C', 'A'] as const) {
      const n = agentsNeeded(kind, params, { seconds: 20, share: 0.8 });
      const level = (k: number) => (kind === 'C' ? erlangC({ ...params, agents: k }) : erlangA({ ...params, agents: k })).serviceLevel(20);
      expect(level(n)).toBeGreaterThanOrEqual(0.8);
      expect(level(n - 1)).toBeLessThan(0.8);
    }
  });
});

describe('agentsNeeded without abandonment', () => {
  it('agentsNeeded by Erlang A with no abandonment is Erlang C’s answer, not an unsettled queue', () => {
    const params = { arrivalRate: 1 / 20, serviceRate: 1 / 300, abandonRate: 0 };
    const target = { seconds: 10, share: 0.9 };
    expect(agentsNeeded('A', params, target)).toBe(agentsNeeded('C', params, target));
  });
});
