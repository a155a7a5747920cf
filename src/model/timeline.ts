/**
 * The staffing timeline: the one place that knows who is on duty when. Shifts start on the days of
 * the week they name (a shift may run past midnight, so the day before the run counts too); each
 * rostered person is present with probability 1 − shrinkage, drawn per shift per day, each draw
 * keyed by (the shift, the day, the person) so that a rota edited in one shift leaves the absences
 * of every other shift as they were (common random numbers where a comparison needs them); breaks are
 * taken in two staggered waves (the first half of those present, rounded up, then the rest), so
 * the floor is never emptied at once. `fixed` staffing is that many all-skilled handlers on duty
 * all the time, without shrinkage. Who of those on duty can take calls is `floorCapacity`
 * (`capacity.ts`: shielding, the desk cap, desk places shared between groups).
 *
 * Three users, one rule:
 * - the simulation schedules `timeline.drawDay(day, draw)`: the capacity changes of the shifts
 *   that start on that day, with shrinkage drawn;
 * - the planner (`src/plan/requirement.ts`, `occsim staff`, the rota editor's chart) takes
 *   `timeline.expected({ fromDay, days, intervalMinutes })`: per interval and group, the staff
 *   rostered, the expected number on duty and the expected number on the floor. These are exact
 *   expectations of what the simulation does (over its shrinkage draws, through the non-linear
 *   desk cap), time-averaged over each interval;
 * - an optimiser building a rota from shift templates takes `templateCoverage(template, shrinkage,
 *   intervalMinutes)`: one template's expected staff on duty per interval of a week (Monday 00:00
 *   first, Sunday night wrapping into Monday), break waves included; sums them per group; and maps
 *   on duty to on the floor per group with `floorCapacity`.
 */
import { hashString, type KeyedRandom } from '../engine/index.ts';
import { exp, log } from '../engine/math.ts';
import { groupsOf, type Scenario } from '../scenario/index.ts';
import { SECONDS_PER_DAY, SECONDS_PER_HOUR, SECONDS_PER_WEEK, WEEKDAYS } from '../shared/time.ts';
import { weekdayOfDay, type SimCalendar } from './calendar-time.ts';
import { deskRules, floorCapacity, isUncapped, NO_CAP, type DeskRule } from './capacity.ts';

/** A shift as rostered: `staff` people of `group`, from `start` (HH:MM) for `hours`, on `days`. */
export interface ShiftTemplate {
  group: string;
  start: string;
  hours: number;
  days: readonly string[];
  staff: number;
  breaks: readonly { afterMinutes: number; minutes: number }[];
}

/** A break wave: off the floor from `from` to `to` seconds after the shift starts (cut at its end). */
export interface BreakWave {
  /** 0: the first half of those present, rounded up; 1: the rest. */
  wave: 0 | 1;
  from: number;
  to: number;
}

export interface CapacityChange {
  time: number;
  group: number;
  delta: number;
}

export interface ExpectedOptions {
  /** First simulated day (default 0). */
  fromDay?: number;
  /** Days covered (default 7). */
  days?: number;
  /** Interval length in minutes, dividing a day (default 60). */
  intervalMinutes?: number;
}

/** Per interval × group (index i·groups.length + g), time-averaged over each interval. */
export interface ExpectedFloor {
  groups: string[];
  intervalMinutes: number;
  fromDay: number;
  intervals: number;
  /** Staff on shift, before shrinkage and breaks. */
  rostered: Float64Array;
  /** Expected on duty: present (after shrinkage), not on a break. */
  onDuty: Float64Array;
  /** Expected on the floor: on duty, less shielding, within the usable desks. */
  onFloor: Float64Array;
}

export function clockSeconds(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h! * 60 + m!) * 60;
}

/** The break waves of a shift, in seconds from its start; a wave that would start after the shift ends is dropped. */
export function breakWaves(shift: Pick<ShiftTemplate, 'hours' | 'breaks'>): BreakWave[] {
  const end = shift.hours * SECONDS_PER_HOUR;
  const waves: BreakWave[] = [];
  for (const b of shift.breaks) {
    const starts: [0 | 1, number][] = [[0, b.afterMinutes * 60], [1, (b.afterMinutes + b.minutes) * 60]];
    for (const [wave, from] of starts) {
      const to = Math.min(from + b.minutes * 60, end);
      if (from < to) waves.push({ wave, from, to });
    }
  }
  return waves;
}

