import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { agentsNeeded, erlangA, erlangC } from '../../src/stats/erlang.ts';
import { staffingRequirement } from '../../src/plan/requirement.ts';
import { parseScenario, type Scenario, type ScenarioInput } from '../../src/scenario/index.ts';

function scenario(overrides: Partial<ScenarioInput> = {}): Scenario {
  const parsed = parseScenario({
    name: 'req',
    horizon: { startDate: '2025-01-06', days: 7 },
    demand: { profile: 'flat', channels: { '999': { callsPerDay: 480 }, '101': { callsPerDay: 960 } } },
    handling: {
      '999': { talkMinutes: { dist: 'exponential', mean: 4 }, wrapMinutes: { dist: 'fixed', value: 1 } },
      '101': { talkMinutes: { dist: 'exponential', mean: 6 } },
    },
    patience: { '999': { dist: 'exponential', mean: 1 }, '101': { dist: 'exponential', mean: 4 } },
    staffing: { fixed: 20, shrinkage: 0.3 },
    ...overrides,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.scenario;
}

/** FCFS M/M/c+M by simulation: an abandoning caller never holds a handler, so each caller's wait is
 * the time until the earliest handler frees up, and abandoners leave the handlers untouched. */
function simulateMMcM(c: number, lambda: number, mu: number, theta: number, t: number, n: number, seed: string) {
  const rng = seedrandom(seed);
  const exp = (rate: number) => -Math.log(1 - rng()) / rate;
  const free = new Array<number>(c).fill(0);
  let now = 0;
  let within = 0;
  let abandoned = 0;
  let waited = 0;
  for (let i = 0; i < n; i++) {
    now += exp(lambda);
    let k = 0;
    for (let j = 1; j < c; j++) if (free[j]! < free[k]!) k = j;
    const wait = Math.max(0, free[k]! - now);
    const patience = theta > 0 ? exp(theta) : Infinity;
    if (wait > 0) waited++;
    if (wait <= patience) {
      free[k] = now + wait + exp(mu);
      if (wait <= t) within++;
    } else abandoned++;
  }
  return { serviceLevel: within / n, probAbandon: abandoned / n, probWait: waited / n };
}

describe('Erlang formulas against known values', () => {
  it('Erlang C: 2 erlangs on 3 agents wait with probability 4/9', () => {
    expect(erlangC({ agents: 3, arrivalRate: 2, serviceRate: 1 }).probWait).toBeCloseTo(4 / 9, 10);
  });

  it('Erlang A with patience equal to handling time is M/M/∞: Poisson number in system', () => {
    // With θ = μ every caller leaves at rate μ whether waiting or served, so N ~ Poisson(λ/μ).
    const load = 10;
    const c = 10;
    const m = erlangA({ agents: c, arrivalRate: load / 300, serviceRate: 1 / 300, abandonRate: 1 / 300 });
    let p = Math.exp(-load);
    let below = 0;
    let excess = 0;
    for (let n = 0; n < 200; n++) {
      if (n < c) below += p;
      else excess += (n - c) * p;
      p *= load / (n + 1);
    }
    expect(m.probWait).toBeCloseTo(1 - below, 8); // 0.54207
    expect(m.probWait).toBeCloseTo(0.54207, 4);
    expect(m.probAbandon).toBeCloseTo(excess / load, 8);
  });

  it('Erlang A with tiny abandonment approaches Erlang C', () => {
    const p = { agents: 12, arrivalRate: 10 / 240, serviceRate: 1 / 240 };
    const a = erlangA({ ...p, abandonRate: 1e-9 });
    const c = erlangC(p);
    expect(a.probWait).toBeCloseTo(c.probWait, 5);
    expect(a.serviceLevel(20)).toBeCloseTo(c.serviceLevel(20), 4);
  });

  it.each([
    [8, 7.2, 300, 120, 10],
    [20, 18, 240, 60, 20],
    [5, 6, 360, 180, 30],
  ])('Erlang A matches an M/M/%i+M simulation (load %f, AHT %i s, patience %i s, SL at %i s)', (c, load, aht, patience, t) => {
    const lambda = load / aht;
    const m = erlangA({ agents: c, arrivalRate: lambda, serviceRate: 1 / aht, abandonRate: 1 / patience });
    const sim = simulateMMcM(c, lambda, 1 / aht, 1 / patience, t, 400_000, `mmcm-${c}`);
    expect(Math.abs(m.serviceLevel(t) - sim.serviceLevel)).toBeLessThan(0.006);
    expect(Math.abs(m.probAbandon - sim.probAbandon)).toBeLessThan(0.004);
    expect(Math.abs(m.probWait - sim.probWait)).toBeLessThan(0.006);
  });

  it('agentsNeeded gives the fewest agents that meet the target', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 40, noNaN: true }), fc.constantFrom<'C' | 'A'>('C', 'A'), (load, kind) => {
        const params = { arrivalRate: load / 300, serviceRate: 1 / 300, abandonRate: 1 / 120 };
        const target = { seconds: 20, share: 0.8 };
        const n = agentsNeeded(kind, params, target);
        const sl = (agents: number) => (kind === 'C' ? erlangC({ ...params, agents }) : erlangA({ ...params, agents })).serviceLevel(20);
        expect(sl(n)).toBeGreaterThanOrEqual(0.8);
        if (n > 1 && (kind === 'A' || n - 1 > load)) expect(sl(n - 1)).toBeLessThan(0.8);
      }),
      { numRuns: 40 },
    );
  });
});

