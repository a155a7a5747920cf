import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { occsim, root, withoutTiming } from './run-cli.ts';

const tmp = mkdtempSync(join(tmpdir(), 'occsim-sweep-'));
const sweepFile = join(root, 'test/fixtures/sweep/small.json');
const small = JSON.parse(readFileSync(sweepFile, 'utf8'));

/** The small sweep with other settings, written beside the fixture's base scenario. */
function variantOf(name: string, changes: object): string {
  const file = join(tmp, `${name}.json`);
  writeFileSync(file, JSON.stringify({ ...small, base: join(root, 'test/fixtures/mm8.json'), ...changes }));
  return file;
}

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

describe('occsim sweep run --local', () => {
  const one = join(tmp, 'one');
  const three = join(tmp, 'three');
  const first = occsim(['sweep', 'run', sweepFile, '--local', '--out', one, '--workers', '2']);

  it('writes a table with one row per point, every KPI with its CI, cost and standards', () => {
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/4 tasks, 0 already done, 4 to run/);
    const table = JSON.parse(read(one, 'table.json'));
    expect(table).toMatchObject({ format: 'occsim-sweep-table', sweep: 'M/M/c small sweep', seed: 'sweep', replications: 3, axes: ['handlers', 'demand'] });
    expect(table.points.map((p: { id: string }) => p.id)).toEqual(['8-handlers--x1', '8-handlers--x1-2', 'plus1-handler--x1', 'plus1-handler--x1-2']);
    const row = table.points[0];
    expect(row.labels).toEqual({ handlers: '8 handlers', demand: '×1' });
    expect(row.kpis['101.serviceLevel'].ci95).toHaveLength(2);
    expect(row.standards['101']).toMatch(/^(met|missed|uncertain)$/);
    expect(row.cost).toEqual({ paidHoursPerWeek: expect.any(Number), costPerWeek: expect.any(Number) });
    // More demand on the same staff waits longer; one more handler waits less.
    const wait = (i: number) => table.points[i].kpis['101.meanWaitSeconds'].mean;
    expect(wait(1)).toBeGreaterThan(wait(0));
    expect(wait(2)).toBeLessThan(wait(0));
    const csv = read(one, 'table.csv').trim().split('\n');
    expect(csv).toHaveLength(5);
    expect(csv[0]).toMatch(/^id,handlers,demand,costPerWeek,paidHoursPerWeek,standardsMet,standard\.999,standard\.101,standard\.online,999\.offered,999\.offered\.lo,999\.offered\.hi,/);
  });

  it('each row is exactly what "occsim run" reports for that point', () => {
    const point = join(one, 'points', 'plus1-handler--x1-2.json');
    const r = occsim(['run', point, '-r', '3', '--seed', 'sweep', '--json', '--workers', '1']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    const row = JSON.parse(read(one, 'table.json')).points[3];
    expect(row.kpis['101.serviceLevel']).toEqual(report.channels['101'].serviceLevel);
    expect(row.kpis['staff.handlers.utilisation']).toEqual(report.staff.handlers.utilisation);
    expect(row.scenario).toBe(report.scenario);
  });

  it('gives the same table, byte for byte apart from timing, with any number of shards', () => {
    const r = occsim(['sweep', 'run', variantOf('three', { shards: 3 }), '--local', '--out', three, '--workers', '1']);
    expect(r.code).toBe(0);
    expect(readdirSync(join(three, 'shards'))).toHaveLength(12);
    expect(read(three, 'table.csv')).toBe(read(one, 'table.csv'));
    expect(withoutTiming(read(three, 'table.json'))).toBe(withoutTiming(read(one, 'table.json')));
  });

  it('resumes: finished shards are kept and only the missing one runs', () => {
    const before = read(one, 'table.csv');
    rmSync(join(one, 'shards', '8-handlers--x1-2.1-of-1.json'));
    rmSync(join(one, 'table.csv'));
    const r = occsim(['sweep', 'run', sweepFile, '--local', '--out', one]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/4 tasks, 3 already done, 1 to run/);
    expect(r.stderr).toMatch(/task 2: 8-handlers--x1-2 shard 1\/1/);
    expect(read(one, 'table.csv')).toBe(before);
  });

  it('judges its flags before writing the results folder', () => {
    const dir = join(tmp, 'never-written');
    const r = occsim(['sweep', 'run', sweepFile, '--local', '--workers', '0', '--out', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--workers: expected a whole number ≥ 1, got "0"');
    expect(existsSync(dir)).toBe(false);
  });

  it('refuses a results folder made by a different sweep', () => {
    const r = occsim(['sweep', 'run', variantOf('changed', { replications: 2 }), '--local', '--out', one]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/holds the results of a different sweep/);
  });

  it('task runs one shard for any scheduler, and never twice', () => {
    const dir = join(tmp, 'tasks');
    cpSync(one, dir, { recursive: true });
    rmSync(join(dir, 'shards', 'plus1-handler--x1.1-of-1.json'));
    const merge = occsim(['sweep', 'merge', dir]);
    expect(merge.code).toBe(2);
    expect(merge.stderr).toMatch(/1 of 4 tasks have no shard file yet \(tasks 3\)/);
    const status = occsim(['sweep', 'status', dir]);
    expect(status.stdout).toMatch(/3 of 4 tasks done, 0 queued, 1 missing/);
    expect(status.stdout).toMatch(/task 3: plus1-handler--x1 shard 1\/1 \(not submitted\)/);
    expect(occsim(['sweep', 'task', dir, '3']).stdout).toBe('task 3: plus1-handler--x1 shard 1/1 written\n');
    expect(occsim(['sweep', 'task', dir, '3']).stdout).toBe('task 3: plus1-handler--x1 shard 1/1 already done, skipped\n');
    expect(occsim(['sweep', 'merge', dir]).code).toBe(0);
    expect(read(dir, 'table.csv')).toBe(read(one, 'table.csv'));
    const bad = occsim(['sweep', 'task', dir, '5']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/task 5: expected a task number from 1 to 4/);
  });
});

describe('occsim sweep prepare, task and merge (any scheduler)', () => {
  it('prepare writes the folder; tasks run in any order, even at once, give the local table', async () => {
    const dir = join(tmp, 'prepared');
    const r = occsim(['sweep', 'prepare', sweepFile, '--out', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/4 tasks, 4 to run: "occsim sweep task .* I" for I = 1 … 4/);
    const { spawn } = await import('node:child_process');
    const task = (i: number) =>
      new Promise<number>((done) => spawn(process.execPath, [join(root, 'bin/occsim.js'), 'sweep', 'task', dir, String(i)]).on('exit', (code) => done(code ?? 1)));
    expect(await Promise.all([4, 2, 3, 1].map(task))).toEqual([0, 0, 0, 0]);
    expect(occsim(['sweep', 'merge', dir]).code).toBe(0);
    expect(read(dir, 'table.csv')).toBe(read(join(tmp, 'one'), 'table.csv'));
  });
});

describe('occsim sweep plan', () => {
  it('lists the points and the work, timed by a short run', () => {
    const r = occsim(['sweep', 'plan', sweepFile, '--json']);
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout);
    expect(plan.total).toMatchObject({ points: 4, tasks: 4, replications: 12, replicationDays: 48 });
    expect(plan.total.coreSeconds).toBeGreaterThan(0);
    expect(plan.points[1].coreSeconds).toBeGreaterThan(plan.points[0].coreSeconds);
  });
});

describe('bad sweep input', () => {
  it('names every problem with its field path, exit 2, no stack', () => {
    const file = join(tmp, 'bad.json');
    writeFileSync(file, JSON.stringify({ name: 's', base: join(root, 'test/fixtures/mm8.json'), replications: -1, axes: [{ name: 'a', variants: [{ label: 'v', staff: 3 }] }] }));
    const r = occsim(['sweep', 'plan', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/replications: expected a number ≥ 1, got -1/);
    expect(r.stderr).toMatch(/axes\.0\.variants\.0\.staff: expected an array, got 3/);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('a missing base scenario or CSV is a one-line error', () => {
    const r = occsim(['sweep', 'plan', variantOf('nobase', { base: 'nowhere.json' })]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read ".*nowhere\.json": no such file/);
  });

  it('run needs --local or --slurm; --slurm without Slurm says so', () => {
    expect(occsim(['sweep', 'run', sweepFile]).stderr).toMatch(/expected where to run: --local or --slurm/);
    const r = occsim(['sweep', 'run', sweepFile, '--slurm', '--out', join(tmp, 'noslurm')], { env: { PATH: '/nonexistent' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/sbatch not found/);
  });

  it('refuses work past --max-calls before writing anything: the whole sweep locally, each task on a cluster', () => {
    // mm8 offers 1,440 calls a day: a point is 4 days × 3 replications = 17,280 calls, 20,736 at ×1.2;
    // the four points together 76,032.
    const local = join(tmp, 'too-big-local');
    const r = occsim(['sweep', 'run', sweepFile, '--local', '--out', local, '--max-calls', '5e4']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the sweep's 4 points on this machine: run size: about 76,032 calls \(25,344 a replication × 3\), past the cap of 50,000; pass --max-calls 7\.7e\+4/);
    expect(existsSync(local)).toBe(false);

    const folder = join(tmp, 'sized');
    const p = occsim(['sweep', 'prepare', sweepFile, '--out', folder, '--max-calls', '2e4']);
    expect(p.code).toBe(2);
    expect(p.stderr).toMatch(/task "8-handlers--x1-2" shard 1\/1: run size: about 20,736 calls \(6,912 a replication × 3\)/);
    expect(existsSync(folder)).toBe(false);

    expect(occsim(['sweep', 'prepare', sweepFile, '--out', folder, '--max-calls', '5e4']).code).toBe(0);
    const t = occsim(['sweep', 'task', folder, '2', '--max-calls', '2e4']);
    expect(t.code).toBe(2);
    expect(t.stderr).toMatch(/task "8-handlers--x1-2" shard 1\/1: run size/);
    expect(occsim(['sweep', 'task', folder, '1', '--max-calls', '2e4']).code).toBe(0);
  });

  it('an unknown step lists the steps', () => {
    const r = occsim(['sweep', 'launch']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown step "launch"/);
    expect(r.stderr).toMatch(/resubmit SWEEP\|DIR/);
  });
});
