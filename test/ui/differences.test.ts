import { describe, expect, it } from 'vitest';
import { costRows, differenceRows, signed, verdictOf } from '../../src/ui/compare/differences.ts';
import { buildReport } from '../../src/model/report.ts';
import { compareStats } from '../../src/stats/compare.ts';
import { runReplication } from '../../src/model/run.ts';
import { parseScenario } from '../../src/scenario/index.ts';
import baseline from '../../scenarios/baseline.json' with { type: 'json' };

describe('verdictOf', () => {
  it('calls a change better or worse only when the whole CI is on one side of zero', () => {
    expect(verdictOf({ mean: 0.04, ci95: [0.03, 0.05] }, 'up')).toBe('better');
    expect(verdictOf({ mean: 0.04, ci95: [0.03, 0.05] }, 'down')).toBe('worse');
    expect(verdictOf({ mean: 0.01, ci95: [-0.01, 0.03] }, 'up')).toBe('no clear change');
    expect(verdictOf({ mean: 0.01, ci95: null }, 'up')).toBe('');
    expect(verdictOf({ mean: -0.1, ci95: [-0.12, -0.08] }, 'neither')).toBe('lower');
  });
});

describe('signed', () => {
  it('writes the sign and the CI with typographic minus signs', () => {
    expect(signed({ mean: -0.016, ci95: [-0.02, -0.013] }, (x) => `${(x * 100).toFixed(1)} %`)).toBe('−1.6 % (95 % CI −2.0 % to −1.3 %)');
  });
});

describe('differenceRows', () => {
  it('lists the headline measures and every staff group with both means and the paired difference', () => {
    const json = { ...baseline, horizon: { ...baseline.horizon, days: 3, warmupDays: 1 } };
    const more = { ...json, staffing: { ...json.staffing, shrinkage: 0.1 } };
    const [pa, pb] = [parseScenario(json), parseScenario(more)];
    if (!pa.ok || !pb.ok) throw new Error('invalid');
    const ra = [0, 1].map((i) => runReplication(pa.scenario, 's', i));
    const rb = [0, 1].map((i) => runReplication(pb.scenario, 's', i));
    const rows = differenceRows(buildReport(pa.scenario, 's', ra), buildReport(pb.scenario, 's', rb), compareStats(ra, rb));
    expect(rows.map((r) => r.key)).toContain('999.serviceLevel');
    expect(rows.find((r) => r.key.startsWith('staff.call-handlers'))?.label).toBe('Occupancy: Call handlers (999 and 101)');
    for (const r of rows) expect(r.difference).toMatch(/^([+−±]|no change$)/);
    // Shares differ in percentage points; paid hours and cost come first, exact.
    expect(rows.find((r) => r.key === '999.serviceLevel')!.difference).toMatch(/^[+−±]\d+\.\d points? \(95 % CI /);
    expect(rows.slice(0, 2).map((r) => r.key)).toEqual(['cost.paidHoursPerWeek', 'cost.costPerWeek']);
  });

  it('gives the exact change in paid hours and cost a week', () => {
    const report = (paid: number, cost: number) => ({ cost: { paidHoursPerWeek: paid, costPerWeek: cost } }) as Parameters<typeof costRows>[0];
    expect(costRows(report(1000, 21000), report(1054.5, 22150))).toEqual([
      { key: 'cost.paidHoursPerWeek', label: 'Paid hours a week', a: '1,000 h', b: '1,054.5 h', difference: '+54.5 h', verdict: 'higher' },
      { key: 'cost.costPerWeek', label: 'Staff cost a week', a: '£21,000', b: '£22,150', difference: '+£1,150', verdict: 'higher' },
    ]);
    expect(costRows(report(10, 0), report(10, 0))).toEqual([
      { key: 'cost.paidHoursPerWeek', label: 'Paid hours a week', a: '10 h', b: '10 h', difference: 'no change', verdict: '' },
    ]);
  });
});
