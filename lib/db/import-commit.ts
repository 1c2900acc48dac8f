/**
 * Writes a validated import in ONE readwrite transaction: stored twins are read, the upsert is planned
 * (lib/import/upsert-plan.ts) and only new or changed records are written. Either all of it lands or none:
 * a failure, a cancel (AbortSignal → transaction abort) or the page dying midway leaves the database as it was,
 * because IndexedDB aborts a transaction that did not finish.
 */
import type { IndexableType, Table } from 'dexie';
import { type AccountLinkIndex, buildAccountLinkIndex } from '../import/account-links';
import type { ConversionResult } from '../import/convert-rows';
import type { ImportKind } from '../import/import-kinds';
import type { ImportKindSpec, RecordOfKind } from '../import/kind-spec';
import { KIND_SPECS } from '../import/kinds';
import { ImportCancelledError } from '../import/text-chunks';
import { DemoTwinError } from '../import/reserved-ids';
import { indexByNaturalKeys, planUpsert, type UpsertPlan } from '../import/upsert-plan';
import type { SightlineDatabase } from './database';
import { accountIdsOf, feedsRollups, refreshRollups, rollupTransactionTables } from './scoring-rollups';

/** Records per bulkPut: small enough for steady progress, large enough that the per-call cost vanishes. */
export const COMMIT_BATCH = 5000;

export interface CommitCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface CommitOptions {
  signal?: AbortSignal;
  onProgress?: (progress: { written: number; total: number }) => void;
}

/** The stored accounts that rows of this kind can link to (none are read for kinds that do not link). */
export async function loadAccountLinkIndex(db: SightlineDatabase, kind: ImportKind): Promise<AccountLinkIndex> {
  if (KIND_SPECS[kind].account === 'none') return buildAccountLinkIndex([]);
  return buildAccountLinkIndex(await db.accounts.toArray());
}

function tableOf<K extends ImportKind>(db: SightlineDatabase, kind: K): Table<RecordOfKind[K], IndexableType> {
  return db.table(kind);
}

async function storedTwins<K extends ImportKind>(
  table: Table<RecordOfKind[K], IndexableType>,
  spec: ImportKindSpec<RecordOfKind[K]>,
  records: readonly RecordOfKind[K][],
): Promise<Map<string, RecordOfKind[K]>> {
  if (records.length === 0 || (await table.count()) === 0) return new Map();
  if (spec.matchBy === 'natural-keys') return indexByNaturalKeys(spec, await table.toArray());
  const stored: RecordOfKind[K][] = [];
  for (let start = 0; start < records.length; start += COMMIT_BATCH) {
    const found = await table.bulkGet(records.slice(start, start + COMMIT_BATCH).map((record) => spec.primaryKey(record)));
    for (const record of found) if (record) stored.push(record);
  }
  return indexByNaturalKeys(spec, stored);
}

function plan<K extends ImportKind>(
  spec: ImportKindSpec<RecordOfKind[K]>,
  conversion: ConversionResult<RecordOfKind[K]>,
  twins: Map<string, RecordOfKind[K]>,
): UpsertPlan<RecordOfKind[K]> {
  const upsert = planUpsert(spec, conversion.records, twins, { ownedKeys: conversion.ownedKeys, defaultedKeys: conversion.defaultedKeys });
  if (upsert.demoTwins.length > 0) throw new DemoTwinError(upsert.demoTwins);
  return upsert;
}

/** What a commit would do, read-only (for the preview step). */
export async function previewCommit<K extends ImportKind>(db: SightlineDatabase, conversion: ConversionResult<RecordOfKind[K]>): Promise<CommitCounts> {
  const spec: ImportKindSpec<RecordOfKind[K]> = KIND_SPECS[conversion.kind as K];
  const table = tableOf(db, conversion.kind as K);
  return db.transaction('r', table, async () => {
    const { created, updated, unchanged } = plan(spec, conversion, await storedTwins(table, spec, conversion.records));
    return { created, updated, unchanged };
  });
}

export async function commitImport<K extends ImportKind>(
  db: SightlineDatabase,
  conversion: ConversionResult<RecordOfKind[K]>,
  options: CommitOptions = {},
): Promise<CommitCounts> {
  const spec: ImportKindSpec<RecordOfKind[K]> = KIND_SPECS[conversion.kind as K];
  const table = tableOf(db, conversion.kind as K);
  if (options.signal?.aborted) throw new ImportCancelledError();
  try {
    // Rows that feed scoring rollups refresh the touched accounts' rollups in the same transaction.
    const rollups = feedsRollups(conversion.kind);
    return await db.transaction('rw', [table, ...(rollups ? rollupTransactionTables(db) : [])], async (tx) => {
      const abort = () => tx.abort();
      options.signal?.addEventListener('abort', abort, { once: true });
      try {
        const twins = await storedTwins(table, spec, conversion.records);
        const upsert = plan(spec, conversion, twins);
        const total = upsert.puts.length;
        options.onProgress?.({ written: 0, total });
        for (let start = 0; start < total; start += COMMIT_BATCH) {
          await table.bulkPut(upsert.puts.slice(start, start + COMMIT_BATCH));
          options.onProgress?.({ written: Math.min(start + COMMIT_BATCH, total), total });
        }
        // Stored twins too: a row moved to another account leaves the old one's rollup.
        if (rollups && total > 0) await refreshRollups(db, accountIdsOf([...upsert.puts, ...twins.values()]));
        return { created: upsert.created, updated: upsert.updated, unchanged: upsert.unchanged };
      } finally {
        options.signal?.removeEventListener('abort', abort);
      }
    });
  } catch (error) {
    if (options.signal?.aborted) throw new ImportCancelledError();
    throw error;
  }
}
