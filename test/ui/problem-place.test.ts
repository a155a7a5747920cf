import { describe, expect, it } from 'vitest';
import { problemPlace } from '../../src/ui/editors/problem-place.ts';

const draft = {
  staffing: {
    groups: [{ id: 'handlers', name: 'Call handlers' }],
    shifts: [{ name: 'Earlies, plan A', hours: 0, breaks: [{ minutes: -5 }] }],
  },
  demand: { specialDays: [{ date: '2025-12-31' }], channels: { '999': { callsPerDay: -1 } } },
};

describe('problemPlace', () => {
  it('names the shift, group, break, special day or channel rather than the path', () => {
    expect(problemPlace(draft, 'staffing.shifts.0.hours')).toBe('Shift 1 (Earlies, plan A): hours');
    expect(problemPlace(draft, 'staffing.shifts.0.breaks.0.minutes')).toBe('Shift 1 (Earlies, plan A), break 1: length');
    expect(problemPlace(draft, 'staffing.groups.0.skills')).toBe('Staff group 1 (Call handlers): skills');
    expect(problemPlace(draft, 'demand.specialDays.0.factor')).toBe('Special day 1 (2025-12-31): factor');
    expect(problemPlace(draft, 'demand.channels.999.callsPerDay')).toBe('Demand, 999: calls per day');
    expect(problemPlace(draft, 'targets.999.seconds')).toBe('Targets, 999: answer target (seconds)');
    expect(problemPlace(draft, 'horizon.warmupDays')).toBe('Period: warm-up days');
    expect(problemPlace(draft, 'staffing')).toBe('Rota');
  });
  it('falls back to the path, never hiding where', () => {
    expect(problemPlace(draft, 'elsewhere.x.0')).toBe('elsewhere › x › 0');
    expect(problemPlace(draft, '')).toBe('Scenario');
  });
});
