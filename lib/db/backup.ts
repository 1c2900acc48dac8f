/**
 * Backup and restore of the whole database. The export reads every table in one read transaction (a consistent
 * picture even while rescoring runs); the restore replaces everything in one readwrite transaction, so a failed or
 * interrupted restore leaves the database as it was. Scoring rollups are derived data: not exported, rebuilt by the
 * restore from the restored rows.
 */
import type { Backup } from '../backup/backup-format';
import { CURRENT_SCHEMA_VERSION } from './versions';
import { DATA_TABLES, type DataTableName, type SightlineDatabase } from './database';
import { rebuildAllRollups } from './scoring-rollups';

const RESTORE_BATCH = 5000;

function allTables(db: SightlineDatabase) {
  return [...DATA_TABLES.map((name) => db.table(name)), db.settings, db.meta];
}

export async function exportBackup(db: SightlineDatabase): Promise<Backup> {
  return db.transaction('r', allTables(db), async () => {
    const tables = {} as Record<DataTableName, unknown[]>;
    for (const name of DATA_TABLES) tables[name] = await db.table(name).toArray();
    const settingsRow = await db.settings.get('settings');
    return {
      schemaVersion: CURRENT_SCHEMA_VERSION,
      tables,
      settings: settingsRow?.value ?? null,
      meta: await db.meta.toArray(),
    };
  });
}

/** Records in the data tables (settings and meta not counted): 0 means there is nothing a restore would replace. */
export async function countRecords(db: SightlineDatabase): Promise<number> {
  const counts = await Promise.all(DATA_TABLES.map((name) => db.table(name).count()));
  return counts.reduce((sum, count) => sum + count, 0);
}

export async function restoreBackup(
  db: SightlineDatabase,
  backup: Backup,
  onProgress?: (progress: { written: number; total: number }) => void,
): Promise<void> {
  const total = DATA_TABLES.reduce((sum, name) => sum + backup.tables[name].length, 0) + backup.meta.length;
  let written = 0;
  await db.transaction('rw', [...allTables(db), db.scoringRollups], async () => {
    for (const table of allTables(db)) await table.clear();
    for (const name of DATA_TABLES) {
      const records = backup.tables[name];
      for (let start = 0; start < records.length; start += RESTORE_BATCH) {
        const batch = records.slice(start, start + RESTORE_BATCH);
        await db.table(name).bulkAdd(batch);
        written += batch.length;
        onProgress?.({ written, total });
      }
    }
    if (backup.settings) await db.settings.put({ key: 'settings', value: backup.settings });
    await db.meta.bulkAdd(backup.meta);
    written += backup.meta.length;
    onProgress?.({ written, total });
    await rebuildAllRollups(db);
  });
}
