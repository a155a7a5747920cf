/**
 * The last results of each scenario, kept between visits (IndexedDB, a database of their own) until
 * the scenario changes: a result is shown again only while the scenario's text is exactly what was
 * run. A report is a few hundred kilobytes at most; one is kept per scenario.
 */
import type { RecordStore } from '../workspace/store.ts';
import type { NamedReport } from './runner.svelte.ts';

export interface SavedResult {
  /** The scenario document's id. */
  id: string;
  /** The scenario as run, as JSON text: the result holds while the draft still reads the same. */
  json: string;
  report: NamedReport;
}

export class SavedResults {
  #byId: Record<string, SavedResult> = $state.raw({});
  #store: RecordStore<SavedResult>;

  constructor(store: RecordStore<SavedResult>) {
    this.#store = store;
  }

  async load(): Promise<void> {
    try {
      this.#byId = Object.fromEntries((await this.#store.all()).map((r) => [r.id, r]));
    } catch {
      // Results are a convenience: without storage they last for the visit only.
    }
  }

  /** The saved result of this scenario if it has not changed since it was run. */
  for(id: string, draft: unknown): NamedReport | undefined {
    const saved = this.#byId[id];
    return saved && saved.json === JSON.stringify(draft) ? saved.report : undefined;
  }

  save(id: string, draft: unknown, report: NamedReport): void {
    const record = { id, json: JSON.stringify(draft), report };
    this.#byId = { ...this.#byId, [id]: record };
    void this.#store.put(record).catch(() => {});
  }
}
