/** Browser web worker shell: builds run reports and comparisons off the page's thread (src/ui/run/report-api.ts). */
import { expose } from 'comlink';
import { createReportApi } from '../src/ui/run/report-api.ts';

expose(createReportApi());
