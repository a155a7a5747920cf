import { describe, expect, it } from 'vitest';
import { inputChanges } from '../../src/ui/compare/input-changes.ts';
import { parseScenario, type Scenario } from '../../src/scenario/index.ts';
import baseline from '../../scenarios/baseline.json' with { type: 'json' };

const parsed = (json: unknown): Scenario => {
  const p = parseScenario(json);
  if (!p.ok) throw new Error(JSON.stringify(p.problems));
  return p.scenario;
};

describe('inputChanges', () => {
  it('finds nothing between a scenario and itself', () => {
    expect(inputChanges(parsed(baseline), parsed(baseline))).toEqual({ changes: [], warnings: [] });
  });

  it('names the shift, the group and what changed: headcount, start, length; and the shrinkage', () => {
    const b = structuredClone(baseline) as typeof baseline;
    const night = b.staffing.shifts.findIndex((s) => s.name === 'Nights (break plan A)');
    b.staffing.shifts[night]!.staff += 2;
    b.staffing.shifts[night]!.start = '21:30';
    b.staffing.shifts[0]!.hours = 10;
    b.staffing.shrinkage = 0.3;
    const { changes, warnings } = inputChanges(parsed(baseline), parsed(b));
    const n = baseline.staffing.shifts[night]!;
    expect(changes).toContain(`Nights (break plan A) (Call handlers (999 and 101)): ${n.staff} → ${n.staff + 2} staff, starts ${n.start} → 21:30`);
    expect(changes.some((c) => c.endsWith(`${baseline.staffing.shifts[0]!.hours} → 10 hours`))).toBe(true);
    expect(changes).toContain(`Shrinkage: ${+(baseline.staffing.shrinkage * 100).toFixed(1)} % → 30 %`);
    expect(warnings).toEqual([]);
  });

  it('warns when the period or the demand differ', () => {
    const b = structuredClone(baseline) as typeof baseline;
    b.horizon.days += 7;
    b.demand.channels['999'].callsPerDay = 330;
    const { changes, warnings } = inputChanges(parsed(baseline), parsed(b));
    expect(changes).toContain('999 demand per day: 300 → 330');
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/different periods/);
    expect(warnings[1]).toMatch(/^Demand differs/);
  });

  it('lists shifts added and removed, and a changed cost per hour', () => {
    const b = structuredClone(baseline) as typeof baseline;
    const removed = b.staffing.shifts.pop()!;
    b.staffing.groups[0]!.costPerHour = 22.5;
    const { changes } = inputChanges(parsed(baseline), parsed(b));
    expect(changes).toContain(`Shift removed: ${removed.name} (${baseline.staffing.groups.find((g) => g.id === removed.group)!.name}), ${removed.staff} staff ${removed.start} for ${removed.hours} h`);
    expect(changes).toContain('Call handlers (999 and 101): cost per hour £21 → £22.50');
  });
});
