/**
 * The import worker: reads, validates and commits an import off the main thread, so a 100 MB file never
 * freezes the options page. It holds the file, the analysis and the validated records between the user's steps,
 * and opens its own connection to the extension's database for the one commit transaction.
 * Cancel: a running parse stops at the next chunk; a running commit aborts its transaction.
 */
import { getDatabase } from '@/lib/db/database';
import { commitImport, loadAccountLinkIndex, previewCommit } from '@/lib/db/import-commit';
import { loadSettings } from '@/lib/db/settings';
import { analyzeFile, type FileAnalysis } from '@/lib/import/analyze-file';
import { buildContext } from '@/lib/import/build-context';
import { convertFile } from '@/lib/import/convert-file';
import type { ConversionResult } from '@/lib/import/convert-rows';
import type { ImportRecord } from '@/lib/import/kind-spec';
import { ImportFileError } from '@/lib/import/problems';
import { InvalidRowsError, runImport, summarize } from '@/lib/import/run-import';
import { ImportCancelledError } from '@/lib/import/text-chunks';
import { type ImportRequest, type ImportResponse, validationReport } from '@/lib/import/worker-protocol';

let file: Blob | undefined;
let analysis: FileAnalysis | undefined;
let conversion: ConversionResult<ImportRecord> | undefined;
let running: AbortController | undefined;
let timings = { analyze: 0, validate: 0, commit: 0 };

function reply(message: ImportResponse): void {
  self.postMessage(message);
}

const progress = (p: Extract<ImportResponse, { type: 'progress' }>['progress']) => reply({ type: 'progress', progress: p });

async function handle(request: Exclude<ImportRequest, { type: 'cancel' }>, signal: AbortSignal): Promise<ImportResponse> {
  const db = getDatabase();
  switch (request.type) {
    case 'analyze': {
      file = request.file;
      conversion = undefined;
      const started = performance.now();
      analysis = await analyzeFile(request.file, request.fileName, {
        signal,
        onProgress: ({ rows, bytesRead, totalBytes }) => progress({ phase: 'analyze', done: rows, bytesRead, totalBytes }),
      });
      timings = { analyze: performance.now() - started, validate: 0, commit: 0 };
      return { type: 'analyzed', analysis };
    }
    case 'validate': {
      if (!file || !analysis) throw new Error('choose a file first');
      const current = analysis;
      const started = performance.now();
      conversion = undefined;
      const settings = await loadSettings(db);
      const result: ConversionResult<ImportRecord> = await convertFile(
        file,
        current,
        request.choices,
        { context: buildContext(settings, new Date()), accounts: await loadAccountLinkIndex(db, request.choices.kind) },
        {
          signal,
          onProgress: ({ rows, bytesRead, totalBytes }) =>
            progress({ phase: 'validate', done: rows, total: current.rowCount, bytesRead, totalBytes }),
        },
      );
      conversion = result;
      timings.validate = performance.now() - started;
      return { type: 'validated', report: validationReport(result, await previewCommit(db, result)) };
    }
    case 'commit': {
      if (!analysis || !conversion) throw new Error('check the rows first');
      if (conversion.invalidRows > 0 && !request.skipInvalid) throw new InvalidRowsError(conversion);
      const started = performance.now();
      const counts = await commitImport(db, conversion, {
        signal,
        onProgress: ({ written, total }) => progress({ phase: 'commit', done: written, total }),
      });
      timings.commit = performance.now() - started;
      const summary = summarize(analysis, conversion, counts, timings);
      conversion = undefined; // committed: a second click must not write again
      return { type: 'committed', summary };
    }
    case 'run':
      return {
        type: 'committed',
        summary: await runImport(db, request.file, { ...request.options, fileName: request.fileName, signal, onProgress: progress }),
      };
  }
}

self.addEventListener('message', (event: MessageEvent<ImportRequest>) => {
  const request = event.data;
  if (request.type === 'cancel') {
    running?.abort();
    return;
  }
  const controller = new AbortController();
  running = controller;
  handle(request, controller.signal)
    .then(reply)
    .catch((error: unknown) => {
      if (error instanceof ImportCancelledError || controller.signal.aborted) reply({ type: 'cancelled' });
      else if (error instanceof Error) {
        reply({ type: 'failed', error: { name: error.name, message: error.message, problem: error instanceof ImportFileError ? error.problem : undefined } });
      } else reply({ type: 'failed', error: { name: 'Error', message: String(error) } });
    })
    .finally(() => {
      if (running === controller) running = undefined;
    });
});
