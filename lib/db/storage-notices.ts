/**
 * Dexie's storage-mutation notices (`Dexie.on('storagemutated')`, also relayed from other extension pages) name
 * what changed as `idb://<database>/<table>/…` parts, or `all` when a write cannot be narrowed down. One reading
 * of them for every listener.
 */
import type { ObservabilitySet } from 'dexie';

/** Whether the notice may concern any of `tables` in the database named `dbName`. */
export function touchesTables(parts: ObservabilitySet, dbName: string, tables: readonly string[]): boolean {
  return Object.keys(parts).some((part) => part === 'all' || tables.some((table) => part.startsWith(`idb://${dbName}/${table}/`)));
}
