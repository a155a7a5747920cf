/**
 * `occsim compare A B`: both scenarios on the same replication indices and seed (common random
 * numbers), with paired differences B − A and their 95 % CIs.
 */
import { availableParallelism } from 'node:os';
import { buildReport } from '../model/report.ts';
import { compareStats } from '../stats/compare.ts';
import { intFlag, parseFlags } from './args.ts';
import { InputError } from './errors.ts';
import { formatComparison } from './format.ts';
import { runReplications } from './pool.ts';
import { RUN_FLAGS, prepare, progressReporter, timing } from './run.ts';

export default async function compare(args: string[]): Promise<number> {
  const { values, positionals } = parseFlags(args, RUN_FLAGS);
  if (positionals.length !== 2) throw new InputError('expected two scenario files: occsim compare A B');
  const replications = intFlag('replications', values.replications, 10);
  const [a, b] = await Promise.all(positionals.map((f) => prepare(f, values.seed)));
  const seed = values.seed ?? a!.seed;
  const workers = intFlag('workers', values.workers, Math.min(availableParallelism(), replications));
  const indices = Array.from({ length: replications }, (_, i) => i);
  const start = performance.now();
  const [ra, rb] = [
    await runReplications(a!.scenario, a!.json, seed, indices, { workers, onProgress: progressReporter(`A ${a!.scenario.name}`) }),
    await runReplications(b!.scenario, b!.json, seed, indices, { workers, onProgress: progressReporter(`B ${b!.scenario.name}`) }),
  ];
  const reportA = buildReport(a!.scenario, seed, ra);
  const reportB = buildReport(b!.scenario, seed, rb);
  const comparison = compareStats(ra, rb);
  if (values.json)
    process.stdout.write(
      JSON.stringify({ seed, replications, a: reportA, b: reportB, differences: comparison.differences, timing: timing(start, 2 * replications, workers) }) + '\n',
    );
  else process.stdout.write(formatComparison(reportA, reportB, comparison) + '\n');
  return 0;
}
