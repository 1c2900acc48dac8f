/**
 * The whole import in one call — analyze, convert with the detected kind and mapping, commit — for callers that
 * do not ask the user anything: the import worker's one-shot mode (used by the benchmark page) and tests.
 * The options page runs the same steps one at a time (entrypoints/options/import-worker.ts).
 */
import { loadAccountLinkIndex, upsertFile } from '../db/import-commit';
import type { SightlineDatabase } from '../db/database';
import { loadSettings } from '../db/settings';
import { analyzeFile, type FileAnalysis } from './analyze-file';
import { buildContext } from './build-context';
import type { ImportChoices } from './convert-file';
import type { ConversionResult } from './convert-rows';
import type { DateOrder } from './dates';
import { autoMapColumns, type ColumnMapping } from './header-mapping';
import type { ImportKind } from './import-kinds';
import type { ImportRecord } from './kind-spec';
import { KIND_SPECS } from './kinds';
import type { ImportProblem, RowLabel } from './problems';

export type ImportPhase = 'analyze' | 'validate' | 'commit';

export interface ImportProgress {
  phase: ImportPhase;
  /** Rows read so far (the commit converts the file again as it writes). */
  done: number;
  /** Total rows or records when known. */
  total?: number;
  bytesRead?: number;
  totalBytes?: number;
}

export interface ImportSummary {
  fileName: string;
  kind: ImportKind;
  rowsRead: number;
  created: number;
  updated: number;
  unchanged: number;
  skippedInvalid: number;
  unlinkedStored: number;
  unlinkedSkipped: number;
  problems: ImportProblem[];
  problemCount: number;
  unlinked: ConversionResult<ImportRecord>['unlinked'];
  footerRowsDropped: number;
  rowLabel: RowLabel;
  encoding: string;
  /**
   * Milliseconds per phase. The one-shot run converts while it commits (no separate check pass): there `validate`
   * is the time that pass spent converting and `commit` the time it waited for the database.
   */
  timings: Record<ImportPhase, number>;
}

export interface RunImportOptions {
  fileName?: string;
  kind?: ImportKind;
  mapping?: ColumnMapping;
  dateOrders?: Record<number, DateOrder>;
  /** Import the valid rows and report the invalid ones, instead of importing nothing. */
  skipInvalid?: boolean;
  now?: Date;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
}

export function summarize(
  analysis: FileAnalysis,
  conversion: ConversionResult<ImportRecord>,
  counts: { created: number; updated: number; unchanged: number },
  timings: Record<ImportPhase, number>,
): ImportSummary {
  return {
    fileName: analysis.fileName,
    kind: conversion.kind,
    rowsRead: conversion.rowsRead,
    ...counts,
    skippedInvalid: conversion.invalidRows,
    unlinkedStored: conversion.unlinkedCount - conversion.unlinkedSkipped,
    unlinkedSkipped: conversion.unlinkedSkipped,
    problems: conversion.problems,
    problemCount: conversion.problemCount,
    unlinked: conversion.unlinked,
    footerRowsDropped: analysis.footerRowsDropped,
    rowLabel: analysis.rowLabel,
    encoding: analysis.encoding,
    timings,
  };
}

export async function runImport(db: SightlineDatabase, blob: Blob, options: RunImportOptions = {}): Promise<ImportSummary> {
  const fileName = options.fileName ?? (blob instanceof File ? blob.name : 'import');
  const started = performance.now();
  const analysis = await analyzeFile(blob, fileName, {
    signal: options.signal,
    onProgress: ({ rows, bytesRead, totalBytes }) => options.onProgress?.({ phase: 'analyze', done: rows, bytesRead, totalBytes }),
  });
  const analyzed = performance.now();

  const kind = options.kind ?? analysis.kindGuesses[0]!.kind;
  const choices: ImportChoices = {
    kind,
    mapping: options.mapping ?? autoMapColumns(analysis.headers, KIND_SPECS[kind].fields),
    dateOrders: options.dateOrders ?? {},
  };
  const settings = await loadSettings(db);
  const environment = { context: buildContext(settings, options.now ?? new Date()), accounts: await loadAccountLinkIndex(db, kind) };
  const { conversion, counts, waitMs } = await upsertFile(db, blob, analysis, choices, environment, {
    write: true,
    skipInvalid: options.skipInvalid,
    signal: options.signal,
    onProgress: ({ rows, bytesRead, totalBytes }) => options.onProgress?.({ phase: 'commit', done: rows, total: analysis.rowCount, bytesRead, totalBytes }),
  });
  const committed = performance.now();
  return summarize(analysis, conversion, counts, {
    analyze: analyzed - started,
    validate: committed - analyzed - waitMs,
    commit: waitMs,
  });
}
