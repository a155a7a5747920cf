import { describe, expect, it } from 'vitest';
import { requirementTable, shortSpans } from '../../src/plan/requirement-table.ts';
import { shortBy, staffingRequirement } from '../../src/plan/requirement.ts';
import { parseScenario, type ScenarioInput } from '../../src/scenario/index.ts';
import baseline from '../../scenarios/baseline.json' with { type: 'json' };

function scenario(input: unknown) {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.scenario;
}

describe('shortBy', () => {
  it('shortBy counts whole handlers: 11.3 on the floor against 17 needed lacks 6', () => {
    expect(shortBy(17, 11.3)).toBe(6);
    expect(shortBy(17, 17)).toBe(0);
    expect(shortBy(17, 16.0000000001)).toBe(1);
    expect(shortBy(5, 9)).toBe(0);
  });
});

describe('requirementTable', () => {
  it('requirementTable lays the planner’s first week out Monday first, per channel and method', () => {
    const req = staffingRequirement(scenario({ ...baseline, horizon: { ...baseline.horizon, startDate: '2025-09-03' } }), { intervalMinutes: 30 }); // a Wednesday
    const phone = requirementTable(req, 'phone', 'A');
    expect(req.startWeekday).toBe(2);
    expect(phone.rows.map((r) => r.hourOfWeek)).toEqual(Array.from({ length: 7 * 48 }, (_, i) => i / 2));
    // The first interval of the run (Wednesday 00:00) sits at hour of week 48.
    const first = phone.rows[96]!;
    expect(first.start).toBe('2025-09-03T00:00');
    expect(first.onFloor).toBe(req.floor[0]!.onFloor);
    expect(first.rostered).toBe(req.floor[0]!.rostered);
    expect(first.needed).toBe(req.floor[0]!.needed);
    const at = (c: '999' | '101') => req.intervals.find((i) => i.start === first.start && i.channel === c)!;
    expect(first.neededRostered).toBe(at('999').erlangARostered + at('101').erlangARostered);
    const c999 = requirementTable(req, '999', 'C').rows[96]!;
    expect(c999.needed).toBe(at('999').erlangC);
    expect(c999.neededRostered).toBe(at('999').erlangCRostered);
    expect(c999.offeredPerHour).toBe(at('999').offeredPerHour);
    expect(c999.onFloor).toBe(req.floor[0]!.channels['999'].onFloor);
    expect(phone.shortIntervals).toBe(req.floor.filter((f) => f.short).length);
  });

  it('requirementTable counts the handlers short against a fixed floor, interval by interval', () => {
    // 20 all-skilled handlers on duty at all times (fixed staffing has no shrinkage), and 999 demand
    // that peaks in the evening: where Erlang C needs more than 20, the floor is short by exactly the excess.
    const input: ScenarioInput = {
      name: 'fixed floor',
      horizon: { startDate: '2025-01-06', days: 7 },
      demand: { profile: 'weekly', channels: { '999': { callsPerDay: 4000, hourOfWeek: 'uk-999-hour-of-week' } } },
      handling: { '999': { talkMinutes: { dist: 'exponential', mean: 4 } } },
      staffing: { fixed: 20, shrinkage: 0.2 },
    } as ScenarioInput;
    const req = staffingRequirement(scenario(input), { intervalMinutes: 60 });
    const table = requirementTable(req, '999', 'C');
    expect(table.rows.every((r) => r.onFloor === 20 && r.rostered === 20)).toBe(true);
    const excess = table.rows.map((r) => Math.max(0, r.needed - 20));
    expect(table.rows.map((r) => r.shortBy)).toEqual(excess);
    expect(excess.some((e) => e > 0) && excess.some((e) => e === 0)).toBe(true);
    expect(table.shortIntervals).toBe(excess.filter((e) => e > 0).length);
    expect(table.handlerHoursShort).toBe(excess.reduce((a, b) => a + b, 0));
    expect(table.worst!.shortBy).toBe(Math.max(...excess));
    // Half-hour intervals: each short half hour counts half an hour per handler.
    const half = requirementTable(staffingRequirement(scenario(input), { intervalMinutes: 30 }), '999', 'C');
    expect(half.handlerHoursShort).toBe(half.rows.reduce((a, r) => a + r.shortBy / 2, 0));
  });
});

describe('shortSpans', () => {
  it('shortSpans joins neighbouring short intervals into stretches of the week', () => {
    const row = (hourOfWeek: number, short: number) => ({ hourOfWeek, start: '', offeredPerHour: 0, needed: 0, neededRostered: 0, rostered: 0, onFloor: 0, shortBy: short });
    const table = { intervalMinutes: 30, rows: [row(0, 1), row(0.5, 2), row(1, 0), row(1.5, 1), row(167.5, 3)], shortIntervals: 4, worst: null, handlerHoursShort: 0 };
    expect(shortSpans(table)).toEqual([{ from: 0, to: 1 }, { from: 1.5, to: 2 }, { from: 167.5, to: 168 }]);
  });
});
