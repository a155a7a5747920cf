/** Starts the web workers a run (or a proposal) uses and wraps them with comlink. */
import { wrap, type Remote } from 'comlink';
import type { SimWorkerApi } from '../../model/worker-api.ts';
import type { ReportApi } from '../../model/report-api.ts';
import type { WorkerHandle } from './pool.svelte.ts';
import type { OptimiseWorkerApi } from '../../optimise/worker-api.ts';
import type { OptimiserHandle } from '../propose/propose-view.svelte.ts';

export function connectWorker(): WorkerHandle {
  const worker = new Worker(new URL('../../../workers/sim.worker.ts', import.meta.url), { type: 'module', name: 'occsim-sim' });
  const api = wrap<SimWorkerApi>(worker);
  return { api, terminate: () => worker.terminate() };
}

export type Reporter = Remote<ReportApi> | { [K in keyof ReportApi]: (...args: Parameters<ReportApi[K]>) => Promise<ReturnType<ReportApi[K]>> | ReturnType<ReportApi[K]> };

export function connectReporter(): Reporter {
  const worker = new Worker(new URL('../../../workers/report.worker.ts', import.meta.url), { type: 'module', name: 'occsim-report' });
  return wrap<ReportApi>(worker);
}

/** The rota optimiser's worker (HiGHS runs there); its simulations go to `connectWorker`'s workers. */
export function connectOptimiser(): OptimiserHandle {
  const worker = new Worker(new URL('../../../workers/optimise.worker.ts', import.meta.url), { type: 'module', name: 'occsim-optimise' });
  return { api: wrap<OptimiseWorkerApi>(worker), terminate: () => worker.terminate() };
}
