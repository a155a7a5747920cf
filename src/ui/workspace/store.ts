/**
 * Where the user's own scenarios live between visits: a tiny promise wrapper over one IndexedDB
 * object store, plus an in-memory store with the same shape for tests and for browsers that refuse
 * IndexedDB (private windows in some browsers). Records are plain structured-clonable objects.
 */

export interface RecordStore<T extends { id: string }> {
  all(): Promise<T[]>;
  put(record: T): Promise<void>;
  delete(id: string): Promise<void>;
}

function request<R>(req: IDBRequest<R>): Promise<R> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function openDatabase(name: string, storeName: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(storeName)) req.result.createObjectStore(storeName, { keyPath: 'id' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB unavailable'));
    req.onblocked = () => reject(new Error('IndexedDB blocked by another tab'));
  });
}

export function indexedDbStore<T extends { id: string }>(dbName: string, storeName: string): RecordStore<T> {
  let db: Promise<IDBDatabase> | undefined;
  const tx = async (mode: IDBTransactionMode) => {
    db ??= openDatabase(dbName, storeName);
    return (await db).transaction(storeName, mode).objectStore(storeName);
  };
  return {
    async all() {
      return request((await tx('readonly')).getAll() as IDBRequest<T[]>);
    },
    async put(record) {
      const store = await tx('readwrite');
      const committed = new Promise<void>((resolve, reject) => {
        store.transaction.oncomplete = () => resolve();
        store.transaction.onerror = () => reject(store.transaction.error ?? new Error('IndexedDB write failed'));
      });
      store.put(record);
      await committed;
    },
    async delete(id) {
      await request((await tx('readwrite')).delete(id));
    },
  };
}

export function memoryStore<T extends { id: string }>(initial: T[] = []): RecordStore<T> {
  const records = new Map(initial.map((r) => [r.id, structuredClone(r)]));
  return {
    async all() {
      return [...records.values()].map((r) => structuredClone(r));
    },
    async put(record) {
      records.set(record.id, structuredClone(record));
    },
    async delete(id) {
      records.delete(id);
    },
  };
}

/** IndexedDB when the browser offers it, else memory (edits then last only for the visit). */
export function defaultStore<T extends { id: string }>(): RecordStore<T> {
  return typeof indexedDB === 'undefined' ? memoryStore<T>() : indexedDbStore<T>('occsim', 'scenarios');
}
