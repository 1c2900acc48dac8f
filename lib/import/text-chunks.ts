/**
 * A file's text in chunks, decoded as it is read, so a large file never sits in memory as one string.
 * UTF-8 is decoded strictly: the first invalid byte sequence throws InvalidUtf8Error and the caller re-reads
 * the file as Windows-1252 (what Excel on Windows and older Salesforce exports write).
 */
import type { TextEncodingName } from './file-sniff';

/** Small enough that a commit writes one chunk's records while it converts the next (~2,500 rows of 200 bytes). */
export const CHUNK_BYTES = 512 * 1024;

/**
 * Windows-1252 is Latin-1 except for 0x80–0x9F, which hold €, curly quotes, dashes, Š, Œ, ™ …. Some runtimes
 * (Node ≥ 20.18.3, nodejs/node#60888) decode the label as plain Latin-1 and leave C1 control characters there;
 * browsers decode it right. Mapping the C1 range afterwards gives the WHATWG result everywhere.
 */
const WINDOWS_1252_C1 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
const C1_CONTROLS = /[\u0080-\u009f]/g;

export function fixWindows1252(text: string): string {
  return text.replace(C1_CONTROLS, (ch) => WINDOWS_1252_C1[ch.charCodeAt(0) - 0x80]!);
}

export class InvalidUtf8Error extends Error {
  constructor(readonly byteOffset: number) {
    super(`invalid UTF-8 near byte ${byteOffset}`);
    this.name = 'InvalidUtf8Error';
  }
}

export class ImportCancelledError extends Error {
  constructor() {
    super('the import was cancelled');
    this.name = 'ImportCancelledError';
  }
}

export interface TextChunk {
  text: string;
  /** Bytes of the file consumed so far, for progress. */
  bytesRead: number;
  last: boolean;
}

/**
 * Where a file's bytes come from: the file itself, or bytes already in memory whose owner does its own work
 * between two chunks (the commit writes a chunk's records before it hands out the next, lib/db/import-commit.ts).
 */
export type ByteSource = Blob | { size: number; read(start: number, end: number): Promise<Uint8Array> };

async function readBytes(source: ByteSource, start: number, end: number): Promise<Uint8Array> {
  return source instanceof Blob ? new Uint8Array(await source.slice(start, end).arrayBuffer()) : source.read(start, end);
}

export async function* readTextChunks(
  source: ByteSource,
  encoding: TextEncodingName,
  options: { skipBytes?: number; chunkBytes?: number; signal?: AbortSignal } = {},
): AsyncGenerator<TextChunk> {
  const chunkBytes = options.chunkBytes ?? CHUNK_BYTES;
  // The byte-order mark is skipped by offset, so the decoders never see it.
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8', ignoreBOM: true });
  let offset = options.skipBytes ?? 0;
  if (offset >= source.size) {
    yield { text: '', bytesRead: source.size, last: true };
    return;
  }
  while (offset < source.size) {
    if (options.signal?.aborted) throw new ImportCancelledError();
    const end = Math.min(offset + chunkBytes, source.size);
    const bytes = await readBytes(source, offset, end);
    const last = end >= source.size;
    let text: string;
    try {
      text = decoder.decode(bytes, { stream: !last });
      if (encoding === 'windows-1252') text = fixWindows1252(text);
    } catch {
      throw new InvalidUtf8Error(offset);
    }
    offset = end;
    yield { text, bytesRead: end, last };
  }
}
