/** Starts the web workers a run uses and wraps them with comlink. */
import { wrap, type Remote } from 'comlink';
import type { SimWorkerApi } from '../../model/worker-api.ts';
import type { ReportApi } from '../../model/report-api.ts';
import type { WorkerHandle } from './pool.svelte.ts';

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
