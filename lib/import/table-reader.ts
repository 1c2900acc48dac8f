/**
 * Any supported file as one table: a header row and rows of cells aligned to it, delivered in batches.
 * CSV: the first non-blank record is the header; blank rows and a Salesforce report footer are dropped; a row
 * with a different number of values than the header is marked (ragged). JSON/NDJSON: the record keys seen become
 * the header, in order of first appearance.
 */
import type { Cell } from './cell';
import { readCsvRecords } from './csv-reader';
import type { FileSniff, TextEncodingName } from './file-sniff';
import type { ImportKind } from './import-kinds';
import { type NamedRow, readJsonDocument, readNdjson } from './json-reader';
import type { RowLabel } from './problems';
import { isBlankRow, ReportFooterFilter } from './salesforce-footer';
import type { ByteSource } from './text-chunks';

export interface SourceRow {
  /** Aligned to the headers; may be shorter (missing cells are empty). */
  cells: Cell[];
  number: number;
  problem?: string;
}

export interface TableReadOptions {
  fileName: string;
  sniff: FileSniff;
  encoding: TextEncodingName;
  signal?: AbortSignal;
  onProgress?: (bytesRead: number) => void;
  /** Headers found by an earlier pass: JSON records are aligned to them, so column positions stay the same. */
  knownHeaders?: readonly string[];
}

export interface TableShape {
  headers: string[];
  rowLabel: RowLabel;
  delimiter?: string;
  kindHint?: ImportKind;
  footerRowsDropped: number;
}

function headerNames(cells: readonly string[]): string[] {
  return cells.map((cell, index) => cell.trim() || `Column ${index + 1}`);
}

async function readCsvTable(
  source: ByteSource,
  options: TableReadOptions,
  onRows: (rows: SourceRow[], headers: readonly string[]) => void,
): Promise<TableShape> {
  let headers: string[] | undefined;
  const footer = new ReportFooterFilter<SourceRow>();
  const toRow = (cells: string[], number: number, problem: string | undefined): SourceRow => {
    const width = headers!.length;
    if (!problem && cells.length !== width) {
      const extra = cells.slice(width);
      if (cells.length > width && extra.every((cell) => cell.trim() === '')) cells.length = width;
      else problem = `has ${cells.length} values but the header has ${width} columns (ragged row)`;
    }
    return { cells, number, problem };
  };
  const dialect = await readCsvRecords(
    source,
    { fileName: options.fileName, encoding: options.encoding, skipBytes: options.sniff.bomBytes, signal: options.signal, onProgress: options.onProgress },
    (records) => {
      const rows: SourceRow[] = [];
      const emit = (row: SourceRow) => rows.push(row);
      for (const record of records) {
        if (!headers) {
          if (!isBlankRow(record.cells)) headers = headerNames(record.cells);
          continue;
        }
        footer.push(toRow(record.cells, record.number, record.problem), record.cells, emit);
      }
      if (rows.length) onRows(rows, headers ?? []);
    },
  );
  const rest = footer.finish();
  if (rest.length) onRows(rest, headers ?? []);
  return { headers: headers ?? [], rowLabel: 'row', delimiter: dialect.delimiter, footerRowsDropped: footer.droppedRows };
}

async function readJsonTable(
  source: ByteSource,
  options: TableReadOptions,
  onRows: (rows: SourceRow[], headers: readonly string[]) => void,
): Promise<TableShape> {
  const headers: string[] = [...(options.knownHeaders ?? [])];
  const columnOf = new Map(headers.map((header, index) => [header, index]));
  const fixed = options.knownHeaders !== undefined;
  const align = (rows: NamedRow[]) => {
    const aligned = rows.map(({ values, number, problem }): SourceRow => {
      const cells: Cell[] = [];
      for (const [key, cell] of values) {
        let column = columnOf.get(key);
        if (column === undefined) {
          if (fixed) continue;
          column = headers.push(key) - 1;
          columnOf.set(key, column);
        }
        cells[column] = cell;
      }
      return { cells, number, problem };
    });
    onRows(aligned, headers);
  };
  const readOptions = { fileName: options.fileName, encoding: options.encoding, skipBytes: options.sniff.bomBytes, signal: options.signal, onProgress: options.onProgress };
  const ndjson = options.sniff.format === 'ndjson';
  const { kindHint } = ndjson ? await readNdjson(source, readOptions, align) : await readJsonDocument(source, readOptions, align);
  return { headers, rowLabel: ndjson ? 'line' : 'record', kindHint, footerRowsDropped: 0 };
}

export function readTable(
  source: ByteSource,
  options: TableReadOptions,
  onRows: (rows: SourceRow[], headers: readonly string[]) => void,
): Promise<TableShape> {
  return options.sniff.format === 'csv' ? readCsvTable(source, options, onRows) : readJsonTable(source, options, onRows);
}
