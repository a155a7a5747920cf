/**
 * The iterative staffing algorithm (Feldman, Mandelbaum, Massey and Whitt, 2008), with the
 * simulation as the judge of each hour: start from Erlang A per hour of the week, simulate a floor
 * staffed exactly so, and move each hour's staff up where its simulated service level misses the
 * target and down where it clears it, remembering for each hour the largest number that failed
 * and the smallest that passed, until nothing moves. The simulation carries what the formula
 * cannot: 999 before 101 on shared handlers, abandonment and redial, and load that changes from
 * hour to hour (a queue left at 09:00 is still there at 10:00).
 */
import { staffingRequirement } from '../plan/requirement.ts';
import { simCalendar, weekdayOfDay } from '../model/calendar-time.ts';
import { deskRules } from '../model/capacity.ts';
import type { Scenario, Shift } from '../scenario/index.ts';
import { WEEKDAYS } from '../shared/time.ts';
import type { ReplicationStats } from '../stats/replication.ts';
import { erlangC } from '../stats/erlang.ts';
import { HOURS_OF_WEEK } from './coverage.ts';
import type { PhonePool, Pools } from './pools.ts';

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
  const desks = deskRules(window, cal);
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
 * An hour's service-level curve, Erlang C calibrated to the simulation: the arrival rate at which
 * Erlang C with `n` handlers gives the service level the simulation measured. The calibration
 * absorbs what Erlang C leaves out (999 before 101, abandonment, redial, the queue inherited from
 * the hour before), so the curve says how many more (or fewer) handlers the hour needs.
 */
export function calibratedCurve(n: number, observed: number | null, handlingSeconds: number, withinSeconds: number): (agents: number) => number {
  if (observed === null || !Number.isFinite(handlingSeconds)) return () => 1;
  const mu = 1 / handlingSeconds;
  const sl = (agents: number, rate: number) => (agents <= 0 ? 0 : erlangC({ agents, arrivalRate: rate, serviceRate: mu }).serviceLevel(withinSeconds));
  if (n <= 0) {
    // Nothing to calibrate against: no staff answered nothing. Assume one handler's full load.
    return (agents) => sl(agents, mu * 0.5);
  }
  // Service level falls as the rate rises towards n·μ: bisect for the rate that gives `observed`.
  let lo = 0;
  let hi = n * mu;
  for (let i = 0; i < 50; i++) {
    const mid = (lo + hi) / 2;
    if (sl(n, mid) > observed) lo = mid;
    else hi = mid;
  }
  const rate = (lo + hi) / 2;
  return (agents) => sl(agents, rate);
}

/** Fewest handlers a calibrated curve says reach `share` (at most `cap`). */
function fewestReaching(curve: (n: number) => number, share: number, cap: number): number {
  let n = 0;
  while (n < cap && curve(n) < share) n++;
  return n;
}

export interface ChannelEvidence {
  /** Pooled service level per hour of week as simulated (null: nothing offered). */
  serviceLevel: (number | null)[];
  /** Calls offered per hour of week, simulated (weights of the overall service level). */
  offered: number[];
  handlingSeconds: number;
}

/**
 * One move of the algorithm, channel by channel in priority order, on each channel's own staff
 * (its requirement less what it carries for higher-priority channels). Each hour's curve is
 * calibrated to what the simulation measured; then handlers are handed out one at a time to the
 * hour where one more adds most to the channel's overall service level, until the curves say the
 * channel reaches `shares[c]` overall, every hour at least at its floor (`floors[c]`, with the
 * bracket of head counts seen to miss and to meet it so that noise cannot send it round in circles).
 */
