/**
 * `occsim merge PART...`: joins the shard files of one run. The shards must share scenario, seed
 * and replication count and together hold every replication once; the result is then exactly
 * the unsharded run's.
 */
import { buildReport, type Report } from '../model/report.ts';
import { formatProblem, parseScenario } from '../scenario/index.ts';
import { parseFlags } from './args.ts';
import { InputError } from './errors.ts';
import { formatReport } from './format.ts';
import { checkShard, type ShardFile } from './shard-file.ts';
import { readText } from './scenario-file.ts';

/** Shards can be large (one set of statistics per replication), but never gigabytes. */
const MAX_SHARD_BYTES = 512 * 1024 * 1024;

export async function readShard(path: string): Promise<ShardFile> {
  let json: unknown;
  const text = await readText(path, MAX_SHARD_BYTES);
  try {
    json = JSON.parse(text);
  } catch {
    throw new InputError(`${path}: not valid JSON (expected a shard from "occsim run --shard K/N")`);
  }
  return checkShard(json, path);
}

/**
 * Checks that the shards belong to one run and hold every replication once, then folds them into
 * the report the unsharded run would print. `names` label the shards in messages (file paths).
 */
export function mergeShards(shards: readonly ShardFile[], names: readonly string[]): Report {
  const first = shards[0]!;
  shards.forEach((s, i) => {
    if (s.digests.scenario !== first.digests.scenario) throw new InputError(`${names[i]}: a different scenario from ${names[0]}`);
    if (s.seed !== first.seed) throw new InputError(`${names[i]}: seed "${s.seed}", but ${names[0]} has "${first.seed}"`);
    if (s.replications !== first.replications)
      throw new InputError(`${names[i]}: ${s.replications} replications, but ${names[0]} has ${first.replications}`);
  });
  const results = shards.flatMap((s) => s.results);
  const outside = results.find((r) => r.replication >= first.replications);
  if (outside) throw new InputError(`replication ${outside.replication} is outside the run's ${first.replications} replications`);
  const seen = new Set(results.map((r) => r.replication));
  if (seen.size !== results.length) throw new InputError('a replication appears in more than one shard');
  const missing = Array.from({ length: first.replications }, (_, i) => i).filter((i) => !seen.has(i));
  if (missing.length) throw new InputError(`missing replications ${missing.join(', ')}: merge every shard of the run`);
  const parsed = parseScenario(first.scenario);
  if (!parsed.ok) throw new InputError('the shards hold an invalid scenario', parsed.problems.map(formatProblem));
  return buildReport(parsed.scenario, first.seed, results);
}

const MERGE_HELP = `Usage: occsim merge PART.json... [--json]

  Joins the shard files of one run ("occsim run FILE --shard K/N --json > PART.json"): they must
  share scenario, seed and replication count and hold every replication once; the result is the
  unsharded run's, exactly.

  --json  print one JSON object instead of a table`;

export default async function merge(args: string[]): Promise<number> {
  const { values, positionals } = parseFlags(args, { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) return (process.stdout.write(MERGE_HELP + '\n'), 0);
  if (positionals.length === 0) throw new InputError('expected one or more shard files', [MERGE_HELP]);
  const shards = await Promise.all(positionals.map(readShard));
  const report = mergeShards(shards, positionals);
  if (values.json) process.stdout.write(JSON.stringify({ ...report, timing: { merged: shards.length } }) + '\n');
  else process.stdout.write(formatReport(report) + '\n');
  return 0;
}
