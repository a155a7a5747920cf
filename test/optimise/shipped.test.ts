/**
 * Every ready-made scenario can be optimised as it ships: its `optimise` section (the baseline's)
 * or the templates derived from its current shifts give the covering programme at least one shift
 * for every group of every phone pool and the online groups, on every day of the week, within the
 * candidate count the solver is measured on. The full proposal on the baseline is the benchmark's
 * (`npm run bench:optimise`), too slow for a test.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/index.ts';
import { poolsOf } from '../../src/optimise/pools.ts';
import { candidateShifts, templatesOf } from '../../src/optimise/templates.ts';
import { WEEKDAYS } from '../../src/shared/time.ts';

const dir = join(import.meta.dirname, '../../scenarios');
const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json');

describe('the shipped scenarios and the optimiser', () => {
  it.each(files)('%s offers a shift for every group the optimiser must staff, every day', (file) => {
    const parsed = parseScenario(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    if (!parsed.ok) throw new Error(file);
    const scenario = parsed.scenario;
    const candidates = candidateShifts(scenario, templatesOf(scenario));
    const pools = poolsOf(scenario);
    const groups = new Set([...pools.phone.flatMap((p) => p.groups), ...pools.online]);
    expect(groups.size).toBeGreaterThan(0);
    for (const g of groups) for (const d of WEEKDAYS) expect(candidates.some((c) => c.shift.group === g && c.shift.days.includes(d)), `${g} on ${d}`).toBe(true);
    expect(candidates.length).toBeLessThanOrEqual(1344);
  });

  it('the baseline’s own templates: 999 handlers may start any hour; 101-only staff and the digital desk work days', () => {
    const parsed = parseScenario(JSON.parse(readFileSync(join(dir, 'baseline.json'), 'utf8')));
    if (!parsed.ok) throw new Error('baseline');
    const starts = (g: string) => new Set(templatesOf(parsed.scenario).filter((t) => t.group === g).flatMap((t) => t.starts));
    expect(starts('call-handlers').size).toBe(24);
    expect([...starts('101-handlers')].every((s) => s >= '07:00' && s <= '14:00')).toBe(true);
    expect([...starts('digital-desk')].every((s) => s >= '07:00' && s <= '14:00')).toBe(true);
  });
});
