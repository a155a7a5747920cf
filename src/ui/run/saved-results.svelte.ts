/**
 * Results kept between visits (IndexedDB, a database of their own for each kind), each with the
 * input it was computed from: a run's report per scenario, the last comparisons, the last proposal.
 * A result is given back by `for` only while the input reads exactly as it was then. At most `cap`
 * are kept, the oldest dropped first, so the store does not grow without bound.
 */
import type { RecordStore } from '../workspace/store.ts';
import type { NamedReport } from './runner.svelte.ts';

export interface SavedResult<T = NamedReport> {
  /** What the result is of: a scenario document's id, or the ids of the scenarios compared. */
  id: string;
  /** The input as it was, as JSON text: the result holds while the input still reads the same. */
  json: string;
  /** The result (named `report` since the first kind kept was a run's report). */
  report: T;
  /** Milliseconds since 1970 when it was kept, to drop the oldest past the cap. */
  savedAt?: number;
}

export class SavedResults<T = NamedReport> {
  #byId: Record<string, SavedResult<T>> = $state.raw({});
  #store: RecordStore<SavedResult<T>>;
  #cap: number;

  constructor(store: RecordStore<SavedResult<T>>, cap = Infinity) {
    this.#store = store;
    this.#cap = cap;
  }

  async load(): Promise<void> {
    try {
      this.#byId = Object.fromEntries((await this.#store.all()).map((r) => [r.id, r]));
    } catch {
      // Results are a convenience: without storage they last for the visit only.
    }
  }

  /** The saved result of this input if it has not changed since. */
  for(id: string, input: unknown): T | undefined {
    const saved = this.#byId[id];
    return saved && saved.json === JSON.stringify(input) ? saved.report : undefined;
  }

  /** The result kept last, whatever has changed since. */
  latest(): SavedResult<T> | undefined {
    return oldestFirst(this.#byId).at(-1);
  }

  save(id: string, input: unknown, report: T): void {
    // Strictly increasing, so two kept within a millisecond still have an order.
    const savedAt = Math.max(Date.now(), (this.latest()?.savedAt ?? 0) + 1);
    const record = { id, json: JSON.stringify(input), report, savedAt };
    const byId = { ...this.#byId, [id]: record };
    void this.#store.put(record).catch(() => {});
    for (const old of oldestFirst(byId).slice(0, -this.#cap)) {
      delete byId[old.id];
      void this.#store.delete(old.id).catch(() => {});
    }
    this.#byId = byId;
  }
}

function oldestFirst<T>(byId: Record<string, SavedResult<T>>): SavedResult<T>[] {
  return Object.values(byId).sort((a, b) => (a.savedAt ?? 0) - (b.savedAt ?? 0));
}
