/**
 * Messages between the options page and its backup worker, which reads, checks and restores a backup off the
 * main thread (a large backup is hundreds of MB of JSON). Both ends are this extension's own code in the same
 * origin, so these are typed, not validated. The parsed backup stays in the worker; the page sees counts only.
 */
import type { DataTableName } from '../db/database';
import type { Backup } from './backup-format';

export type BackupRequest = { type: 'read'; file: Blob; fileName: string } | { type: 'restore' } | { type: 'forget' };

/** What the confirmation shows about a checked backup. */
export interface BackupContents {
  fileName: string;
  counts: Record<DataTableName, number>;
  hasSettings: boolean;
}

export type BackupResponse =
  | { type: 'checked'; contents: BackupContents }
  | { type: 'refused'; message: string; problems?: string[] }
  | { type: 'progress'; written: number; total: number }
  | { type: 'restored'; contents: BackupContents }
  | { type: 'failed'; message: string };

export function backupContents(fileName: string, backup: Backup): BackupContents {
  const counts = Object.fromEntries(Object.entries(backup.tables).map(([table, records]) => [table, records.length])) as Record<DataTableName, number>;
  return { fileName, counts, hasSettings: backup.settings !== null };
}
