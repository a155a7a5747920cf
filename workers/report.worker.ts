/** Browser web worker shell: builds run reports and comparisons off the page's thread (src/model/report-api.ts). */
import { expose } from 'comlink';
import { createReportApi } from '../src/model/report-api.ts';

expose(createReportApi());
