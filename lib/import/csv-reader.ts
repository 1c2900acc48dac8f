/**
 * Streams a CSV file into rows with Papa Parse: the text is decoded chunk by chunk (text-chunks.ts) and fed to
 * Papa's low-level Parser, which keeps a partial last row between chunks, so memory stays at about one chunk
 * whatever the file size. The delimiter (comma, semicolon, tab, pipe) and line break are guessed by Papa from the
 * first chunk.
 */
import Papa from 'papaparse';
import type { TextEncodingName } from './file-sniff';
import { ImportFileError } from './problems';
import { type ByteSource, readTextChunks } from './text-chunks';

export interface CsvDialect {
  delimiter: string;
  linebreak: string;
}

export interface CsvRecord {
  cells: string[];
  /** 1-based position of the record in the file (the header is record 1). */
  number: number;
  /** Set when Papa found a malformed quote inside this record. */
  problem?: string;
}

export interface CsvReadOptions {
  fileName: string;
  encoding: TextEncodingName;
  skipBytes: number;
  signal?: AbortSignal;
  onProgress?: (bytesRead: number) => void;
}

/** Longer than any real row: a row this long means a quote that never closes swallowed the rest of the file. */
const MAX_PENDING_CHARS = 8 * 1024 * 1024;
const DELIMITERS = [',', ';', '\t', '|'];

function guessDialect(sample: string): CsvDialect {
  const guess = Papa.parse<string[]>(sample, { preview: 50, delimitersToGuess: DELIMITERS });
  return { delimiter: guess.meta.delimiter || ',', linebreak: guess.meta.linebreak || '\n' };
}

interface PapaParseResult {
  data: string[][];
  errors: Papa.ParseError[];
  meta: { cursor: number };
}

function isPapaParseResult(value: unknown): value is PapaParseResult {
  return typeof value === 'object' && value !== null && 'data' in value && 'errors' in value && 'meta' in value;
}

export async function readCsvRecords(
  source: ByteSource,
  options: CsvReadOptions,
  onRecords: (records: CsvRecord[]) => void,
): Promise<CsvDialect> {
  let dialect: CsvDialect | undefined;
  let parser: Papa.Parser | undefined;
  let pending = '';
  let baseIndex = 0;
  let nextNumber = 1;

  for await (const chunk of readTextChunks(source, options.encoding, { skipBytes: options.skipBytes, signal: options.signal })) {
    const input = pending + chunk.text;
    if (!dialect) {
      if (!input && !chunk.last) continue;
      dialect = guessDialect(input.slice(0, 256 * 1024));
      parser = new Papa.Parser({ delimiter: dialect.delimiter, newline: dialect.linebreak as Papa.ParseConfig['newline'] });
    }
    const result: unknown = parser!.parse(input, baseIndex, !chunk.last);
    if (!isPapaParseResult(result)) throw new Error('Papa Parse returned an unexpected result');

    const firstNumber = nextNumber;
    const records: CsvRecord[] = result.data.map((cells, index) => ({ cells, number: firstNumber + index }));
    for (const error of result.errors) {
      const recordNumber = firstNumber + (error.row ?? 0);
      if (error.code === 'MissingQuotes') {
        throw new ImportFileError({
          file: options.fileName,
          row: recordNumber,
          message: 'a quoted value starts here and is never closed (unterminated quote), so the rest of the file cannot be read',
        });
      }
      const record = records[error.row ?? -1];
      if (record) record.problem = `malformed quotes: ${error.message}`;
    }
    nextNumber += records.length;

    if (!chunk.last) {
      pending = input.substring(result.meta.cursor - baseIndex);
      baseIndex = result.meta.cursor;
      if (pending.length > MAX_PENDING_CHARS) {
        throw new ImportFileError({
          file: options.fileName,
          row: nextNumber,
          message: 'this row runs on for more than 8 million characters: a quoted value is probably never closed (unterminated quote)',
        });
      }
    }
    if (records.length) onRecords(records);
    options.onProgress?.(chunk.bytesRead);
  }
  return dialect ?? { delimiter: ',', linebreak: '\n' };
}
