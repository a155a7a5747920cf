/**
 * The formulas beside the simulation, hour of week by hour of week: what Erlang A says is needed
 * and whether the rota's floor covers it, against the service level the simulation measured (with
 * its 95 % interval) for the same hour. Where they disagree the simulation is the judge: it has the
 * 999-before-101 priority, one shared pool, redials, breaks and desk caps that the formulas lack.
 */
import type { StaffingRequirement } from './requirement.ts';
import { WEEKDAYS } from '../shared/time.ts';

interface Estimate {
  mean: number | null;
  ci95: [number, number] | null;
}

/** The parts of the simulation report this comparison reads (src/model/report.ts). */
export interface SimulatedHours {
  byHourOfWeek: {
    '999': { serviceLevel: Estimate[] };
    '101': { serviceLevel: Estimate[] };
    staffOnFloor: Estimate[];
  };
  standards: { '999': { share: number }; '101': { share: number } };
}

export interface HourComparison {
  /** 0 = Monday 00:00. */
  hourOfWeek: number;
  label: string;
  neededErlangA: number;
  onFloorRota: number;
  formulaShort: boolean;
  /** All staff on the floor in the simulation (every group, phone or not). */
  onFloorSimulated: number | null;
  serviceLevel999: Estimate;
  serviceLevel101: Estimate;
  /**
   * missed: a channel's 95 % interval lies wholly below its target; met: both lie wholly at or
   * above; uncertain otherwise (too few calls in that hour, or too few replications).
   */
  simulated: 'met' | 'missed' | 'uncertain';
  /** Formula short but the simulation met the targets, or formula covered but the simulation missed. */
  disagree: boolean;
}

export function formulasVersusSimulation(req: StaffingRequirement, startWeekday: number, sim: SimulatedHours): HourComparison[] {
  if (req.intervalMinutes !== 60) throw new RangeError('compare with the simulation at 60-minute intervals');
  const out: HourComparison[] = [];
  req.floor.slice(0, 168).forEach((f, i) => {
    const h = (startWeekday * 24 + i) % 168;
    const sl999 = sim.byHourOfWeek['999'].serviceLevel[h] ?? { mean: null, ci95: null };
    const sl101 = sim.byHourOfWeek['101'].serviceLevel[h] ?? { mean: null, ci95: null };
    const below = (e: Estimate, target: number) => e.ci95 !== null && e.ci95[1] < target;
    const above = (e: Estimate, target: number) => e.mean === null || (e.ci95 !== null && e.ci95[0] >= target);
    const t999 = sim.standards['999'].share;
    const t101 = sim.standards['101'].share;
    const simulated =
      below(sl999, t999) || below(sl101, t101) ? 'missed' : above(sl999, t999) && above(sl101, t101) ? 'met' : 'uncertain';
    out.push({
      hourOfWeek: h,
      label: `${WEEKDAYS[Math.floor(h / 24)]} ${String(h % 24).padStart(2, '0')}:00`,
      neededErlangA: f.needed,
      onFloorRota: f.onFloor,
      formulaShort: f.short,
      onFloorSimulated: sim.byHourOfWeek.staffOnFloor[h]?.mean ?? null,
      serviceLevel999: sl999,
      serviceLevel101: sl101,
      simulated,
      disagree: (f.short && simulated === 'met') || (!f.short && simulated === 'missed'),
    });
  });
  return out.sort((a, b) => a.hourOfWeek - b.hourOfWeek);
}
