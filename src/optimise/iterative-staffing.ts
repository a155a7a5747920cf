/**
 * The iterative staffing algorithm (Feldman, Mandelbaum, Massey and Whitt, 2008), with the
 * simulation as the judge of each hour: start from Erlang A per hour of the week, simulate a floor
 * staffed exactly so, and move each hour's staff up where its simulated service level misses the
 * target and down where it clears it, remembering for each hour the largest number that failed
 * and the smallest that passed, until nothing moves. The simulation carries what the formula
 * cannot: 999 before 101 on shared handlers, abandonment and redial, and load that changes from
 * hour to hour (a queue left at 09:00 is still there at 10:00).
 */
import { staffingRequirement } from '../demand/requirement.ts';
import { simCalendar, weekdayOfDay } from '../model/calendar-time.ts';
import { deskCapacity } from '../model/desks.ts';
import { WEEKDAYS, type Scenario, type Shift } from '../scenario/index.ts';
import type { ReplicationStats } from '../stats/replication.ts';
import { erlangC } from '../stats/erlang.ts';
import { HOURS_OF_WEEK } from './coverage.ts';
import type { Pools } from './pools.ts';

/** Staff needed on the floor: per phone channel and hour of week, cumulative over the pools it carries. */
export type PhoneRequirement = Record<string, number[]>;

/** The scenario cut to the optimiser's window: a short warm-up and `weeks` measured weeks. */
export function optimisationWindow(scenario: Scenario, weeks: number): Scenario {
  const warmupDays = Math.max(1, Math.min(scenario.horizon.warmupDays, 3));
  return { ...scenario, horizon: { ...scenario.horizon, warmupDays, days: warmupDays + 7 * weeks } };
}

/** Hour of week (Monday 00:00 = 0) of hour `i` of a run starting on `startDate`. */
function hourOfWeek(startDate: string, i: number): number {
  return (simCalendar(startDate).startWeekday * 24 + i) % HOURS_OF_WEEK;
}

/**
 * Erlang A per channel and hour of week (the planner's per-interval figures, the busiest week of
 * the window), made cumulative: a channel's pool also carries the channels it contains.
 */
export function erlangStart(window: Scenario, pools: Pools, kind: 'erlangA' | 'erlangC' = 'erlangA'): PhoneRequirement {
  const { warmupDays, days } = window.horizon;
  const plan = staffingRequirement(window, { intervalMinutes: 60, days });
  const own: Record<string, number[]> = {};
  for (const p of pools.phone) own[p.channel] = new Array(HOURS_OF_WEEK).fill(0);
  const perDay = 24;
  const index = new Map<string, number>();
  for (const f of plan.floor) index.set(f.start, index.size);
  for (const row of plan.intervals) {
    const i = index.get(row.start)!;
    if (i < warmupDays * perDay || !own[row.channel]) continue;
    const h = hourOfWeek(window.horizon.startDate, i);
    own[row.channel]![h] = Math.max(own[row.channel]![h]!, row[kind]);
  }
  const out: PhoneRequirement = {};
  for (const p of pools.phone) out[p.channel] = own[p.channel]!.map((n, h) => n + p.carries.reduce((s, c) => s + own[c]![h]!, 0));
  return out;
}

/**
 * The cheapest head count per group and hour that meets every pool's requirement: channels in
 * priority order, any shortfall added to the pool's first group. Online groups get `online` each hour.
 */
export function realise(pools: Pools, req: PhoneRequirement, online: number[]): Map<string, number[]> {
  const staff = new Map<string, number[]>();
  const of = (g: string) => staff.get(g) ?? staff.set(g, new Array(HOURS_OF_WEEK).fill(0)).get(g)!;
  for (let h = 0; h < HOURS_OF_WEEK; h++) {
    for (const p of pools.phone) {
      const covered = p.groups.reduce((s, g) => s + of(g)[h]!, 0);
      const short = req[p.channel]![h]! - covered;
      if (short > 0) of(p.groups[0]!)[h]! += short;
    }
    if (pools.online.length) of(pools.online[0]!)[h]! = Math.max(of(pools.online[0]!)[h]!, online[h]!);
  }
  return staff;
}

