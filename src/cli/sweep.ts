/**
 * `occsim sweep`: many scenarios × replications, run here or on a batch cluster and merged exactly.
 * The sweep file expands into points (src/sweep/); the results folder (sweep-folder.ts) holds the
 * plan and every finished shard; tasks and the merge (sweep-work.ts) are the same code under every
 * scheduler; Slurm submission and status live in sweep-slurm.ts.
 */
import { join } from 'node:path';
import { runReplication } from '../model/run.ts';
import { parseScenario, type Scenario } from '../scenario/index.ts';
import { pointDays, tasksOf, type SweepPlan } from '../sweep/expand.ts';
import { sweepJsonSchema } from '../sweep/schema.ts';
import { standardsText, type SweepTable } from '../sweep/table.ts';
import { parseFlags, wantsHelp, wholeNumber } from './args.ts';
import { InputError } from './errors.ts';
import { defaultOut, loadSweep, missingTasks, openFolder, prepareFolder } from './sweep-folder.ts';
import { SIZE_FLAGS, SIZE_HELP, maxCallsFlag, workerCount } from './run-size.ts';
import { checkSweepSize, mergeFolder, runTask } from './sweep-work.ts';

export const SWEEP_HELP = `Usage: occsim sweep <step> ...

  plan SWEEP [--json]                       the points, the tasks and the work, timed by a short run
  prepare SWEEP [--out DIR]                 writes the results folder for another scheduler to run
  run SWEEP --local [--out DIR] [--workers N]
                                            every task on this machine, then the table; resumable
  run SWEEP --slurm [--out DIR] [--partition P] [--max-parallel N] [--time T] [--cpus-per-task C]
                                            a job array of tasks and a merge job, through sbatch
  status SWEEP|DIR [--json]                 tasks done, queued, failed or missing; the table
  resubmit SWEEP|DIR [Slurm flags]          submits again only the tasks with no shard file
  task DIR I [--workers N]                  runs task I (1-based) of a results folder, for any scheduler
  merge DIR                                 writes DIR/table.csv and DIR/table.json from the shards
  schema                                    prints the sweep file's JSON Schema

A results folder (DIR) defaults to the sweep file's name with ".results", beside it.
run, prepare and task refuse work past a size before starting (run --local: the whole sweep;
otherwise each task, which runs on its own node):
${SIZE_HELP}`;

const SLURM_FLAGS = {
  partition: { type: 'string' },
  'max-parallel': { type: 'string' },
  time: { type: 'string' },
  'cpus-per-task': { type: 'string' },
} as const;

function callsPerDay(s: Scenario): number {
  return Object.values(s.demand.channels).reduce((sum, c) => sum + (c?.callsPerDay ?? 0), 0);
}

/** CPU seconds of one replication of `s` cut to `days` (no warm-up), on this thread. */
function cpuSeconds(s: Scenario, seed: string, days: number): number {
  const before = process.cpuUsage();
  runReplication({ ...s, horizon: { ...s.horizon, days, warmupDays: 0 } }, seed, 0);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1e6;
}

/**
 * Core seconds per replication of each point, from short runs of the first point: a 1-day and a
 * 2-week run (the best of three each) separate the fixed start-up (outcome tables, compilation)
 * from the cost per simulated day, which is then scaled by each point's days and calls per day.
 * CPU time, so a busy machine inflates it less; two weeks, so that the difference between the two
 * runs stands well clear of a loaded machine's noise (with 4 days it could come out as nothing).
 */
function calibrate(plan: SweepPlan): { perReplication: Map<string, number>; measured: string } {
  const scenarios = plan.points.map((p) => {
    const parsed = parseScenario(p.scenario);
    if (!parsed.ok) throw new InputError(`point "${p.id}": invalid scenario`);
    return parsed.scenario;
  });
  const first = scenarios[0]!;
  const long = Math.min(14, first.horizon.days);
  cpuSeconds(first, plan.seed, 1); // warms the code up; the timed runs follow
  const best = (days: number) => Math.min(cpuSeconds(first, plan.seed, days), cpuSeconds(first, plan.seed, days), cpuSeconds(first, plan.seed, days));
  const t1 = best(1);
  const t2 = long > 1 ? best(long) : t1;
  // Should noise still swallow the difference, the long run's time per day is the estimate.
  const perDay = long > 1 ? (t2 > t1 ? (t2 - t1) / (long - 1) : t2 / long) : t1;
  const setup = Math.max(0, t1 - perDay);
  const perCallDay = perDay / Math.max(callsPerDay(first), 1);
  const perReplication = new Map(
    plan.points.map((p, i) => [p.id, setup + perCallDay * pointDays(p) * Math.max(callsPerDay(scenarios[i]!), 1)]),
  );
  return { perReplication, measured: `1- and ${long}-day replications of point "${plan.points[0]!.id}" (${(perDay * 1000).toFixed(0)} ms CPU per simulated day)` };
}

