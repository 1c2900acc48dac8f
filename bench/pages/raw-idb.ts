/** The plain IndexedDB API, promised: what the floors use, and the bulk path that seeds the benchmarks' data. */

export function requestDone<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

export function transactionDone(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

/** Puts rows into one store, `perTransaction` rows per readwrite transaction (the pending requests stay bounded). */
export async function putAll(db: IDBDatabase, store: string, rows: readonly unknown[], perTransaction = 50_000): Promise<void> {
  for (let start = 0; start < rows.length; start += perTransaction) {
    const tx = db.transaction(store, 'readwrite');
    const target = tx.objectStore(store);
    const end = Math.min(rows.length, start + perTransaction);
    for (let i = start; i < end; i++) target.put(rows[i]);
    await transactionDone(tx);
  }
}

export async function clearStores(db: IDBDatabase, stores: readonly string[]): Promise<void> {
  const tx = db.transaction([...stores], 'readwrite');
  for (const store of stores) tx.objectStore(store).clear();
  await transactionDone(tx);
}
