/**
 * First look at a file, from its first bytes: is it something we can read (not empty, not a spreadsheet
 * workbook or other binary), which text encoding its byte-order mark announces, and is it CSV, a JSON document or
 * NDJSON (one JSON object per line, as Zendesk's incremental exports are).
 */
export type FileFormat = 'csv' | 'json' | 'ndjson';
export type TextEncodingName = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/** Streamed formats are read in chunks, but their validated records are held until commit: this bounds memory. */
export const MAX_STREAMED_BYTES = 100 * 1024 * 1024;
/** A JSON document must be parsed whole, so it gets a lower limit than streamed formats. */
export const MAX_JSON_DOCUMENT_BYTES = 50 * 1024 * 1024;
/** How many bytes sniffFile wants to see. */
export const SNIFF_BYTES = 64 * 1024;

export interface FileSniff {
  format: FileFormat;
  /** Encoding announced by a byte-order mark, else utf-8 (checked while reading; invalid UTF-8 → windows-1252). */
  encoding: TextEncodingName;
  bomBytes: number;
}

export type SniffResult = { ok: true; sniff: FileSniff } | { ok: false; message: string };

const SIGNATURES: { bytes: number[]; message: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], message: 'is a ZIP archive, probably an Excel workbook (.xlsx): save it as "CSV UTF-8" and import that' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], message: 'is an old Excel workbook (.xls): save it as "CSV UTF-8" and import that' },
  { bytes: [0x25, 0x50, 0x44, 0x46], message: 'is a PDF document, not CSV or JSON' },
  { bytes: [0x1f, 0x8b], message: 'is compressed (gzip): unpack it first' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], message: 'is a PNG image, not CSV or JSON' },
  { bytes: [0xff, 0xd8, 0xff], message: 'is a JPEG image, not CSV or JSON' },
];

function startsWith(head: Uint8Array, bytes: number[]): boolean {
  return bytes.every((b, i) => head[i] === b);
}

function looksBinary(head: Uint8Array): boolean {
  let control = 0;
  for (const byte of head) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++;
  }
  return head.length > 0 && control / head.length > 0.02;
}

function detectFormat(text: string, fileName: string): FileFormat {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('[')) return 'json';
  if (!trimmed.startsWith('{')) return /\.(ndjson|jsonl)$/i.test(fileName) ? 'ndjson' : 'csv';
  const lines = trimmed.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length < 2) return /\.(ndjson|jsonl)$/i.test(fileName) ? 'ndjson' : 'json';
  try {
    JSON.parse(lines[0]!);
    return 'ndjson';
  } catch {
    return 'json'; // a pretty-printed document: its first line alone is not JSON
  }
}

export function sniffFile(head: Uint8Array, size: number, fileName: string): SniffResult {
  if (size === 0) return { ok: false, message: 'is empty' };
  for (const { bytes, message } of SIGNATURES) if (startsWith(head, bytes)) return { ok: false, message };

  let encoding: TextEncodingName = 'utf-8';
  let bomBytes = 0;
  if (startsWith(head, [0xef, 0xbb, 0xbf])) bomBytes = 3;
  else if (startsWith(head, [0xff, 0xfe])) [encoding, bomBytes] = ['utf-16le', 2];
  else if (startsWith(head, [0xfe, 0xff])) [encoding, bomBytes] = ['utf-16be', 2];
  if (encoding === 'utf-8' && looksBinary(head)) {
    return { ok: false, message: 'is a binary file, not text: export the data as CSV or JSON' };
  }

  // Only the format is sniffed here; a wrong guess of UTF-8 on this prefix is harmless.
  const text = new TextDecoder(encoding).decode(head.subarray(bomBytes));
  const format = detectFormat(text, fileName);
  if (format === 'json' && size > MAX_JSON_DOCUMENT_BYTES) {
    return {
      ok: false,
      message: `is ${(size / 1024 / 1024).toFixed(0)} MB; JSON documents are read whole and are limited to ${MAX_JSON_DOCUMENT_BYTES / 1024 / 1024} MB (export NDJSON or CSV, which are streamed)`,
    };
  }
  if (size > MAX_STREAMED_BYTES) {
    return {
      ok: false,
      message: `is ${(size / 1024 / 1024).toFixed(0)} MB; imports are limited to ${MAX_STREAMED_BYTES / 1024 / 1024} MB per file: split it`,
    };
  }
  return { ok: true, sniff: { format, encoding, bomBytes } };
}
