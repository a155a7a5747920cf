import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { occsim, root, withoutTiming } from './run-cli.ts';

const mm8 = 'test/fixtures/mm8.json';
const tmp = mkdtempSync(join(tmpdir(), 'occsim-'));

describe('occsim run', () => {
  it('prints the JSON contract: every channel KPI as { mean, ci95 }', () => {
    const r = occsim(['run', mm8, '--replications', '3', '--json', '--workers', '1']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ scenario: 'M/M/8', seed: 'occsim', replications: 3 });
    for (const key of ['offered', 'answered', 'abandonRate', 'probWait', 'meanWaitSeconds', 'meanAnswerSeconds', 'serviceLevel']) {
      expect(out.channels['101'][key].mean).toEqual(expect.any(Number));
      expect(out.channels['101'][key].ci95).toHaveLength(2);
    }
    expect(Object.keys(out.channels)).toEqual(expect.arrayContaining(['999', '101', 'online']));
    expect(out.timing.wallSeconds).toEqual(expect.any(Number));
  });

  it('gives identical output whatever the number of workers', () => {
    const one = occsim(['run', mm8, '-r', '4', '--json', '--workers', '1', '--seed', 'w']);
    const three = occsim(['run', mm8, '-r', '4', '--json', '--workers', '3', '--seed', 'w']);
    expect(three.code).toBe(0);
    expect(withoutTiming(three.stdout)).toBe(withoutTiming(one.stdout));
  });

  it('shards merge into exactly the unsharded result', () => {
    const whole = occsim(['run', mm8, '-r', '5', '--json', '--workers', '1']);
    const parts = ['1/2', '2/2'].map((k, i) => {
      const r = occsim(['run', mm8, '-r', '5', '--shard', k, '--workers', '1']);
      expect(r.code).toBe(0);
      const file = join(tmp, `part${i}.json`);
      writeFileSync(file, r.stdout);
      return file;
    });
    const merged = occsim(['merge', parts[1]!, parts[0]!, '--json']);
    expect(merged.code).toBe(0);
    expect(withoutTiming(merged.stdout)).toBe(withoutTiming(whole.stdout));
    const missing = occsim(['merge', parts[0]!]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/missing replications 1, 3/);
  });

  it('works from any directory', () => {
    const r = occsim(['run', join(root, mm8), '-r', '1', '--json'], { cwd: tmpdir() });
    expect(r.code).toBe(0);
  });

  it('prints a readable table by default', () => {
    const r = occsim(['run', mm8, '-r', '2', '--workers', '1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/service level/);
    expect(r.stdout).toMatch(/verdict/);
  });
});

describe('bad input', () => {
  const write = (name: string, text: string) => {
    const file = join(tmp, name);
    writeFileSync(file, text);
    return file;
  };

  it('a missing file is a one-line error, exit 2', () => {
    const r = occsim(['run', 'no-such.json']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/cannot read "no-such.json": no such file/);
  });

  it('a file that is not JSON says so', () => {
    const r = occsim(['validate', write('bad.json', '{ "name": ')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not valid JSON/);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('lists every problem with its field path and no stack trace', () => {
    const file = write(
      'wrong.json',
      JSON.stringify({
        name: 'wrong',
        horizon: { days: 0 },
        demand: { channels: { '101': { callsPerDay: -5 } } },
        handling: { '101': { talkMinutes: { dist: 'poisson', mean: 3 } } },
        staffing: { fixed: 'eight' },
      }),
    );
    const r = occsim(['run', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('horizon.days: expected a number ≥ 1, got 0');
    expect(r.stderr).toContain('demand.channels.101.callsPerDay: expected a number ≥ 0, got -5');
    expect(r.stderr).toMatch(/handling\.101\.talkMinutes\.dist: expected one of "fixed" \| "exponential".*got "poisson"/);
    expect(r.stderr).toContain('staffing.fixed: expected a number, got "eight"');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('an array instead of a scenario object', () => {
    const r = occsim(['validate', write('list.json', '[1, 2]')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/expected a scenario object, got a list/);
  });

  it('bad flags are named', () => {
    expect(occsim(['run', mm8, '--replications', 'x']).stderr).toMatch(/--replications: expected a whole number from 1 to 10,000, got "x"/);
    expect(occsim(['run', mm8, '--shard', '3/2']).stderr).toMatch(/--shard: expected K\/N/);
    expect(occsim(['run', mm8, '--frobnicate']).code).toBe(2);
    expect(occsim(['nonsense']).code).toBe(2);
  });
});

describe('occsim compare', () => {
  it('reports paired differences on common random numbers', () => {
    const more = write2();
    const r = occsim(['compare', mm8, more, '-r', '4', '--json', '--workers', '1']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const d = out.differences['101.serviceLevel'];
    expect(d.mean).toBeGreaterThan(0);
    expect(d.ci95[0]).toBeGreaterThan(0);
    // Pairing: the difference is measured far more tightly than either scenario alone.
    const width = (e: { ci95: [number, number] }) => e.ci95[1] - e.ci95[0];
    expect(width(d)).toBeLessThan(width(out.b.channels['101'].serviceLevel) + width(out.a.channels['101'].serviceLevel));
  });

  function write2() {
    const file = join(tmp, 'mm9.json');
    writeFileSync(
      file,
      JSON.stringify({
        name: 'M/M/9',
        horizon: { days: 40, warmupDays: 1 },
        demand: { profile: 'flat', channels: { '101': { callsPerDay: 1440 } } },
        handling: { '101': { talkMinutes: { dist: 'exponential', mean: 6 } } },
        patience: { '101': { dist: 'exponential', mean: 4 } },
        staffing: { fixed: 9 },
      }),
    );
    return file;
  }
});
