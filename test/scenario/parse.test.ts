import { describe, expect, it } from 'vitest';
import { formatProblem, parseScenario, parseScenarioText } from '../../src/scenario/index.ts';
import mm8 from '../fixtures/mm8.json';

const problems = (json: unknown) => {
  const r = parseScenario(json);
  return r.ok ? [] : r.problems.map(formatProblem);
};

describe('parseScenario', () => {
  it('accepts the minimal form and fills documented defaults', () => {
    const r = parseScenario(mm8);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.targets['999']).toEqual({ seconds: 10, share: 0.9 });
    expect(r.scenario.targets['101']).toEqual({ seconds: 60, share: 0.8 });
    expect(r.scenario.staffing.shrinkage).toBe(0);
    expect(r.scenario.horizon.startDate).toBe('2025-01-06');
  });

  it('names unknown fields, so typos are not silently ignored', () => {
    expect(problems({ ...mm8, horizn: {} })).toContain('unknown field "horizn"');
  });

  it('rejects relations between fields with their paths', () => {
    expect(problems({ ...mm8, horizon: { days: 5, warmupDays: 5 } })).toContain(
      'horizon.warmupDays: expected fewer warm-up days than days (5), got 5',
    );
    expect(problems({ ...mm8, handling: { '101': { talkMinutes: { dist: 'uniform', min: 4, max: 2 } } } })).toContain(
      'handling.101.talkMinutes.max: expected max ≥ min (4), got 2',
    );
    expect(problems({ ...mm8, handling: {} })).toContain('handling.101: required: 101 has demand but no handling time');
    expect(
      problems({ ...mm8, staffing: { groups: [{ id: 'a', skills: ['101'] }], shifts: [{ group: 'b', start: '25:00', hours: 8, staff: 2 }] } }),
    ).toEqual(expect.arrayContaining(['staffing.shifts.0.start: expected a time as HH:MM (00:00–23:59), got "25:00"']));
    expect(
      problems({ ...mm8, staffing: { groups: [{ id: 'a', skills: ['101'] }], shifts: [{ group: 'b', start: '07:00', hours: 8, staff: 2 }] } }),
    ).toContain('staffing.shifts.0.group: expected one of "a", got "b"');
    expect(problems({ ...mm8, staffing: { groups: [{ id: 'a', skills: ['999'] }], shifts: [] } })).toContain(
      'staffing: no staff group is skilled for 101, which has demand',
    );
  });

  it('names a call type that is not in the mix, where it would silently change nothing', () => {
    const withMix = {
      ...mm8,
      demand: { ...mm8.demand, channels: { ...mm8.demand.channels, '101': { callsPerDay: 100, mix: { asb: 1, theft: 2 } } } },
      handling: { ...mm8.handling, online: { talkMinutes: { dist: 'fixed', value: 20 } } },
    };
    expect(problems({ ...withMix, diversion: { '101': { asb: 0.4, 'anti-social-behaviour': 0.4 } } })).toEqual([
      `diversion.101.anti-social-behaviour: expected a call type of 101's mix, one of "asb" | "theft", got "anti-social-behaviour"`,
    ]);
    // Without a mix every call is "general": that is the one type a channel's diversion can name.
    expect(problems({ ...withMix, diversion: { '999': { general: 0.1, asb: 0.2 } } })).toEqual([
      'diversion.999.asb: expected "general" (999 has no call-type mix, so all its calls are general), got "asb"',
    ]);
    // Handling by call type may name any mix's type (a 101 caller who rings 999 keeps the call's type), and no other.
    const handling = (type: string) => ({ ...withMix, handling: { ...withMix.handling, '101': { ...withMix.handling['101'], byCallType: { [type]: { talkMinutes: { dist: 'fixed', value: 3 } } } } } });
    expect(problems(handling('theft'))).toEqual([]);
    expect(problems(handling('thfet'))).toEqual([`handling.101.byCallType.thfet: expected a call type of the demand's mixes, one of "general" | "asb" | "theft", got "thfet"`]);
  });

  it('reports text that is not JSON', () => {
    const r = parseScenarioText('{ "name": ');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.message).toMatch(/^not valid JSON/);
  });

  it('resolves named seed profiles and rejects unknown ones', () => {
    expect(problems({ ...mm8, demand: { profile: 'weekly', hourOfWeek: 'uk-101-hour-of-week', channels: { '101': { callsPerDay: 10 } } } })).toEqual([]);
    expect(problems({ ...mm8, demand: { profile: 'weekly', hourOfWeek: 'nope', channels: { '101': { callsPerDay: 10 } } } })[0]).toMatch(
      /^demand\.hourOfWeek: expected 168 factors or one of .*got "nope"/,
    );
  });
});
