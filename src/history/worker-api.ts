/**
 * What the CSV worker exposes (workers/csv.worker.ts wraps it with comlink): parse a history file
 * off the main thread with progress and cancellation, then fit and forecast it. Stateless apart
 * from the cancel flag, so the page owns the import (and can undo it). The same object runs
 * in-thread in component tests.
 */
import { ImportCancelled, parseHistory, type ParseProgress } from './csv.ts';
import { fitDemand, type DemandFit } from './fit.ts';
import { forecastDemand, type Forecast, type ForecastOptions } from './forecast.ts';
import type { UserEvent } from './special.ts';
import type { HistoryImport } from './types.ts';

export type ImportOutcome = { ok: true; history: HistoryImport } | { ok: false; cancelled: boolean; message: string };

let cancelRequested = false;

export const demandWorkerApi = {
  /** Parses a File/Blob (streamed in chunks) or text. Never throws: failures come back as values. */
  async importHistory(source: Blob | string, onProgress?: (p: ParseProgress & { total: number }) => void): Promise<ImportOutcome> {
    cancelRequested = false;
    const total = typeof source === 'string' ? source.length : source.size;
    try {
      const history = await parseHistory(source as File | string, {
        progressEvery: 25_000,
        onProgress: onProgress ? (p) => void onProgress({ ...p, total }) : undefined,
        cancelled: () => cancelRequested,
      });
      return { ok: true, history };
    } catch (error) {
      return { ok: false, cancelled: error instanceof ImportCancelled, message: (error as Error).message };
    }
  },

  /** Asks a running import to stop at its next progress report. */
  cancel(): void {
    cancelRequested = true;
  },

  fit(history: HistoryImport, events: UserEvent[] = []): DemandFit {
    return fitDemand(history, { events });
  },

  forecast(fit: DemandFit, options: ForecastOptions): Forecast {
    return forecastDemand(fit, options);
  },
};

export type DemandWorkerApi = typeof demandWorkerApi;
