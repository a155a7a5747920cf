import { describe, expect, it } from 'vitest';
import { formulasVersusSimulation, type SimulatedHours } from '../../src/plan/versus-simulation.ts';
import type { StaffingRequirement } from '../../src/plan/requirement.ts';

const floor = (short: (i: number) => boolean) =>
  Array.from({ length: 168 }, (_, i) => {
    const needed = short(i) ? 9 : 7;
    const shortBy = Math.max(0, needed - 8);
    const channel = { rostered: 10, onFloor: 8, erlangC: needed, erlangA: needed, shortByC: shortBy, shortByA: shortBy };
    return { start: `h${i}`, rostered: 10, onFloor: 8, needed, short: short(i), shortByC: shortBy, shortByA: shortBy, channels: { '999': channel, '101': channel } };
  });
const req = (short: (i: number) => boolean): StaffingRequirement => ({ intervalMinutes: 60, startWeekday: 0, shrinkage: 0, channels: {}, intervals: [], floor: floor(short), notes: [] });
const est = (mean: number, half = 0.02) => ({ mean, ci95: [mean - half, mean + half] as [number, number] });

function sim(sl999: (h: number) => number, sl101: (h: number) => number): SimulatedHours {
  return {
    byHourOfWeek: {
      '999': { serviceLevel: Array.from({ length: 168 }, (_, h) => est(sl999(h))) },
      '101': { serviceLevel: Array.from({ length: 168 }, (_, h) => est(sl101(h))) },
      staffOnFloor: Array.from({ length: 168 }, () => est(8)),
    },
    standards: { '999': { share: 0.9 }, '101': { share: 0.8 } },
  };
}

describe('formulasVersusSimulation', () => {
  it('classifies the simulated hours by their confidence intervals and flags disagreement', () => {
    const rows = formulasVersusSimulation(req((i) => i === 1 || i === 2), 0, sim((h) => (h === 2 ? 0.5 : h === 3 ? 0.89 : 0.97), (h) => (h === 4 ? 0.6 : 0.9)));
    expect(rows[0]).toMatchObject({ label: 'Mon 00:00', simulated: 'met', formulaShort: false, disagree: false });
    expect(rows[1]).toMatchObject({ simulated: 'met', formulaShort: true, disagree: true });
    expect(rows[2]).toMatchObject({ simulated: 'missed', formulaShort: true, disagree: false });
    expect(rows[3]).toMatchObject({ simulated: 'uncertain', disagree: false });
    expect(rows[4]).toMatchObject({ simulated: 'missed', formulaShort: false, disagree: true });
  });

  it('lines the first interval up with the start date’s weekday', () => {
    // Horizon starting on a Wednesday: the first interval is hour of week 48.
    const rows = formulasVersusSimulation(req((i) => i === 0), 2, sim(() => 0.97, () => 0.9));
    expect(rows.find((r) => r.hourOfWeek === 48)).toMatchObject({ label: 'Wed 00:00', formulaShort: true });
    expect(rows[0]!.hourOfWeek).toBe(0);
  });
});
