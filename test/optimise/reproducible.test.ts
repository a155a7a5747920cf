/** The proposal is a function of the scenario and seed: not of the order workers finish in; a stop on the clock says so. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import loadHighs from 'highs';
import { runReplication } from '../../src/model/run.ts';
import { optimiseRota, type Simulate } from '../../src/optimise/optimise.ts';
import { scenario } from '../model/scenarios.ts';

const highs = await loadHighs();
const small = scenario(JSON.parse(readFileSync(new URL('../fixtures/optimise-small.json', import.meta.url), 'utf8')));
const options = { seed: 'small', replications: 3, budgetSeconds: 600 };

describe('optimiseRota', () => {
  it('optimiseRota gives the same proposal whatever order the replications come back in', async () => {
    const inOrder: Simulate = async (s, seed, indices) => indices.map((i) => runReplication(s, seed, i));
    const reversed: Simulate = async (s, seed, indices) => indices.map((i) => runReplication(s, seed, i)).reverse();
    const a = await optimiseRota(small, options, { highs, simulate: inOrder });
    const b = await optimiseRota(small, options, { highs, simulate: reversed });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  }, 120_000);

  it('optimiseRota says it stopped on the budget when the clock ran out, even with a rota that met every standard', async () => {
    // A clock that moves ten minutes at every look: the budget (600 s) is spent after the first round.
    let clock = 0;
    const simulate: Simulate = async (s, seed, indices) => indices.map((i) => runReplication(s, seed, i));
    const p = await optimiseRota(small, options, { highs, simulate, now: () => (clock += 600_000) });
    expect(p.iterations.find((i) => i.stage === 'integer programme')!.standards!.every((s) => s.met)).toBe(true);
    expect(p.stoppedBy).toBe('budget');
    expect(p.iterations.some((i) => i.stage === 'polish')).toBe(false);
  }, 120_000);
});
