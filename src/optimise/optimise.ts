/**
 * Propose the cheapest rota that meets the standards, and prove it by simulation:
 *  1. the staff each hour of the week needs, by the iterative staffing algorithm over the
 *     simulation, from an Erlang A start;
 *  2. the cheapest shifts (and break plans) that cover it, by a covering integer programme solved
 *     with HiGHS, with its LP relaxation as a lower bound on cost;
 *  3. the integer rota simulated on the same random numbers; where a standard (or an hour, with a
 *     floor) misses at the lower 95 % bound, that hour's requirement is raised (a cut) and the
 *     programme solved again, until every standard is met or the budget is spent;
 *  4. a rota that meets them all there and would be the cheapest yet is confirmed on replications
 *     of its own, on the scenario's horizon and a seed of their own, with room to spare: the search
 *     picks the rota that did best on its random numbers, so those numbers flatter it;
 *  5. the final rota verified on the scenario's own horizon and seed, which optimisation never
 *     used (it runs on derived seeds), so `occsim run` of the proposal reproduces the check.
 * Beside it, the rota per-interval Erlang C alone would give (the SIPP approach), verified the same
 * way, for contrast. Simulation and HiGHS are passed in: Node threads or browser workers.
 */
import type { Highs } from 'highs';
import { buildReport, type Report } from '../model/report.ts';
import { rotaCost } from '../model/rota.ts';
import { optimiseSchema, type Scenario, type Shift } from '../scenario/index.ts';
import { WEEKDAYS } from '../shared/time.ts';
import type { Estimate } from '../stats/estimate.ts';
import type { ReplicationStats } from '../stats/replication.ts';
import { describeChanges } from './changes.ts';
import { HOURS_OF_WEEK } from './coverage.ts';
import { erlangStart, iterativeStaffing, optimisationWindow, poolLimits, type PhoneRequirement } from './iterative-staffing.ts';
import { poolsOf, type Pools } from './pools.ts';
import { polishRota, rotaShifts, solveRota } from './rota-ip.ts';
import { candidateShifts, templatesOf, type Candidate } from './templates.ts';

export type Simulate = (scenario: Scenario, seed: string, indices: readonly number[]) => Promise<ReplicationStats[]>;

export interface OptimiseDeps {
  highs: Highs;
  simulate: Simulate;
  /** Milliseconds, for the budget only (results do not depend on it unless the budget runs out). */
  now?: () => number;
  signal?: AbortSignal;
  onProgress?: (stage: string, message: string) => void;
  /**
   * Filled with the seconds spent (by `now`) simulating in each stage and solving integer
   * programmes, so a user can see where the time goes; kept out of the proposal, which does not
   * depend on the clock.
   */
  timings?: Record<string, number>;
}

export interface OptimiseOptions {
  /** The verification seed: the scenario's, as `occsim run` would use. */
  seed: string;
  /** Replications of the verification run. */
  replications: number;
  budgetSeconds: number;
  /** Also build and verify the per-interval Erlang C (SIPP) rota. */
  sipp?: boolean;
}

export interface StandardResult {
  channel: '999' | '101' | 'online';
  share: number;
  withinSeconds: number;
  achieved: Estimate;
  /** The whole 95 % interval at or above the share. */
  met: boolean;
}

export interface HourCompliance {
  hourOfWeek: number;
  label: string;
  '999': Estimate;
  '101': Estimate;
}

export interface Iteration {
  stage: 'iterative staffing' | 'integer programme' | 'cut' | 'polish';
  round: number;
  /** Staff-hours a week on the floor the requirement asks for (phone pools, the widest pool). */
  requiredFloorHours: number;
  changedHours?: number;
  costPerWeek?: number;
  lowerBoundPerWeek?: number;
  standards?: { channel: string; lower95: number | null; met: boolean }[];
  /**
   * The confirmation of a rota that met every standard on the optimiser's random numbers and
   * would have been the cheapest yet: replications `replications[0]`–`replications[1]` of `seed`,
   * each standard's lower 95 % bound against what it must reach (`needed`: the share plus the
   * interval's lower half-width). Only a confirmed rota can be proposed.
   */
  confirmation?: { seed: string; replications: [number, number]; standards: { channel: string; lower95: number | null; needed: number; met: boolean }[]; met: boolean };
}

