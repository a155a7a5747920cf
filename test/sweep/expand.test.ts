import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { formatProblem } from '../../src/scenario/index.ts';
import { expandSweep, parseSweep, slug, tasksOf, type SweepPlan } from '../../src/sweep/expand.ts';

const mm8 = JSON.parse(readFileSync(new URL('../fixtures/mm8.json', import.meta.url), 'utf8')) as Record<string, unknown>;

const rota = {
  name: 'Two groups',
  horizon: { days: 7 },
  demand: { profile: 'flat', channels: { '999': { callsPerDay: 100 }, '101': { callsPerDay: 300 } } },
  handling: {
    '999': { talkMinutes: { dist: 'exponential', mean: 3 } },
    '101': { talkMinutes: { dist: 'exponential', mean: 5 } },
  },
  staffing: {
    groups: [
      { id: 'all', skills: ['999', '101'], costPerHour: 20 },
      { id: 'desk', skills: ['101'], costPerHour: 15 },
    ],
    shifts: [
      { group: 'all', start: '07:00', hours: 12, staff: 5 },
      { group: 'all', start: '19:00', hours: 12, staff: 3 },
      { group: 'desk', start: '08:00', hours: 8, staff: 4 },
    ],
  },
};

function expand(sweep: object, base: Record<string, unknown> = rota, csv: Record<string, string> = {}) {
  const parsed = parseSweep(sweep);
  if (!parsed.ok) return { problems: parsed.problems.map(formatProblem) };
  const plan = expandSweep(parsed.value, base, (f) => csv[f]!);
  return plan.ok ? { plan: plan.value } : { problems: plan.problems.map(formatProblem) };
}

function planOf(sweep: object, base?: Record<string, unknown>, csv?: Record<string, string>): SweepPlan {
  const r = expand(sweep, base, csv);
  if (!r.plan) throw new Error(r.problems!.join('\n'));
  return r.plan;
}

const staffOf = (p: SweepPlan, id: string) => (p.points.find((x) => x.id === id)!.scenario.staffing as { shifts: { staff: number }[] }).shifts.map((s) => s.staff);

describe('expandSweep', () => {
  it('expandSweep makes one point per combination, first axis outermost, ids from the labels', () => {
    const plan = planOf({
      name: 's',
      base: 'x',
      axes: [
        { name: 'rota', variants: [{ label: 'Base' }, { label: '+2 days', staff: [{ group: 'all', delta: 2, start: '07:00' }] }] },
        { name: 'demand', variants: [{ label: '×1' }, { label: '×1.1', demandFactor: 1.1 }, { label: 'more 999', demandFactor: { '999': 1.5 } }] },
      ],
    });
    expect(plan.points.map((p) => p.id)).toEqual([
      'base--x1',
      'base--x1-1',
      'base--more-999',
      'plus2-days--x1',
      'plus2-days--x1-1',
      'plus2-days--more-999',
    ]);
    expect(plan.points[4]!.labels).toEqual({ rota: '+2 days', demand: '×1.1' });
    expect(plan.points[4]!.scenario.name).toBe('Two groups · +2 days · ×1.1');
    expect(staffOf(plan, 'plus2-days--x1')).toEqual([7, 3, 4]);
    expect(staffOf(plan, 'base--x1')).toEqual([5, 3, 4]);
    const demand = (id: string) => (plan.points.find((p) => p.id === id)!.scenario.demand as { channels: Record<string, { callsPerDay: number }> }).channels;
    expect(demand('base--x1-1')['101']!.callsPerDay).toBeCloseTo(330);
    expect(demand('base--more-999')['999']!.callsPerDay).toBe(150);
    expect(demand('base--more-999')['101']!.callsPerDay).toBe(300);
    expect(plan.seed).toBe('occsim');
  });

  it('expandSweep keeps a point id when another variant is added', () => {
    const one = planOf({ name: 's', base: 'x', axes: [{ name: 'a', variants: [{ label: 'Low' }, { label: 'High' }] }] });
    const two = planOf({ name: 's', base: 'x', axes: [{ name: 'a', variants: [{ label: 'Mid' }, { label: 'Low' }, { label: 'High' }] }] });
    expect(two.points.map((p) => p.id)).toEqual(expect.arrayContaining(one.points.map((p) => p.id)));
    expect(two.points.find((p) => p.id === 'high')!.scenario).toEqual(one.points.find((p) => p.id === 'high')!.scenario);
  });

  it('expandSweep sets dotted fields and scales the rota by a staff factor, rounded to whole handlers', () => {
    const plan = planOf({
      name: 's',
      base: 'x',
      axes: [{ name: 'a', variants: [{ label: 'v', set: { 'staffing.shrinkage': 0.3, 'staffing.shifts.1.hours': 10 }, staffFactor: 1.25 }] }],
    });
    const staffing = plan.points[0]!.scenario.staffing as { shrinkage: number; shifts: { staff: number; hours: number }[] };
    expect(staffing.shrinkage).toBe(0.3);
    expect(staffing.shifts[1]!.hours).toBe(10);
    expect(staffing.shifts.map((s) => s.staff)).toEqual([6, 4, 5]);
  });

  it('expandSweep reads a CSV axis: calls per day per channel and headcount against the base headcount', () => {
    const csv = 'name,999,101,headcount,staffing.shrinkage\nNorthshire,200,600,24,0.2\nSouthshire,50,,6,\n';
    const plan = planOf({ name: 's', base: 'x', axes: [{ name: 'force', csv: 'forces.csv', baseHeadcount: 12 }] }, rota, { 'forces.csv': csv });
    expect(plan.points.map((p) => p.id)).toEqual(['northshire', 'southshire']);
    const [north, south] = plan.points.map((p) => p.scenario as typeof rota & { staffing: { shrinkage?: number } });
    expect(north!.demand.channels['999'].callsPerDay).toBe(200);
    expect(north!.demand.channels['101'].callsPerDay).toBe(600);
    expect(north!.staffing.shrinkage).toBe(0.2);
    expect(north!.staffing.shifts.map((s) => s.staff)).toEqual([10, 6, 8]);
    expect(south!.demand.channels['101'].callsPerDay).toBe(300);
    expect(south!.staffing.shifts.map((s) => s.staff)).toEqual([3, 2, 2]);
    expect(south!.staffing.shrinkage).toBeUndefined();
  });

  it('expandSweep adds handlers to fixed staffing through the "handlers" group', () => {
    const plan = planOf({ name: 's', base: 'x', axes: [{ name: 'a', variants: [{ label: 'minus 2', staff: [{ group: 'handlers', delta: -2 }] }] }] }, mm8);
    expect((plan.points[0]!.scenario.staffing as { fixed: number }).fixed).toBe(6);
  });

  it('tasksOf lists every shard of every point in point order', () => {
    const plan = planOf({ name: 's', base: 'x', replications: 5, shards: 2, axes: [{ name: 'a', variants: [{ label: 'A' }, { label: 'B' }] }] });
    expect(tasksOf(plan)).toEqual([
      { point: 'a', k: 1, n: 2 },
      { point: 'a', k: 2, n: 2 },
      { point: 'b', k: 1, n: 2 },
      { point: 'b', k: 2, n: 2 },
    ]);
  });

  it('slug makes file-name safe ids', () => {
    expect(slug('+2 nights ×1.1')).toBe('plus2-nights-x1-1');
    expect(slug('  Avon & Somerset  ')).toBe('avon-somerset');
  });
});

