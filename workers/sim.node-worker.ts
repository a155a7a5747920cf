/** Node worker-thread shell for the CLI: the same API as the browser worker, over comlink's Node adapter. */
import { parentPort } from 'node:worker_threads';
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { simWorkerApi } from '../src/model/worker-api.ts';

expose(simWorkerApi, nodeEndpoint(parentPort!));
