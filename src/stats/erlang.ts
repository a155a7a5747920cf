/**
 * Queueing formulas for staffing: Erlang C (M/M/c, callers wait for ever) and Erlang A
 * (M/M/c+M, exponential patience). Rates are per second and times in seconds. They serve two
 * purposes: known answers the simulator must reproduce, and the per-interval staffing requirement.
 * Erlang A is computed from the birth–death chain of M/M/c+M, truncated where the tail is negligible.
 */

export interface ErlangCParams {
  agents: number;
  arrivalRate: number;
  serviceRate: number;
}

export interface ErlangAParams extends ErlangCParams {
  /** 1 / mean patience. Zero gives Erlang C. */
  abandonRate: number;
}

export interface QueueMetrics {
  /** Share of offered calls that wait at all. */
  probWait: number;
  /** Share of offered calls that hang up before answer. */
  probAbandon: number;
  /** Mean time in queue over all offered calls (abandoners count until they hang up). */
  meanWait: number;
  /** Share of offered calls answered within `t` seconds. */
  serviceLevel(t: number): number;
}

/** Erlang C probability of waiting, by the stable recurrence on Erlang B. */
export function erlangCProbWait(agents: number, load: number): number {
  if (load >= agents) return 1;
  let b = 1;
  for (let k = 1; k <= agents; k++) b = (load * b) / (k + load * b);
  return b / (1 - (load / agents) * (1 - b));
}

export function erlangC({ agents, arrivalRate, serviceRate }: ErlangCParams): QueueMetrics {
  const load = arrivalRate / serviceRate;
  const probWait = erlangCProbWait(agents, load);
  const drain = agents * serviceRate - arrivalRate;
  return {
    probWait,
    probAbandon: 0,
    meanWait: drain > 0 ? probWait / drain : Infinity,
    serviceLevel: (t) => (drain > 0 ? 1 - probWait * Math.exp(-drain * t) : 0),
  };
}

/**
 * Stationary distribution of the number in system for M/M/c+M, as normalised weights; null when it
 * has not settled within a million callers (abandonment far too slow to hold the queue back).
 */
function erlangAStates({ agents, arrivalRate, serviceRate, abandonRate }: ErlangAParams): Float64Array | null {
  const weights: number[] = [1];
  let w = 1;
  let total = 1;
  for (let n = 1; ; n++) {
    const deathRate = Math.min(n, agents) * serviceRate + Math.max(0, n - agents) * abandonRate;
    w *= arrivalRate / deathRate;
    weights.push(w);
    total += w;
    // Past the agents, weights fall geometrically once deaths outpace arrivals; stop when negligible.
    if (n > agents && deathRate > arrivalRate && w / total < 1e-16) break;
    if (n > 1_000_000) return null;
  }
  return Float64Array.from(weights, (x) => x / total);
}

/**
 * P(answered within t | k callers ahead in queue), for every k from 0 to `most`, for a caller with
 * exponential patience: the queue ahead shrinks at rate c·μ + j·θ (service or abandonment of those
 * j ahead), while the caller themself abandons at rate θ. Solved by uniformisation of that small
 * absorbing chain, at one rate for every k, so one backward pass over the jumps answers them all:
 * `served[k]` is P(served within m jumps | k ahead), and the answer mixes it over a Poisson number
 * of jumps in t. (A forward pass per k cost O(k) per jump for each k: a week of hourly
 * requirements took a second.)
 */
function answeredWithin(t: number, most: number, p: ErlangAParams): Float64Array {
  const { agents, serviceRate, abandonRate } = p;
  const cMu = agents * serviceRate;
  const maxRate = cMu + (most + 1) * abandonRate;
  const lt = maxRate * t;
  const served = new Float64Array(most + 1);
  const result = new Float64Array(most + 1);
  let cumulative = Math.exp(-lt);
  // Poisson weights may underflow for large lt: carried in log space.
  let logWeight = -lt;
  for (let step = 0; step < 100_000; step++) {
    const weight = Math.exp(logWeight);
    for (let k = 0; k <= most; k++) result[k]! += weight * served[k]!;
    if (step > lt && 1 - cumulative < 1e-13) break;
    // One more jump, from the top down so that served[k − 1] still holds the previous jump's value.
    for (let k = most; k >= 0; k--) {
      const leave = cMu + k * abandonRate; // someone ahead is served or hangs up (or, at k = 0, we are served)
      const stay = maxRate - leave - abandonRate; // a uniformisation self-jump; the rest, θ, is our own hang-up
      served[k] = (leave * (k === 0 ? 1 : served[k - 1]!) + stay * served[k]!) / maxRate;
    }
    logWeight += Math.log(lt) - Math.log(step + 1);
    cumulative += Math.exp(logWeight);
  }
  for (let k = 0; k <= most; k++) result[k]! += Math.max(0, 1 - cumulative) * served[k]!;
  return result;
}

export function erlangA(params: ErlangAParams): QueueMetrics {
  if (params.abandonRate <= 0) return erlangC(params);
  const { agents, arrivalRate, abandonRate } = params;
  const pi = erlangAStates(params);
  // Patience so long beside the handling that the states run past a million callers: abandonment
  // barely acts, so Erlang C, its limit, answers (an overloaded level then meets no target, as it should not).
  if (!pi) return erlangC(params);
  let probWait = 0;
  let queueLength = 0;
  for (let n = agents; n < pi.length; n++) {
    probWait += pi[n]!;
    queueLength += (n - agents) * pi[n]!;
  }
  return {
    probWait,
    probAbandon: (queueLength * abandonRate) / arrivalRate,
    meanWait: queueLength / arrivalRate, // Little's law over all offered calls
    serviceLevel(t: number) {
      let sl = 0;
      for (let n = 0; n < agents && n < pi.length; n++) sl += pi[n]!; // answered at once
      // States past the last with weight ≥ 1e-12 are left out (they add less than the error).
      let last = pi.length - 1;
      while (last >= agents && pi[last]! < 1e-12) last--;
      if (last < agents) return sl;
      const within = answeredWithin(t, last - agents, params);
      for (let n = agents; n <= last; n++) if (pi[n]! >= 1e-12) sl += pi[n]! * within[n - agents]!;
      return sl;
    },
  };
}

export interface ServiceTarget {
  /** Answer within this many seconds... */
  seconds: number;
  /** ...for at least this share of offered calls (0–1). */
  share: number;
}

/**
 * Fewest agents that meet the target (and, for Erlang C, keep the queue stable). The service level
 * rises with the agents, so the search gallops up from a lower start and then halves the gap: a
 * few evaluations instead of one per agent (a national-sized interval of 330 agents took a minute).
 */
export function agentsNeeded(
  kind: 'C' | 'A',
  params: Omit<ErlangAParams, 'agents'>,
  target: ServiceTarget,
): number {
  if (params.arrivalRate <= 0) return 0;
  const load = params.arrivalRate / params.serviceRate;
  const meets = (agents: number) =>
    (kind === 'C' ? erlangC({ ...params, agents }) : erlangA({ ...params, agents })).serviceLevel(target.seconds) >= target.share;
  let low = kind === 'C' ? Math.floor(load) + 1 : Math.max(1, Math.floor(load * 0.5));
  if (meets(low)) return low;
  // `low` misses; find a level that meets, doubling the step.
  let high = low + 1;
  for (let step = 1; !meets(high); step *= 2) {
    low = high;
    high = low + step;
    if (high >= 100_000) throw new Error('agentsNeeded: no staffing level meets the target');
  }
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (meets(mid)) high = mid;
    else low = mid;
  }
  return high;
}