export interface Proposal {
  scenario: string;
  shifts: Shift[];
  costPerWeek: number;
  lowerBoundPerWeek: number;
  /** (cost − bound) / cost. */
  gapToLowerBound: number;
  paidHoursPerWeek: number;
  current: { costPerWeek: number; paidHoursPerWeek: number };
  standards: StandardResult[];
  verification: { seed: string; replications: number; days: number; warmupDays: number };
  optimisation: { seed: string; replications: number; weeks: number; confirmationSeed: string };
  stoppedBy: 'all standards met' | 'budget' | 'cut rounds' | 'limits';
  iterations: Iteration[];
  changes: string[];
  compliance: HourCompliance[];
  infeasible: { channel: string; why: string; bestAchievable: Estimate }[];
  sipp: { costPerWeek: number; shifts: Shift[]; standards: StandardResult[]; note: string } | null;
}

/** Inputs the optimiser cannot work with, each with the field it concerns. */
export class OptimiseInputError extends Error {
  constructor(readonly problems: { path: string; message: string }[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  }
}

export const hourLabel = (h: number) => `${WEEKDAYS[Math.floor(h / 24)]} ${String(h % 24).padStart(2, '0')}:00`;
/** Digital-desk staff hours per hour of online work at the start (a utilisation of 85 %). */
export const ONLINE_START_FACTOR = 1 / 0.85;
/** How far above a standard's share the staffing first aims; cuts raise it by what the rota fell short. */
const AIM_ABOVE = 0.01;

export async function optimiseRota(scenario: Scenario, options: OptimiseOptions, deps: OptimiseDeps): Promise<Proposal> {
  const settings = scenario.optimise ?? optimiseSchema.parse({});
  const now = deps.now ?? (() => 0);
  const started = now();
  const overBudget = () => (now() - started) / 1000 > options.budgetSeconds;
  let stage = '';
  const progress = (now: string, message: string) => {
    if (deps.signal?.aborted) throw new DOMException('optimisation cancelled', 'AbortError');
    stage = now;
    deps.onProgress?.(stage, message);
  };
  const spent = (what: string, since: number) => deps.timings && (deps.timings[what] = (deps.timings[what] ?? 0) + (now() - since) / 1000);
  const timed = <T>(what: string, work: () => T): T => {
    const since = now();
    try {
      return work();
    } finally {
      spent(what, since);
    }
  };

  // Results come back in the order workers finish; sums of floats must not depend on it.
  const simulate: Simulate = async (s, seed, indices) => {
    const since = now();
    const results = await deps.simulate(s, seed, indices);
    spent(`simulating (${stage})`, since);
    return results.sort((a, b) => a.replication - b.replication);
  };
  const pools = poolsOf(scenario);
  const candidates = candidateShifts(scenario, templatesOf(scenario));
  checkInputs(scenario, pools, candidates);
  const window = optimisationWindow(scenario, settings.weeks);
  const optSeed = `${options.seed}/optimise`;
  // Each confirmation runs replications no other run used: a rota is never confirmed on numbers
  // another candidate was chosen on.
  const confirmSeed = `${options.seed}/confirm`;
  let confirmations = 0;
  const confirm = async (shifts: Shift[]): Promise<NonNullable<Iteration['confirmation']>> => {
    const first = confirmations++ * options.replications;
    const indices = Array.from({ length: options.replications }, (_, i) => first + i);
    const rota = { ...scenario, staffing: { ...scenario.staffing, shifts } };
    const standards = judge(rota, buildReport(rota, confirmSeed, await simulate(rota, confirmSeed, indices))).map((s) => ({ channel: s.channel, ...withRoom(s.achieved, s.share) }));
    return { seed: confirmSeed, replications: [first, first + options.replications - 1], standards, met: standards.every((s) => s.met) };
  };
  const optIndices = Array.from({ length: settings.replications }, (_, i) => i);
  const weeksSimulated = settings.weeks * settings.replications;
  const limits = poolLimits(window, pools);
  const iterations: Iteration[] = [];
  const widest = (req: PhoneRequirement) => Math.max(0, ...pools.phone.map((p) => req[p.channel]!.reduce((a, b) => a + b, 0)));

  // 1. The iterative staffing algorithm, aiming a little above each standard (the verdict is on the lower 95 % bound).
  const shares: Record<string, number> = Object.fromEntries(pools.phone.map((p) => [p.channel, Math.min(1, p.target.share + AIM_ABOVE)]));
  const isa = await iterativeStaffing({
    window,
    pools,
    start: capTo(erlangStart(window, pools), limits),
    limits,
    rounds: settings.iterations,
    shares,
    floors: settings.hourFloor,
    simulate: (sc) => simulate(sc, optSeed, optIndices),
    weeksSimulated,
    beforeRound: (round) => {
      progress('iterative staffing', `round ${round} of at most ${settings.iterations}`);
      return !overBudget() || round === 1;
    },
  });
  let req = isa.requirement;
  const { onlineWork } = isa;
  let limited = isa.limited;
  for (const r of isa.rounds) iterations.push({ stage: 'iterative staffing', round: r.round, requiredFloorHours: widest(r.requirement), changedHours: r.changed });

  // 2–3. The integer programme, then cuts where the simulated rota misses. A channel's overall aim
  // is bisected between the highest aim seen to miss and the aim of the cheapest rota seen to meet
  // every standard, so a cut that overshoots is taken back while rounds and budget remain.
  let onlineFactor = ONLINE_START_FACTOR;
  const hourFloor = settings.hourFloor;
  const bumps: PhoneRequirement = Object.fromEntries(pools.phone.map((p) => [p.channel, new Array(HOURS_OF_WEEK).fill(0)]));
  const failedAim: Record<string, number> = {};
  let failedOnline = 0;
  let best: { solved: typeof solved; solvedFor: typeof solvedFor; shares: Record<string, number>; onlineFactor: number } | null = null;
  let solved = timed('integer programmes', () => solve(deps.highs, scenario, candidates, pools, req, onlineWork.map((w) => w * onlineFactor)));
  let solvedFor = { phone: req, onlineHoursByDay: onlineWork.map((w) => w * onlineFactor) };
  let stoppedBy: Proposal['stoppedBy'] = 'cut rounds';
  for (let round = 0; ; round++) {
    progress('integer programme', round === 0 ? 'simulating the integer rota' : `cut round ${round}`);
    const rota = { ...window, staffing: { ...window.staffing, shifts: rotaShifts(scenario, candidates, solved.staff) } };
    const results = await simulate(rota, optSeed, optIndices);
    const report = buildReport(rota, optSeed, results);
    const standards = judge(rota, report);
    const iteration: Iteration = {
      stage: round === 0 ? 'integer programme' : 'cut',
      round,
      requiredFloorHours: widest(req),
      costPerWeek: round2(solved.costPerWeek),
      lowerBoundPerWeek: round2(solved.lowerBoundPerWeek),
      standards: standards.map((s) => ({ channel: s.channel, lower95: s.achieved.ci95?.[0] ?? s.achieved.mean, met: s.met })),
    };
    iterations.push(iteration);
    const cuts = floorCuts(pools, report, hourFloor);
    // What each standard did, for the aims below: on the optimiser's numbers, or, where a confirmation
    // found it short, the confirmation's shortfall from what it needed.
    const verdicts = new Map<string, { met: boolean; share: number; lower: number }>(standards.map((s) => [s.channel, { met: s.met, share: s.share, lower: s.achieved.ci95?.[0] ?? s.achieved.mean ?? 0 }]));
    let allMet = cuts.size === 0 && standards.every((s) => s.met);
    if (allMet && (!best || solved.costPerWeek < best.solved.costPerWeek)) {
      progress('confirmation', `the cheapest rota yet, on replications of its own`);
      iteration.confirmation = await confirm(rota.staffing.shifts);
      if (iteration.confirmation.met) best = { solved, solvedFor, shares: { ...shares }, onlineFactor };
      else {
        allMet = false;
        for (const c of iteration.confirmation.standards)
          if (!c.met) verdicts.set(c.channel, { met: false, share: c.needed, lower: c.lower95 ?? 0 });
      }
    }
    // A stop on the budget is said as such: with more time the answer could have been another.
    const finish = (why: Proposal['stoppedBy']) => (stoppedBy = best && why !== 'budget' ? 'all standards met' : why);
    if (round >= settings.cutRounds) {
      finish('cut rounds');
      break;
    }
    if (overBudget()) {
      finish('budget');
      break;
    }
    let moved = false;
    for (const p of pools.phone) {
      const std = verdicts.get(p.channel);
      if (!std) continue;
      const { lower } = std;
      const aim = shares[p.channel]!;
      if (!std.met) {
        failedAim[p.channel] = Math.max(failedAim[p.channel] ?? 0, aim);
        shares[p.channel] = best ? (aim + best.shares[p.channel]!) / 2 : raisedAim(aim, std.share, lower);
      } else if (allMet && lower - std.share > 0.005) {
        shares[p.channel] = (aim + (failedAim[p.channel] ?? std.share)) / 2;
      }
      if (Math.abs(shares[p.channel]! - aim) > 0.002) moved = true;
      else shares[p.channel] = aim;
    }
    // The online hours are bisected the same way, between the most seen to miss and the fewest of the best rota.
    const online = verdicts.get('online');
    if (online) {
      const factor = onlineFactor;
      const { lower } = online;
      if (!online.met) {
        failedOnline = Math.max(failedOnline, factor);
        onlineFactor = best && best.onlineFactor > factor ? (factor + best.onlineFactor) / 2 : factor * 1.15;
      } else if (allMet && lower - online.share > 0.005) {
        onlineFactor = (factor + Math.max(1, failedOnline)) / 2;
      }
      if (Math.abs(onlineFactor / factor - 1) > 0.01) moved = true;
      else onlineFactor = factor;
    }
    for (const [c, hours] of cuts)
      for (const h of hours) {
        if (req[c]![h]! + 1 > limits[c]![h]!) (limited[c] ??= []).push(h);
        else (bumps[c]![h]!++, (moved = true));
      }
    if (!moved) {
      finish('limits');
      break;
    }
    const again = isa.reallocate(shares);
    for (const [c, hours] of Object.entries(again.limited)) (limited[c] ??= []).push(...hours);
    req = Object.fromEntries(Object.entries(again.requirement).map(([c, byHour]) => [c, byHour.map((n, h) => Math.min(n + bumps[c]![h]!, limits[c]![h]!))]));
    const nextFor = { phone: req, onlineHoursByDay: onlineWork.map((w) => w * onlineFactor) };
    const next = timed('integer programmes', () => solveRota(deps.highs, { scenario, candidates, pools, ...nextFor }));
    if (next.status !== 'optimal') {
      // The raised requirement no longer fits the limits (maxOnDuty, maxChanges): keep the last rota.
      for (const [c, hours] of cuts) (limited[c] ??= []).push(...hours);
      finish('limits');
      break;
    }
    solved = next;
    solvedFor = nextFor;
  }
  if (best) solved = best.solved;

  // Polish: the cheapest rota seen to meet every standard, made cheaper for the same requirement
  // where fix and optimise can, and kept only if the simulation says it still meets them all.
  if (best && overBudget()) stoppedBy = 'budget';
  else if (best) {
    progress('polish', 'each day’s shifts re-chosen with the rest of the week held');
    const polished = timed('integer programmes', () => polishRota(deps.highs, { scenario, candidates, pools, ...best!.solvedFor }, best!.solved.staff));
    if (polished) {
      const rota = { ...window, staffing: { ...window.staffing, shifts: rotaShifts(scenario, candidates, polished.staff) } };
      const report = buildReport(rota, optSeed, await simulate(rota, optSeed, optIndices));
      const standards = judge(rota, report);
      const { lowerBoundPerWeek } = best.solved;
      const iteration: Iteration = {
        stage: 'polish',
        round: 0,
        requiredFloorHours: widest(best.solvedFor.phone),
        costPerWeek: round2(polished.costPerWeek),
        lowerBoundPerWeek: round2(lowerBoundPerWeek),
        standards: standards.map((s) => ({ channel: s.channel, lower95: s.achieved.ci95?.[0] ?? s.achieved.mean, met: s.met })),
      };
      iterations.push(iteration);
      if (floorCuts(pools, report, hourFloor).size === 0 && standards.every((s) => s.met)) {
        progress('confirmation', 'the polished rota, on replications of its own');
        iteration.confirmation = await confirm(rota.staffing.shifts);
        if (iteration.confirmation.met)
          solved = { ...best.solved, staff: polished.staff, costPerWeek: polished.costPerWeek, gap: (polished.costPerWeek - lowerBoundPerWeek) / polished.costPerWeek };
      }
    }
  }
  const shifts = rotaShifts(scenario, candidates, solved.staff);

  // 4. Verification on the scenario's own horizon and seed.
  progress('verification', `${options.replications} replications on seed "${options.seed}"`);
  const verification = await verify(scenario, shifts, options, simulate);
  const proposedCost = rotaCost({ ...scenario, staffing: { ...scenario.staffing, shifts } });
  const currentCost = rotaCost(scenario);
  const sum = (r: Record<string, { costPerWeek: number; paidHoursPerWeek: number }>, k: 'costPerWeek' | 'paidHoursPerWeek') =>
    round2(Object.values(r).reduce((s, g) => s + g[k], 0));

  let sipp: Proposal['sipp'] = null;
  if (options.sipp !== false) {
    progress('SIPP contrast', 'the per-interval Erlang C rota, verified the same way');
    const erlangC = capTo(erlangStart(window, pools, 'erlangC'), limits);
    const sippSolved = timed('integer programmes', () => solve(deps.highs, scenario, candidates, pools, erlangC, onlineWork.map((w) => w * ONLINE_START_FACTOR)));
    const sippShifts = rotaShifts(scenario, candidates, sippSolved.staff);
    const checked = await verify(scenario, sippShifts, options, simulate);
    sipp = {
      costPerWeek: round2(sippSolved.costPerWeek),
      shifts: sippShifts,
      standards: checked.standards,
      note: 'Erlang C for each channel and hour as a steady state, each channel its own pool, the same shifts and integer programme; judged by the same verification run.',
    };
  }

  const infeasible: Proposal['infeasible'] = [];
  for (const p of pools.phone) {
    const hours = [...new Set(limited[p.channel] ?? [])].sort((a, b) => a - b);
    const std = verification.standards.find((s) => s.channel === p.channel)!;
    if (hours.length === 0 || std.met) continue;
    infeasible.push({
      channel: p.channel,
      why: `in ${hours.length} hour${hours.length === 1 ? '' : 's'} of the week (${hours.slice(0, 4).map(hourLabel).join(', ')}${hours.length > 4 ? ', …' : ''}) ${p.channel} needs more staff on the floor than the usable desks (desks.periods) or the limits in optimise (maxOnDuty, maxChanges) allow`,
      bestAchievable: std.achieved,
    });
  }

  return {
    scenario: scenario.name,
    shifts,
    costPerWeek: sum(proposedCost, 'costPerWeek'),
    lowerBoundPerWeek: round2(solved.lowerBoundPerWeek),
    gapToLowerBound: round4(solved.gap),
    paidHoursPerWeek: sum(proposedCost, 'paidHoursPerWeek'),
    current: { costPerWeek: sum(currentCost, 'costPerWeek'), paidHoursPerWeek: sum(currentCost, 'paidHoursPerWeek') },
    standards: verification.standards,
    verification: { seed: options.seed, replications: options.replications, days: scenario.horizon.days, warmupDays: scenario.horizon.warmupDays },
    optimisation: { seed: optSeed, replications: settings.replications, weeks: settings.weeks, confirmationSeed: confirmSeed },
    stoppedBy,
    iterations,
    changes: describeChanges(scenario, shifts),
    compliance: Array.from({ length: HOURS_OF_WEEK }, (_, h) => ({
      hourOfWeek: h,
      label: hourLabel(h),
      '999': verification.report.byHourOfWeek['999'].serviceLevel[h]!,
      '101': verification.report.byHourOfWeek['101'].serviceLevel[h]!,
    })),
    infeasible,
    sipp,
  };
}

/**
 * A confirmation's verdict on one standard: its lower 95 % bound must clear the share by the
 * interval's own lower half-width, so that a verification run of the same size that came out that
 * much worse would still meet it. A rota that only just clears the share is as likely to miss it on
 * the verification's numbers as to meet it.
 */
export function withRoom(achieved: Estimate, share: number): { lower95: number | null; needed: number; met: boolean } {
  const lower95 = achieved.ci95?.[0] ?? null;
  if (achieved.mean === null || lower95 === null) return { lower95, needed: share, met: false };
  const needed = share + (achieved.mean - lower95);
  return { lower95, needed, met: lower95 >= needed };
}

/**
 * A missed channel's next aim before any rota has met every standard: raised by the shortfall (half
 * a point at least), but at most halfway to 100 %. An aim of 100 % asks for every desk in every
 * hour: on the baseline a first rota 9 points short once asked for £188,000 a week, and the
 * bisection spent the rounds left coming back.
 */
export function raisedAim(aim: number, share: number, lower: number): number {
  return aim + Math.min(Math.max(0.005, share - lower), (1 - aim) / 2);
}

function checkInputs(scenario: Scenario, pools: Pools, candidates: readonly Candidate[]): void {
  const problems: { path: string; message: string }[] = [];
  if (scenario.staffing.fixed !== undefined)
    problems.push({ path: 'staffing', message: 'the optimiser proposes shifts: expected "groups" with "shifts", not "fixed"' });
  const covered = new Set(candidates.map((c) => c.shift.group));
  for (const p of pools.phone)
    if (!p.groups.some((g) => covered.has(g)))
      problems.push({ path: 'optimise.templates', message: `no template for a group skilled for ${p.channel} (${p.groups.join(', ') || 'none'}), which has demand` });
  if (pools.online.length && !pools.online.some((g) => covered.has(g)))
    problems.push({ path: 'optimise.templates', message: `no template for a group skilled for online (${pools.online.join(', ')}), which has demand` });
  if (problems.length) throw new OptimiseInputError(problems);
}

function capTo(req: PhoneRequirement, limits: Record<string, number[]>): PhoneRequirement {
  return Object.fromEntries(Object.entries(req).map(([c, byHour]) => [c, byHour.map((n, h) => Math.min(n, limits[c]![h]!))]));
}

function solve(highs: Highs, scenario: Scenario, candidates: readonly Candidate[], pools: Pools, phone: PhoneRequirement, onlineHoursByDay: number[]) {
  const r = solveRota(highs, { scenario, candidates, pools, phone, onlineHoursByDay });
  if (r.status !== 'optimal') {
    const why = scenario.optimise?.maxChanges !== undefined ? ' (optimise.maxChanges may be too small to reach it)' : scenario.optimise && Object.keys(scenario.optimise.maxOnDuty).length ? ' (optimise.maxOnDuty may be too low)' : '';
    throw new OptimiseInputError([{ path: 'optimise', message: `${r.message}${why}` }]);
  }
  return r;
}

function judge(scenario: Scenario, report: Report): StandardResult[] {
  const out: StandardResult[] = [];
  for (const channel of ['999', '101', 'online'] as const) {
    const std = report.standards[channel];
    if (std.verdict === 'no demand') continue;
    out.push({
      channel,
      share: std.share,
      withinSeconds: channel === 'online' ? scenario.targets.online.hours * 3600 : std.within,
      achieved: report.channels[channel].serviceLevel,
      met: std.verdict === 'met',
    });
  }
  return out;
}

/**
 * Hours clearly below their floor in the simulated rota, per phone channel: the whole 95 % interval
 * of the hour's service level under the floor. An hour that only might be below it is left alone,
 * or noise in a few replications of 168 hours would buy staff for hours that need none.
 */
function floorCuts(pools: Pools, report: Report, floor: Partial<Record<'999' | '101', number>>): Map<string, number[]> {
  const cuts = new Map<string, number[]>();
  for (const p of pools.phone) {
    const share = floor[p.channel];
    if (share === undefined) continue;
    const below = report.byHourOfWeek[p.channel].serviceLevel.flatMap((e, h) => (e.ci95 && e.ci95[1] < share ? [h] : []));
    if (below.length) cuts.set(p.channel, below);
  }
  return cuts;
}

async function verify(scenario: Scenario, shifts: Shift[], options: OptimiseOptions, simulate: Simulate) {
  const rota = { ...scenario, staffing: { ...scenario.staffing, shifts } };
  const results = await simulate(rota, options.seed, Array.from({ length: options.replications }, (_, i) => i));
  const report = buildReport(rota, options.seed, results);
  return { report, standards: judge(rota, report) };
}

const round2 = (v: number) => Math.round(v * 100) / 100;
const round4 = (v: number) => Math.round(v * 10000) / 10000;
