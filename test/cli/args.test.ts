import { describe, expect, it } from 'vitest';
import { parseFlags, wholeNumber } from '../../src/cli/args.ts';
import { occsim } from './run-cli.ts';

const mm8 = 'test/fixtures/mm8.json';

describe('parseFlags', () => {
  const options = { replications: { type: 'string', short: 'r' }, seed: { type: 'string' }, json: { type: 'boolean' } } as const;

  it('hands a negative number after a value flag to the flag, in either spelling', () => {
    for (const args of [['--replications', '-1'], ['-r', '-1'], ['--replications=-1']]) {
      expect(parseFlags(args, options).values.replications).toBe('-1');
    }
    expect(parseFlags(['--seed', '-0.5'], options).values.seed).toBe('-0.5');
    expect(parseFlags(['--seed', '-Infinity'], options).values.seed).toBe('-Infinity');
  });

  it('hands any other value that starts with a dash to the flag', () => {
    expect(parseFlags(['--seed', '-abc'], options).values.seed).toBe('-abc');
    expect(parseFlags(['--seed', '-'], options).values.seed).toBe('-');
    expect(parseFlags(['--seed=--abc'], options).values.seed).toBe('--abc');
  });

  it('refuses a flag where a value should be, naming both, and leaves what follows -- alone', () => {
    expect(() => parseFlags(['--replications', '--json'], options)).toThrow('--replications: expected a value, got the flag --json');
    expect(() => parseFlags(['--seed', '-r', '3'], options)).toThrow('--seed: expected a value, got the flag -r');
    expect(() => parseFlags(['--seed', '--replications=2'], options)).toThrow('--seed: expected a value, got the flag --replications=2');
    expect(() => parseFlags(['--seed', '--'], options)).toThrow('--seed: expected a value, got the flag --');
    expect(() => parseFlags(['--seed'], options)).toThrow('--seed: expected a value, got nothing');
    // Two dashes look like a mistyped flag: the value must then be written with "=".
    expect(() => parseFlags(['--seed', '--jsno'], options)).toThrow('--seed: expected a value, got "--jsno" (write --seed=--jsno if that is the value)');
    expect(parseFlags(['--', '--replications', '-1'], options).positionals).toEqual(['--replications', '-1']);
  });

  it('refuses an empty value, naming the flag', () => {
    expect(() => parseFlags(['--seed', ''], options)).toThrow('--seed: expected a value, got an empty one');
    expect(() => parseFlags(['--seed=  '], options)).toThrow('--seed: expected a value');
  });
});

describe('wholeNumber', () => {
  it('reads only decimal numbers: not 0x10, 0b11 or an empty string', () => {
    for (const bad of ['0x10', '0b11', '0o7', '', ' ', '1_000', 'Infinity']) expect(() => wholeNumber('--n', bad)).toThrow(`--n: expected a whole number ≥ 1, got "${bad}"`);
    expect(wholeNumber('--n', '1e3')).toBe(1000);
  });

  it('names what it reads, flag or not', () => {
    expect(wholeNumber('task number I', '3')).toBe(3);
    expect(() => wholeNumber('task number I', '0')).toThrow('task number I: expected a whole number ≥ 1, got "0"');
    expect(() => wholeNumber('--days', '1.5')).toThrow('--days: expected a whole number ≥ 1, got "1.5"');
  });
});

describe('the command line on negative numbers and empty values', () => {
  // Each is refused before any file is read or any simulation starts, so these are quick.
  const cases: [string[], string][] = [
    [['run', mm8, '--replications', '-1'], '--replications: expected a whole number from 1 to 10,000, got "-1"'],
    [['run', mm8, '-r', '-3'], '--replications: expected a whole number from 1 to 10,000, got "-3"'],
    [['run', mm8, '--max-calls', '-1'], '--max-calls: expected a number of calls such as 5e8, got "-1"'],
    [['run', mm8, '--workers', '-2'], '--workers: expected a whole number ≥ 1, got "-2"'],
    [['compare', mm8, mm8, '--replications', '-3'], '--replications: expected a whole number from 1 to 10,000, got "-3"'],
    [['optimise', mm8, '--replications', '-2'], '--replications: expected a whole number from 2 to 10,000, got "-2"'],
    [['optimise', mm8, '--budget-seconds', '-5'], '--budget-seconds: expected a whole number ≥ 1, got "-5"'],
    [['staff', mm8, '--days', '-5'], '--days: expected a whole number ≥ 1, got "-5"'],
    [['staff', mm8, '--interval', '-15'], '--interval: expected 15, 30 or 60 minutes, got "-15"'],
    [['staff', mm8, '--interval', 'abc'], '--interval: expected 15, 30 or 60 minutes, got "abc"'],
    [['demand', 'forecast', 'x.csv', '--start', '2025-01-01', '--days', '-5'], '--days: expected a whole number ≥ 1, got "-5"'],
    [['demand', 'synth', '--scale', '-0.1'], '--scale: expected a multiplier of the ~1,780 calls a day such as 0.1, got "-0.1"'],
    [['demand', 'holidays', '99999'], 'expected a year from 1583 (the Gregorian calendar) to 9999'],
    [['run', mm8, '--seed', ''], '--seed: expected a value, got an empty one'],
    [['compare', mm8, mm8, '--seed', ''], '--seed: expected a value, got an empty one'],
    [['demand', 'synth', '--seed', ''], '--seed: expected a value, got an empty one'],
    [['run', mm8, '--seed', '--json'], '--seed: expected a value, got the flag --json'],
    [['run', mm8, '--seed', '--jsno'], '--seed: expected a value, got "--jsno"'],
    [['run', mm8, '--seed'], '--seed: expected a value, got nothing'],
    [['run', mm8, '--replications', '0x10'], '--replications: expected a whole number from 1 to 10,000, got "0x10"'],
  ];

  it.each(cases)('occsim %j gives the flag its own message', (args, message) => {
    const r = occsim(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/ambiguous|at .*\.js:\d+/);
  });

  it.each([['run'], ['compare'], ['merge'], ['validate'], ['triage'], ['optimise'], ['staff'], ['demand', 'fit'], ['demand', 'forecast'], ['demand', 'synth'], ['demand', 'holidays'], ['sweep', 'plan'], ['sweep', 'run'], ['sweep', 'task']])(
    'occsim %s … --help prints its usage, as the top-level usage promises',
    (...command) => {
      const r = occsim([...command, 'x.json', '--help']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Usage/);
    },
  );

  it('runs with a seed that starts with a dash, as with --seed=-abc', () => {
    const spaced = occsim(['run', mm8, '--replications', '1', '--seed', '-abc', '--json']);
    const joined = occsim(['run', mm8, '--replications', '1', '--seed=-abc', '--json']);
    expect(spaced.code).toBe(0);
    const results = (r: typeof spaced) => ({ ...JSON.parse(r.stdout), timing: undefined });
    expect(results(spaced)).toEqual(results(joined));
    expect(JSON.parse(spaced.stdout).seed).toBe('-abc');
  });

  it('accepts a negative value where one is meaningful: a falling yearly trend', () => {
    const r = occsim(['demand', 'synth', '--days', '7', '--scale', '0.01', '--trend', '-0.05']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').length).toBeGreaterThan(50);
  });
});
