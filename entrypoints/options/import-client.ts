/**
 * The page's side of the import worker: one request at a time, progress as a callback, cancel that stops the
 * worker's parse or aborts its commit transaction — and terminates the worker if it does not answer, which
 * aborts any unfinished transaction too.
 */
import type { FileAnalysis } from '@/lib/import/analyze-file';
import type { ImportChoices } from '@/lib/import/convert-file';
import type { ImportProgress, ImportSummary, RunImportOptions } from '@/lib/import/run-import';
import type { ImportFailure, ImportRequest, ImportResponse, ValidationReport } from '@/lib/import/worker-protocol';

/** How long a cancelled worker may take to confirm before it is terminated. */
const CANCEL_GRACE_MS = 3000;

export class ImportRequestError extends Error {
  constructor(readonly failure: ImportFailure) {
    super(failure.message);
    this.name = failure.name;
  }
}

export class ImportCancelled extends Error {
  constructor() {
    super('the import was cancelled');
    this.name = 'ImportCancelled';
  }
}

interface Pending {
  resolve: (response: ImportResponse) => void;
  reject: (error: Error) => void;
}

export class ImportWorkerClient {
  private worker: Worker | undefined;
  private pending: Pending | undefined;
  private cancelTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly onProgress: (progress: ImportProgress) => void = () => {}) {}

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (event: MessageEvent<ImportResponse>) => this.receive(event.data));
    worker.addEventListener('error', (event) => this.fail(new Error(`the import worker crashed: ${event.message}`)));
    this.worker = worker;
    return worker;
  }

  private receive(response: ImportResponse): void {
    if (response.type === 'progress') {
      this.onProgress(response.progress);
      return;
    }
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    clearTimeout(this.cancelTimer);
    if (response.type === 'cancelled') pending.reject(new ImportCancelled());
    else if (response.type === 'failed') pending.reject(new ImportRequestError(response.error));
    else pending.resolve(response);
  }

  private fail(error: Error): void {
    const pending = this.pending;
    this.pending = undefined;
    this.worker?.terminate();
    this.worker = undefined;
    pending?.reject(error);
  }

  private request<T extends ImportResponse['type']>(message: ImportRequest, expect: T): Promise<Extract<ImportResponse, { type: T }>> {
    if (this.pending) return Promise.reject(new Error('another import step is still running'));
    const worker = this.ensureWorker();
    return new Promise((resolve, reject) => {
      this.pending = {
        resolve: (response) => {
          if (response.type === expect) resolve(response as Extract<ImportResponse, { type: T }>);
          else reject(new Error(`unexpected reply ${response.type} to ${message.type}`));
        },
        reject,
      };
      worker.postMessage(message);
    });
  }

  async analyze(file: Blob, fileName: string): Promise<FileAnalysis> {
    return (await this.request({ type: 'analyze', file, fileName }, 'analyzed')).analysis;
  }

  async validate(choices: ImportChoices): Promise<ValidationReport> {
    return (await this.request({ type: 'validate', choices }, 'validated')).report;
  }

  async commit(skipInvalid: boolean): Promise<ImportSummary> {
    return (await this.request({ type: 'commit', skipInvalid }, 'committed')).summary;
  }

  async run(file: Blob, fileName: string, options: Pick<RunImportOptions, 'kind' | 'mapping' | 'dateOrders' | 'skipInvalid'> = {}): Promise<ImportSummary> {
    return (await this.request({ type: 'run', file, fileName, options }, 'committed')).summary;
  }

  /** Stops the running step; the worker (and its state) survives when it confirms in time. */
  cancel(): void {
    if (!this.pending || !this.worker) return;
    this.worker.postMessage({ type: 'cancel' } satisfies ImportRequest);
    clearTimeout(this.cancelTimer);
    this.cancelTimer = setTimeout(() => this.fail(new ImportCancelled()), CANCEL_GRACE_MS);
  }

  dispose(): void {
    clearTimeout(this.cancelTimer);
    this.fail(new ImportCancelled());
  }
}

/**
 * Imports a file through the real pipeline (worker: stream, validate, one transaction) with the detected kind and
 * mapping. For the benchmark page and scripts: `await importFile(file)` → created/updated/unchanged counts.
 */
export async function importFile(
  file: Blob,
  options: Pick<RunImportOptions, 'kind' | 'mapping' | 'dateOrders' | 'skipInvalid'> & { fileName?: string; onProgress?: (progress: ImportProgress) => void } = {},
): Promise<ImportSummary> {
  const { fileName, onProgress, ...runOptions } = options;
  const client = new ImportWorkerClient(onProgress);
  try {
    return await client.run(file, fileName ?? (file instanceof File ? file.name : 'import'), runOptions);
  } finally {
    client.dispose();
  }
}
