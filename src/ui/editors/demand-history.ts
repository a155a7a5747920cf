/**
 * The call-history import and forecast (src/ui/demand/) wired into the demand editor: one CSV
 * worker, started the first time the planner opens the import, kept for the visit so a fitted
 * history survives switching tabs.
 */
import { proxy, wrap } from 'comlink';
import type { DemandWorkerApi } from '../../history/worker-api.ts';
import { DemandImport, type DemandApi } from '../demand/demand-import.svelte.ts';
import { DemandForecast } from '../demand/demand-forecast.svelte.ts';

export interface DemandTools {
  imp: DemandImport;
  forecast: DemandForecast;
}

let tools: DemandTools | undefined;

export function demandTools(): DemandTools {
  if (!tools) {
    const worker = new Worker(new URL('../../../workers/csv.worker.ts', import.meta.url), { type: 'module', name: 'occsim-csv' });
    const api = wrap<DemandWorkerApi>(worker) as unknown as DemandApi;
    tools = { imp: new DemandImport(api, proxy), forecast: new DemandForecast(api) };
  }
  return tools;
}
