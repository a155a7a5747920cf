import { readFileSync } from 'node:fs';
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
    expect(inputChanges(parsed(baseline), parsed(baseline))).toEqual({ changes: [], rotaLines: 0, warnings: [] });
  });

  it('names 999 calls taken for a neighbouring force as a change of demand, and the 101 triage step', () => {
    const neighbour = parsed(JSON.parse(readFileSync('scenarios/neighbour-overflow.json', 'utf8')));
    const { changes, warnings } = inputChanges(parsed(baseline), neighbour);
    expect(changes).toEqual(['999 calls taken for neighbouring forces: none → 1 period']);
    expect(warnings).toEqual([expect.stringMatching(/^Demand differs/)]);

    const b = structuredClone(baseline) as typeof baseline & { triage101?: object };
    b.triage101 = { mode: 'automated', toOnline: 0.1 };
    const c = structuredClone(b);
    c.triage101 = { mode: 'automated', toOnline: 0.2 };
    expect(inputChanges(parsed(baseline), parsed(b)).changes).toEqual(['101 triage step: none → automated']);
    expect(inputChanges(parsed(b), parsed(c)).changes).toEqual(['101 triage step: automated → automated (routes, screening or call-back target differ)']);
  });

  it('never says nothing differs when an input it has no words for differs', () => {
    const a = parsed(baseline);
    const b = { ...a, demand: { ...a.demand, surge: 2 }, staffLounge: true } as unknown as Scenario;
    expect(inputChanges(a, b).changes).toEqual(['Demand: surge differs', 'staffLounge differs']);
    // A name, a description or a seed do not change what a Compare simulates.
    expect(inputChanges(a, { ...a, name: 'Other', description: 'x', seed: 'other' }).changes).toEqual([]);
  });

  it('tells apart two changed shifts of a group under one name by their times, and counts the rota lines', () => {
    const a = structuredClone(baseline) as typeof baseline;
    const extra = (start: string, staff: number) => ({ ...a.staffing.shifts[0]!, name: 'New shift', start, staff });
    a.staffing.shifts.push(extra('10:00', 1), extra('16:00', 1));
    const b = structuredClone(a);
    b.staffing.shifts.at(-2)!.staff = 2;
    b.staffing.shifts.at(-1)!.staff = 3;
    b.staffing.shrinkage = 0.3;
    const { changes, rotaLines } = inputChanges(parsed(a), parsed(b));
    const days = a.staffing.shifts[0]!.days.join(' ');
    const hours = a.staffing.shifts[0]!.hours;
    expect(changes.slice(0, rotaLines)).toEqual([
      `New shift 10:00, ${hours} h, ${days} (Call handlers (999 and 101)): 1 → 2 staff`,
      `New shift 16:00, ${hours} h, ${days} (Call handlers (999 and 101)): 1 → 3 staff`,
    ]);
    expect(changes.slice(rotaLines)).toEqual(['Shrinkage: 25 % → 30 %']);
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

  it('writes a removed shift as the staff lost on its times, and a changed cost per hour', () => {
    const b = structuredClone(baseline) as typeof baseline;
    const removed = b.staffing.shifts.pop()!;
    b.staffing.groups[0]!.costPerHour = 22.5;
    const { changes } = inputChanges(parsed(baseline), parsed(b));
    expect(removed.start).toBe('14:00');
    expect(changes).toContain(`Digital desk (online reports): −${removed.staff} on 14:00–22:00 (8 h) every day`);
    expect(changes).toContain('Call handlers (999 and 101): cost per hour £21 → £22.50');
  });

  it('reads a move of two handlers from earlies to lates as two changed shifts', () => {
    const b = structuredClone(baseline) as typeof baseline;
    b.staffing.shifts.find((s) => s.name === 'Earlies (break plan A)')!.staff -= 2;
    b.staffing.shifts.find((s) => s.name === 'Lates (break plan A)')!.staff += 2;
    expect(inputChanges(parsed(baseline), parsed(b)).changes).toEqual([
      'Earlies (break plan A) (Call handlers (999 and 101)): 6 → 4 staff',
      'Lates (break plan A) (Call handlers (999 and 101)): 6 → 8 staff',
    ]);
  });

  it('matches shifts by what they are, not by their place in the list', () => {
    const b = structuredClone(baseline) as typeof baseline;
    b.staffing.shifts.reverse();
    expect(inputChanges(parsed(baseline), parsed(b)).changes).toEqual([]);
  });

  it('calls a shift renamed only when nothing but its name changed', () => {
    const b = structuredClone(baseline) as typeof baseline;
    b.staffing.shifts.reverse();
    b.staffing.shifts.find((s) => s.name === 'Nights (break plan B)')!.name = 'Overnight (plan B)';
    expect(inputChanges(parsed(baseline), parsed(b)).changes).toEqual(['Shift renamed: Nights (break plan B) → Overnight (plan B) (Call handlers (999 and 101))']);
  });

  it('words a regenerated rota, as a proposal lists it, as the net change in staff per group, time and day', () => {
    // A proposal lists one shift per group, times, break plan and set of days, in its own order and
    // under its own names; here it keeps the baseline's cover and adds two night handlers on Fri and Sat.
    const groupName = new Map(baseline.staffing.groups.map((g) => [g.id, g.name]));
    const proposed = baseline.staffing.shifts.flatMap((s) =>
      s.days.map((day) => ({
        ...s,
        name: `${groupName.get(s.group)}: ${s.start} ${s.hours} h (${s.name.slice(s.name.indexOf('(') + 1, -1)})`,
        days: [day],
        staff: s.staff + (s.name === 'Nights (break plan A)' && (day === 'Fri' || day === 'Sat') ? 2 : 0),
      })),
    );
    const b = { ...baseline, staffing: { ...baseline.staffing, shifts: proposed.reverse() } };
    const { changes } = inputChanges(parsed(baseline), parsed(b));
    expect(changes).toEqual([
      '101 handlers: the same staff at the same times, split into other shifts or break plans',
      'Call handlers (999 and 101): +2 on 23:00–07:00 (8 h) Fri and Sat',
      'Digital desk (online reports): the same staff at the same times, split into other shifts or break plans',
    ]);
  });
});
