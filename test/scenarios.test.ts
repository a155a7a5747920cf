/**
 * The ready-made scenarios in scenarios/: each parses, the published JSON Schema is current, each
 * runs and answers every channel that has demand. What each one shows is pinned in scenarios/stories.test.ts.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runReplication } from '../src/model/run.ts';
import { CHANNELS, PHONE_CHANNELS, parseScenario, scenarioJsonSchema, type Scenario } from '../src/scenario/index.ts';
import callMix from '../seeds/call-mix.json';

const dir = join(import.meta.dirname, '..', 'scenarios');
const SCHEMA_FILE = 'scenario.schema.json';
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json') && f !== SCHEMA_FILE)
  .sort();

function load(file: string): Scenario {
  const result = parseScenario(JSON.parse(readFileSync(join(dir, file), 'utf8')));
  if (!result.ok) throw new Error(`${file}: ${result.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return result.scenario;
}

/** The same scenario over its first `days` days (one of them warm-up), to keep the test fast. */
function shortened(s: Scenario, days = 8): Scenario {
  return { ...s, horizon: { ...s.horizon, days, warmupDays: 1 } };
}

function hasDemand(s: Scenario, c: (typeof CHANNELS)[number]): boolean {
  if ((s.demand.channels[c]?.callsPerDay ?? 0) > 0) return true;
  return c === 'online' && PHONE_CHANNELS.some((p) => Object.values(s.diversion[p] ?? {}).some((x) => x > 0));
}

describe('ready-made scenarios', () => {
  it('includes the documented set', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'baseline.json',
        'covid-secure.json',
        'lockdown.json',
        'online-asb.json',
        'pubs-reopening.json',
        'summer-peak.json',
        'warwickshire-101-2018.json',
        'neighbour-overflow.json',
        'warwickshire-101-triage.json',
      ]),
    );
  });

  it.each(files)('%s parses, points at the schema and says what it models', (file) => {
    const json = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const result = parseScenario(json);
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(json.$schema).toBe(`./${SCHEMA_FILE}`);
    expect(typeof json.description).toBe('string');
    expect(json.description.length).toBeGreaterThan(80);
  });

  it('publishes the current JSON Schema (regenerate with `occsim schema > scenarios/scenario.schema.json`)', () => {
    const committed = JSON.parse(readFileSync(join(dir, SCHEMA_FILE), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())));
  });

  it.each(files)('%s uses only the call types of seeds/call-mix.json', (file) => {
    const s = load(file);
    const known = new Set(Object.keys(callMix.callTypes));
    const used = [
      ...CHANNELS.flatMap((c) => Object.keys(s.demand.channels[c]?.mix ?? {})),
      ...CHANNELS.flatMap((c) => Object.keys(s.handling[c]?.byCallType ?? {})),
      ...PHONE_CHANNELS.flatMap((c) => Object.keys(s.diversion[c] ?? {})),
    ];
    expect(used.filter((id) => !known.has(id))).toEqual([]);
  });

  it('baseline copies its call mixes from seeds/call-mix.json', () => {
    const s = load('baseline.json');
    for (const c of CHANNELS) expect(s.demand.channels[c]?.mix).toEqual(callMix.mix[c].shares);
  });

  it.each(files)('%s runs a short replication and answers every channel with demand', (file) => {
    const s = shortened(load(file));
    const stats = runReplication(s, 'scenario-test', 0);
    for (const c of CHANNELS) {
      if (!hasDemand(s, c)) continue;
      expect(stats.channels[c].offered, `${c} offered`).toBeGreaterThan(0);
      expect(stats.channels[c].answered, `${c} answered`).toBeGreaterThan(0);
    }
  });
});
