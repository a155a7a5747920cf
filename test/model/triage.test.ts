import { describe, expect, it } from 'vitest';
import { runReplication } from '../../src/model/run.ts';
import { summarizeStats } from '../../src/stats/summary.ts';
import { defaultPolicy } from '../../src/triage/index.ts';
import { scenario } from './scenarios.ts';

const withTriage = (triage: object) =>
  scenario({
    name: 'triage',
    horizon: { days: 15, warmupDays: 1 },
    demand: { channels: { '999': { callsPerDay: 300, mix: { 'domestic-abuse': 1, 'road-traffic-collision': 1, theft: 1 } } } },
    handling: { '999': { talkMinutes: { dist: 'exponential', mean: 6 } } },
    staffing: { fixed: 12 },
    triage,
  });

const run = (s: ReturnType<typeof withTriage>) => summarizeStats([0, 1, 2].map((i) => runReplication(s, 'thrive', i)));

describe('THRIVE triage in the simulation', () => {
  const base = run(withTriage({ enabled: true }));

  it('grades every answered contact and reports the grade mix and deployments', () => {
    const shares = base.grades!['999'].map((e) => e.mean!);
    expect(shares.reduce((a, b) => a + b)).toBeCloseTo(1, 10);
    expect(shares.every((s) => s > 0)).toBe(true);
    expect(base.deploymentsPerHour['1'].mean).toBeGreaterThan(0);
    expect(Object.keys(base.gradeByCallType)).toEqual(expect.arrayContaining(['domestic-abuse', 'theft']));
  });

  it('adds DASH work to domestic-abuse handling', () => {
    const off = run(withTriage({ enabled: false }));
    expect(off.grades).toBeNull();
    expect(base.channels['999'].handlingMinutesPerContact.mean! - off.channels['999'].handlingMinutesPerContact.mean!).toBeGreaterThan(3);
  });

  it('a stricter policy visibly moves the grade mix towards urgency and changes the workload', () => {
    const strict = structuredClone(defaultPolicy);
    const t = strict.thresholds;
    // A third of each threshold: grades 1-2 rise from about 14 % to 29 % of these contacts (expectedGradeMix).
    strict.thresholds = { scheduled: t.scheduled / 3, priority: t.priority / 3, emergency: t.emergency / 3 };
    const stricter = run(withTriage({ enabled: true, policy: strict }));
    expect(stricter.grades!['999'][0]!.mean! + stricter.grades!['999'][1]!.mean!).toBeGreaterThan(
      base.grades!['999'][0]!.mean! + base.grades!['999'][1]!.mean! + 0.05,
    );
    expect(stricter.deploymentsPerHour['1'].mean).toBeGreaterThan(base.deploymentsPerHour['1'].mean!);
  });
});
