import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/scenario/index.ts';
import { expandSweep, parseSweep } from '../../src/sweep/expand.ts';
import { sweepJsonSchema } from '../../src/sweep/schema.ts';
import { parseSweepTable, sweepTableCsv, type SweepTable } from '../../src/sweep/table.ts';

const sweeps = join(import.meta.dirname, '..', '..', 'scenarios', 'sweeps');

const targets = { '999': { within: 10, share: 0.9 }, '101': { within: 60, share: 0.8 }, online: { within: 24, share: 0.9 } };

const table: SweepTable = {
  format: 'occsim-sweep-table',
  version: 1,
  sweep: 's',
  seed: 'x',
  replications: 2,
  axes: ['force'],
  points: [
    {
      id: 'a',
      labels: { force: 'Avon, "Somerset"' },
      scenario: 'A',
      cost: { paidHoursPerWeek: 10, costPerWeek: 200 },
      standards: { '999': 'met', '101': 'missed', online: 'no demand' },
      targets,
      standardsMet: 1,
      kpis: { '999.serviceLevel': { mean: 0.93, ci95: [0.9, 0.96] }, '101.offered': { mean: 3, ci95: null } },
    },
    {
      id: 'b',
      labels: { force: '=SUM(A1)' },
      scenario: 'B',
      cost: { paidHoursPerWeek: 12, costPerWeek: 240 },
      standards: { '999': 'uncertain', '101': 'met', online: 'met' },
      targets,
      standardsMet: 2,
      kpis: { '999.serviceLevel': { mean: -0.5, ci95: [-1, 0] }, 'staff.x.utilisation': { mean: 0.5, ci95: [0.4, 0.6] } },
    },
  ],
};

describe('sweepTableCsv', () => {
  it('sweepTableCsv writes mean, lo and hi of every KPI any point has, quoting text that needs it', () => {
    expect(sweepTableCsv(table).split('\n')).toEqual([
      'id,force,costPerWeek,paidHoursPerWeek,standardsMet,standard.999,standard.101,standard.online,999.serviceLevel,999.serviceLevel.lo,999.serviceLevel.hi,101.offered,101.offered.lo,101.offered.hi,staff.x.utilisation,staff.x.utilisation.lo,staff.x.utilisation.hi',
      'a,"Avon, ""Somerset""",200,10,1,met,missed,no demand,0.93,0.9,0.96,3,,,,,',
      "b,'=SUM(A1),240,12,2,uncertain,met,met,-0.5,-1,0,,,,0.5,0.4,0.6",
      '',
    ]);
  });
});

describe('parseSweepTable', () => {
  it('parseSweepTable accepts a table and drops its timing', () => {
    const r = parseSweepTable(JSON.parse(JSON.stringify({ ...table, timing: { tasks: 2 } })));
    expect(r).toEqual({ ok: true, table });
  });

  it('parseSweepTable names what is wrong', () => {
    const r = parseSweepTable({ format: 'occsim-shard' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map(formatProblem)[0]).toMatch(/^format: expected "occsim-sweep-table"/);
    const bad = parseSweepTable({ ...table, points: [{ ...table.points[0], standards: { '999': 'good', '101': 'met', online: 'met' } }] });
    expect(bad.ok ? [] : bad.problems.map(formatProblem)).toEqual([expect.stringMatching(/^points\.0\.standards\.999: expected one of "met"/)]);
  });
});

describe('the ready sweeps in scenarios/sweeps', () => {
  const files = readdirSync(sweeps).filter((f) => f.endsWith('.json') && f !== 'sweep.schema.json');

  it.each(files)('%s expands into valid points', (file) => {
    const json = JSON.parse(readFileSync(join(sweeps, file), 'utf8'));
    expect(json.$schema).toBe('./sweep.schema.json');
    const parsed = parseSweep(json);
    if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join('\n'));
    const base = JSON.parse(readFileSync(join(sweeps, parsed.value.base as string), 'utf8'));
    const plan = expandSweep(parsed.value, base, (f) => readFileSync(join(dirname(join(sweeps, file)), f), 'utf8'));
    expect(plan.ok ? [] : plan.problems.map(formatProblem)).toEqual([]);
  });

  it('publishes the current JSON Schema (regenerate with `occsim sweep schema > scenarios/sweeps/sweep.schema.json`)', () => {
    const committed = JSON.parse(readFileSync(join(sweeps, 'sweep.schema.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(sweepJsonSchema())));
  });
});
