/**
 * Slurm does the scheduling; occsim writes two batch scripts and calls the Slurm commands. A sweep
 * is a job array (one task per shard of a point, `occsim sweep task DIR $SLURM_ARRAY_TASK_ID`) and
 * a merge job that starts after the array succeeds (`--dependency=afterok`). `status` reads squeue
 * (and sacct where accounting is on) beside the shard files; `resubmit` sends again only the tasks
 * that have no shard file and are not queued, so nothing is lost or run twice.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { slug } from '../sweep/expand.ts';
import { intFlag } from './args.ts';
import { InputError } from './errors.ts';
import { missingTasks, ranges, writeAtomic, type SweepFolder } from './sweep-folder.ts';

export interface SlurmOptions {
  partition?: string;
  'max-parallel'?: string;
  time?: string;
  'cpus-per-task'?: string;
}

/** One submission: an array job over some tasks and the merge job after it. */
interface Submission {
  array: string | null;
  merge: string;
  tasks: number[];
  submitted: string;
}

export class SlurmError extends Error {}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

function slurm(command: string, args: string[]): string {
  const r = spawnSync(command, args, { encoding: 'utf8' });
  if (r.error) {
    const missing = (r.error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new SlurmError(missing ? `${command} not found: run this on a Slurm login node (or use --local)` : r.error.message);
  }
  if (r.status !== 0) throw new SlurmError(`${command} ${args.join(' ')} failed: ${(r.stderr || r.stdout).trim()}`);
  return r.stdout;
}

/** The command that runs this occsim, as an absolute path, for nodes sharing the file system. */
function occsimCommand(): string {
  return `${quote(process.execPath)} ${quote(realpathSync(process.argv[1]!))}`;
}

async function writeScripts(folder: SweepFolder, o: SlurmOptions): Promise<{ array: string; merge: string }> {
  const dir = resolve(folder.dir);
  await mkdir(join(dir, 'slurm'), { recursive: true });
  const name = `occsim-${slug(folder.plan.name).slice(0, 40) || 'sweep'}`;
  const cpus = o['cpus-per-task'] ? intFlag('cpus-per-task', o['cpus-per-task'], 1) : 1;
  const head = (job: string, log: string) =>
    [
      '#!/bin/bash',
      `#SBATCH --job-name=${name}-${job}`,
      `#SBATCH --output=${join(dir, 'logs', log)}`,
      ...(o.partition ? [`#SBATCH --partition=${o.partition}`] : []),
      ...(o.time ? [`#SBATCH --time=${o.time}`] : []),
      'set -euo pipefail',
    ].join('\n');
  const array = join(dir, 'slurm', 'tasks.sh');
  const merge = join(dir, 'slurm', 'merge.sh');
  await writeFile(
    array,
    `${head('task', '%A_%a.out')}\n#SBATCH --cpus-per-task=${cpus}\n# One shard of one point: the same replications and file as "occsim run --shard K/N".\n` +
      `exec ${occsimCommand()} sweep task ${quote(dir)} "$SLURM_ARRAY_TASK_ID" --workers "\${SLURM_CPUS_PER_TASK:-1}"\n`,
    { mode: 0o755 },
  );
  await writeFile(merge, `${head('merge', 'merge_%j.out')}\n# Every point's shards merged exactly into table.csv and table.json.\nexec ${occsimCommand()} sweep merge ${quote(dir)}\n`, {
    mode: 0o755,
  });
  return { array, merge };
}

const jobsFile = (folder: SweepFolder) => join(folder.dir, 'slurm', 'jobs.json');

async function submissions(folder: SweepFolder): Promise<Submission[]> {
  return existsSync(jobsFile(folder)) ? (JSON.parse(await readFile(jobsFile(folder), 'utf8')) as Submission[]) : [];
}

const jobId = (parsable: string) => parsable.trim().split(';')[0]!;

/** Submits an array over `tasks` (if any) and a merge job after it and after `after`. */
async function submitTasks(folder: SweepFolder, tasks: number[], o: SlurmOptions, after: string[]): Promise<Submission> {
  const scripts = await writeScripts(folder, o);
  const parallel = o['max-parallel'] ? `%${intFlag('max-parallel', o['max-parallel'], 1)}` : '';
  const array = tasks.length ? jobId(slurm('sbatch', ['--parsable', `--array=${ranges(tasks)}${parallel}`, scripts.array])) : null;
  const dependency = [...(array ? [`afterok:${array}`] : []), ...after.map((id) => `afterany:${id}`)];
  const merge = jobId(slurm('sbatch', ['--parsable', ...(dependency.length ? [`--dependency=${dependency.join(',')}`] : []), scripts.merge]));
  const submission = { array, merge, tasks, submitted: new Date().toISOString() };
  await writeAtomic(jobsFile(folder), JSON.stringify([...(await submissions(folder)), submission], null, 1) + '\n');
  return submission;
}

function report(folder: SweepFolder, s: Submission): number {
  const what = s.array ? `array job ${s.array} (${s.tasks.length} tasks: ${ranges(s.tasks)}), ` : '';
  process.stdout.write(`submitted ${what}merge job ${s.merge}\nfollow with: occsim sweep status ${folder.dir}\n`);
  return 0;
}

function guarded<T>(f: () => Promise<T>): Promise<T> {
  return f().catch((error: unknown) => {
    if (error instanceof SlurmError) throw new InputError(error.message);
    throw error;
  });
}

export function submit(folder: SweepFolder, o: SlurmOptions): Promise<number> {
  return guarded(async () => {
    const todo = missingTasks(folder);
    if (todo.length < folder.tasks.length) process.stdout.write(`${folder.tasks.length - todo.length} of ${folder.tasks.length} tasks already done, kept\n`);
    return report(folder, await submitTasks(folder, todo, o, []));
  });
}

type TaskState = string;

/**
 * The state of each job and array task ("123_4"): sacct where the cluster keeps accounting, then
 * scontrol for jobs finished in the last minutes (clusters without accounting), then squeue for
 * the live ones, each later source overriding the earlier.
 */
function jobStates(ids: string[]): Map<string, TaskState> {
  const states = new Map<string, TaskState>();
  if (!ids.length) return states;
  const optional = (f: () => void) => {
    try {
      f();
    } catch {
      // This cluster does not answer that query (no accounting, or the jobs are long gone).
    }
  };
  optional(() => {
    for (const line of slurm('sacct', ['-n', '-P', '-X', '-j', ids.join(','), '-o', 'JobID,State']).split('\n')) {
      const [id, state] = line.trim().split('|');
      if (id && state) states.set(id, state.split(' ')[0]!);
    }
  });
  for (const id of ids)
    optional(() => {
      for (const line of slurm('scontrol', ['-o', 'show', 'job', id]).split('\n')) {
        const field = (name: string) => new RegExp(`(?:^| )${name}=(\\S+)`).exec(line)?.[1];
        const task = field('ArrayTaskId');
        const state = field('JobState');
        if (state) states.set(task && !task.includes('-') && !task.includes(',') ? `${field('ArrayJobId')}_${task}` : field('JobId')!, state);
      }
    });
  // One job at a time: squeue refuses the whole list when one id has left its memory.
  for (const id of ids)
    optional(() => {
      for (const line of slurm('squeue', ['-h', '-r', '-j', id, '-o', '%i|%T|%r']).split('\n')) {
        const [job, state, reason] = line.trim().split('|');
        if (job && state) states.set(job, reason === 'DependencyNeverSatisfied' ? 'NEVER (a task it waits for failed)' : state);
      }
    });
  return states;
}

const QUEUED = new Set(['PENDING', 'RUNNING', 'CONFIGURING', 'COMPLETING', 'REQUEUED', 'RESIZING', 'SUSPENDED']);

/** Per task number, the state of its latest submission. */
function taskStates(subs: Submission[], states: Map<string, TaskState>): Map<number, TaskState> {
  const byTask = new Map<number, TaskState>();
  for (const s of subs) if (s.array) for (const t of s.tasks) byTask.set(t, states.get(`${s.array}_${t}`) ?? 'ended without a shard');
  return byTask;
}

export function status(folder: SweepFolder, json: boolean): Promise<number> {
  return guarded(async () => {
    const subs = await submissions(folder);
    const states = jobStates(subs.flatMap((s) => [...(s.array ? [s.array] : []), s.merge]));
    const missing = new Set(missingTasks(folder));
    const byTask = taskStates(subs, states);
    const queued = [...missing].filter((t) => QUEUED.has(byTask.get(t) ?? ''));
    const failed = [...missing].filter((t) => !queued.includes(t)).map((t) => ({ task: t, ...folder.tasks[t - 1]!, state: byTask.get(t) ?? 'not submitted' }));
    const last = subs.at(-1);
    const result = {
      tasks: folder.tasks.length,
      done: folder.tasks.length - missing.size,
      queued: queued.length,
      missing: failed,
      merge: last ? { job: last.merge, state: states.get(last.merge) ?? 'ended' } : null,
      table: existsSync(join(folder.dir, 'table.json')),
    };
    if (json) return (process.stdout.write(JSON.stringify(result) + '\n'), 0);
    const lines = [`${folder.plan.name}: ${result.done} of ${result.tasks} tasks done, ${result.queued} queued, ${failed.length} missing`];
    for (const f of failed.slice(0, 20)) lines.push(`  task ${f.task}: ${f.point} shard ${f.k}/${f.n} (${f.state})`);
    if (failed.length > 20) lines.push(`  ... and ${failed.length - 20} more`);
    if (result.merge) lines.push(`merge job ${result.merge.job}: ${result.merge.state}`);
    lines.push(result.table ? `table: ${join(folder.dir, 'table.csv')}` : failed.length && !result.queued ? `resubmit the missing tasks: occsim sweep resubmit ${folder.dir}` : 'no table yet');
    process.stdout.write(lines.join('\n') + '\n');
    return 0;
  });
}

export function resubmit(folder: SweepFolder, o: SlurmOptions): Promise<number> {
  return guarded(async () => {
    const subs = await submissions(folder);
    const states = jobStates(subs.flatMap((s) => [...(s.array ? [s.array] : []), s.merge]));
    const byTask = taskStates(subs, states);
    const missing = missingTasks(folder);
    const queued = missing.filter((t) => QUEUED.has(byTask.get(t) ?? ''));
    const todo = missing.filter((t) => !queued.includes(t));
    if (!todo.length && queued.length) {
      process.stdout.write(`nothing to resubmit: ${queued.length} tasks are still queued or running\n`);
      return 0;
    }
    if (!todo.length && existsSync(join(folder.dir, 'table.json'))) {
      process.stdout.write('nothing to resubmit: every task is done and the table is written\n');
      return 0;
    }
    // A merge job waiting on a failed or cancelled task can never start: replace it.
    const stale = subs.map((s) => s.merge).filter((id) => QUEUED.has(states.get(id) ?? '') || states.get(id)?.startsWith('NEVER'));
    if (stale.length) slurm('scancel', stale);
    const stillRunning = [...new Set(subs.filter((s) => s.array && s.tasks.some((t) => queued.includes(t))).map((s) => s.array!))];
    return report(folder, await submitTasks(folder, todo, o, stillRunning));
  });
}
