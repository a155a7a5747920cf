/**
 * A sweep's results folder, the only state a sweep has: every scheduler's tasks read the plan from
 * it and leave their shard files in it, and the merge step reads them back.
 *
 *   plan.json               the expanded sweep: points (complete scenarios) and tasks
 *   points/ID.json          each point's scenario, as `occsim run` reads it
 *   shards/ID.K-of-N.json   one file per finished task, exactly `occsim run --shard K/N` output
 *   table.csv, table.json   the sweep table, written by `occsim sweep merge`
 *   slurm/, logs/           batch scripts, submitted job ids and task logs
 *
 * Files appear by rename once complete, so a task killed mid-way leaves nothing half-written, and
 * a finished task is never run again.
 */
import { existsSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { formatProblem } from '../scenario/index.ts';
import { expandSweep, parseSweep, tasksOf, type SweepPlan, type SweepTask } from '../sweep/expand.ts';
import { InputError } from './errors.ts';
import { readText } from './scenario-file.ts';

export interface SweepFolder {
  dir: string;
  plan: SweepPlan;
  tasks: SweepTask[];
}

interface PlanFile {
  format: 'occsim-sweep-plan';
  version: 1;
  plan: SweepPlan;
}

function readJson(path: string, text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`${path}: not valid JSON (expected ${what}): ${(error as Error).message}`);
  }
}

/** Reads a sweep file with its base scenario and CSV tables, and expands it into points. */
export async function loadSweep(file: string): Promise<SweepPlan> {
  const problems = (n: number) => `${file}: ${n} problem${n === 1 ? '' : 's'}`;
  const parsed = parseSweep(readJson(file, await readText(file), 'a sweep file'));
  if (!parsed.ok) throw new InputError(problems(parsed.problems.length), parsed.problems.map(formatProblem));
  const sweep = parsed.value;
  const here = dirname(file);
  let base = sweep.base;
  if (typeof base === 'string') {
    const path = resolve(here, base);
    const json = readJson(path, await readText(path), 'a scenario');
    if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new InputError(`${path}: expected a scenario object`);
    base = json as Record<string, unknown>;
  }
  const csv = new Map<string, string>();
  for (const axis of sweep.axes) if (axis.csv !== undefined) csv.set(axis.csv, await readText(resolve(here, axis.csv)));
  const plan = expandSweep(sweep, base, (name) => csv.get(name)!);
  if (!plan.ok) throw new InputError(problems(plan.problems.length), plan.problems.map(formatProblem));
  return plan.value;
}

/** `regional.json` → `regional.results` beside it. */
export function defaultOut(file: string): string {
  return join(dirname(file), basename(file).replace(/(\.sweep)?\.json$/i, '') + '.results');
}

const isFolder = (path: string) => existsSync(join(path, 'plan.json')) && statSync(path).isDirectory();

async function readFolder(dir: string): Promise<SweepFolder> {
  const file = readJson(join(dir, 'plan.json'), await readText(join(dir, 'plan.json')), 'a sweep plan') as PlanFile;
  if (file?.format !== 'occsim-sweep-plan' || file.version !== 1) throw new InputError(`${dir}/plan.json: not an occsim sweep plan`);
  return { dir, plan: file.plan, tasks: tasksOf(file.plan) };
}

/** A results folder named directly, or the one a sweep file runs into (its default or --out). */
export async function openFolder(target: string, out: string | undefined): Promise<SweepFolder> {
  if (isFolder(target)) return readFolder(target);
  const dir = out ?? defaultOut(target);
  if (!isFolder(dir)) {
    if (existsSync(target) && statSync(target).isDirectory()) throw new InputError(`${target}: not a sweep results folder (no plan.json)`);
    throw new InputError(`${dir}: no results yet; start with "occsim sweep run ${target} --local" or "--slurm"`);
  }
  return readFolder(dir);
}

/**
 * Writes the plan and the points' scenarios into the folder. A folder holding a different plan
 * (the sweep file changed) is refused, so old shards are never merged with new ones.
 */
export async function prepareFolder(plan: SweepPlan, dir: string): Promise<SweepFolder> {
  const text = JSON.stringify({ format: 'occsim-sweep-plan', version: 1, plan } satisfies PlanFile, null, 1) + '\n';
  if (isFolder(dir)) {
    const old = await readFile(join(dir, 'plan.json'), 'utf8');
    if (old !== text)
      throw new InputError(`${dir} holds the results of a different sweep (the sweep file has changed): use another --out, or remove the folder to start again`);
  } else if (existsSync(dir) && !statSync(dir).isDirectory()) throw new InputError(`${dir}: exists and is not a folder`);
  await Promise.all(['points', 'shards', 'logs'].map((d) => mkdir(join(dir, d), { recursive: true })));
  await Promise.all(plan.points.map((p) => writeAtomic(join(dir, 'points', `${p.id}.json`), JSON.stringify(p.scenario, null, 2) + '\n')));
  await writeAtomic(join(dir, 'plan.json'), text);
  return { dir, plan, tasks: tasksOf(plan) };
}

export async function writeAtomic(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.partial`;
  await writeFile(temporary, text);
  await rename(temporary, path);
}

export const pointFile = (folder: SweepFolder, id: string) => join(folder.dir, 'points', `${id}.json`);
export const shardPath = (folder: SweepFolder, t: SweepTask) => join(folder.dir, 'shards', `${t.point}.${t.k}-of-${t.n}.json`);

/** Task numbers (1-based, as in a job array) whose shard file is not there yet. */
export function missingTasks(folder: SweepFolder): number[] {
  return folder.tasks.flatMap((t, i) => (existsSync(shardPath(folder, t)) ? [] : [i + 1]));
}

/** "1-4,7,9-10": task numbers as a Slurm --array list. */
export function ranges(numbers: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < numbers.length; ) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
    parts.push(i === j ? `${numbers[i]}` : `${numbers[i]}-${numbers[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}
