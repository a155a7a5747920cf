/** Browser web worker shell for planning: the staffing requirement behind the rota editor's chart (src/plan/worker-api.ts). */
import { expose } from 'comlink';
import { planWorkerApi } from '../src/plan/worker-api.ts';

expose(planWorkerApi);