/** A scenario whose floor is exactly `staff` (per group and hour of week): one-hour shifts, no breaks or shrinkage. */
export function hourlyScenario(window: Scenario, staff: Map<string, number[]>): Scenario {
  const shifts: Shift[] = [];
  for (const [group, byHour] of staff)
    byHour.forEach((n, h) => {
      if (n > 0) shifts.push({ group, start: `${String(h % 24).padStart(2, '0')}:00`, hours: 1, days: [WEEKDAYS[Math.floor(h / 24)]!], staff: n, breaks: [] });
    });
  return { ...window, staffing: { ...window.staffing, shrinkage: 0, shifts } };
}

/**
 * Pooled share answered in target per hour of week (null where nothing was offered). Given the
 * staff per hour, each hour is pooled with the neighbours either side that have the same staff: an
 * hour's service level swings with the queue it inherits, so a few weeks of one hour judge it
 * poorly, while like-staffed neighbours share most of that queue and triple the evidence (a
 * neighbour with more staff would flatter it, so it is left out).
 */
export function hourlyServiceLevel(results: readonly ReplicationStats[], channel: '999' | '101', staff?: readonly number[]): (number | null)[] {
  const offered = new Array(HOURS_OF_WEEK).fill(0);
  const within = new Array(HOURS_OF_WEEK).fill(0);
  for (const r of results)
    for (let h = 0; h < HOURS_OF_WEEK; h++) {
      offered[h] += r.channels[channel].byHour.offered[h]!;
      within[h] += r.channels[channel].byHour.withinTarget[h]!;
    }
  return Array.from({ length: HOURS_OF_WEEK }, (_, h) => {
    let o = 0;
    let w = 0;
    for (let k = h - 1; k <= h + 1; k++) {
      const j = (k + HOURS_OF_WEEK) % HOURS_OF_WEEK;
      if (j !== h && (!staff || staff[j] !== staff[h])) continue;
      o += offered[j];
      w += within[j];
    }
    return o > 0 ? w / o : null;
  });
}

/**
 * Most staff of a pool that can be on the floor in each hour of week: the usable desks (with the
 * staff shielding) when every group of the pool works at a desk, and the groups' `maxOnDuty`.
 */
export function poolLimits(window: Scenario, pools: Pools): Record<string, number[]> {
  const cal = simCalendar(window.horizon.startDate);
  const desks = deskCapacity(window, cal);
  const usesDesk = new Map((window.staffing.groups ?? []).map((g) => [g.id, g.usesDesk]));
  const maxOnDuty = window.optimise?.maxOnDuty ?? {};
  const present = 1 - window.staffing.shrinkage;
  const out: Record<string, number[]> = {};
  for (const p of pools.phone) {
    const limit = new Array(HOURS_OF_WEEK).fill(Infinity);
    const headCap = p.groups.every((g) => maxOnDuty[g] !== undefined) ? p.groups.reduce((s, g) => s + Math.floor(maxOnDuty[g]! * present), 0) : Infinity;
    for (let day = window.horizon.warmupDays; day < window.horizon.days; day++) {
      const rule = desks(day);
      const deskCap = p.groups.every((g) => usesDesk.get(g) !== false) ? Math.floor(rule.usable) : Infinity;
      const h0 = weekdayOfDay(cal, day) * 24;
      for (let k = 0; k < 24; k++) limit[h0 + k] = Math.min(limit[h0 + k]!, deskCap, headCap);
    }
    out[p.channel] = limit;
  }
  return out;
}

/** Per channel and hour: the largest head count seen to miss and the smallest seen to meet. */
export interface Brackets {
  fail: Record<string, number[]>;
  pass: Record<string, number[]>;
}

