/**
 * Backup and restore: the whole database as one JSON file, restored (after confirmation when it would replace
 * data) in one transaction; and the accounts with their latest scores as CSV.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { ProgressBar } from '@/components/import/ProgressBar';
import { accountsCsv } from '@/lib/backup/accounts-csv';
import { type Backup, backupFileName, backupFileParts, readBackup } from '@/lib/backup/backup-format';
import { countRecords, exportBackup, restoreBackup } from '@/lib/db/backup';
import { DATA_TABLES, getDatabase } from '@/lib/db/database';
import { loadSettings } from '@/lib/db/settings';

/** Saves a Blob as a file through a temporary link (no downloads permission needed in an extension page). */
function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoked on a later task: the click has handed the URL to the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

interface PendingRestore {
  fileName: string;
  backup: Backup;
}

const button = 'rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-50 disabled:opacity-40';

function tableSummary(backup: Backup): string {
  return DATA_TABLES.filter((table) => backup.tables[table].length > 0)
    .map((table) => `${backup.tables[table].length.toLocaleString()} ${table}`)
    .join(', ') || 'no records';
}

export function BackupSection() {
  const db = getDatabase();
  const recordCount = useLiveQuery(() => countRecords(db), [db]);
  const [busy, setBusy] = useState<'export' | 'csv' | 'restore'>();
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string; details?: string[] }>();
  const [pending, setPending] = useState<PendingRestore>();
  const [progress, setProgress] = useState<{ written: number; total: number }>();

  async function run(name: 'export' | 'csv' | 'restore', action: () => Promise<string>) {
    setBusy(name);
    setMessage(undefined);
    try {
      setMessage({ tone: 'ok', text: await action() });
    } catch (error) {
      setMessage({ tone: 'error', text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(undefined);
      setProgress(undefined);
    }
  }

  const downloadBackup = () =>
    run('export', async () => {
      const backup = await exportBackup(db);
      const fileName = backupFileName(new Date());
      downloadBlob(new Blob(backupFileParts(backup), { type: 'application/json' }), fileName);
      return `Saved ${fileName} (${tableSummary(backup)}).`;
    });

  const downloadAccountsCsv = () =>
    run('csv', async () => {
      const [accounts, latest, settings] = await Promise.all([db.accounts.toArray(), db.snapshots.orderBy('date').last(), loadSettings(db)]);
      const fileName = `sightline-accounts-${new Date().toISOString().slice(0, 10)}.csv`;
      downloadBlob(new Blob([accountsCsv(accounts, latest, settings)], { type: 'text/csv' }), fileName);
      return `Saved ${fileName}: ${accounts.length.toLocaleString()} accounts${latest ? `, scores of ${latest.date}` : ', no scores yet'}.`;
    });

  async function chooseBackup(file: File) {
    setMessage(undefined);
    setPending(undefined);
    const read = readBackup(await file.text(), file.name);
    if (!read.ok) {
      setMessage({ tone: 'error', text: read.message, details: read.problems });
      return;
    }
    setPending({ fileName: file.name, backup: read.backup });
  }

  const restore = (restoring: PendingRestore) =>
    run('restore', async () => {
      await restoreBackup(db, restoring.backup, setProgress);
      setPending(undefined);
      return `Restored ${restoring.fileName}: ${tableSummary(restoring.backup)}.`;
    });

  return (
    <section className="my-6" aria-labelledby="backup-heading" data-testid="backup-section">
      <h2 id="backup-heading" className="text-lg font-semibold">
        Backup and restore
      </h2>
      <p className="text-slate-600">
        A backup holds everything Sightline stores in this browser — accounts, activity, scores, playbook runs, notes, settings — as one JSON file.
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="button" className={button} disabled={busy !== undefined} onClick={() => void downloadBackup()} data-testid="backup-export">
          Download backup
        </button>
        <button type="button" className={button} disabled={busy !== undefined} onClick={() => void downloadAccountsCsv()} data-testid="export-accounts-csv">
          Export accounts as CSV (with scores)
        </button>
      </div>

      <label className="mt-4 block">
        <span className="mr-2 font-medium">Restore from a backup</span>
        <input
          type="file"
          accept=".json,application/json"
          data-testid="backup-file"
          disabled={busy !== undefined}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void chooseBackup(file);
          }}
        />
      </label>

      {pending && (
        <div className="my-3 rounded border border-amber-300 bg-amber-50 p-3" data-testid="backup-confirm">
          <p>
            {pending.fileName} holds {tableSummary(pending.backup)}
            {pending.backup.settings ? ' and settings' : ''}.
          </p>
          {recordCount ? (
            <p className="mt-1 font-medium text-amber-900">
              Restoring replaces all {recordCount.toLocaleString()} records and the settings in this browser. This cannot be undone — download a backup first if unsure.
            </p>
          ) : (
            <p className="mt-1">The database is empty, so nothing is replaced.</p>
          )}
          <div className="mt-2 flex gap-2">
            <button
              type="button"
              className="rounded bg-amber-700 px-3 py-1 font-medium text-white disabled:opacity-40"
              disabled={busy !== undefined}
              onClick={() => void restore(pending)}
              data-testid="backup-restore-confirm"
            >
              {recordCount ? 'Replace all data' : 'Restore'}
            </button>
            <button type="button" className={button} disabled={busy !== undefined} onClick={() => setPending(undefined)}>
              Cancel
            </button>
          </div>
        </div>
      )}

      {busy === 'restore' && <ProgressBar label="Restoring" done={progress?.written ?? 0} total={progress?.total} unit="records" />}

      {message && (
        <div
          role={message.tone === 'error' ? 'alert' : 'status'}
          className={`my-3 rounded border p-2 ${message.tone === 'error' ? 'border-red-300 bg-red-50 text-red-900' : 'border-emerald-300 bg-emerald-50 text-emerald-900'}`}
          data-testid="backup-message"
        >
          {message.text}
          {message.details && (
            <ul className="mt-1 list-disc pl-5">
              {message.details.map((detail) => (
                <li key={detail}>{detail}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
