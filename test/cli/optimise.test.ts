import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { occsim } from './run-cli.ts';

const small = 'test/fixtures/optimise-small.json';
const tmp = mkdtempSync(join(tmpdir(), 'occsim-optimise-'));

describe('occsim optimise', () => {
  it('prints the proposal contract and writes a scenario that occsim run accepts', () => {
    const out = join(tmp, 'proposed.json');
    // On a seed of the user's, not the scenario's: the file written must repeat the verification as it stands.
    const r = occsim(['optimise', small, '--replications', '3', '--workers', '1', '--seed', 'other', '--json', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const p = JSON.parse(r.stdout);
    expect(p).toMatchObject({
      scenario: 'Small control room',
      costPerWeek: expect.any(Number),
      lowerBoundPerWeek: expect.any(Number),
      current: { costPerWeek: 26 * 8 * 7 * 20 },
      verification: { seed: 'other', replications: 3 },
      optimisation: { seed: 'other/optimise' },
    });
    expect(p.lowerBoundPerWeek).toBeLessThanOrEqual(p.costPerWeek);
    expect(p.standards).toEqual([{ channel: '101', share: 0.85, withinSeconds: 60, achieved: { mean: expect.any(Number), ci95: [expect.any(Number), expect.any(Number)] }, met: true }]);
    expect(p.iterations[0]).toMatchObject({ stage: 'iterative staffing', round: 1 });
    expect(p.compliance).toHaveLength(168);
    expect(p.sipp.standards[0].channel).toBe('101');
    expect(p.changes.length).toBeGreaterThan(0);

    const written = JSON.parse(readFileSync(out, 'utf8'));
    expect(written.name).toBe('Small control room (proposed rota)');
    expect(written.optimise).toEqual(JSON.parse(readFileSync(small, 'utf8')).optimise);
    expect(written.staffing.shifts).toEqual(p.shifts);
    // The verification is `occsim run` of the proposal as written, on its seed: the same numbers.
    expect(written.seed).toBe('other');
    const run = occsim(['run', out, '--replications', '3', '--workers', '1', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).channels['101'].serviceLevel).toEqual(p.standards[0].achieved);
  }, 120_000);

  it('prints a readable summary: cost against the bound, standards, what changed', () => {
    const r = occsim(['optimise', small, '-r', '3', '--workers', '1', '--no-sipp']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Small control room: proposed rota\n/);
    expect(r.stdout).toMatch(/cost per week +£[\d,]+ \(current £29,120\)\nLP lower bound +£[\d,]+; the cost is [\d.]+ % above it \(gapToLowerBound [\d.]+ %, of the cost\)/);
    expect(r.stdout).toMatch(/101 +85\.0 % within 60 s: [\d.]+ % \(95 % CI [\d.]+ %–[\d.]+ %\) +met/);
    expect(r.stdout).toMatch(/what changed:\n {2}Handlers: [+−]\d+ on \d\d:00–\d\d:00 \(8 h\)/);
    expect(r.stdout).not.toMatch(/SIPP/);
    // The hours below a target: how many, and at most 24 of them by name.
    const hours = r.stdout.match(/hours of the week below a target on average: (none|(\d+) of 168: ([^\n]*))/);
    expect(hours).not.toBeNull();
    if (hours![2]) expect(hours![3]!.replace(/ and \d+ more .*$/, '').split(', ').length).toBeLessThanOrEqual(24);
  }, 120_000);

  it('exits 2 with the field and the reason when no rota can be built, without a stack trace', () => {
    const bad = join(tmp, 'bad.json');
    const json = JSON.parse(readFileSync(small, 'utf8'));
    json.staffing.groups.push({ id: 'desk', skills: ['online'] });
    json.optimise.templates = [{ group: 'desk', starts: ['07:00'], hours: [8] }];
    writeFileSync(bad, JSON.stringify(json));
    const r = occsim(['optimise', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `occsim optimise: ${bad}: cannot propose a rota\n  optimise.templates: no template for a group skilled for 101 (handlers), which has demand\n`,
    );
  });

  it('exits 2 on bad flags and files', () => {
    expect(occsim(['optimise', small, '--replications', '1']).stderr).toBe('occsim optimise: --replications: expected a whole number from 2 to 10,000, got "1"\n');
    expect(occsim(['optimise', 'nope.json']).code).toBe(2);
    expect(occsim(['optimise', small, '--budget-seconds', 'soon']).stderr).toMatch(/--budget-seconds: expected a whole number/);
  });
});