describe('bad sweep files name the field and what was expected', () => {
  it.each([
    [{ base: 'x', axes: [] }, 'name: required'],
    [{ name: 's', base: 'x', replications: 0 }, 'replications: expected a number ≥ 1, got 0'],
    [{ name: 's', base: 'x', replications: 2, shards: 3 }, 'shards: expected at most the 2 replications, got 3'],
    [{ name: 's', base: 'x', axes: [{ name: 'a', variants: [{ label: 'v', sett: {} }] }] }, 'axes.0.variants.0: unknown field "sett"'],
    [{ name: 's', base: 'x', axes: [{ name: 'a' }] }, 'axes.0: expected either "variants" or "csv"'],
    [{ name: 's', base: 'x', axes: [{ name: 'a', variants: [{ label: 'A' }] }, { name: 'a', variants: [{ label: 'B' }] }] }, 'axes.1.name: another axis is already named "a"'],
    [
      { name: 's', base: 'x', axes: [{ name: 'a', variants: [{ label: 'x 1' }, { label: 'X-1' }] }] },
      'axes.0.variants.1.label: "X-1" gives the id "x-1", as does "x 1"',
    ],
    [
      { name: 's', base: 'x', axes: [{ name: 'a', variants: [{ label: 'v', staff: [{ group: 'nights', delta: 1 }] }] }] },
      'axes.0.variants.0.staff.0.group: no shift of group "nights" in the base scenario',
    ],
    [
      { name: 's', base: 'x', axes: [{ name: 'a', variants: [{ label: 'v', staff: [{ group: 'all', delta: -4, start: '19:00' }] }] }] },
      'axes.0.variants.0.staff.0.delta: would leave -1 staff on the 19:00 shift',
    ],
    [
      { name: 's', base: 'x', axes: [{ name: 'a', variants: [{ label: 'v', demandFactor: { online: 2 } }] }] },
      'axes.0.variants.0.demandFactor.online: the base scenario has no online demand to scale',
    ],
    [
      { name: 's', base: 'x', axes: [{ name: 'a', variants: [{ label: 'Neg', set: { 'staffing.shrinkage': 2 } }] }] },
      'point "neg": staffing.shrinkage: expected a number ≤ 0.95, got 2',
    ],
  ])('%j', (sweep, message) => {
    const r = expand(sweep);
    expect(r.problems).toEqual(expect.arrayContaining([expect.stringContaining(message)]));
  });

  it('a bad CSV cell names the file, row and column', () => {
    const r = expand({ name: 's', base: 'x', axes: [{ name: 'force', csv: 'f.csv' }] }, rota, { 'f.csv': 'name,999\nA,12\nB,lots\n' });
    expect(r.problems).toEqual(['axes.0.csv: f.csv: row 3, column "999": expected a number ≥ 0, got "lots"']);
  });

  it('a CSV with headcount needs the base headcount', () => {
    const r = expand({ name: 's', base: 'x', axes: [{ name: 'force', csv: 'f.csv' }] }, rota, { 'f.csv': 'name,headcount\nA,12\n' });
    expect(r.problems).toEqual([expect.stringMatching(/^axes\.0\.baseHeadcount: required with the "headcount" column of f\.csv/)]);
  });

  it('an invalid base scenario is reported under "base"', () => {
    const r = expand({ name: 's', base: 'x' }, { ...rota, horizon: { days: 0 } });
    expect(r.problems).toEqual(['base: horizon.days: expected a number ≥ 1, got 0']);
  });
});
