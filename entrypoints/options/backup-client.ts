/** The page's side of the backup worker: one request at a time, restore progress as a callback. */
import type { BackupContents, BackupRequest, BackupResponse } from '@/lib/backup/worker-protocol';

export type CheckResult = { ok: true; contents: BackupContents } | { ok: false; message: string; problems?: string[] };

export class BackupWorkerClient {
  private worker: Worker | undefined;
  private pending: ((response: BackupResponse) => void) | undefined;
  private onProgress: (progress: { written: number; total: number }) => void = () => {};

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./backup-worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (event: MessageEvent<BackupResponse>) => {
      if (event.data.type === 'progress') this.onProgress(event.data);
      else this.settle(event.data);
    });
    // A crashed worker takes its unfinished transaction with it: the database stays as it was.
    worker.addEventListener('error', (event) => {
      this.worker = undefined;
      this.settle({ type: 'failed', message: `the backup worker crashed: ${event.message}` });
    });
    this.worker = worker;
    return worker;
  }

  private settle(response: BackupResponse): void {
    const pending = this.pending;
    this.pending = undefined;
    pending?.(response);
  }

  private request(message: BackupRequest): Promise<BackupResponse> {
    if (this.pending) return Promise.reject(new Error('another backup step is still running'));
    const worker = this.ensureWorker();
    return new Promise((resolve) => {
      this.pending = resolve;
      worker.postMessage(message);
    });
  }

  /** Parses and checks the file in the worker; nothing is written. */
  async check(file: Blob, fileName: string): Promise<CheckResult> {
    const response = await this.request({ type: 'read', file, fileName });
    if (response.type === 'checked') return { ok: true, contents: response.contents };
    if (response.type === 'refused') return { ok: false, message: response.message, problems: response.problems };
    return { ok: false, message: response.type === 'failed' ? `${fileName} could not be read: ${response.message}` : `unexpected reply ${response.type}` };
  }

  /** Restores the last checked backup, replacing everything; rejects (the database unchanged) on failure. */
  async restore(onProgress: (progress: { written: number; total: number }) => void): Promise<BackupContents> {
    this.onProgress = onProgress;
    try {
      const response = await this.request({ type: 'restore' });
      if (response.type === 'restored') return response.contents;
      throw new Error(response.type === 'failed' ? `Restore failed, nothing was changed: ${response.message}` : `unexpected reply ${response.type}`);
    } finally {
      this.onProgress = () => {};
    }
  }

  /** Drops the checked backup the worker holds (the person cancelled). */
  forget(): void {
    this.worker?.postMessage({ type: 'forget' } satisfies BackupRequest);
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.settle({ type: 'failed', message: 'the page closed' });
  }
}
