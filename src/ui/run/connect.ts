/** Starts one simulation web worker and wraps it with comlink. */
import { wrap } from 'comlink';
import type { SimWorkerApi } from '../../model/worker-api.ts';
import type { WorkerHandle } from './pool.svelte.ts';

export function connectWorker(): WorkerHandle {
  const worker = new Worker(new URL('../../../workers/sim.worker.ts', import.meta.url), { type: 'module', name: 'occsim-sim' });
  const api = wrap<SimWorkerApi>(worker);
  return { api, terminate: () => worker.terminate() };
}
