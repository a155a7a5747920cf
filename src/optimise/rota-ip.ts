/**
 * The rota as a covering integer programme: how many people on each candidate shift, at least cost
 * per week, so that every phone pool's expected staff on the floor (after shrinkage and breaks)
 * reaches its requirement in every hour of the week, the online groups work their day's hours,
 * no group has more on duty than `maxOnDuty`, and (if asked) at most `maxChanges` person-shifts a
 * week differ from the current rota.
 */
import type { Highs } from 'highs';
import { groupsOf, type Scenario, type Shift } from '../scenario/index.ts';
import { WEEKDAYS } from '../shared/time.ts';
import { HOURS_OF_WEEK } from './coverage.ts';
import { improveByNeighbourhoods, solveCovering, type Column, type CoveringProblem, type CoveringResult, type Row } from './covering-ip.ts';
import type { PhoneRequirement } from './iterative-staffing.ts';
import { improveByExchanges } from './local-search.ts';
import type { Pools } from './pools.ts';
import type { Candidate } from './templates.ts';

export interface RotaProblem {
  scenario: Scenario;
  candidates: readonly Candidate[];
  pools: Pools;
  phone: PhoneRequirement;
  /** Person-hours of online work needed per day of week (Mon first), for the online groups. */
  onlineHoursByDay: number[];
}

export type RotaSolution =
  | { status: 'optimal'; staff: number[]; costPerWeek: number; lowerBoundPerWeek: number; gap: number }
  | { status: 'infeasible' | 'failed'; message: string };

export function solveRota(highs: Highs, p: RotaProblem): RotaSolution {
  const result: CoveringResult = solveCovering(highs, rotaProgramme(p), { maxNodes: ROOT_NODE });
  if (result.status === 'infeasible') return { status: 'infeasible', message: 'no choice of the allowed shifts covers the requirement within the limits' };
  if (result.status === 'failed') return { status: 'failed', message: result.message };
  return {
    status: 'optimal',
    staff: result.values.slice(0, p.candidates.length),
    costPerWeek: result.cost,
    lowerBoundPerWeek: result.lowerBound,
    gap: result.gap,
  };
}

const costOf = (programme: CoveringProblem, x: readonly number[]) => x.reduce((s, n, j) => s + n * programme.columns[j]!.cost, 0);

/**
 * Branch-and-bound nodes for a whole week's programme: the root alone. Measured on the baseline,
 * 50 nodes cost two and a half times the root's CPU time and found nothing better; what the root
 * leaves on the table, `polishRota` takes back more cheaply.
 */
const ROOT_NODE = 1;

/**
 * A cheaper rota for the same requirement, if one is found: exchanges of one or two people
 * (`improveByExchanges`, a fraction of a second), then each day's shifts re-chosen exactly as HiGHS
 * can at its root node with every other day's held, day after day (`improveByNeighbourhoods`), then
 * exchanges again, which take up the slack a re-chosen day leaves across midnight and between
 * groups. Branch and bound on the whole week stops at its node limit with people where the LP's
 * fractions put them; exchanges and one day at a time settle most of that. Null when nothing
 * cheaper is found, and with maxChanges (whose helper columns tie the days together).
 */
export function polishRota(highs: Highs, p: RotaProblem, staff: readonly number[]): { staff: number[]; costPerWeek: number } | null {
  if (p.scenario.optimise?.maxChanges !== undefined) return null;
  const programme = rotaProgramme(p);
  const byDay = WEEKDAYS.map((d) => p.candidates.flatMap((c, j) => (c.shift.days.includes(d) && programme.columns[j]!.upper !== 0 ? [j] : [])));
  const exchanged = improveByExchanges(programme, staff) ?? [...staff];
  const byDays = improveByNeighbourhoods(highs, programme, exchanged, byDay, DAY_SWEEPS);
  const better = improveByExchanges(programme, byDays) ?? byDays;
  return costOf(programme, better) < costOf(programme, staff) - 1e-6 ? { staff: better, costPerWeek: costOf(programme, better) } : null;
}

/**
 * Sweeps of the days in the polish. Measured on the baseline's final requirement (LP bound
 * £68,377): three sweeps from HiGHS's rota came to £70,448 (£70,320 with exchanges after); one
 * sweep between exchanges to £70,411 in a quarter of the time, the HiGHS searches being most of it.
 */
const DAY_SWEEPS = 1;