/** How many of `present` staff take a given break wave. */
export function waveSize(present: number, wave: 0 | 1): number {
  const first = Math.ceil(present / 2);
  return wave === 0 ? first : present - first;
}

/** A shift on one simulated day: absolute start and end, and its waves. */
interface Instance {
  group: number;
  staff: number;
  start: number;
  end: number;
  waves: BreakWave[];
  /** Present for sure (fixed staffing): no shrinkage draw. */
  certain: boolean;
}

export class StaffingTimeline {
  readonly groups: string[];
  readonly usesDesk: boolean[];
  readonly shrinkage: number;
  private readonly shifts: { template: ShiftTemplate; group: number; start: number; waves: BreakWave[]; key: number }[];
  private readonly fixed: number | undefined;
  private readonly rules: (day: number) => DeskRule;

  constructor(
    scenario: Scenario,
    private readonly cal: SimCalendar,
  ) {
    const { staffing } = scenario;
    const groups = groupsOf(staffing);
    this.groups = groups.map((g) => g.id);
    this.usesDesk = groups.map((g) => g.usesDesk);
    this.shrinkage = staffing.shrinkage;
    this.fixed = staffing.fixed;
    const seen = new Map<string, number>();
    this.shifts = (staffing.shifts ?? []).map((template) => {
      // A shift is known by what it is (group, start, length, breaks), not by its place in the list,
      // its name, or its headcount and days, which are what a user edits; shifts alike in all four
      // are told apart by their order.
      const what = JSON.stringify([template.group, template.start, template.hours, template.breaks]);
      const nth = seen.get(what) ?? 0;
      seen.set(what, nth + 1);
      return { template, group: this.groups.indexOf(template.group), start: clockSeconds(template.start), waves: breakWaves(template), key: hashString(`${what}#${nth}`) };
    });
    this.rules = deskRules(scenario, cal);
  }

  /** The desk rule of simulated day `day`. */
  deskRule(day: number): DeskRule {
    return day >= 0 ? this.rules(day) : NO_CAP;
  }

  /**
   * Capacity changes caused by the shifts starting on `day` (times may run into the next day), with
   * each rostered person present with probability 1 − shrinkage: person i of a shift is absent on a
   * day when `draw(shift, day, i)` < shrinkage. Fixed staffing comes on duty at time 0.
   */
  drawDay(day: number, draw: KeyedRandom): CapacityChange[] {
    if (this.fixed !== undefined) return day === 0 ? [{ time: 0, group: 0, delta: this.fixed }] : [];
    const weekday = WEEKDAYS[weekdayOfDay(this.cal, day)]!;
    const changes: CapacityChange[] = [];
    for (const { template, group, start: clock, waves, key } of this.shifts) {
      if (!template.days.includes(weekday)) continue;
      let present = 0;
      for (let i = 0; i < template.staff; i++) if (draw(key, day, i) >= this.shrinkage) present++;
      if (present === 0) continue;
      const start = day * SECONDS_PER_DAY + clock;
      changes.push({ time: start, group, delta: present }, { time: start + template.hours * SECONDS_PER_HOUR, group, delta: -present });
      for (const w of waves) {
        const size = waveSize(present, w.wave);
        if (size > 0) changes.push({ time: start + w.from, group, delta: -size }, { time: start + w.to, group, delta: size });
      }
    }
    return changes;
  }

