/** Browser web worker shell: exposes the simulation API over comlink. */
import { expose } from 'comlink';
import { simWorkerApi } from '../src/model/worker-api.ts';

expose(simWorkerApi);