/** The covering programme of a rota problem: one column per candidate first (then maxChanges' helpers), in candidate order. */
export function rotaProgramme(p: RotaProblem): CoveringProblem {
  const columns: Column[] = p.candidates.map((c) => ({ cost: c.costPerWeek, coefficients: new Map() }));
  const rows: Row[] = [];
  const row = (r: Row, terms: Iterable<[number, number]>) => {
    const index = rows.push(r) - 1;
    for (const [j, a] of terms) columns[j]!.coefficients.set(index, a);
  };
  const inPool = (groups: readonly string[]) => p.candidates.flatMap((c, j) => (groups.includes(c.shift.group) ? [j] : []));

  for (const pool of p.pools.phone) {
    const js = inPool(pool.groups);
    for (let h = 0; h < HOURS_OF_WEEK; h++) {
      const need = p.phone[pool.channel]![h]!;
      if (need > 0) row({ lower: need - 1e-6 }, js.map((j) => [j, p.candidates[j]!.coverage.floor[h]!]));
    }
  }
  const onlineJs = inPool(p.pools.online);
  p.onlineHoursByDay.forEach((need, d) => {
    if (need > 0) row({ lower: need }, onlineJs.map((j) => [j, p.candidates[j]!.coverage.hoursByDay[d]!]));
  });
  for (const [group, most] of Object.entries(p.scenario.optimise?.maxOnDuty ?? {})) {
    const js = inPool([group]);
    for (let h = 0; h < HOURS_OF_WEEK; h++) row({ upper: most }, js.flatMap((j) => (p.candidates[j]!.coverage.onDuty[h] ? [[j, 1] as [number, number]] : [])));
  }
  const maxChanges = p.scenario.optimise?.maxChanges;
  if (maxChanges !== undefined) {
    const { current, unmatched } = currentOnCandidates(p.scenario, p.candidates);
    // d_j ≥ |x_j − current_j|, weighted by the days of the pattern; Σ d_j ≤ K − the current shifts no candidate can keep.
    const total: [number, number][] = [];
    p.candidates.forEach((c, j) => {
      const d = columns.push({ cost: 0, coefficients: new Map() }) - 1;
      row({ lower: -current[j]! }, [[d, 1], [j, -1]]);
      row({ lower: current[j]! }, [[d, 1], [j, 1]]);
      total.push([d, c.shift.days.length]);
    });
    row({ upper: maxChanges - unmatched }, total);
  }
  if (maxChanges === undefined) fixDuplicates(columns);
  return { columns, rows };
}

/**
 * Candidates that cost the same and give every row the same are one choice to the programme (a
 * digital-desk shift gives its day's hours whatever hour it starts; two break plans of equal
 * length give an online day the same): all but the first are held at 0, so branch and bound does
 * not wander among copies of one answer. Not with maxChanges, where each keeps its own count.
 */
function fixDuplicates(columns: Column[]): void {
  const seen = new Set<string>();
  for (const c of columns) {
    const key = JSON.stringify([c.cost.toPrecision(12), [...c.coefficients].sort((a, b) => a[0] - b[0]).map(([r, a]) => [r, a.toPrecision(12)])]);
    if (seen.has(key)) c.upper = 0;
    else seen.add(key);
  }
}

/**
 * The current rota as staff on candidate shifts: a shift matches a candidate with the same group,
 * start, length and breaks on the same days, or day by day on single-day candidates. Person-shifts
 * that match nothing are changes whatever the optimiser does.
 */
export function currentOnCandidates(scenario: Scenario, candidates: readonly Candidate[]): { current: number[]; unmatched: number } {
  const current = candidates.map(() => 0);
  const key = (s: Shift, days: readonly string[]) => JSON.stringify([s.group, s.start, s.hours, s.breaks.map((b) => [b.afterMinutes, b.minutes, b.paid]), [...days].sort()]);
  const index = new Map(candidates.map((c, j) => [key(c.shift, c.shift.days), j]));
  let unmatched = 0;
  for (const s of scenario.staffing.shifts ?? []) {
    const whole = index.get(key(s, s.days));
    if (whole !== undefined) {
      current[whole]! += s.staff;
      continue;
    }
    for (const d of s.days) {
      const one = index.get(key(s, [d]));
      if (one !== undefined) current[one]! += s.staff;
      else unmatched += s.staff;
    }
  }
  return { current, unmatched };
}

/** The chosen staff as scenario shifts: candidates with the same shape and staff are joined across days. */
export function rotaShifts(scenario: Scenario, candidates: readonly Candidate[], staff: readonly number[]): Shift[] {
  const names = new Map(groupsOf(scenario.staffing).map((g) => [g.id, g.name ?? g.id]));
  const joined = new Map<string, Shift>();
  candidates.forEach((c, j) => {
    const n = staff[j]!;
    if (n <= 0) return;
    const k = JSON.stringify([c.shift.group, c.shift.start, c.shift.hours, c.plan, n]);
    const s = joined.get(k);
    if (s) s.days = WEEKDAYS.filter((d) => s.days.includes(d) || c.shift.days.includes(d));
    else joined.set(k, { ...c.shift, name: `${names.get(c.shift.group)}: ${c.shift.name}`, days: [...c.shift.days], staff: n });
  });
  const order = new Map(groupsOf(scenario.staffing).map((g, i) => [g.id, i]));
  return [...joined.values()].sort((a, b) => order.get(a.group)! - order.get(b.group)! || a.start.localeCompare(b.start) || a.hours - b.hours || WEEKDAYS.indexOf(a.days[0]!) - WEEKDAYS.indexOf(b.days[0]!));
}
