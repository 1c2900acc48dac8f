/**
 * Dexie's storage-mutation notices (`Dexie.on('storagemutated')`, also relayed from other extension pages) name
 * what changed as `idb://<database>/<table>/…` parts, or `all` when a write cannot be narrowed down. One reading
 * of them for every listener.
 */
import type { IntervalTree, ObservabilitySet } from 'dexie';

/**
 * The tables of the database named `dbName` that a notice names, each with its primary key's part (the records
 * written; index parts only name them by other keys) when the notice gives one. A notice of `all` names none here.
 */
export function tablesNoticed(parts: ObservabilitySet, dbName: string): Map<string, IntervalTree | undefined> {
  const prefix = `idb://${dbName}/`;
  const tables = new Map<string, IntervalTree | undefined>();
  for (const [part, tree] of Object.entries(parts)) {
    if (!part.startsWith(prefix)) continue;
    const [table = '', index] = part.slice(prefix.length).split('/');
    if (index === '') tables.set(table, tree);
    else if (!tables.has(table)) tables.set(table, undefined);
  }
  return tables;
}

/** Whether the notice may concern any of `tables` in the database named `dbName`. */
export function touchesTables(parts: ObservabilitySet, dbName: string, tables: readonly string[]): boolean {
  if ('all' in parts) return true;
  const noticed = tablesNoticed(parts, dbName);
  return tables.some((table) => noticed.has(table));
}
