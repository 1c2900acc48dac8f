/**
 * Converts a file's rows and upserts the valid records in ONE transaction, streaming: each chunk of the file is
 * converted (lib/import/convert-file.ts) while the previous chunk's records are written, so neither all the records
 * nor all the rows are ever held at once. Stored twins are matched (lib/import/upsert-plan.ts) and only new or
 * changed records are written. The same pass in a read-only transaction counts what a commit would do (preview).
 * Either all of it lands or none: a failure, invalid rows (unless skipped), a cancel (AbortSignal → transaction
 * abort) or the page dying midway leaves the database as it was, because IndexedDB aborts an unfinished transaction.
 */
import type { IndexableType, Table } from 'dexie';
import { type AccountLinkIndex, buildAccountLinkIndex } from '../import/account-links';
import type { FileAnalysis } from '../import/analyze-file';
import { type ConversionEnvironment, convertFile, type ImportChoices } from '../import/convert-file';
import { type ConversionResult, InvalidRowsError } from '../import/convert-rows';
import type { ImportKind } from '../import/import-kinds';
import type { ImportKindSpec, RecordOfKind } from '../import/kind-spec';
import { KIND_SPECS } from '../import/kinds';
import { DemoTwinError } from '../import/reserved-ids';
import { type ByteSource, ImportCancelledError } from '../import/text-chunks';
import { indexByNaturalKeys, type MergeRules, planUpsert, type UpsertPlan } from '../import/upsert-plan';
import type { SightlineDatabase } from './database';
import { accountIdsOf, feedsRollups, refreshRollups, rollupTransactionTables } from './scoring-rollups';

/** Records per bulkPut: small enough for steady progress, large enough that the per-call cost vanishes. */
export const COMMIT_BATCH = 5000;

export interface CommitCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface UpsertProgress {
  /** Rows converted so far. */
  rows: number;
  /** Records written so far (always 0 for a preview). */
  written: number;
  bytesRead: number;
  totalBytes: number;
}

export interface UpsertOptions {
  /** Write in a readwrite transaction; otherwise only count what a commit would do, read-only. */
  write: boolean;
  /** Write the valid rows although some are invalid; otherwise an invalid row refuses the whole file. */
  skipInvalid?: boolean;
  /** What the preview found: a commit whose conversion differs (the file changed since) writes nothing. */
  checked?: Pick<ConversionResult<unknown>, 'rowsRead' | 'invalidRows' | 'recordCount'>;
  signal?: AbortSignal;
  onProgress?: (progress: UpsertProgress) => void;
}

export interface UpsertResult<R> {
  /** The conversion without its records (they were streamed into the database). */
  conversion: ConversionResult<R>;
  counts: CommitCounts;
  /** Time spent waiting for the database rather than converting (ms). */
  waitMs: number;
}

/** The stored accounts that rows of this kind can link to (none are read for kinds that do not link). */
export async function loadAccountLinkIndex(db: SightlineDatabase, kind: ImportKind): Promise<AccountLinkIndex> {
  if (KIND_SPECS[kind].account === 'none') return buildAccountLinkIndex([]);
  return buildAccountLinkIndex(await db.accounts.toArray());
}

