/**
 * The first pass over a file: what it is (format, encoding, delimiter), its header, row count, the first rows,
 * how numeric dates are written in each column, and which kind of data it most likely holds. Nothing is
 * converted yet; the user reviews kind, mapping and date order before the second pass (convert-file.ts).
 */
import { type Cell, cellText } from './cell';
import { addDateEvidence, type DateOrderEvidence, emptyDateEvidence, isNumericDate } from './dates';
import { type FileSniff, SNIFF_BYTES, sniffFile, type TextEncodingName } from './file-sniff';
import { guessKinds, type KindGuess } from './header-mapping';
import type { ImportKind } from './import-kinds';
import { ImportFileError, type RowLabel } from './problems';
import { readTable } from './table-reader';
import { InvalidUtf8Error } from './text-chunks';

export const SAMPLE_ROWS = 10;

export interface FileAnalysis {
  fileName: string;
  size: number;
  sniff: FileSniff;
  /** The encoding the text was read with: UTF-8 unless it was not valid UTF-8 (then Windows-1252). */
  encoding: TextEncodingName;
  delimiter?: string;
  headers: string[];
  rowLabel: RowLabel;
  rowCount: number;
  sampleRows: Cell[][];
  /** By column index. */
  dateEvidence: DateOrderEvidence[];
  kindHint?: ImportKind;
  kindGuesses: KindGuess[];
  footerRowsDropped: number;
}

export interface PassOptions {
  signal?: AbortSignal;
  /** Rows read and bytes consumed so far. */
  onProgress?: (progress: { rows: number; bytesRead: number; totalBytes: number }) => void;
}

export async function sniffBlob(blob: Blob, fileName: string): Promise<FileSniff> {
  const head = new Uint8Array(await blob.slice(0, SNIFF_BYTES).arrayBuffer());
  const sniffed = sniffFile(head, blob.size, fileName);
  if (!sniffed.ok) throw new ImportFileError({ file: fileName, message: sniffed.message });
  return sniffed.sniff;
}

async function analyzeWith(blob: Blob, fileName: string, sniff: FileSniff, encoding: TextEncodingName, options: PassOptions): Promise<FileAnalysis> {
  let rowCount = 0;
  const sampleRows: Cell[][] = [];
  const dateEvidence: DateOrderEvidence[] = [];
  /** Per column: does its first non-empty value look like a numeric date? Only those columns collect evidence. */
  const dateLike: (boolean | undefined)[] = [];
  let bytesRead = 0;
  const shape = await readTable(
    blob,
    {
      fileName,
      sniff,
      encoding,
      signal: options.signal,
      onProgress: (bytes) => {
        bytesRead = bytes;
        options.onProgress?.({ rows: rowCount, bytesRead, totalBytes: blob.size });
      },
    },
    (rows) => {
      for (const row of rows) {
        rowCount++;
        if (sampleRows.length < SAMPLE_ROWS) sampleRows.push(row.cells);
        const cells = row.cells;
        for (let column = 0; column < cells.length; column++) {
          const cell = cells[column];
          if (typeof cell !== 'string' || cell === '' || dateLike[column] === false) continue;
          if (dateLike[column] === undefined) {
            dateLike[column] = isNumericDate(cell);
            if (!dateLike[column]) continue;
          }
          addDateEvidence((dateEvidence[column] ??= emptyDateEvidence()), cell, row.number);
        }
      }
    },
  );
  if (shape.headers.length === 0) {
    throw new ImportFileError({ file: fileName, message: 'has no header row: the file is empty or blank' });
  }
  if (rowCount === 0) {
    throw new ImportFileError({ file: fileName, message: `has a header row (${shape.headers.slice(0, 5).map(cellText).join(', ')}${shape.headers.length > 5 ? ', …' : ''}) but no data rows` });
  }
  return {
    fileName,
    size: blob.size,
    sniff,
    encoding,
    delimiter: shape.delimiter,
    headers: shape.headers,
    rowLabel: shape.rowLabel,
    rowCount,
    sampleRows,
    dateEvidence: shape.headers.map((_, column) => dateEvidence[column] ?? emptyDateEvidence()),
    kindHint: shape.kindHint,
    kindGuesses: guessKinds(shape.headers, shape.kindHint),
    footerRowsDropped: shape.footerRowsDropped,
  };
}

export async function analyzeFile(blob: Blob, fileName: string, options: PassOptions = {}): Promise<FileAnalysis> {
  const sniff = await sniffBlob(blob, fileName);
  try {
    return await analyzeWith(blob, fileName, sniff, sniff.encoding, options);
  } catch (error) {
    // Not valid UTF-8 and no byte-order mark: a Windows/Excel export in Windows-1252 (Latin-1's superset).
    if (error instanceof InvalidUtf8Error) return analyzeWith(blob, fileName, sniff, 'windows-1252', options);
    throw error;
  }
}