  /** Expected staff rostered, on duty and on the floor per interval and group over days `fromDay` … `fromDay + days − 1`. */
  expected(options: ExpectedOptions = {}): ExpectedFloor {
    const fromDay = options.fromDay ?? 0;
    const days = options.days ?? 7;
    const minutes = options.intervalMinutes ?? 60;
    const instances: Instance[] = [];
    if (this.fixed !== undefined) instances.push({ group: 0, staff: this.fixed, start: -Infinity, end: Infinity, waves: [], certain: true });
    // As the simulation does: shifts from the day before the first day on, never before day −1.
    for (let day = Math.max(-1, fromDay - 1); day < fromDay + days; day++) {
      if (this.fixed !== undefined) break;
      const weekday = WEEKDAYS[weekdayOfDay(this.cal, day)]!;
      for (const s of this.shifts) {
        if (!s.template.days.includes(weekday)) continue;
        const start = day * SECONDS_PER_DAY + s.start;
        instances.push({ group: s.group, staff: s.template.staff, start, end: start + s.template.hours * SECONDS_PER_HOUR, waves: s.waves, certain: false });
      }
    }
    const from = fromDay * SECONDS_PER_DAY;
    const sweep = new Sweep(this.groups.length, this.usesDesk, this.shrinkage);
    const out = sweep.run(instances, from, from + days * SECONDS_PER_DAY, minutes * 60, (t) => this.deskRule(Math.floor(t / SECONDS_PER_DAY)));
    return { groups: this.groups, intervalMinutes: minutes, fromDay, ...out };
  }
}

/**
 * One shift template's expected staff on duty per interval of a week (Monday 00:00 first), after
 * shrinkage and break waves, before shielding and the desk cap. A shift running past Sunday
 * midnight wraps into Monday, as a rota repeated week after week does.
 */
export function templateCoverage(template: ShiftTemplate, shrinkage: number, intervalMinutes = 15): Float64Array {
  const clock = clockSeconds(template.start);
  const waves = breakWaves(template);
  const instances: Instance[] = [];
  WEEKDAYS.forEach((weekday, d) => {
    if (!template.days.includes(weekday)) return;
    for (const shift of [0, -SECONDS_PER_WEEK]) {
      const start = shift + d * SECONDS_PER_DAY + clock;
      instances.push({ group: 0, staff: template.staff, start, end: start + template.hours * SECONDS_PER_HOUR, waves, certain: false });
    }
  });
  return new Sweep(1, [false], shrinkage).run(instances, 0, SECONDS_PER_WEEK, intervalMinutes * 60, () => NO_CAP).onDuty;
}

/** A distribution over whole numbers: pmf[k] is the probability of `offset + k`. */
interface Pmf {
  offset: number;
  pmf: Float64Array;
}

/** Probabilities below this are dropped when enumerating the desk groups jointly. */
const NEGLIGIBLE = 1e-13;

/** Walks the timeline piece by piece (between any two changes) and integrates expectations per interval. */
class Sweep {
  private readonly binomials = new Map<number, Float64Array>();
  private readonly memo = new Map<string, { onDuty: Float64Array; onFloor: Float64Array }>();

  constructor(
    private readonly nGroups: number,
    private readonly usesDesk: readonly boolean[],
    private readonly shrinkage: number,
  ) {}

  run(instances: Instance[], from: number, to: number, intervalSeconds: number, ruleAt: (t: number) => DeskRule) {
    const G = this.nGroups;
    const intervals = Math.round((to - from) / intervalSeconds);
    const rostered = new Float64Array(intervals * G);
    const onDuty = new Float64Array(intervals * G);
    const onFloor = new Float64Array(intervals * G);
    const cuts = new Set<number>();
    for (let t = from; t <= to; t += Math.min(intervalSeconds, SECONDS_PER_DAY)) cuts.add(t);
    for (let t = from; t <= to; t += SECONDS_PER_DAY) cuts.add(t);
    for (const x of instances) for (const t of [x.start, x.end, ...x.waves.flatMap((w) => [x.start + w.from, x.start + w.to])]) if (t > from && t < to) cuts.add(t);
    const points = [...cuts].sort((a, b) => a - b);

    for (let p = 0; p + 1 < points.length; p++) {
      const a = points[p]!;
      const b = points[p + 1]!;
      const i = Math.floor((a - from) / intervalSeconds);
      const weight = (b - a) / intervalSeconds;
      const rule = ruleAt(a);
      // Each active shift as (group, staff, waves under way): the key of this piece's state.
      const active: [number, number, number, number, boolean][] = [];
      for (const x of instances) {
        if (a < x.start || a >= x.end) continue;
        let k0 = 0;
        let k1 = 0;
        for (const w of x.waves) if (a >= x.start + w.from && a < x.start + w.to) w.wave === 0 ? k0++ : k1++;
        active.push([x.group, x.staff, k0, k1, x.certain]);
        rostered[i * G + x.group]! += weight * x.staff;
      }
      const key = JSON.stringify([rule.usable === Infinity ? null : rule.usable, rule.shielding, rule.shieldingShare, active]);
      let state = this.memo.get(key);
      if (!state) this.memo.set(key, (state = this.expectation(active, rule)));
      for (let g = 0; g < G; g++) {
        onDuty[i * G + g]! += weight * state.onDuty[g]!;
        onFloor[i * G + g]! += weight * state.onFloor[g]!;
      }
    }
    return { intervals, rostered, onDuty, onFloor };
  }

