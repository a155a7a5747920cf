/**
 * The command line's side of "every run has a size": `--max-calls` and `--workers` parsed once
 * for every command that simulates, the run refused past the cap, and workers kept to the cores
 * (more threads than cores only add memory and switching; results do not depend on the count).
 */
import { availableParallelism } from 'node:os';
import type { Scenario } from '../scenario/index.ts';
import { DEFAULT_MAX_CALLS, capAbove, runSizeOf, runSizeRefusal } from '../model/run-size.ts';
import { InputError } from './errors.ts';
import { decimal } from './args.ts';

export const SIZE_FLAGS = {
  'max-calls': { type: 'string' },
} as const;

export const SIZE_HELP = `  --max-calls N     refuse a run whose calls × replications exceed N (default ${DEFAULT_MAX_CALLS.toExponential(0)})`;

export function maxCallsFlag(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_CALLS;
  const n = decimal(value);
  if (!Number.isFinite(n) || n <= 0) throw new InputError(`--max-calls: expected a number of calls such as 5e8, got "${value}"`);
  return n;
}

/** Throws the refusal, with the flag that would let the run through, when the run is past the cap. */
export function checkRunSize(scenarios: readonly Scenario[], replications: number, maxCalls: number, what?: string): void {
  const size = runSizeOf(scenarios, replications);
  const refusal = runSizeRefusal(size, maxCalls);
  if (refusal) throw new InputError(`${what ? `${what}: ` : ''}${refusal}; pass --max-calls ${capAbove(size.calls).toExponential()} to run it anyway`);
}

/** Each replication's statistics stay in memory until the summary; ten thousand is ample for any CI. */
export const MAX_REPLICATIONS = 10_000;

/** The replication count from its flag, refused before anything is allocated for it. */
export function replicationsFlag(value: string | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  const n = decimal(value);
  if (!Number.isInteger(n) || n < min || n > MAX_REPLICATIONS) throw new InputError(`--replications: expected a whole number from ${min} to ${MAX_REPLICATIONS.toLocaleString('en')}, got "${value}"`);
  return n;
}

/** Worker threads: the flag or the cores, never more than the cores or the jobs. */
export function workerCount(value: string | undefined, jobs: number): number {
  const cores = availableParallelism();
  let wanted = cores;
  if (value !== undefined) {
    wanted = decimal(value);
    if (!Number.isInteger(wanted) || wanted < 1) throw new InputError(`--workers: expected a whole number ≥ 1, got "${value}"`);
  }
  return Math.max(1, Math.min(wanted, cores, jobs));
}
