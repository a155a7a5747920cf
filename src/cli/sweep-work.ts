/**
 * The two kinds of work in a sweep, whoever schedules them: a task (one shard of one point, the
 * same replications and file as `occsim run --shard K/N`) and the merge (every point's shards
 * through `occsim merge`'s checks into the sweep table).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario, formatProblem, type Scenario } from '../scenario/index.ts';
import { tasksOf, type SweepPlan, type SweepTask } from '../sweep/expand.ts';
import { sweepRow, sweepTable, sweepTableCsv, type SweepTable } from '../sweep/table.ts';
import { InputError } from './errors.ts';
import { mergeShards, readShard } from './merge.ts';
import { runReplications } from './pool.ts';
import { checkRunSize } from './run-size.ts';
import { shardIndices } from './run.ts';
import { shardFile } from './shard-file.ts';
import { missingTasks, pointFile, ranges, shardPath, writeAtomic, type SweepFolder } from './sweep-folder.ts';

export type TaskOutcome = 'ran' | 'already done';

function pointScenario(plan: SweepPlan, id: string, file: string): Scenario {
  const point = plan.points.find((p) => p.id === id)!;
  const parsed = parseScenario(point.scenario);
  if (!parsed.ok) throw new InputError(`${file}: invalid scenario`, parsed.problems.map(formatProblem));
  return parsed.scenario;
}

/**
 * The sweep's side of "every run has a size", checked before anything is written or run: `local`
 * runs every task on this machine, so the whole sweep must fit under the cap; on a cluster each
 * task runs on its own node, so each task must (`runTask` checks its own again before it runs).
 */
export function checkSweepSize(plan: SweepPlan, maxCalls: number, scope: 'local' | 'each task'): void {
  const scenarios = new Map(plan.points.map((p) => [p.id, pointScenario(plan, p.id, `point "${p.id}"`)]));
  if (scope === 'local')
    return checkRunSize([...scenarios.values()], plan.replications, maxCalls, `the sweep's ${scenarios.size} points on this machine`);
  for (const t of tasksOf(plan)) checkTaskSize(scenarios.get(t.point)!, plan, t, maxCalls);
}

function checkTaskSize(scenario: Scenario, plan: SweepPlan, task: SweepTask, maxCalls: number): void {
  checkRunSize([scenario], shardIndices(plan.replications, task).length, maxCalls, `task "${task.point}" shard ${task.k}/${task.n}`);
}

/** Runs task `number` (1-based) unless its shard file is already there. */
export async function runTask(folder: SweepFolder, number: number, workers: number, maxCalls: number): Promise<TaskOutcome> {
  const task = folder.tasks[number - 1];
  if (!task) throw new InputError(`task ${number}: expected a task number from 1 to ${folder.tasks.length}`);
  const out = shardPath(folder, task);
  if (existsSync(out)) return 'already done';
  const point = folder.plan.points.find((p) => p.id === task.point)!;
  const scenario = pointScenario(folder.plan, task.point, pointFile(folder, point.id));
  checkTaskSize(scenario, folder.plan, task, maxCalls);
  const { seed, replications } = folder.plan;
  const indices = shardIndices(replications, task);
  const results = await runReplications(scenario, seed, indices, { workers: Math.min(workers, indices.length) });
  await writeAtomic(out, JSON.stringify(shardFile(point.scenario, seed, replications, `${task.k}/${task.n}`, results)) + '\n');
  return 'ran';
}

/** Merges every point's shards into table.json and table.csv; refuses while any task is missing. */
export async function mergeFolder(folder: SweepFolder): Promise<SweepTable> {
  const start = performance.now();
  const missing = missingTasks(folder);
  if (missing.length) {
    const named = missing.slice(0, 10).map((i) => `task ${i}: ${shardPath(folder, folder.tasks[i - 1]!)}`);
    throw new InputError(`${missing.length} of ${folder.tasks.length} tasks have no shard file yet (tasks ${ranges(missing)}); run them first, e.g. "occsim sweep resubmit ${folder.dir}"`, named);
  }
  const rows = [];
  for (const point of folder.plan.points) {
    const files = folder.tasks.filter((t) => t.point === point.id).map((t) => shardPath(folder, t));
    const shards = await Promise.all(files.map(readShard));
    shards.forEach((s, i) => {
      if (JSON.stringify(s.scenario) !== JSON.stringify(point.scenario) || s.seed !== folder.plan.seed)
        throw new InputError(`${files[i]}: not a shard of point "${point.id}" of this sweep (another scenario or seed)`);
    });
    rows.push(sweepRow(point, mergeShards(shards, files)));
  }
  const table = sweepTable(folder.plan, rows);
  const timing = { tasks: folder.tasks.length, mergeSeconds: Number(((performance.now() - start) / 1000).toFixed(3)) };
  await writeAtomic(join(folder.dir, 'table.json'), JSON.stringify({ ...table, timing }, null, 1) + '\n');
  await writeAtomic(join(folder.dir, 'table.csv'), sweepTableCsv(table));
  return table;
}