  /** Expected on duty and on the floor per group for one state of the timeline. */
  private expectation(active: [number, number, number, number, boolean][], rule: DeskRule) {
    const G = this.nGroups;
    const dist: Pmf[] = Array.from({ length: G }, () => ({ offset: 0, pmf: Float64Array.of(1) }));
    for (const [g, staff, k0, k1, certain] of active) dist[g] = convolve(dist[g]!, this.onDutyPmf(staff, k0, k1, certain));
    const onDuty = Float64Array.from(dist, meanOf);
    if (isUncapped(rule)) return { onDuty, onFloor: onDuty };
    const onFloor = Float64Array.from(onDuty);
    const desk = dist.map((_, g) => g).filter((g) => this.usesDesk[g]);
    for (const g of desk) onFloor[g] = 0;
    // The desk cap is not linear: enumerate the desk groups' numbers on duty jointly.
    const counts = new Float64Array(G);
    const floor = new Float64Array(G);
    const visit = (j: number, p: number) => {
      if (j === desk.length) {
        floorCapacity(counts, this.usesDesk, rule, floor);
        for (const g of desk) onFloor[g]! += p * floor[g]!;
        return;
      }
      const { offset, pmf } = dist[desk[j]!]!;
      for (let k = 0; k < pmf.length; k++) {
        if (pmf[k]! <= NEGLIGIBLE) continue;
        counts[desk[j]!] = offset + k;
        visit(j + 1, p * pmf[k]!);
      }
    };
    visit(0, 1);
    return { onDuty, onFloor };
  }

  /** Distribution of a shift's staff on duty: P present (binomial), less the break waves under way. */
  private onDutyPmf(staff: number, k0: number, k1: number, certain: boolean): Pmf {
    const present = certain || this.shrinkage === 0 ? pointMass(staff) : this.binomial(staff);
    const values = new Map<number, number>();
    present.forEach((p, n) => {
      if (p === 0) return;
      const v = n - k0 * waveSize(n, 0) - k1 * waveSize(n, 1);
      values.set(v, (values.get(v) ?? 0) + p);
    });
    const lo = Math.min(...values.keys());
    const pmf = new Float64Array(Math.max(...values.keys()) - lo + 1);
    for (const [v, p] of values) pmf[v - lo] = p;
    return { offset: lo, pmf };
  }

  /** Binomial(staff, 1 − shrinkage), in log space so large headcounts do not underflow. */
  private binomial(staff: number): Float64Array {
    let pmf = this.binomials.get(staff);
    if (pmf) return pmf;
    const q = 1 - this.shrinkage;
    pmf = new Float64Array(staff + 1);
    let logChoose = 0;
    for (let k = 0; k <= staff; k++) {
      if (k > 0) logChoose += log(staff - k + 1) - log(k);
      pmf[k] = exp(logChoose + k * log(q) + (staff - k) * log(this.shrinkage));
    }
    this.binomials.set(staff, pmf);
    return pmf;
  }
}

function pointMass(n: number): Float64Array {
  const pmf = new Float64Array(n + 1);
  pmf[n] = 1;
  return pmf;
}

function convolve(x: Pmf, y: Pmf): Pmf {
  const pmf = new Float64Array(x.pmf.length + y.pmf.length - 1);
  for (let i = 0; i < x.pmf.length; i++) {
    const p = x.pmf[i]!;
    if (p === 0) continue;
    for (let j = 0; j < y.pmf.length; j++) pmf[i + j]! += p * y.pmf[j]!;
  }
  return { offset: x.offset + y.offset, pmf };
}

function meanOf(d: Pmf): number {
  let m = 0;
  for (let k = 0; k < d.pmf.length; k++) m += d.pmf[k]! * (d.offset + k);
  return m;
}