export function emptyBrackets(pools: Pools): Brackets {
  const fill = (v: number) => Object.fromEntries(pools.phone.map((p) => [p.channel, new Array(HOURS_OF_WEEK).fill(v)]));
  return { fail: fill(-1), pass: fill(Infinity) };
}

export interface StepResult {
  next: PhoneRequirement;
  changed: number;
  /** Hours (per channel) that miss their target at the most the limits allow. */
  limited: Record<string, number[]>;
}

/** Mean work per answered contact, seconds, per phone channel as simulated (talk, wrap and triage). */
export function simulatedHandlingSeconds(results: readonly ReplicationStats[], channel: '999' | '101'): number {
  let work = 0;
  let answered = 0;
  for (const r of results) {
    work += r.channels[channel].handlingSeconds;
    answered += r.channels[channel].answered;
  }
  return answered > 0 ? work / answered : NaN;
}

/**
 * Staff an hour needs, by Erlang C calibrated to the simulation: the arrival rate at which Erlang C
 * with `n` handlers gives the service level the simulation measured, then the fewest handlers that
 * meet the target at that rate. The calibration absorbs what Erlang C leaves out (priority,
 * abandonment, redial, queues carried over from the hour before), so a miss of 20 points asks for
 * more than one extra handler, and a comfortable pass offers more than one back.
 */
export function calibratedNeed(n: number, observed: number, handlingSeconds: number, target: { seconds: number; share: number }): number {
  if (n <= 0 || !Number.isFinite(handlingSeconds)) return observed >= target.share ? n : n + 1;
  const mu = 1 / handlingSeconds;
  const sl = (agents: number, rate: number) => erlangC({ agents, arrivalRate: rate, serviceRate: mu }).serviceLevel(target.seconds);
  // Service level falls as the rate rises towards n·μ: bisect for the rate that gives `observed`.
  let lo = 0;
  let hi = n * mu;
  for (let i = 0; i < 50; i++) {
    const mid = (lo + hi) / 2;
    if (sl(n, mid) > observed) lo = mid;
    else hi = mid;
  }
  const rate = (lo + hi) / 2;
  if (rate <= 0) return 1;
  for (let agents = Math.floor(rate / mu) + 1; ; agents++) if (sl(agents, rate) >= target.share) return agents;
}

/**
 * One move of the algorithm, channel by channel in priority order, on each channel's own staff
 * (its requirement less what it carries for higher-priority channels): to the calibrated need,
 * never below one more than the most seen to miss nor above the fewest seen to meet, and down by
 * at most two a round (the calibration is least sure far from where it was measured).
 */
export function isaStep(
  pools: Pools,
  req: PhoneRequirement,
  sl: Record<string, (number | null)[]>,
  handlingSeconds: Record<string, number>,
  brackets: Brackets,
  limits: Record<string, number[]>,
): StepResult {
  const next: PhoneRequirement = {};
  const limited: Record<string, number[]> = {};
  let changed = 0;
  const own = (r: PhoneRequirement, c: string, h: number) => r[c]![h]! - carried(r, c, h);
  const carried = (r: PhoneRequirement, c: string, h: number): number => {
    const p = pools.phone.find((q) => q.channel === c)!;
    return p.carries.length ? Math.max(...p.carries.map((k) => r[k]![h]!)) : 0;
  };
  for (const p of pools.phone) {
    const c = p.channel;
    const out = req[c]!.slice();
    limited[c] = [];
    next[c] = out;
    for (let h = 0; h < HOURS_OF_WEEK; h++) {
      const s = sl[c]![h] ?? null;
      const n = own(req, c, h);
      const miss = s !== null && s < p.target.share;
      let want = n;
      if (!miss) {
        brackets.pass[c]![h] = Math.min(brackets.pass[c]![h]!, n);
        if (s !== null) want = Math.min(n, Math.max(calibratedNeed(n, s, handlingSeconds[c]!, p.target), n - 2, brackets.fail[c]![h]! + 1, 0));
      } else {
        brackets.fail[c]![h] = Math.max(brackets.fail[c]![h]!, n);
        want = Math.max(calibratedNeed(n, s, handlingSeconds[c]!, p.target), n + 1);
        if (brackets.pass[c]![h]! > n) want = Math.min(want, brackets.pass[c]![h]!);
      }
      const base = carried(next, c, h);
      let total = base + want;
      if (total > limits[c]![h]!) {
        if (miss) limited[c]!.push(h);
        total = Math.max(limits[c]![h]!, base);
      }
      out[h] = total;
      if (out[h] !== req[c]![h]) changed++;
    }
  }
  return { next, changed, limited };
}