const hours = (seconds: number) => (seconds < 120 ? `${seconds.toFixed(1)} s` : seconds < 7200 ? `${(seconds / 60).toFixed(1)} min` : `${(seconds / 3600).toFixed(1)} h`);

async function plan(args: string[]): Promise<number> {
  const { values, positionals } = parseFlags(args, { json: { type: 'boolean' } });
  if (positionals.length !== 1) throw new InputError('expected one SWEEP file', [SWEEP_HELP]);
  const p = await loadSweep(positionals[0]!);
  const { perReplication, measured } = calibrate(p);
  const points = p.points.map((pt) => ({
    id: pt.id,
    labels: pt.labels,
    replicationDays: pointDays(pt) * p.replications,
    coreSeconds: Number((perReplication.get(pt.id)! * p.replications).toFixed(3)),
  }));
  const total = {
    points: points.length,
    tasks: tasksOf(p).length,
    replications: points.length * p.replications,
    replicationDays: points.reduce((s, x) => s + x.replicationDays, 0),
    coreSeconds: Number(points.reduce((s, x) => s + x.coreSeconds, 0).toFixed(3)),
  };
  if (values.json) {
    process.stdout.write(JSON.stringify({ sweep: p.name, seed: p.seed, replications: p.replications, shards: p.shards, axes: p.axes, points, total, calibration: measured }) + '\n');
    return 0;
  }
  const width = Math.max(2, ...points.map((x) => x.id.length));
  process.stdout.write(
    [
      `${p.name}: ${total.points} points × ${p.replications} replications (seed "${p.seed}"), ${p.shards} shard${p.shards === 1 ? '' : 's'} each = ${total.tasks} tasks`,
      '',
      `${'id'.padEnd(width)}  ${'replication-days'.padStart(16)}  ${'core time'.padStart(10)}`,
      ...points.map((x) => `${x.id.padEnd(width)}  ${String(x.replicationDays).padStart(16)}  ${hours(x.coreSeconds).padStart(10)}`),
      '',
      `total: ${total.replicationDays} replication-days, about ${hours(total.coreSeconds)} of core time (${hours(total.coreSeconds / total.tasks)} per task)`,
      `timed on ${measured}; results go to ${defaultOut(positionals[0]!)}`,
    ].join('\n') + '\n',
  );
  return 0;
}

function summary(table: SweepTable, dir: string): string {
  const width = Math.max(2, ...table.points.map((p) => p.id.length));
  const pct = (v: number | null | undefined) => (v === null || v === undefined ? '–' : `${(v * 100).toFixed(1)} %`);
  return [
    `${'id'.padEnd(width)}  ${'cost/week'.padStart(10)}  ${'999 in 10 s'.padStart(11)}  standards met`,
    ...table.points.map(
      (p) =>
        `${p.id.padEnd(width)}  ${p.cost.costPerWeek.toFixed(0).padStart(10)}  ${pct(p.kpis['999.serviceLevel']?.mean).padStart(11)}  ${standardsText(p)}`,
    ),
    '',
    `table: ${join(dir, 'table.csv')} and ${join(dir, 'table.json')}`,
  ].join('\n');
}

async function runLocal(file: string, out: string | undefined, workersFlag: string | undefined, maxCalls: number): Promise<number> {
  // Every flag is judged before the results folder is written.
  const workers = workerCount(workersFlag, Infinity);
  const plan = await loadSweep(file);
  checkSweepSize(plan, maxCalls, 'local');
  const folder = await prepareFolder(plan, out ?? defaultOut(file));
  const todo = missingTasks(folder);
  const total = folder.tasks.length;
  process.stderr.write(`${folder.plan.name}: ${total} tasks, ${total - todo.length} already done, ${todo.length} to run on ${workers} worker${workers === 1 ? '' : 's'}\n`);
  for (const [i, number] of todo.entries()) {
    const t = folder.tasks[number - 1]!;
    const start = performance.now();
    await runTask(folder, number, workers, maxCalls);
    process.stderr.write(`[${i + 1}/${todo.length}] task ${number}: ${t.point} shard ${t.k}/${t.n} in ${((performance.now() - start) / 1000).toFixed(1)} s\n`);
  }
  const table = await mergeFolder(folder);
  process.stdout.write(summary(table, folder.dir) + '\n');
  return 0;
}

