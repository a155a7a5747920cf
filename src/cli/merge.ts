/**
 * `occsim merge PART...`: joins the shard files of one run. The shards must share scenario, seed
 * and replication count and together hold every replication once; the result is then exactly
 * the unsharded run's.
 */
import { buildReport } from '../model/report.ts';
import { formatProblem, parseScenario } from '../scenario/index.ts';
import { parseFlags } from './args.ts';
import { InputError } from './errors.ts';
import { formatReport } from './format.ts';
import type { ShardFile } from './run.ts';
import { readText } from './scenario-file.ts';

async function readShard(path: string): Promise<ShardFile> {
  let file: ShardFile;
  try {
    file = JSON.parse(await readText(path)) as ShardFile;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${path}: not valid JSON (expected a shard from "occsim run --shard K/N")`);
  }
  if (file?.format !== 'occsim-shard' || !Array.isArray(file.results))
    throw new InputError(`${path}: not an occsim shard file (expected the output of "occsim run --shard K/N")`);
  return file;
}

export default async function merge(args: string[]): Promise<number> {
  const { values, positionals } = parseFlags(args, { json: { type: 'boolean' } });
  if (positionals.length === 0) throw new InputError('expected one or more shard files');
  const shards = await Promise.all(positionals.map(readShard));
  const first = shards[0]!;
  const same = JSON.stringify(first.scenario);
  shards.forEach((s, i) => {
    if (JSON.stringify(s.scenario) !== same) throw new InputError(`${positionals[i]}: a different scenario from ${positionals[0]}`);
    if (s.seed !== first.seed) throw new InputError(`${positionals[i]}: seed "${s.seed}", but ${positionals[0]} has "${first.seed}"`);
    if (s.replications !== first.replications)
      throw new InputError(`${positionals[i]}: ${s.replications} replications, but ${positionals[0]} has ${first.replications}`);
  });
  const results = shards.flatMap((s) => s.results);
  const seen = new Set(results.map((r) => r.replication));
  if (seen.size !== results.length) throw new InputError('a replication appears in more than one shard');
  const missing = Array.from({ length: first.replications }, (_, i) => i).filter((i) => !seen.has(i));
  if (missing.length) throw new InputError(`missing replications ${missing.join(', ')}: merge every shard of the run`);
  const parsed = parseScenario(first.scenario);
  if (!parsed.ok) throw new InputError('the shards hold an invalid scenario', parsed.problems.map(formatProblem));
  const report = buildReport(parsed.scenario, first.seed, results);
  if (values.json) process.stdout.write(JSON.stringify({ ...report, timing: { merged: shards.length } }) + '\n');
  else process.stdout.write(formatReport(report) + '\n');
  return 0;
}
