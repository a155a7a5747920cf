/**
 * `occsim run FILE`: replications of one scenario, as a table or one JSON object. With
 * `--shard K/N` it runs every N-th replication starting at K−1 and prints a shard file for
 * `occsim merge`.
 */
import { buildReport } from '../model/report.ts';
import type { Scenario } from '../scenario/index.ts';
import { parseFlags } from './args.ts';
import { InputError } from './errors.ts';
import { formatReport } from './format.ts';
import { shardFile } from './shard-file.ts';
import { runReplications } from './pool.ts';
import { loadScenarioFile } from './scenario-file.ts';
import { SIZE_FLAGS, SIZE_HELP, checkRunSize, maxCallsFlag, replicationsFlag, workerCount } from './run-size.ts';

export const RUN_HELP = `Usage: occsim run FILE [--replications N] [--seed S] [--workers N] [--shard K/N] [--json]

  --replications N  independent replications (default 10)
  --seed S          base seed (default: the scenario's seed, else "occsim")
  --workers N       worker threads (default and at most: the cores, and one per replication); results do not depend on it
  --shard K/N       run replications K-1, K-1+N, ... and print a shard file for "occsim merge"
  --json            print one JSON object instead of a table
${SIZE_HELP}`;

export const RUN_FLAGS = {
  replications: { type: 'string', short: 'r' },
  seed: { type: 'string' },
  workers: { type: 'string', short: 'w' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  ...SIZE_FLAGS,
} as const;

export interface Prepared {
  scenario: Scenario;
  json: unknown;
  seed: string;
}

export async function prepare(file: string, seedFlag: string | undefined): Promise<Prepared> {
  const { scenario, json } = await loadScenarioFile(file);
  return { scenario, json, seed: seedFlag ?? scenario.seed ?? 'occsim' };
}

export function progressReporter(label: string): ((done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (done, total) => {
    process.stderr.write(`\r${label}: replication ${done}/${total}`);
    if (done === total) process.stderr.write('\n');
  };
}

export function parseShard(value: string | undefined): { k: number; n: number } | null {
  if (value === undefined) return null;
  const m = /^(\d+)\/(\d+)$/.exec(value);
  const k = Number(m?.[1]);
  const n = Number(m?.[2]);
  if (!m || n < 1 || k < 1 || k > n) throw new InputError(`--shard: expected K/N with 1 ≤ K ≤ N, got "${value}"`);
  return { k, n };
}

/** Replications K−1, K−1+N, ... of shard K/N: every shard gets a fair share of any run length. */
export function shardIndices(replications: number, { k, n }: { k: number; n: number }): number[] {
  return Array.from({ length: replications }, (_, i) => i).filter((i) => i % n === k - 1);
}

export function timing(start: number, replications: number, workers: number) {
  const wallSeconds = (performance.now() - start) / 1000;
  return { wallSeconds: Number(wallSeconds.toFixed(3)), replicationsPerSecond: Number((replications / wallSeconds).toFixed(2)), workers };
}

export default async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseFlags(args, { ...RUN_FLAGS, shard: { type: 'string' } });
  if (values.help) return (process.stdout.write(RUN_HELP + '\n'), 0);
  if (positionals.length !== 1) throw new InputError('expected one scenario FILE', [RUN_HELP]);
  const replications = replicationsFlag(values.replications, 10);
  const shard = parseShard(values.shard);
  const maxCalls = maxCallsFlag(values['max-calls']);
  const { scenario, json, seed } = await prepare(positionals[0]!, values.seed);
  const indices = shard ? shardIndices(replications, shard) : Array.from({ length: replications }, (_, i) => i);
  checkRunSize([scenario], indices.length, maxCalls);
  const workers = workerCount(values.workers, indices.length);

  const start = performance.now();
  const results = await runReplications(scenario, seed, indices, { workers, onProgress: progressReporter(scenario.name) });
  if (shard) {
    process.stdout.write(JSON.stringify(shardFile(json, seed, replications, values.shard!, results)) + '\n');
    return 0;
  }
  const report = buildReport(scenario, seed, results);
  if (values.json) process.stdout.write(JSON.stringify({ ...report, timing: timing(start, indices.length, workers) }) + '\n');
  else process.stdout.write(formatReport(report) + '\n');
  return 0;
}
