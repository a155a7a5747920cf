/**
 * Where the trainer keeps what a trainee typed and answered between visits: the browser's
 * localStorage in the app, a Map in tests. Storage that is refused (private mode, a sandbox) only
 * means nothing is kept; the trainer still works.
 */
export interface KeptStore {
  load(): string | null;
  save(text: string): void;
}

export function browserStore(key: string): KeptStore | null {
  try {
    const storage = globalThis.localStorage;
    return storage ? { load: () => storage.getItem(key), save: (text) => storage.setItem(key, text) } : null;
  } catch {
    return null;
  }
}

/** Parsed JSON from the store, or null when there is none or it does not parse. */
export function loadKept(store: KeptStore | null): unknown {
  try {
    return JSON.parse(store?.load() ?? 'null') as unknown;
  } catch {
    return null;
  }
}

/** Saves `value` as JSON; a full or refused storage keeps it in memory only. */
export function saveKept(store: KeptStore | null, value: unknown): void {
  try {
    store?.save(JSON.stringify(value));
  } catch {
    // storage full or refused
  }
}
