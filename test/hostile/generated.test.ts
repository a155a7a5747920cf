/**
 * Generated hostile scenarios (fast-check): a valid rota scenario with a handful of fields replaced
 * by careless or hostile values — wrong types, negatives, huge numbers, Object.prototype names,
 * empty lists, duplicates. Every case must either be refused with problems that each name a field
 * and say what was expected, or parse and run (when its size is modest) to a report whose figures
 * satisfy the invariants. A case that throws, or runs past the test's time limit, fails.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScenario } from '../../src/scenario/index.ts';
import { runReplication } from '../../src/model/run.ts';
import { buildReport } from '../../src/model/report.ts';
import { runSize } from '../../src/model/run-size.ts';

const base = {
  name: 'Generated',
  horizon: { days: 2 },
  demand: {
    profile: 'weekly',
    channels: { '999': { callsPerDay: 300, mix: { domestic: 2, theft: 1 } }, '101': { callsPerDay: 500, mix: { theft: 1, asb: 2 } }, online: { callsPerDay: 40 } },
    specialDays: [{ date: '2025-01-07', factor: 1.5 }],
  },
  handling: {
    '999': { talkMinutes: { dist: 'lognormal', mean: 5, sd: 2 } },
    '101': { talkMinutes: { dist: 'exponential', mean: 7 }, wrapMinutes: { dist: 'fixed', value: 1 } },
    online: { talkMinutes: { dist: 'uniform', min: 5, max: 15 } },
  },
  patience: { '999': { dist: 'exponential', mean: 2 }, '101': { dist: 'exponential', mean: 5 } },
  redial: { '101': { probability: 0.3, delayMinutes: { dist: 'exponential', mean: 10 } } },
  diversion: { '101': { theft: 0.2 } },
  staffing: {
    groups: [{ id: 'h', skills: ['999', '101', 'online'] }],
    shifts: [
      { group: 'h', start: '07:00', hours: 10, staff: 12, breaks: [{ afterMinutes: 240, minutes: 30 }] },
      { group: 'h', start: '19:00', hours: 12, staff: 8, days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] },
    ],
    shrinkage: 0.1,
  },
  triage: { enabled: true },
};

/** Paths a careless or hostile user might reach, and values they might put there. */
const PATHS = [
  ['name'], ['seed'], ['horizon', 'days'], ['horizon', 'warmupDays'], ['horizon', 'startDate'],
  ['demand', 'channels', '999', 'callsPerDay'], ['demand', 'channels', '101', 'callsPerDay'], ['demand', 'channels', '999', 'mix'],
  ['demand', 'channels', '999', 'mix', 'constructor'], ['demand', 'channels', '101', 'hourOfWeek'], ['demand', 'month'],
  ['demand', 'specialDays', 0, 'factor'], ['demand', 'specialDays', 0, 'date'], ['demand', 'specialDays', 0, 'fromHour'],
  ['handling', '999', 'talkMinutes'], ['handling', '999', 'talkMinutes', 'mean'], ['handling', '101', 'byCallType', 'toString'],
  ['patience', '999'], ['patience', '101', 'mean'], ['redial', '101', 'probability'], ['redial', '101', 'delayMinutes'],
  ['diversion', '101', 'valueOf'], ['diversion', '101', 'theft'],
  ['staffing', 'shifts', 0, 'staff'], ['staffing', 'shifts', 0, 'hours'], ['staffing', 'shifts', 0, 'start'], ['staffing', 'shifts', 0, 'days'],
  ['staffing', 'shifts', 0, 'breaks'], ['staffing', 'shifts', 0, 'breaks', 0, 'minutes'], ['staffing', 'shifts', 1, 'group'],
  ['staffing', 'groups', 0, 'id'], ['staffing', 'groups', 0, 'skills'], ['staffing', 'shrinkage'], ['staffing', 'fixed'],
  ['desks'], ['targets', '999', 'share'], ['triage'],
] as const;

