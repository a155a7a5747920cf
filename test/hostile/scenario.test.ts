/**
 * Hostile and careless scenarios at the front door: each is refused with the field's path and what
 * was expected, or (for user keys that happen to be Object.prototype names) accepted and run.
 */
import { describe, expect, it } from 'vitest';
import { formatProblem, parseScenario, parseScenarioText, scenarioText, MAX_SCENARIO_BYTES } from '../../src/scenario/index.ts';
import { runReplication } from '../../src/model/run.ts';
import { staffingRequirement } from '../../src/plan/requirement.ts';
import mm8 from '../fixtures/mm8.json';

const problems = (json: unknown) => {
  const r = parseScenario(json);
  return r.ok ? [] : r.problems.map(formatProblem);
};
const base = () => structuredClone(mm8) as Record<string, any>;
const rota = (shift: Record<string, unknown>) => ({
  groups: [{ id: 'h', skills: ['101'] }],
  shifts: [{ group: 'h', start: '07:00', hours: 8, staff: 4, ...shift }],
});

describe('scenarios that cannot terminate or are inconsistent', () => {
  it('refuses a redial storm: patience 0, redial probability 1, no delay', () => {
    const s = base();
    s.patience = { '101': { dist: 'fixed', value: 0 } };
    s.redial = { '101': { probability: 1, delayMinutes: { dist: 'fixed', value: 0 } } };
    expect(problems(s).join('\n')).toMatch(/^redial\.101\.delayMinutes: expected a delay > 0/);
    s.redial['101'].delayMinutes = { dist: 'fixed', value: 0.5 };
    expect(problems(s)).toEqual([]);
  });

  it('refuses a bound on redials that is not a whole number of calls from 1 to 100', () => {
    const s = base();
    s.redial = { '101': { probability: 0.5, delayMinutes: { dist: 'fixed', value: 1 }, maxAttempts: 0 } };
    expect(problems(s)).toEqual(['redial.101.maxAttempts: expected a number ≥ 1, got 0']);
    s.redial['101'].maxAttempts = 101;
    expect(problems(s)).toEqual(['redial.101.maxAttempts: expected a number ≤ 100, got 101']);
    s.redial['101'].maxAttempts = 2.5;
    expect(problems(s)).toEqual(['redial.101.maxAttempts: expected a whole number, got 2.5']);
  });

  it('refuses overlapping breaks, which would take staff from other shifts', () => {
    const s = base();
    s.staffing = rota({ breaks: [{ afterMinutes: 120, minutes: 60 }, { afterMinutes: 150, minutes: 30 }] });
    expect(problems(s)).toContain('staffing.shifts.0.breaks.1.afterMinutes: expected a start at or after 180 min, when break 1 (from 120 min, 60 min long) ends, got 150');
  });

  it('blames a break that runs past the end of its shift, not the later break it then overlaps', () => {
    const s = base();
    s.staffing = rota({ hours: 8, breaks: [{ afterMinutes: 150, minutes: 600 }, { afterMinutes: 300, minutes: 30 }] });
    expect(problems(s).filter((p) => p.includes('breaks'))).toEqual([
      'staffing.shifts.0.breaks.0.minutes: expected a break that ends within the 8 h shift (by 480 min), got 150 + 600 = 750 min',
    ]);
  });

  it('refuses a weekday named twice in a shift', () => {
    const s = base();
    s.staffing = rota({ days: ['Mon', 'Tue', 'Mon'] });
    expect(problems(s)).toContain('staffing.shifts.0.days.2: expected each weekday once, got "Mon" twice');
  });

  it('refuses all-zero hour-of-week and month profiles', () => {
    const s = base();
    s.demand.profile = 'weekly';
    s.demand.month = new Array(12).fill(0);
    s.demand.channels['101'].hourOfWeek = new Array(168).fill(0);
    expect(problems(s)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^demand\.month: expected at least one factor > 0, got all 12 zero/),
        expect.stringMatching(/^demand\.channels\.101\.hourOfWeek: expected at least one factor > 0/),
      ]),
    );
  });

  it('says what a seed should be, in the expected/got form', () => {
    expect(problems({ ...base(), seed: [1] })).toContain('seed: expected text or a number, got a list');
  });

  it('caps headcounts at what the model holds', () => {
    expect(problems({ ...base(), staffing: { fixed: 10_001 } })).toContain('staffing.fixed: expected a number ≤ 10000, got 10001');
  });

  it('holds tens of thousands of special days on one date in linear time, and caps the list', () => {
    // Each day's rate once built this way was quadratic in the special days on a date: 26 s for 32,000.
    const s = base();
    s.horizon = { days: 2, warmupDays: 0, startDate: '2025-01-06' };
    s.demand.specialDays = Array.from({ length: 32_000 }, (_, i) => ({ date: '2025-01-06', factor: 1 + 1e-6, fromHour: i % 24 }));
    const parsed = parseScenario(s);
    if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join('\n'));
    const started = performance.now();
    const stats = runReplication(parsed.scenario, 'special', 0);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(stats.channels['101']!.offered).toBeGreaterThan(0);
    s.demand.specialDays = new Array(36_601).fill({ date: '2025-01-06', factor: 1 });
    expect(problems(s)).toContain('demand.specialDays: expected at most 36600 items, got a list of 36601');
  });
});

