/**
 * The two ways into a simulation worker give the same replication: JSON validated at the worker's
 * edge (the page), and a scenario validated once by the command line and handed over per run.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simWorkerApi } from '../../src/model/worker-api.ts';
import { parseScenario } from '../../src/scenario/index.ts';

const json = JSON.parse(readFileSync(new URL('../fixtures/mm8.json', import.meta.url), 'utf8')) as unknown;

describe('simWorkerApi', () => {
  it('runs a loaded, validated scenario exactly as it runs the same scenario sent as JSON', () => {
    const parsed = parseScenario(json);
    if (!parsed.ok) throw new Error('fixture invalid');
    simWorkerApi.useScenario(parsed.scenario);
    const loaded = [0, 1].map((i) => simWorkerApi.runLoaded('w', i));
    const edge = [0, 1].map((i) => simWorkerApi.runReplication(json, 'w', i));
    expect(JSON.stringify(loaded)).toBe(JSON.stringify(edge));
    expect(loaded[0]!.channels['101'].offered).toBeGreaterThan(0);
  });

  it('refuses JSON that is not a valid scenario, naming the field', () => {
    expect(() => simWorkerApi.runReplication({ ...(json as object), horizon: { days: -1 } }, 'w', 0)).toThrow(/horizon\.days/);
  });
});
