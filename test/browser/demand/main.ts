// Test page for the call-history import: mounts the component standalone over the real CSV worker.
// This is also how the app mounts it: wrap the worker with comlink, pass comlink's `proxy` for callbacks.
import { mount } from 'svelte';
import { proxy, wrap } from 'comlink';
import DemandImportView from '../../../src/ui/demand/DemandImport.svelte';
import { DemandImport, type DemandApi } from '../../../src/ui/demand/demand-import.svelte.ts';
import type { DemandWorkerApi } from '../../../src/history/worker-api.ts';

const worker = new Worker(new URL('../../../workers/csv.worker.ts', import.meta.url), { type: 'module' });
const api = wrap<DemandWorkerApi>(worker) as unknown as DemandApi;
const state = new DemandImport(api, proxy);
mount(DemandImportView, { target: document.getElementById('app')!, props: { state } });
