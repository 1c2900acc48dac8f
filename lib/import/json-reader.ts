/**
 * JSON imports: a JSON document (an array of records, or an object holding one — `{"accounts":[…]}`, Zendesk's
 * `{"tickets":[…], "users":[…]}`) is parsed whole (hence its lower size limit, file-sniff.ts); NDJSON is streamed
 * line by line. Records come out as named cells; a Sightline backup is refused with a pointer to Restore.
 */
import type { Cell } from './cell';
import type { TextEncodingName } from './file-sniff';
import { type ImportKind, isImportKind } from './import-kinds';
import { flattenObject, isJsonObject } from './json-values';
import { ImportFileError } from './problems';
import { type ByteSource, readTextChunks } from './text-chunks';
import {
  EMPTY_SIDELOADS,
  isZendeskTicket,
  zendeskOrganizationRow,
  zendeskSideloads,
  zendeskTicketRow,
  type ZendeskSideloads,
  zendeskUserRow,
} from './zendesk-json';

export interface NamedRow {
  values: Map<string, Cell>;
  number: number;
  problem?: string;
}

export interface JsonReadOptions {
  fileName: string;
  encoding: TextEncodingName;
  skipBytes: number;
  signal?: AbortSignal;
  onProgress?: (bytesRead: number) => void;
}

/** Keys under which exports commonly hold their list of records. */
const LIST_KEYS = ['records', 'data', 'results', 'items', 'rows', 'responses'];
const ROWS_PER_BATCH = 2000;

function rowOf(item: unknown, number: number): NamedRow {
  if (isZendeskTicket(item)) return { values: zendeskTicketRow(item, EMPTY_SIDELOADS), number };
  if (isJsonObject(item)) return { values: flattenObject(item), number };
  return { values: new Map(), number, problem: 'is not an object with named fields' };
}

/**
 * In a Zendesk ticket file every object is read as a ticket, also one that breaks the ticket shape (an id that is
 * not a number, say): its columns then carry the bad value to validation, which names it, instead of the whole
 * record seeming empty under unmapped raw keys.
 */
function ticketRowOf(item: unknown, number: number, sideloads: ZendeskSideloads): NamedRow {
  return isJsonObject(item) ? { values: zendeskTicketRow(item, sideloads), number } : rowOf(item, number);
}

function interpretDocument(document: unknown, fileName: string): { rows: NamedRow[]; kindHint?: ImportKind } {
  if (isJsonObject(document) && document.format === 'sightline-backup') {
    throw new ImportFileError({ file: fileName, message: 'is a Sightline backup, not an import file: restore it under "Backup and restore"' });
  }
  if (Array.isArray(document)) {
    const kindHint = document.length > 0 && isZendeskTicket(document[0]) ? 'tickets' : undefined;
    const read = kindHint ? (item: unknown, index: number) => ticketRowOf(item, index + 1, EMPTY_SIDELOADS) : (item: unknown, index: number) => rowOf(item, index + 1);
    return { rows: document.map(read), kindHint };
  }
  if (!isJsonObject(document)) {
    throw new ImportFileError({ file: fileName, message: 'holds a single value, not a list of records' });
  }
  if (Array.isArray(document.tickets)) {
    const sideloads = zendeskSideloads(document);
    const rows = document.tickets.map((ticket: unknown, index): NamedRow => ticketRowOf(ticket, index + 1, sideloads));
    return { rows, kindHint: 'tickets' };
  }
  if (Array.isArray(document.organizations)) {
    const rows = document.organizations.map((org: unknown, index): NamedRow =>
      isJsonObject(org) ? { values: zendeskOrganizationRow(org), number: index + 1 } : rowOf(org, index + 1),
    );
    return { rows, kindHint: 'accounts' };
  }
  if (Array.isArray(document.users)) {
    const sideloads = zendeskSideloads(document);
    const rows = document.users.map((user: unknown, index): NamedRow =>
      isJsonObject(user) ? { values: zendeskUserRow(user, sideloads), number: index + 1 } : rowOf(user, index + 1),
    );
    return { rows, kindHint: 'contacts' };
  }
  for (const [key, value] of Object.entries(document)) {
    if (Array.isArray(value) && (isImportKind(key) || LIST_KEYS.includes(key))) {
      return { rows: value.map((item, index) => rowOf(item, index + 1)), kindHint: isImportKind(key) ? key : undefined };
    }
  }
  throw new ImportFileError({
    file: fileName,
    message: 'has no list of records: expected an array, or an object like {"accounts": […]} or Zendesk\'s {"tickets": […]}',
  });
}

function lineOfPosition(text: string, message: string): string {
  const position = /position (\d+)/.exec(message);
  if (!position) return '';
  const line = text.slice(0, Number(position[1])).split('\n').length;
  return ` (line ${line})`;
}

export async function readJsonDocument(
  source: ByteSource,
  options: JsonReadOptions,
  onRows: (rows: NamedRow[]) => void,
): Promise<{ kindHint?: ImportKind }> {
  let text = '';
  for await (const chunk of readTextChunks(source, options.encoding, { skipBytes: options.skipBytes, signal: options.signal })) {
    text += chunk.text;
    options.onProgress?.(chunk.bytesRead);
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ImportFileError({ file: options.fileName, message: `is not valid JSON${lineOfPosition(text, message)}: ${message}` });
  }
  const { rows, kindHint } = interpretDocument(document, options.fileName);
  for (let start = 0; start < rows.length; start += ROWS_PER_BATCH) onRows(rows.slice(start, start + ROWS_PER_BATCH));
  return { kindHint };
}

export async function readNdjson(
  source: ByteSource,
  options: JsonReadOptions,
  onRows: (rows: NamedRow[]) => void,
): Promise<{ kindHint?: ImportKind }> {
  let pending = '';
  let lineNumber = 0;
  let kindHint: ImportKind | undefined;
  let sawRecord = false;
  for await (const chunk of readTextChunks(source, options.encoding, { skipBytes: options.skipBytes, signal: options.signal })) {
    const lines = (pending + chunk.text).split('\n');
    pending = chunk.last ? '' : lines.pop()!;
    const rows: NamedRow[] = [];
    for (const rawLine of lines) {
      lineNumber++;
      const line = rawLine.trim();
      if (!line) continue;
      let item: unknown;
      try {
        item = JSON.parse(line);
      } catch {
        rows.push({ values: new Map(), number: lineNumber, problem: 'is not valid JSON' });
        continue;
      }
      if (isJsonObject(item) && item.format === 'sightline-backup') {
        throw new ImportFileError({ file: options.fileName, message: 'is a Sightline backup, not an import file: restore it under "Backup and restore"' });
      }
      if (!sawRecord && isZendeskTicket(item)) kindHint = 'tickets';
      sawRecord = true;
      rows.push(kindHint === 'tickets' ? ticketRowOf(item, lineNumber, EMPTY_SIDELOADS) : rowOf(item, lineNumber));
    }
    if (rows.length) onRows(rows);
    options.onProgress?.(chunk.bytesRead);
  }
  return { kindHint };
}