async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseFlags(args, {
    local: { type: 'boolean' },
    slurm: { type: 'boolean' },
    out: { type: 'string' },
    workers: { type: 'string', short: 'w' },
    ...SLURM_FLAGS,
    ...SIZE_FLAGS,
  });
  if (positionals.length !== 1) throw new InputError('expected one SWEEP file', [SWEEP_HELP]);
  if (values.local === values.slurm) throw new InputError('expected where to run: --local or --slurm');
  const file = positionals[0]!;
  const maxCalls = maxCallsFlag(values['max-calls']);
  if (values.local) return runLocal(file, values.out, values.workers, maxCalls);
  const plan = await loadSweep(file);
  checkSweepSize(plan, maxCalls, 'each task');
  const folder = await prepareFolder(plan, values.out ?? defaultOut(file));
  return (await import('./sweep-slurm.ts')).submit(folder, values);
}

/** For schedulers occsim does not drive (Kubernetes, GNU parallel): the folder, then tasks 1..T. */
async function prepare(args: string[]): Promise<number> {
  const { values, positionals } = parseFlags(args, { out: { type: 'string' }, ...SIZE_FLAGS });
  if (positionals.length !== 1) throw new InputError('expected one SWEEP file', [SWEEP_HELP]);
  const file = positionals[0]!;
  const maxCalls = maxCallsFlag(values['max-calls']);
  const plan = await loadSweep(file);
  checkSweepSize(plan, maxCalls, 'each task');
  const folder = await prepareFolder(plan, values.out ?? defaultOut(file));
  const n = folder.tasks.length;
  process.stdout.write(
    `${folder.dir}: ${n} tasks, ${missingTasks(folder).length} to run: "occsim sweep task ${folder.dir} I" for I = 1 … ${n}, then "occsim sweep merge ${folder.dir}"\n`,
  );
  return 0;
}

async function task(args: string[]): Promise<number> {
  const { values, positionals } = parseFlags(args, { workers: { type: 'string', short: 'w' }, ...SIZE_FLAGS });
  if (positionals.length !== 2) throw new InputError('expected a results folder DIR and a task number I', [SWEEP_HELP]);
  const folder = await openFolder(positionals[0]!, undefined);
  const number = wholeNumber('task number I', positionals[1]!);
  const outcome = await runTask(folder, number, workerCount(values.workers ?? '1', Infinity), maxCallsFlag(values['max-calls']));
  const t = folder.tasks[number - 1]!;
  // One line per task in the scheduler's log: how a cluster run can be checked for lost or doubled work.
  process.stdout.write(`task ${number}: ${t.point} shard ${t.k}/${t.n} ${outcome === 'ran' ? 'written' : 'already done, skipped'}\n`);
  return 0;
}

async function merge(args: string[]): Promise<number> {
  const { positionals } = parseFlags(args, {});
  if (positionals.length !== 1) throw new InputError('expected a results folder DIR', [SWEEP_HELP]);
  const folder = await openFolder(positionals[0]!, undefined);
  process.stdout.write(summary(await mergeFolder(folder), folder.dir) + '\n');
  return 0;
}

async function status(args: string[]): Promise<number> {
  const { values, positionals } = parseFlags(args, { out: { type: 'string' }, json: { type: 'boolean' } });
  if (positionals.length !== 1) throw new InputError('expected a SWEEP file or its results folder', [SWEEP_HELP]);
  return (await import('./sweep-slurm.ts')).status(await openFolder(positionals[0]!, values.out), Boolean(values.json));
}

async function resubmit(args: string[]): Promise<number> {
  const { values, positionals } = parseFlags(args, { out: { type: 'string' }, ...SLURM_FLAGS });
  if (positionals.length !== 1) throw new InputError('expected a SWEEP file or its results folder', [SWEEP_HELP]);
  return (await import('./sweep-slurm.ts')).resubmit(await openFolder(positionals[0]!, values.out), values);
}

const steps: Record<string, (args: string[]) => Promise<number>> = {
  plan,
  prepare,
  run,
  status,
  resubmit,
  task,
  merge,
  schema: async () => (process.stdout.write(JSON.stringify(sweepJsonSchema(), null, 2) + '\n'), 0),
};

export default async function sweep(args: string[]): Promise<number> {
  const [step, ...rest] = args;
  if (step === '--help' || step === '-h' || step === 'help' || wantsHelp(rest)) return (process.stdout.write(SWEEP_HELP + '\n'), 0);
  const f = step === undefined ? undefined : steps[step];
  if (!f) throw new InputError(step === undefined ? 'expected a step' : `unknown step "${step}"`, [SWEEP_HELP]);
  return f(rest);
}
