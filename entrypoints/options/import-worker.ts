/**
 * The import worker: reads, validates and commits an import off the main thread, so a 100 MB file never
 * freezes the options page. Between the user's steps it holds the file, the analysis and what the check found,
 * never the records: the commit converts the file again, streaming, inside its one transaction
 * (lib/db/import-commit.ts), through its own connection to the extension's database.
 * Cancel: a running parse stops at the next chunk; a running commit aborts its transaction.
 */
import { getDatabase } from '@/lib/db/database';
import { loadAccountLinkIndex, upsertFile } from '@/lib/db/import-commit';
import { loadSettings } from '@/lib/db/settings';
import { analyzeFile, type FileAnalysis } from '@/lib/import/analyze-file';
import { buildContext } from '@/lib/import/build-context';
import type { ConversionEnvironment, ImportChoices } from '@/lib/import/convert-file';
import { InvalidRowsError } from '@/lib/import/convert-rows';
import { ImportFileError } from '@/lib/import/problems';
import { runImport, summarize } from '@/lib/import/run-import';
import { ImportCancelledError } from '@/lib/import/text-chunks';
import { type ImportRequest, type ImportResponse, type ValidationReport, validationReport } from '@/lib/import/worker-protocol';

let file: Blob | undefined;
let analysis: FileAnalysis | undefined;
/** The choices and environment the rows were checked with, and what the check found: the commit uses the same. */
let checked: { choices: ImportChoices; environment: ConversionEnvironment; report: ValidationReport } | undefined;
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
      checked = undefined;
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
      checked = undefined;
      const settings = await loadSettings(db);
      const environment = { context: buildContext(settings, new Date()), accounts: await loadAccountLinkIndex(db, request.choices.kind) };
      const { conversion, counts } = await upsertFile(db, file, current, request.choices, environment, {
        write: false,
        signal,
        onProgress: ({ rows, bytesRead, totalBytes }) => progress({ phase: 'validate', done: rows, total: current.rowCount, bytesRead, totalBytes }),
      });
      const report = validationReport(conversion, counts);
      checked = { choices: request.choices, environment, report };
      timings.validate = performance.now() - started;
      return { type: 'validated', report };
    }
    case 'commit': {
      if (!file || !analysis || !checked) throw new Error('check the rows first');
      const current = analysis;
      const { choices, environment, report } = checked;
      if (report.invalidRows > 0 && !request.skipInvalid) throw new InvalidRowsError(report);
      const started = performance.now();
      const { conversion, counts } = await upsertFile(db, file, current, choices, environment, {
        write: true,
        skipInvalid: request.skipInvalid,
        checked: report,
        signal,
        onProgress: ({ rows, bytesRead, totalBytes }) => progress({ phase: 'commit', done: rows, total: current.rowCount, bytesRead, totalBytes }),
      });
      timings.commit = performance.now() - started;
      checked = undefined; // committed: a second click must not write again
      return { type: 'committed', summary: summarize(current, conversion, counts, timings) };
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
