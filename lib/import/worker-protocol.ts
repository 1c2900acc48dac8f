/**
 * Messages between the options page and its import worker. Both ends are this extension's own code in the same
 * origin, so these are typed, not validated. The records never leave the worker; the page only ever receives
 * counts, previews and problems.
 */
import type { CommitCounts } from '../db/import-commit';
import type { FileAnalysis } from './analyze-file';
import type { ImportChoices } from './convert-file';
import type { ConversionResult } from './convert-rows';
import type { ImportRecord } from './kind-spec';
import type { ImportProblem } from './problems';
import type { ImportProgress, ImportSummary, RunImportOptions } from './run-import';

export type ImportRequest =
  | { type: 'analyze'; file: Blob; fileName: string }
  | { type: 'validate'; choices: ImportChoices }
  | { type: 'commit'; skipInvalid: boolean }
  /** Everything at once with the detected kind and mapping (benchmarks, scripts). */
  | { type: 'run'; file: Blob; fileName: string; options: Pick<RunImportOptions, 'kind' | 'mapping' | 'dateOrders' | 'skipInvalid'> }
  | { type: 'cancel' };

/** A conversion as the page sees it: everything but the records themselves, plus what a commit would do. */
export type ValidationReport = Omit<ConversionResult<ImportRecord>, 'records'> & { validCount: number; plan: CommitCounts };

export interface ImportFailure {
  name: string;
  message: string;
  /** Set for problems with the file itself (empty, binary, missing columns …). */
  problem?: ImportProblem;
}

export type ImportResponse =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'analyzed'; analysis: FileAnalysis }
  | { type: 'validated'; report: ValidationReport }
  | { type: 'committed'; summary: ImportSummary }
  | { type: 'failed'; error: ImportFailure }
  | { type: 'cancelled' };

export function validationReport(conversion: ConversionResult<ImportRecord>, plan: CommitCounts): ValidationReport {
  const { records: _streamed, ...rest } = conversion;
  return { ...rest, validCount: conversion.recordCount, plan };
}