export interface IsaRun {
  window: Scenario;
  pools: Pools;
  start: PhoneRequirement;
  limits: Record<string, number[]>;
  rounds: number;
  /** Replications of a scenario on the optimiser's seeds (the same ones every round: common random numbers). */
  simulate: (scenario: Scenario) => Promise<ReplicationStats[]>;
  /** Weeks measured in one call of `simulate`, all replications together. */
  weeksSimulated: number;
  /** Called before each round; false stops (the budget is spent). */
  beforeRound?: (round: number) => boolean;
}

export interface IsaResult {
  requirement: PhoneRequirement;
  /** Person-hours of online work offered per day of week, Mon first (from the simulation). */
  onlineWork: number[];
  limited: Record<string, number[]>;
  rounds: { round: number; requirement: PhoneRequirement; changed: number }[];
  converged: boolean;
}

/** Digital-desk staff hours per hour of online work (a utilisation of 85 %), for the rounds' online floor. */
const ONLINE_UTILISATION = 0.85;

export async function iterativeStaffing(run: IsaRun): Promise<IsaResult> {
  const { pools } = run;
  let req = run.start;
  let onlineHourly: number[] = new Array(HOURS_OF_WEEK).fill(pools.online.length ? 1 : 0);
  let onlineWork: number[] = new Array(7).fill(0);
  const brackets = emptyBrackets(pools);
  let limited: Record<string, number[]> = {};
  const rounds: IsaResult['rounds'] = [];
  for (let round = 1; round <= run.rounds; round++) {
    if (run.beforeRound && !run.beforeRound(round)) break;
    const results = await run.simulate(hourlyScenario(run.window, realise(pools, req, onlineHourly)));
    onlineWork = onlineWorkByDay(results, run.weeksSimulated);
    onlineHourly = onlineWork.flatMap((w) => new Array(24).fill(Math.ceil(w / ONLINE_UTILISATION / 24)));
    const sl = Object.fromEntries(pools.phone.map((p) => [p.channel, hourlyServiceLevel(results, p.channel, req[p.channel])]));
    const handling = Object.fromEntries(pools.phone.map((p) => [p.channel, simulatedHandlingSeconds(results, p.channel)]));
    const step = isaStep(pools, req, sl, handling, brackets, run.limits);
    rounds.push({ round, requirement: req, changed: step.changed });
    limited = step.limited;
    if (step.changed === 0) return { requirement: req, onlineWork, limited, rounds, converged: true };
    req = step.next;
  }
  return { requirement: req, onlineWork, limited, rounds, converged: false };
}

/** Person-hours of online work offered per day of week (Mon first), per simulated week. */
function onlineWorkByDay(results: readonly ReplicationStats[], weeks: number): number[] {
  let handling = 0;
  let answered = 0;
  const offered = new Array(7).fill(0);
  for (const r of results) {
    const o = r.channels.online;
    handling += o.handlingSeconds;
    answered += o.answered;
    o.byHour.offered.forEach((n, h) => (offered[Math.floor(h / 24)]! += n));
  }
  const meanHours = answered > 0 ? handling / answered / 3600 : 0;
  return offered.map((n) => (n / weeks) * meanHours);
}
