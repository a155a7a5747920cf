/**
 * Runs replications, in this process or on Node worker threads that load the same worker module
 * as the browser. The scenario was read and validated once by the command; each thread receives
 * it once per run, then only (seed, index) per replication. Results come back in any order and
 * are sorted by index by the summary, so the output is identical whatever the number of workers.
 */
import { Worker } from 'node:worker_threads';
import { wrap, releaseProxy, type Remote } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { Scenario } from '../scenario/index.ts';
import type { ReplicationStats } from '../stats/replication.ts';
import { runReplication } from '../model/run.ts';
import type { SimWorkerApi } from '../model/worker-api.ts';

export interface PoolOptions {
  workers: number;
  onProgress?: (done: number, total: number) => void;
}

export async function runReplications(
  scenario: Scenario,
  seed: string,
  indices: readonly number[],
  { workers, onProgress }: PoolOptions,
): Promise<ReplicationStats[]> {
  const pool = openPool(Math.min(workers, indices.length));
  try {
    return await pool.run(scenario, seed, indices, onProgress);
  } finally {
    await pool.close();
  }
}

/** Worker threads kept for many runs (the optimiser simulates a dozen times); one thread or none runs in this process. */
export interface ReplicationPool {
  run(scenario: Scenario, seed: string, indices: readonly number[], onProgress?: PoolOptions['onProgress']): Promise<ReplicationStats[]>;
  close(): Promise<void>;
}

export function openPool(workers: number): ReplicationPool {
  let threads: { worker: Worker; api: Remote<SimWorkerApi> }[] | null = null;
  const start = () => {
    // The command line runs compiled (scripts/build-cli.mjs): the worker shell is compiled beside it.
    const shell = new URL('./sim.node-worker.js', import.meta.url);
    return Array.from({ length: workers }, () => {
      const worker = new Worker(shell);
      return { worker, api: wrap<SimWorkerApi>(nodeEndpoint(worker)) as Remote<SimWorkerApi> };
    });
  };
  return {
    async run(scenario, seed, indices, onProgress) {
      const results: ReplicationStats[] = [];
      const report = () => onProgress?.(results.length, indices.length);
      if (workers <= 1 || indices.length <= 1) {
        for (const i of indices) {
          results.push(runReplication(scenario, seed, i));
          report();
        }
        return results;
      }
      threads ??= start();
      let next = 0;
      await Promise.all(
        threads.slice(0, indices.length).map(async ({ api }) => {
          await api.useScenario(scenario);
          while (next < indices.length) {
            const index = indices[next++]!;
            results.push(await api.runLoaded(seed, index));
            report();
          }
        }),
      );
      return results;
    },
    async close() {
      for (const { worker, api } of threads ?? []) {
        api[releaseProxy]();
        await worker.terminate();
      }
      threads = null;
    },
  };
}
