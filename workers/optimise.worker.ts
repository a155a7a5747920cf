/**
 * Browser web worker shell for the rota optimiser (src/optimise/worker-api.ts): HiGHS's
 * WebAssembly is loaded here, from the file Vite emits beside the bundle (so it is found whatever
 * sub-path the app is served from).
 */
import { expose } from 'comlink';
import loadHighs from 'highs';
import highsWasm from 'highs/runtime?url';
import { optimiseWorkerApi } from '../src/optimise/worker-api.ts';

expose(optimiseWorkerApi(() => loadHighs({ locateFile: () => highsWasm })));
