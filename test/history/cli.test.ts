import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = join(import.meta.dirname, '../../bin/occsim.js');
const sample = join(import.meta.dirname, '../../seeds/sample-history.csv');
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'occsim-demand-'));

describe('occsim demand', () => {
  it('fit --json prints the contract shape and rows read/skipped', () => {
    const r = run('demand', 'fit', sample, '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    for (const c of ['999', '101']) {
      const ch = out.channels[c];
      expect(ch.callsPerDay).toBeGreaterThan(0);
      expect(ch.hourOfWeek).toHaveLength(168);
      expect(ch.month).toHaveLength(12);
      const mean = ch.hourOfWeek.reduce((a: number, b: number) => a + b) / 168;
      expect(mean).toBeCloseTo(1, 3);
    }
    expect(out.rows.read).toBeGreaterThan(5000);
    expect(out.rows.skipped).toBe(0);
    expect(r.stderr).toMatch(/rows read/);
  });

  it('fit says a one-call history is too little to judge, in the right number', () => {
    const file = join(dir, 'one.csv');
    writeFileSync(file, 'timestamp,channel\n2024-01-03T10:20,999\n');
    const r = run('demand', 'fit', file);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('one.csv: 1 row read, 1 used, 0 skipped');
    expect(r.stdout).toContain('History 2024-01-03 to 2024-01-03: 1 day with calls.');
    expect(r.stdout).toContain('MAPE     not judged: too little history (1 day), the fitted shape repeats it');
    expect(r.stdout).toContain('Note: only 1 day of history: too little to judge the fit');
    expect(r.stdout).not.toMatch(/\b1 (days|rows)\b|0 or so hours|hourly 0\.0 %/);
  });

  it('fit reports bad rows with row numbers on stderr, and --strict makes them fatal', () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'timestamp,channel\n2024-01-01T10:00,999\n31/02/2020 25:00,999\n2024-01-01T11:00,112\n');
    const r = run('demand', 'fit', file);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('3 rows read, 1 used, 2 skipped');
    expect(r.stderr).toContain('row 3: timestamp "31/02/2020 25:00" is not a date');
    expect(r.stderr).toContain('row 4: channel "112" is not one of 999, 101, online');
    const strict = run('demand', 'fit', file, '--strict');
    expect(strict.status).toBe(2);
    expect(strict.stderr).toContain('--strict');
    expect(strict.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('fit rejects a file it cannot read with exit 2 and no stack', () => {
    const file = join(dir, 'header.csv');
    writeFileSync(file, 'when,where\n1,2\n');
    const r = run('demand', 'fit', file);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('names neither layout');
    expect(run('demand', 'fit', join(dir, 'missing.csv')).status).toBe(2);
    expect(run('demand', 'fit', sample, '--event', 'July 4').status).toBe(2);
  });

  it('holidays --json prints the year’s bank holidays', () => {
    const r = run('demand', 'holidays', '2022', '--json');
    expect(r.status).toBe(0);
    const list = JSON.parse(r.stdout);
    expect(list).toHaveLength(10);
    expect(list[0]).toEqual({ date: '2022-01-03', name: "New Year's Day (substitute day)" });
    expect(run('demand', 'holidays', 'next').status).toBe(2);
  });

  it('synth writes a reproducible CSV that fit reads back', () => {
    const a = run('demand', 'synth', '--days', '2', '--seed', 'q');
    const b = run('demand', 'synth', '--days', '2', '--seed', 'q');
    expect(a.status).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout.split('\n')[0]).toBe('timestamp,channel,callType');
    const file = join(dir, 'synth.csv');
    expect(run('demand', 'synth', '--days', '7', '--scale', '0.2', '--out', file).status).toBe(0);
    expect(run('demand', 'fit', file, '--json').status).toBe(0);
    expect(run('demand', 'synth', '--start', '2024-13-01').status).toBe(2);
  });

  it('forecast --json gives a scenario demand section with a prediction interval', () => {
    const r = run('demand', 'forecast', sample, '--start', '2024-08-19', '--days', '14', '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.horizon).toEqual({ startDate: '2024-08-19', days: 14, warmupDays: 0 });
    expect(out.demand.channels['999'].hourOfWeek).toHaveLength(168);
    expect(out.demand.specialDays).toEqual([{ date: '2024-08-26', factor: 1, name: 'bank holiday' }]);
    expect(out.daily).toHaveLength(14);
    const d = out.daily[0].channels['999'];
    expect(d.low).toBeLessThan(d.calls);
    expect(d.high).toBeGreaterThan(d.calls);
  });

  it('unknown subcommands are bad input', () => {
    expect(run('demand', 'fly').status).toBe(2);
  });
});

describe('occsim staff', () => {
  const scenarioFile = join(dir, 'staff.json');
  writeFileSync(
    scenarioFile,
    JSON.stringify({
      name: 'Staff test',
      horizon: { startDate: '2025-01-06', days: 7 },
      demand: { profile: 'flat', channels: { '999': { callsPerDay: 480 }, '101': { callsPerDay: 960 } } },
      handling: { '999': { talkMinutes: { dist: 'exponential', mean: 5 } }, '101': { talkMinutes: { dist: 'exponential', mean: 6 } } },
      patience: { '101': { dist: 'exponential', mean: 4 } },
      staffing: { fixed: 12, shrinkage: 0.25 },
    }),
  );

  it('--json prints the requirement of every interval of the first week', () => {
    const r = run('staff', scenarioFile, '--interval', '30', '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.intervals).toHaveLength(7 * 48 * 2);
    const first = out.intervals[0];
    expect(Object.keys(first)).toEqual(expect.arrayContaining(['start', 'channel', 'offeredPerHour', 'erlangC', 'erlangA']));
    expect(first.start).toBe('2025-01-06T00:00');
    expect(out.floor).toHaveLength(7 * 48);
    // Fixed staffing is always on duty: shrinkage applies to shifts (drawn per shift and day), as in the simulation.
    expect(out.floor[0].onFloor).toBe(12);
  });

  it('prints a table with short intervals marked, and rejects bad input with exit 2', () => {
    const r = run('staff', scenarioFile, '--interval', '60', '--days', '1');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('2025-01-06 23:00');
    expect(r.stdout).toMatch(/intervals have fewer handlers on the floor/);
    expect(run('staff', scenarioFile, '--interval', '20').status).toBe(2);
    expect(run('staff', join(dir, 'nope.json')).status).toBe(2);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"name": "x"}');
    const b = run('staff', bad);
    expect(b.status).toBe(2);
    expect(b.stderr).toMatch(/problem/);
  });
});

describe('occsim staff --simulate', () => {
  it('sets the formulas beside the simulated service level for each hour of the week', () => {
    const file = join(dir, 'sim.json');
    writeFileSync(
      file,
      JSON.stringify({
        name: 'Sim check',
        horizon: { startDate: '2025-01-06', days: 7 },
        demand: { profile: 'flat', channels: { '999': { callsPerDay: 240 }, '101': { callsPerDay: 480 } } },
        handling: { '999': { talkMinutes: { dist: 'exponential', mean: 5 } }, '101': { talkMinutes: { dist: 'exponential', mean: 6 } } },
        staffing: { fixed: 8 },
      }),
    );
    const r = run('staff', file, '--simulate', '--replications', '2', '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.hours).toHaveLength(168);
    expect(out.hours[0]).toMatchObject({ label: 'Mon 00:00', onFloorRota: 8 });
    expect(['met', 'missed', 'uncertain']).toContain(out.hours[0].simulated);
  });
});
