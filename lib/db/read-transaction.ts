import Dexie, { type Table } from 'dexie';
import type { SightlineDatabase } from './database';

/**
 * Runs `read` in one read-only transaction and resolves with its result as soon as the reads are done. Dexie's
 * db.transaction() resolves only after the commit, one more round trip to the IndexedDB backend that changes
 * nothing for reads (what they saw is already one consistent view). A badge lookup is answered without it: that
 * round trip measured 3 ms at a Zendesk route change, while the host page competes for the same backend.
 */
export function readTransaction<T>(db: SightlineDatabase, tables: Table[], read: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    db.transaction('r', tables, async () => {
      const result = await read();
      // Outside the transaction's zone: the caller's next steps must not find themselves inside a read-only transaction.
      Dexie.ignoreTransaction(() => resolve(result));
      return result;
    }).catch(reject);
  });
}