describe('staffingRequirement', () => {
  it('gives every interval of a flat week the same need, by the formulas directly', () => {
    const req = staffingRequirement(scenario(), { intervalMinutes: 60 });
    expect(req.intervals).toHaveLength(7 * 24 * 2);
    const nine = req.intervals.filter((i) => i.channel === '999');
    expect(new Set(nine.map((i) => i.erlangA)).size).toBe(1);
    const first = nine[0]!;
    expect(first.start).toBe('2025-01-06T00:00');
    expect(first.offeredPerHour).toBe(20);
    const params = { arrivalRate: 20 / 3600, serviceRate: 1 / 300, abandonRate: 1 / 60 };
    expect(first.erlangC).toBe(agentsNeeded('C', params, { seconds: 10, share: 0.9 }));
    expect(first.erlangA).toBe(agentsNeeded('A', params, { seconds: 10, share: 0.9 }));
    expect(first.erlangA).toBeLessThanOrEqual(first.erlangC);
    expect(first.erlangCRostered).toBe(Math.ceil(first.erlangC / 0.7));
    expect(req.channels['999']).toEqual({ ahtSeconds: 300, patienceSeconds: 60, target: { seconds: 10, share: 0.9 } });
  });

  it('follows a weekly profile, interval by interval', () => {
    const how = Array.from({ length: 168 }, (_, k) => (k % 24 >= 8 && k % 24 < 20 ? 1.6 : 0.4));
    const req = staffingRequirement(scenario({ demand: { profile: 'weekly', hourOfWeek: how, channels: { '101': { callsPerDay: 960 } } } }), { intervalMinutes: 15 });
    expect(req.intervals).toHaveLength(7 * 96);
    const at = (s: string) => req.intervals.find((i) => i.start === s)!;
    expect(at('2025-01-06T03:45').offeredPerHour).toBeCloseTo(16, 6);
    expect(at('2025-01-06T12:15').offeredPerHour).toBeCloseTo(64, 6);
    expect(at('2025-01-06T12:15').erlangA).toBeGreaterThan(at('2025-01-06T03:45').erlangA);
  });

  it('takes online diversion off the phone and weights handling by the mix', () => {
    const req = staffingRequirement(
      scenario({
        demand: { profile: 'flat', channels: { '101': { callsPerDay: 960, mix: { asb: 1, crime: 3 } } } },
        handling: {
          '101': { talkMinutes: { dist: 'fixed', value: 4 }, byCallType: { asb: { talkMinutes: { dist: 'fixed', value: 8 } } } },
          online: { talkMinutes: { dist: 'fixed', value: 10 } },
        },
        diversion: { '101': { asb: 0.4 } },
      }),
      { intervalMinutes: 60, days: 1 },
    );
    expect(req.intervals[0]!.offeredPerHour).toBeCloseTo(40 * (1 - 0.25 * 0.4), 6);
    // Of every 100 calls, 25 are ASB and 10 of those go online: the phone handles 15 ASB (8 min) and 75 others (4 min).
    expect(req.channels['101']!.ahtSeconds).toBeCloseTo((60 * (15 * 8 + 75 * 4)) / 90, 6);
  });

  it('compares the need with the staff on the floor and marks short intervals', () => {
    const req = staffingRequirement(
      scenario({
        staffing: {
          shrinkage: 0.2,
          groups: [{ id: 'h', skills: ['999', '101'] }],
          shifts: [{ group: 'h', start: '08:00', hours: 8, staff: 30, breaks: [{ afterMinutes: 240, minutes: 30 }] }],
        },
        desks: { periods: [{ usable: 20, shielding: 2 }] },
      }),
      { intervalMinutes: 30, days: 1 },
    );
    const at = (s: string) => req.floor.find((f) => f.start === s)!;
    expect(at('2025-01-06T07:30')).toMatchObject({ rostered: 0, onFloor: 0, short: true });
    // 30 rostered, each present with probability 0.8; 2 shielding; at most 20 usable desks. The
    // expectation over the binomial number present, enumerated here independently of the code.
    const binomial = (n: number, p: number) => {
      const pmf = [(1 - p) ** n];
      for (let k = 1; k <= n; k++) pmf.push((pmf[k - 1]! * (n - k + 1) * p) / (k * (1 - p)));
      return pmf;
    };
    const expect30 = (f: (present: number) => number) => binomial(30, 0.8).reduce((sum, p, k) => sum + p * f(k), 0);
    const onFloor = (onDuty: number) => Math.min(Math.max(0, onDuty - 2), 20);
    expect(at('2025-01-06T09:00').rostered).toBe(30);
    expect(at('2025-01-06T09:00').onFloor).toBeCloseTo(expect30(onFloor), 2);
    // The first break wave (half of those present, rounded up) is away 12:00-12:30.
    expect(at('2025-01-06T12:00').onFloor).toBeCloseTo(expect30((p) => onFloor(p - Math.ceil(p / 2))), 2);
    expect(at('2025-01-06T12:00').onFloor).toBeLessThan(10);
    const nine = req.intervals.find((i) => i.start === '2025-01-06T09:00' && i.channel === '999')!;
    const one = req.intervals.find((i) => i.start === '2025-01-06T09:00' && i.channel === '101')!;
    expect(at('2025-01-06T09:00').needed).toBe(nine.erlangA + one.erlangA);
    expect(at('2025-01-06T09:00').short).toBe(20 < nine.erlangA + one.erlangA);
  });

  it('rejects an interval other than 15, 30 or 60 minutes', () => {
    expect(() => staffingRequirement(scenario(), { intervalMinutes: 20 })).toThrow('15, 30 or 60');
  });
});