export function isaStep(
  pools: Pools,
  req: PhoneRequirement,
  evidence: Record<string, ChannelEvidence>,
  shares: Record<string, number>,
  floors: Partial<Record<string, number>>,
  brackets: Brackets,
  limits: Record<string, number[]>,
): StepResult {
  const next: PhoneRequirement = {};
  const limited: Record<string, number[]> = {};
  let changed = 0;
  const carried = (r: PhoneRequirement, p: PhonePool, h: number): number => (p.carries.length ? Math.max(...p.carries.map((k) => r[k]![h]!)) : 0);
  for (const p of pools.phone) {
    const c = p.channel;
    const e = evidence[c]!;
    const own = req[c]!.map((n, h) => n - carried(req, p, h));
    const base = Array.from({ length: HOURS_OF_WEEK }, (_, h) => carried(next, p, h));
    const room = Array.from({ length: HOURS_OF_WEEK }, (_, h) => Math.max(0, limits[c]![h]! - base[h]!));
    const curves = own.map((n, h) => calibratedCurve(n, e.serviceLevel[h] ?? null, e.handlingSeconds, p.target.seconds));
    const floor = floors[c];
    limited[c] = [];
    // Start every hour at its floor, and at least where the queue is stable (below it the curve is flat at 0).
    const want = own.map((n, h) => {
      const stable = e.offered[h]! > 0 ? fewestReaching(curves[h]!, 1e-6, room[h]!) : 0;
      if (floor === undefined) return stable;
      const s = e.serviceLevel[h] ?? null;
      let m = Math.max(stable, fewestReaching(curves[h]!, floor, room[h]!));
      if (s !== null && s >= floor) {
        brackets.pass[c]![h] = Math.min(brackets.pass[c]![h]!, n);
        m = Math.min(n, Math.max(m, n - 2));
      } else if (s !== null) {
        brackets.fail[c]![h] = Math.max(brackets.fail[c]![h]!, n);
        m = Math.max(m, n + 1);
      }
      m = Math.max(m, brackets.fail[c]![h]! + 1);
      if (brackets.pass[c]![h]! < Infinity) m = Math.min(m, brackets.pass[c]![h]!);
      if (m > room[h]!) limited[c]!.push(h);
      return Math.min(m, room[h]!);
    });
    // Then hand out handlers where each adds most to the overall share, until it reaches the aim.
    const total = e.offered.reduce((a, b) => a + b, 0);
    if (total > 0) {
      const w = e.offered.map((o) => o / total);
      let level = want.reduce((sum, n, h) => sum + w[h]! * curves[h]!(n), 0);
      const gain = (h: number) => (want[h]! < room[h]! ? w[h]! * (curves[h]!(want[h]! + 1) - curves[h]!(want[h]!)) : -1);
      const gains = want.map((_, h) => gain(h));
      while (level < shares[c]!) {
        let best = -1;
        for (let h = 0; h < HOURS_OF_WEEK; h++) if (gains[h]! > 0 && (best < 0 || gains[h]! > gains[best]!)) best = h;
        if (best < 0) {
          // The curves cannot reach the aim within the limits: every hour that is full is a reason.
          for (let h = 0; h < HOURS_OF_WEEK; h++) if (want[h]! >= room[h]! && e.offered[h]! > 0) limited[c]!.push(h);
          break;
        }
        level += gains[best]!;
        want[best]!++;
        gains[best] = gain(best);
      }
    }
    next[c] = want.map((n, h) => base[h]! + n);
    for (let h = 0; h < HOURS_OF_WEEK; h++) if (next[c]![h] !== req[c]![h]) changed++;
  }
  return { next, changed, limited };
}

/** Offered calls per hour of week, all replications together. */
export function hourlyOffered(results: readonly ReplicationStats[], channel: '999' | '101'): number[] {
  const out = new Array(HOURS_OF_WEEK).fill(0);
  for (const r of results) r.channels[channel].byHour.offered.forEach((n, h) => (out[h] += n));
  return out;
}

export interface IsaRun {
  window: Scenario;
  pools: Pools;
  start: PhoneRequirement;
  limits: Record<string, number[]>;
  rounds: number;
  /** Overall share answered in target each phone channel aims at, and the floor for every hour. */
  shares: Record<string, number>;
  floors: Partial<Record<string, number>>;
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
  /** The last round's move again with other overall aims (the cut when a rota misses a standard). */
  reallocate(shares: Record<string, number>): { requirement: PhoneRequirement; limited: Record<string, number[]> };
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
  let measured: { req: PhoneRequirement; evidence: Record<string, ChannelEvidence> } | null = null;
  const reallocate = (shares: Record<string, number>) => {
    if (!measured) return { requirement: req, limited: {} };
    const step = isaStep(pools, measured.req, measured.evidence, shares, run.floors, structuredClone(brackets), run.limits);
    return { requirement: step.next, limited: step.limited };
  };
  for (let round = 1; round <= run.rounds; round++) {
    if (run.beforeRound && !run.beforeRound(round)) break;
    const results = await run.simulate(hourlyScenario(run.window, realise(pools, req, onlineHourly)));
    onlineWork = onlineWorkByDay(results, run.weeksSimulated);
    onlineHourly = onlineWork.flatMap((w) => new Array(24).fill(Math.ceil(w / ONLINE_UTILISATION / 24)));
    const evidence = Object.fromEntries(
      pools.phone.map((p) => [
        p.channel,
        { serviceLevel: hourlyServiceLevel(results, p.channel, req[p.channel]), offered: hourlyOffered(results, p.channel), handlingSeconds: simulatedHandlingSeconds(results, p.channel) },
      ]),
    );
    measured = { req, evidence };
    const step = isaStep(pools, req, evidence, run.shares, run.floors, brackets, run.limits);
    rounds.push({ round, requirement: req, changed: step.changed });
    limited = step.limited;
    if (step.changed === 0) return { requirement: req, onlineWork, limited, rounds, converged: true, reallocate };
    req = step.next;
  }
  return { requirement: req, onlineWork, limited, rounds, converged: false, reallocate };
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
