/**
 * Writes to the snapshots table, seen from any context: Dexie's storagemutated event crosses extension pages and the
 * service worker. The snapshot caches (snapshot-scores.ts, score-history.ts) drop what they kept when it fires.
 */
import Dexie, { type ObservabilitySet } from 'dexie';
import { touchesTables } from './storage-notices';

/** Whether the write touched the snapshots of the database with this name. */
export type SnapshotsTouched = (dbName: string) => boolean;

const listeners = new Set<(touched: SnapshotsTouched) => void>();

/** Calls `listener` after every write anywhere; it asks `touched` about the databases it cares for. Registering the
 * same listener again changes nothing, so readers may call this on every read. */
export function onSnapshotWrites(listener: (touched: SnapshotsTouched) => void): void {
  if (listeners.size === 0) {
    Dexie.on('storagemutated', (parts: ObservabilitySet) => {
      const touched: SnapshotsTouched = (dbName) => touchesTables(parts, dbName, ['snapshots']);
      for (const each of listeners) each(touched);
    });
  }
  listeners.add(listener);
}