const hostileValue = fc.oneof(
  // Valid but extreme: these must run, not only parse.
  fc.constantFrom<unknown>(0, 1, 24, 0.999, 10_000, 50_000, '00:00', ['Sun'], 'constructor-call', { dist: 'fixed', value: 0.01 }, { dist: 'exponential', mean: 1e6 }),
  fc.constantFrom<unknown>(-1, 0, 1e12, 1e308, 32_768, 10_001, 0.5, 1, 2, 36_601, '', 'constructor', '__proto__', 'toString', null, true, [], {}, [0, 0], ['Mon', 'Mon'], '25:00', '2025-02-30', '0000-01-01'),
  fc.constantFrom<unknown>({ dist: 'fixed', value: 0 }, { dist: 'empirical', values: [] }, { dist: 'uniform', min: 3, max: 1 }, new Array(168).fill(0), new Array(12).fill(0)),
  fc.constantFrom<unknown>([{ afterMinutes: 60, minutes: 600 }], [{ afterMinutes: 60, minutes: 60 }, { afterMinutes: 90, minutes: 30 }], { periods: [{ usable: 0 }] }),
  fc.double({ noNaN: true }),
  fc.string({ maxLength: 8 }),
);

function setAt(root: Record<string, any>, path: readonly (string | number)[], value: unknown) {
  let node: any = root;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key];
  }
  node[path.at(-1)!] = value;
}

const mutated = fc.array(fc.tuple(fc.constantFrom(...PATHS), hostileValue), { minLength: 1, maxLength: 2 }).map((edits) => {
  // Through JSON, as every entry point receives it.
  const s = JSON.parse(JSON.stringify(base));
  for (const [path, value] of edits) setAt(s, path, value);
  return JSON.parse(JSON.stringify(s)) as unknown;
});

describe('generated hostile scenarios', () => {
  it('are refused field by field, or run to a report that satisfies the invariants', () => {
    let ran = 0;
    let refusedCount = 0;
    fc.assert(
      fc.property(mutated, (json) => {
        const parsed = parseScenario(json);
        if (!parsed.ok) {
          refusedCount++;
          expect(parsed.problems.length).toBeGreaterThan(0);
          for (const p of parsed.problems) {
            expect(p.message, JSON.stringify(p)).toMatch(/expected|required|duplicate|unknown field|no staff group|cannot|do not|break ends/);
            expect(p.message).not.toMatch(/Invalid input|undefined|\[object Object\]/);
          }
          return;
        }
        // The command line and the app would refuse a big run; here only modest ones are run.
        if (runSize(parsed.scenario, 1).calls > 200_000) return;
        ran++;
        const report = buildReport(parsed.scenario, 'fuzz', [runReplication(parsed.scenario, 'fuzz', 0), runReplication(parsed.scenario, 'fuzz', 1)]);
        for (const c of ['999', '101', 'online'] as const) {
          const ch = report.channels[c];
          const [offered, answered, abandoned] = [ch.offered.mean ?? 0, ch.answered.mean ?? 0, ch.abandoned.mean ?? 0];
          expect(answered).toBeLessThanOrEqual(offered);
          expect(abandoned + answered).toBeLessThanOrEqual(offered + 1e-9);
          for (const share of [ch.serviceLevel.mean, ch.abandonRate.mean, ch.probWait.mean]) {
            if (share !== null && !Number.isNaN(share)) expect(share).toBeGreaterThanOrEqual(0), expect(share).toBeLessThanOrEqual(1);
          }
        }
        for (const g of Object.values(report.staff)) {
          expect(g.paidHoursPerWeek).toBeGreaterThanOrEqual(0);
          expect(g.utilisation.mean ?? 0).toBeLessThanOrEqual(1 + 1e-9);
        }
        expect(report.cost.paidHoursPerWeek).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300, seed: 13 },
    );
    // The generator must exercise both outcomes, or the property says little.
    expect(refusedCount).toBeGreaterThan(30);
    expect(ran).toBeGreaterThanOrEqual(10);
  }, 240_000);
});