describe('keys the user chose', () => {
  it('refuses __proto__ with its path instead of dropping it', () => {
    const text = JSON.stringify(base()).replace('"callsPerDay":1440', '"callsPerDay":1440,"mix":{"__proto__":1,"a":1}');
    const r = parseScenarioText(text);
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual(['demand.channels.101.mix.__proto__: expected a name other than "__proto__", got "__proto__"']);
  });

  it('runs call types named after Object.prototype members', () => {
    const s = base();
    s.horizon = { days: 3 };
    s.demand.channels['101'].mix = { constructor: 1, toString: 1, valueOf: 1, hasOwnProperty: 1 };
    s.handling['101'].byCallType = { toString: { talkMinutes: { dist: 'fixed', value: 2 } } };
    s.diversion = { '101': { valueOf: 0.1 } };
    s.demand.channels.online = { callsPerDay: 10 };
    s.handling.online = { talkMinutes: { dist: 'fixed', value: 10 } };
    s.triage = { enabled: true };
    const r = parseScenario(s);
    expect(r.ok ? [] : r.problems).toEqual([]);
    if (!r.ok) return;
    const stats = runReplication(r.scenario, 'proto', 0);
    expect(stats.channels['101'].offered).toBeGreaterThan(3000);
    expect(staffingRequirement(r.scenario, { intervalMinutes: 60, days: 1 }).channels['101']!.ahtSeconds).toBeGreaterThan(0);
  });

  it('refuses nesting deeper than any scenario needs, without overflowing the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(problems({ ...base(), description: deep })).toEqual(['description.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0: expected at most 32 levels of nesting, got more']);
  });
});

describe('scenario bytes', () => {
  const json = JSON.stringify(base());
  const utf16 = (le: boolean) => {
    const out = new Uint8Array(2 + json.length * 2);
    out.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
    for (let i = 0; i < json.length; i++) out.set(le ? [json.charCodeAt(i) & 255, json.charCodeAt(i) >> 8] : [json.charCodeAt(i) >> 8, json.charCodeAt(i) & 255], 2 + 2 * i);
    return out;
  };
  it('reads UTF-8 with and without a byte-order mark and UTF-16 with one', () => {
    const utf8 = new TextEncoder().encode(json);
    for (const bytes of [utf8, Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]), utf16(true), utf16(false)]) {
      const t = scenarioText(bytes);
      expect(t.ok && parseScenarioText(t.text).ok).toBe(true);
    }
  });

  it('refuses bytes that are not text, and files past the cap, saying which', () => {
    expect(scenarioText(Uint8Array.from([0x7b, 0xff, 0x7d]))).toEqual({ ok: false, message: 'expected text in UTF-8 (or UTF-16 with a byte-order mark), got bytes that are not' });
    expect(scenarioText(new Uint8Array(MAX_SCENARIO_BYTES + 1))).toEqual({ ok: false, message: 'expected a scenario of at most 8,388,608 bytes, got 8,388,609' });
  });
});
