/**
 * The backup worker: parses and checks a chosen backup file, then (once the person confirms) restores it in one
 * transaction through its own connection to the extension's database. Parsing a large backup on the page would
 * freeze it; here only the worker is busy. Keeps the checked backup between the two steps.
 */
import { readBackup, type Backup } from '@/lib/backup/backup-format';
import { type BackupContents, backupContents, type BackupRequest, type BackupResponse } from '@/lib/backup/worker-protocol';
import { restoreBackup } from '@/lib/db/backup';
import { getDatabase } from '@/lib/db/database';

let checked: { backup: Backup; contents: BackupContents } | undefined;

function reply(message: BackupResponse): void {
  self.postMessage(message);
}

async function handle(request: BackupRequest): Promise<BackupResponse | undefined> {
  switch (request.type) {
    case 'read': {
      checked = undefined;
      const read = readBackup(await request.file.text(), request.fileName);
      if (!read.ok) return { type: 'refused', message: read.message, problems: read.problems };
      checked = { backup: read.backup, contents: backupContents(request.fileName, read.backup) };
      return { type: 'checked', contents: checked.contents };
    }
    case 'restore': {
      if (!checked) return { type: 'failed', message: 'choose a backup file first' };
      const { backup, contents } = checked;
      await restoreBackup(getDatabase(), backup, ({ written, total }) => reply({ type: 'progress', written, total }));
      checked = undefined;
      return { type: 'restored', contents };
    }
    case 'forget':
      checked = undefined;
      return undefined;
  }
}

self.addEventListener('message', (event: MessageEvent<BackupRequest>) => {
  handle(event.data)
    .then((response) => response && reply(response))
    .catch((error: unknown) => reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) }));
});
