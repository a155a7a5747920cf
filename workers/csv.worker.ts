/** Browser web worker shell for call-history import: parses and fits off the main thread. */
import { expose } from 'comlink';
import { demandWorkerApi } from '../src/history/worker-api.ts';

expose(demandWorkerApi);
