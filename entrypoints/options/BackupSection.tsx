/**
 * Backup and restore: the whole database as one JSON file, restored (after confirmation when it would replace
 * data) in one transaction; and the accounts with their latest scores as CSV. Reading, checking and restoring a
 * backup run in a worker (backup-worker.ts), so a large file does not freeze the page.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { ProgressBar } from '@/components/import/ProgressBar';
import { accountsCsv } from '@/lib/backup/accounts-csv';
import { type Backup, backupFileName, backupFileParts } from '@/lib/backup/backup-format';
import type { BackupContents } from '@/lib/backup/worker-protocol';
import { countRecords, exportBackup } from '@/lib/db/backup';
import { DATA_TABLES, getDatabase } from '@/lib/db/database';
import { loadSettings } from '@/lib/db/settings';
import { BackupWorkerClient } from './backup-client';

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

const button = 'rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-50 disabled:opacity-40';

function tableSummary(counts: Readonly<Record<string, number>>): string {
  return DATA_TABLES.filter((table) => (counts[table] ?? 0) > 0)
    .map((table) => `${counts[table]!.toLocaleString()} ${table}`)
    .join(', ') || 'no records';
}

const countsOf = (backup: Backup) => Object.fromEntries(DATA_TABLES.map((table) => [table, backup.tables[table].length]));

export function BackupSection() {
  const db = getDatabase();
  const recordCount = useLiveQuery(() => countRecords(db), [db]);
  const [busy, setBusy] = useState<'export' | 'csv' | 'restore'>();
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string; details?: string[] }>();
  const [pending, setPending] = useState<BackupContents>();
  const [progress, setProgress] = useState<{ written: number; total: number }>();
  const [checking, setChecking] = useState<string>();
  const worker = useRef<BackupWorkerClient>(null);
  worker.current ??= new BackupWorkerClient();
  useEffect(() => () => worker.current?.dispose(), []);

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
      return `Saved ${fileName} (${tableSummary(countsOf(backup))}).`;
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
    setChecking(file.name);
    try {
      const checked = await worker.current!.check(file, file.name);
      if (checked.ok) setPending(checked.contents);
      else setMessage({ tone: 'error', text: checked.message, details: checked.problems });
    } catch (error) {
      setMessage({ tone: 'error', text: error instanceof Error ? error.message : String(error) });
    } finally {
      setChecking(undefined);
    }
  }

  const restore = (restoring: BackupContents) =>
    run('restore', async () => {
      const restored = await worker.current!.restore(setProgress);
      setPending(undefined);
      return `Restored ${restoring.fileName}: ${tableSummary(restored.counts)}.`;
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
          disabled={busy !== undefined || checking !== undefined}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void chooseBackup(file);
          }}
        />
      </label>

      {checking && (
        <p className="my-2 text-slate-600" role="status" data-testid="backup-checking">
          Checking {checking}…
        </p>
      )}

      {pending && (
        <div className="my-3 rounded border border-amber-300 bg-amber-50 p-3" data-testid="backup-confirm">
          <p>
            {pending.fileName} holds {tableSummary(pending.counts)}
            {pending.hasSettings ? ' and settings' : ''}.
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
            <button
              type="button"
              className={button}
              disabled={busy !== undefined}
              onClick={() => {
                setPending(undefined);
                worker.current?.forget();
              }}
            >
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
