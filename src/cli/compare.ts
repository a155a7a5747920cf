/**
 * `occsim compare A B`: both scenarios on the same replication indices and seed (common random
 * numbers), with paired differences B − A and their 95 % CIs.
 */
import { buildReport } from '../model/report.ts';
import { compareStats } from '../stats/compare.ts';
import { parseFlags } from './args.ts';
import { SIZE_HELP } from './run-size.ts';
import { checkRunSize, maxCallsFlag, replicationsFlag, workerCount } from './run-size.ts';
import { InputError } from './errors.ts';
import { formatComparison } from './format.ts';
import { runReplications } from './pool.ts';
import { RUN_FLAGS, prepare, progressReporter, timing, type Prepared } from './run.ts';

const COMPARE_HELP = `Usage: occsim compare A B [--replications N] [--seed S] [--workers N] [--json]

  Runs both scenarios on the same seed and replications (common random numbers) and prints B − A
  for every figure, with its 95 % CI from the paired replications.

  --replications N  paired replications (default 10)
  --seed S          base seed (default: A's seed, else "occsim")
  --workers N       worker threads (default and at most: the cores); results do not depend on it
  --json            print one JSON object instead of a table
${SIZE_HELP}`;

export default async function compare(args: string[]): Promise<number> {
  const { values, positionals } = parseFlags(args, RUN_FLAGS);
  if (values.help) return (process.stdout.write(COMPARE_HELP + '\n'), 0);
  if (positionals.length !== 2) throw new InputError('expected two scenario files: occsim compare A B', [COMPARE_HELP]);
  const replications = replicationsFlag(values.replications, 10);
  const maxCalls = maxCallsFlag(values['max-calls']);
  const [a, b] = await prepareBoth(positionals[0]!, positionals[1]!, values.seed);
  checkRunSize([a.scenario, b.scenario], replications, maxCalls);
  const seed = values.seed ?? a.seed;
  const workers = workerCount(values.workers, replications);
  const indices = Array.from({ length: replications }, (_, i) => i);
  const start = performance.now();
  const [ra, rb] = [
    await runReplications(a.scenario, seed, indices, { workers, onProgress: progressReporter(`A ${a.scenario.name}`) }),
    await runReplications(b.scenario, seed, indices, { workers, onProgress: progressReporter(`B ${b.scenario.name}`) }),
  ];
  const reportA = buildReport(a.scenario, seed, ra);
  const reportB = buildReport(b.scenario, seed, rb);
  const comparison = compareStats(ra, rb);
  if (values.json)
    process.stdout.write(
      JSON.stringify({ seed, replications, a: reportA, b: reportB, differences: comparison.differences, timing: timing(start, 2 * replications, workers) }) + '\n',
    );
  else process.stdout.write(formatComparison(reportA, reportB, comparison) + '\n');
  return 0;
}

/** Both files are read and checked, so a problem in B is not hidden behind one in A. */
async function prepareBoth(fileA: string, fileB: string, seed: string | undefined) {
  const settled = await Promise.allSettled([prepare(fileA, seed), prepare(fileB, seed)]);
  const failed = settled.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as unknown);
  if (failed.length === 0) return settled.map((r) => (r as PromiseFulfilledResult<Prepared>).value) as [Prepared, Prepared];
  if (failed.length === 1 || !failed.every((e) => e instanceof InputError)) throw failed[0];
  const [ea, eb] = failed as InputError[];
  throw new InputError('both scenarios have problems', [ea!.message, ...ea!.problems.map((p) => `  ${p}`), eb!.message, ...eb!.problems.map((p) => `  ${p}`)]);
}
