/**
 * Staff changes carry any headcount the scenario allows: at the top of the range (10,000 a shift,
 * and several shifts together beyond 16 bits), the simulation puts them all on the floor, and
 * `occsim run` and `occsim staff` agree on the number.
 */
import { describe, expect, it } from 'vitest';
import { MAX_HEADCOUNT } from '../../src/scenario/schema.ts';
import { runReplication } from '../../src/model/run.ts';
import { occsim } from '../cli/run-cli.ts';
import { scenario } from './scenarios.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const oneDay = (staffing: object) => ({
  name: 'many-staff',
  horizon: { days: 1, warmupDays: 0 },
  demand: { profile: 'flat', channels: { '101': { callsPerDay: 200 } } },
  handling: { '101': { talkMinutes: { dist: 'exponential', mean: 6 } } },
  staffing,
});

describe('staff changes at the top of the headcount range', () => {
  it('puts four full shifts of the largest headcount on the floor together', () => {
    const shift = { group: 'all', start: '00:00', hours: 24, staff: MAX_HEADCOUNT };
    const s = scenario(oneDay({ groups: [{ id: 'all', skills: ['999', '101'] }], shifts: [shift, shift, shift, shift] }));
    const r = runReplication(s, 'x', 0);
    const samples = r.byHour.samples.reduce((a, b) => a + b, 0);
    const staff = r.byHour.staffOnFloor.reduce((a, b) => a + b, 0);
    expect(staff / samples).toBe(4 * MAX_HEADCOUNT);
    // Integrated in floating point, event by event: equal up to rounding.
    expect(r.groups['all']!.floorSeconds / (4 * MAX_HEADCOUNT * 86_400)).toBeCloseTo(1, 12);
  });

  it('gives the same staff on the floor in `run` and `staff` for the largest fixed headcount', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'occsim-presence-')), 'big.json');
    writeFileSync(file, JSON.stringify(oneDay({ fixed: MAX_HEADCOUNT })));
    const run = occsim(['run', file, '--replications', '1', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const simulated = (JSON.parse(run.stdout) as { byHourOfWeek: { staffOnFloor: ({ mean: number } | null)[] } }).byHourOfWeek.staffOnFloor;
    const staff = occsim(['staff', file, '--json']);
    expect(staff.code, staff.stderr).toBe(0);
    const planned = (JSON.parse(staff.stdout) as { floor: { start: string; onFloor: number }[] }).floor;
    // Monday (the default start) hour by hour: the run's samples against the planner's intervals.
    const mondayPlanned = planned.filter((f) => f.start.startsWith('2025-01-06')).map((f) => f.onFloor);
    expect(mondayPlanned.length).toBeGreaterThan(0);
    expect(new Set(mondayPlanned)).toEqual(new Set([MAX_HEADCOUNT]));
    expect(simulated.slice(0, 24).map((e) => e?.mean)).toEqual(new Array(24).fill(MAX_HEADCOUNT));
  });
});
