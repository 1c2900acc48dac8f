/**
 * What went wrong, said so that a person can find it: the file, the row (or JSON record / NDJSON line), the column
 * or field, and what is wrong with the value.
 */
export type RowLabel = 'row' | 'record' | 'line';

export interface ImportProblem {
  file: string;
  /** Absent for problems with the whole file (empty, binary, missing columns). */
  row?: number;
  rowLabel?: RowLabel;
  column?: string;
  message: string;
}

export function describeProblem(problem: ImportProblem): string {
  const where = [problem.file];
  if (problem.row !== undefined) where.push(`${problem.rowLabel ?? 'row'} ${problem.row}`);
  if (problem.column) where.push(`column "${problem.column}"`);
  return `${where.join(', ')}: ${problem.message}`;
}

/** A problem that stops the whole file (nothing can be imported from it). */
export class ImportFileError extends Error {
  readonly problem: ImportProblem;
  constructor(problem: ImportProblem) {
    super(describeProblem(problem));
    this.name = 'ImportFileError';
    this.problem = problem;
  }
}