export async function upsertFile<K extends ImportKind>(
  db: SightlineDatabase,
  file: Blob,
  analysis: FileAnalysis,
  choices: ImportChoices<K>,
  environment: ConversionEnvironment,
  options: UpsertOptions,
): Promise<UpsertResult<RecordOfKind[K]>> {
  type R = RecordOfKind[K];
  const spec: ImportKindSpec<R> = KIND_SPECS[choices.kind];
  // Read before the transaction: awaiting a file read inside it would let IndexedDB commit it early.
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (options.signal?.aborted) throw new ImportCancelledError();
  // Rows that feed scoring rollups refresh the touched accounts' rollups in the same transaction.
  const rollups = options.write && feedsRollups(choices.kind);
  try {
    return await db.transaction(options.write ? 'rw' : 'r', [db.table(choices.kind), ...(rollups ? rollupTransactionTables(db) : [])], async (tx) => {
      const abort = () => tx.abort();
      options.signal?.addEventListener('abort', abort, { once: true });
      try {
        const table: Table<R, IndexableType> = tx.table(choices.kind);
        const counts: CommitCounts = { created: 0, updated: 0, unchanged: 0 };
        const demoTwins: UpsertPlan<R>['demoTwins'] = [];
        const progress: UpsertProgress = { rows: 0, written: 0, bytesRead: 0, totalBytes: file.size };
        // Twins for every batch at once when the table is empty or must be scanned; else looked up per batch.
        const allTwins =
          (await table.count()) === 0 ? new Map<string, R>() : spec.matchBy === 'natural-keys' ? indexByNaturalKeys(spec, await table.toArray()) : undefined;
        let rules: MergeRules | undefined;
        let refused = false;
        let pending: R[] = [];
        /** Accounts whose rollups the writes change: of the records written and of their stored twins. */
        const touched = new Set<string>();

        const store = async (records: R[]): Promise<void> => {
          const twins = allTwins ?? indexByNaturalKeys(spec, (await table.bulkGet(records.map((record) => spec.primaryKey(record)))).filter((r): r is R => r !== undefined));
          const plan = planUpsert(spec, records, twins, rules!);
          counts.created += plan.created;
          counts.updated += plan.updated;
          counts.unchanged += plan.unchanged;
          demoTwins.push(...plan.demoTwins);
          if (!options.write || demoTwins.length > 0) return;
          if (rollups) for (const id of accountIdsOf([...plan.puts, ...(allTwins ? [] : twins.values())])) touched.add(id);
          const writes: Promise<void>[] = [];
          for (let start = 0; start < plan.puts.length; start += COMMIT_BATCH) {
            const batch = plan.puts.slice(start, start + COMMIT_BATCH);
            writes.push(
              table.bulkPut(batch).then(() => {
                progress.written += batch.length;
                options.onProgress?.(progress);
              }),
            );
          }
          await Promise.all(writes);
        };

        let storing: Promise<void> = Promise.resolve();
        let waitMs = 0;
        const flush = async (): Promise<void> => {
          // Waiting for the previous chunk's writes resumes inside their IndexedDB callback: the transaction is
          // still active there, so the next requests can be placed.
          const waitStarted = performance.now();
          await storing;
          waitMs += performance.now() - waitStarted;
          const records = pending;
          pending = [];
          if (records.length === 0 || refused) return;
          storing = store(records);
          // Awaited at the next flush; until then its failure must not count as unhandled.
          storing.catch(() => undefined);
        };
        // The file's bytes chunk by chunk; each chunk is handed out once the records before it are on their way.
        const source: ByteSource = {
          size: bytes.length,
          read: async (start, end) => {
            await flush();
            return bytes.subarray(start, end);
          },
        };
        const conversion = await convertFile(source, analysis, choices, environment, {
          signal: options.signal,
          onProgress: ({ rows, bytesRead }) => {
            progress.rows = rows;
            progress.bytesRead = bytesRead;
            options.onProgress?.(progress);
          },
          onRecords: (records, sofar) => {
            rules ??= { ownedKeys: sofar.ownedKeys, defaultedKeys: sofar.defaultedKeys };
            // Invalid rows refuse the file: stop writing, but read on to count and list every problem.
            refused ||= options.write && !options.skipInvalid && sofar.invalidRows > 0;
            if (!refused) for (const record of records) pending.push(record);
          },
        });
        await flush();
        const lastWait = performance.now();
        await storing;
        waitMs += performance.now() - lastWait;
        if (demoTwins.length > 0) throw new DemoTwinError(demoTwins);
        if (refused) throw new InvalidRowsError(conversion);
        const { checked } = options;
        if (checked && (checked.rowsRead !== conversion.rowsRead || checked.invalidRows !== conversion.invalidRows || checked.recordCount !== conversion.recordCount)) {
          throw new Error(`${analysis.fileName} changed since its rows were checked, so nothing was imported: choose it again`);
        }
        // Stored twins too: a row moved to another account leaves the old one's rollup.
        if (rollups && progress.written > 0) await refreshRollups(db, [...touched, ...accountIdsOf(allTwins?.values() ?? [])]);
        return { conversion, counts, waitMs };
      } finally {
        options.signal?.removeEventListener('abort', abort);
      }
    });
  } catch (error) {
    if (options.signal?.aborted) throw new ImportCancelledError();
    throw error;
  }
}
