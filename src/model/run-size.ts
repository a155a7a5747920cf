/**
 * The size of a run before it starts: the calls its demand offers over the horizon (warm-up
 * included) times the replications. A typing slip (1e9 calls a day, a special-day factor of 1e12,
 * a million replications) would otherwise run for days or exhaust memory; past the cap, every entry
 * point refuses with this figure and says how to raise the cap.
 */
import { CHANNELS, type Scenario } from '../scenario/index.ts';
import { channelRate } from './demand.ts';
import { SECONDS_PER_HOUR } from '../shared/time.ts';

/** About three minutes of simulation on one core of a laptop. */
export const DEFAULT_MAX_CALLS = 200_000_000;

export interface RunSize {
  /**
   * Expected calls offered in one replication: first attempts (neighbours' overflow included),
   * before diversion. Redials add a share that depends on abandonment, which only the run knows.
   */
  callsPerReplication: number;
  replications: number;
  calls: number;
}

/** The size of running every scenario given (a comparison runs each) for `replications`. */
export function runSizeOf(scenarios: readonly Scenario[], replications: number): RunSize {
  const callsPerReplication = scenarios.reduce((sum, s) => sum + runSize(s, replications).callsPerReplication, 0);
  return { callsPerReplication, replications, calls: callsPerReplication * replications };
}

export function runSize(scenario: Scenario, replications: number): RunSize {
  const hours = scenario.horizon.days * 24;
  let callsPerReplication = 0;
  for (const c of CHANNELS) {
    // Every channel, even one with no calls of its own: 999 can carry neighbours' overflow.
    const rate = channelRate(scenario, c);
    for (let h = 0; h < hours; h++) callsPerReplication += rate.perSecond(h) * SECONDS_PER_HOUR;
  }
  return { callsPerReplication, replications, calls: callsPerReplication * replications };
}

/** "1.2 billion", "340 million", "52,000": a size people read at a glance. */
export function roughly(n: number): string {
  if (!Number.isFinite(n)) return 'an unbounded number of';
  const two = (x: number) => Number(x.toPrecision(2)).toLocaleString('en');
  if (n >= 1e15) return n.toExponential(1);
  if (n >= 1e12) return `${two(n / 1e12)} trillion`;
  if (n >= 1e9) return `${two(n / 1e9)} billion`;
  if (n >= 1e6) return `${two(n / 1e6)} million`;
  return Math.round(n).toLocaleString('en');
}

/** Null when the run fits under the cap, else why not: the estimate and the cap. */
export function runSizeRefusal(size: RunSize, maxCalls: number): string | null {
  if (size.calls <= maxCalls) return null;
  return `run size: about ${roughly(size.calls)} calls (${roughly(size.callsPerReplication)} a replication × ${size.replications.toLocaleString('en')}), past the cap of ${roughly(maxCalls)}`;
}

/** A round cap just above `calls` (two significant figures), for the message that says how to override. */
export function capAbove(calls: number): number {
  const e = Math.pow(10, Math.floor(Math.log10(calls)) - 1);
  return Math.ceil(calls / e) * e;
}
