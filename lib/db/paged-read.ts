/**
 * Reading a whole table a page at a time, for background work that reads every record (the portfolio digest).
 *
 * One `toArray()` of tens of thousands of records is one long request for the database backend and one long
 * deserialisation in the service worker; a badge lookup that arrives meanwhile waits for all of it (over a second
 * for a 10k-account portfolio). Pages asked for one after another let such lookups in between.
 */
import Dexie, { type IndexableType, type Table } from 'dexie';

/** Records per page: a few milliseconds of backend work and deserialisation each. */
export const READ_PAGE_SIZE = 500;

/** Every record of `table` in primary-key order (inside the caller's transaction, if any). */
export async function readAllInPages<T extends object, K extends IndexableType, I>(table: Table<T, K, I>, pageSize = READ_PAGE_SIZE): Promise<T[]> {
  const { keyPath } = table.schema.primKey;
  if (keyPath === null || keyPath === undefined) throw new TypeError(`readAllInPages: table "${table.name}" has outbound keys`);
  const records: T[] = [];
  let after: K | undefined;
  for (;;) {
    const page = await (after === undefined ? table.orderBy(':id') : table.where(':id').above(after)).limit(pageSize).toArray();
    for (const record of page) records.push(record);
    if (page.length < pageSize) return records;
    const lastKey: K = Dexie.getByKeyPath(page[page.length - 1]!, keyPath);
    after = lastKey;
  }
}
