/**
 * State of a call-history import in the app: reading (with progress, cancellable), review (rows
 * read, skipped and why; the user goes on or stops), fitted (the profile against the history), and
 * undo back to the previous fit. Talks to the CSV worker through `DemandWorkerApi` (a comlink
 * wrap in the app, the plain object in tests); nothing here touches the DOM.
 */
import type { DemandFit } from '../../history/fit.ts';
import type { UserEvent } from '../../history/special.ts';
import type { HistoryImport } from '../../history/types.ts';
import type { DemandWorkerApi } from '../../history/worker-api.ts';

type Awaitable<T> = T | Promise<T>;
/** The worker API as seen through comlink: every call may be async. */
export type DemandApi = { [K in keyof DemandWorkerApi]: (...args: Parameters<DemandWorkerApi[K]>) => Awaitable<Awaited<ReturnType<DemandWorkerApi[K]>>> };

export type ImportPhase = 'idle' | 'reading' | 'review' | 'fitted' | 'failed';

interface Accepted {
  fileName: string;
  history: HistoryImport;
  fit: DemandFit;
}

export class DemandImport {
  phase = $state<ImportPhase>('idle');
  /** The file of the accepted import, the one `history` and `fit` come from. */
  fileName = $state('');
  /**
   * The file being read, reviewed or just refused. Kept apart from `fileName` so a refused file is
   * never shown as the source of the accepted import's rows and fit, which stay as they were.
   */
  incoming = $state('');
  /** 0-1 while reading. */
  progress = $state(0);
  rowsSoFar = $state(0);
  message = $state('');
  /** The import awaiting the user's decision, or the accepted one. */
  history = $state.raw<HistoryImport | null>(null);
  fit = $state.raw<DemandFit | null>(null);
  events = $state<UserEvent[]>([]);
  private readonly undoStack: (Accepted | null)[] = [];
  canUndo = $state(false);

  constructor(
    private readonly api: DemandApi,
    /** Wraps a callback for the worker (comlink's `proxy`); identity in-thread. */
    private readonly wrapCallback: <F extends (...a: never[]) => unknown>(f: F) => F = (f) => f,
  ) {}

  async read(file: Blob | string, fileName = file instanceof Blob && 'name' in file ? String(file.name) : 'history.csv') {
    this.phase = 'reading';
    this.incoming = fileName;
    this.progress = 0;
    this.rowsSoFar = 0;
    this.message = '';
    const outcome = await this.api.importHistory(
      file,
      this.wrapCallback((p: { rows: number; cursor: number; total: number }) => {
        this.rowsSoFar = p.rows;
        this.progress = p.total > 0 ? Math.min(1, p.cursor / p.total) : 0;
      }),
    );
    if (!outcome.ok) {
      this.phase = outcome.cancelled ? this.restingPhase() : 'failed';
      this.message = outcome.cancelled ? 'Import cancelled; nothing changed.' : this.refusal(outcome.message);
      return;
    }
    this.progress = 1;
    this.pending = outcome.history;
    if (outcome.history.rows.skipped === 0 && outcome.history.rows.used > 0) return this.goOn();
    this.phase = 'review';
  }

  /** The import under review: kept apart so stopping leaves the accepted one untouched. */
  pending = $state.raw<HistoryImport | null>(null);

  cancel() {
    void this.api.cancel();
  }

  /** Go on despite skipped rows: fit what was read. */
  async goOn() {
    const history = this.pending;
    if (!history) return;
    if (history.rows.used === 0) {
      this.phase = 'failed';
      this.message = this.refusal('no usable rows, nothing to fit');
      return;
    }
    let fit: DemandFit;
    try {
      fit = await this.api.fit(history, $state.snapshot(this.events));
    } catch (error) {
      this.phase = 'failed';
      this.message = this.refusal(`could not fit: ${(error as Error).message}`);
      return;
    }
    this.undoStack.push(this.history && this.fit ? { fileName: this.fileName, history: this.history, fit: this.fit } : null);
    this.history = history;
    this.fit = fit;
    this.fileName = this.incoming;
    this.pending = null;
    this.phase = 'fitted';
    this.canUndo = true;
  }

  /** Stop: discard the import under review. */
  stop() {
    this.pending = null;
    this.phase = this.restingPhase();
    this.message = 'Import stopped; nothing changed.';
  }

  /** Refit the accepted history, e.g. after marking an event. */
  async refit() {
    if (!this.history) return;
    try {
      this.fit = await this.api.fit(this.history, $state.snapshot(this.events));
      this.message = '';
    } catch (error) {
      this.message = `Could not refit: ${(error as Error).message}`;
    }
  }

  undo() {
    const previous = this.undoStack.pop();
    if (previous === undefined) return;
    this.history = previous?.history ?? null;
    this.fit = previous?.fit ?? null;
    if (previous) this.fileName = previous.fileName;
    this.phase = previous ? 'fitted' : 'idle';
    this.canUndo = this.undoStack.length > 0;
    this.message = 'Import undone.';
  }

  /** Why the incoming file was not imported, and what is still shown instead, if anything. */
  private refusal(why: string): string {
    const kept = this.fit ? ` The earlier import, ${this.fileName}, is unchanged below.` : '';
    return `${this.incoming} was not imported: ${why.replace(/\.$/, '')}.${kept}`;
  }

  private restingPhase(): ImportPhase {
    return this.fit ? 'fitted' : 'idle';
  }
}
