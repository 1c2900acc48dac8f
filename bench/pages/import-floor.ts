/**
 * Issue 4's floor: the same file parsed by Papa Parse on the page's main thread (whole file, header row) and the
 * rows put into the accounts store with one Dexie bulkPut in one transaction — no worker, no streaming, no
 * validation, no normalisation. Each row gets only the indexed fields the real records have (id, Salesforce id,
 * name, domains) copied from its columns, so both write the same index entries.
 */
import Papa from 'papaparse';
import { getDatabase } from '../../lib/db/database';
import type { Account } from '../../lib/schemas/records';
import type { FloorColumns, ImportFloorResult, TimedImport } from './api';

export async function importFloor(file: File, columns: FloorColumns): Promise<TimedImport<ImportFloorResult>> {
  const db = getDatabase();
  await db.open();
  const t0 = performance.now();
  const parsed = await new Promise<Papa.ParseResult<Record<string, string>>>((resolve, reject) => {
    Papa.parse<Record<string, string>>(file, { header: true, skipEmptyLines: true, complete: resolve, error: reject });
  });
  const t1 = performance.now();
  const rows = parsed.data.map((row) => ({
    ...row,
    id: `floor-${row[columns.id] ?? ''}`,
    sfId: row[columns.id],
    name: row[columns.name],
    domains: [row[columns.website] ?? ''],
  })) as unknown as Account[];
  await db.transaction('rw', db.accounts, () => db.accounts.bulkPut(rows));
  const t2 = performance.now();
  return { ms: t2 - t0, result: { rows: rows.length, parseMs: t1 - t0, writeMs: t2 - t1 } };
}
