/**
 * Rescoring: every account's health computed again, written as today's ONE portfolio snapshot record.
 *
 * Accounts are taken in id order, in batches whose id spans are cut up front from a key-only read of the ids. A
 * batch reads its accounts and their scoring rollups (one record per account holding its usage, tickets, NPS and
 * meetings: lib/scoring/rollup.ts) with one range query per table over its span — two reads per batch and one record
 * per account and table, instead of every input row; overrides (few) are read once for the run. Knowing the spans,
 * the next batches are read while one is scored and written. An account
 * whose rollup is missing or of an older format gets it rebuilt from its rows first (lib/db/scoring-rollups.ts), so
 * scores never depend on a write path having kept it current. Each batch's scores are committed to `meta` with
 * the progress (the last account id done) in one transaction; a service worker killed mid-run resumes after that
 * account on its next start, and the snapshot is written from the committed chunks at the end. Rescoring twice on
 * the same day replaces the day's snapshot (its key is the date).
 *
 * Snapshots hold computed scores (-1 = no score), not overrides: trends follow the data, and an override is
 * applied wherever a score is shown. Unlocked overrides whose computed band changed are deleted here (see
 * lib/scoring/override.ts); overrides without a recorded band get the current one.
 */
import Dexie, { type ObservabilitySet, type Table } from 'dexie';
import type { Band, IsoDate } from '../schemas/common';
import type { Account, HealthSnapshot, Override, ScoringRollup } from '../schemas/records';
import type { Settings } from '../schemas/settings';
import { scoreAccount } from '../scoring/account-score';
import { isIsoDate } from '../scoring/dates';
import { ROLLUP_FORMAT, type RollupInputs } from '../scoring/rollup';
import type { SightlineDatabase } from './database';
import { refreshRollups } from './scoring-rollups';
import { touchesTables } from './storage-notices';

export const RESCORE_PROGRESS_KEY = 'rescore:progress';
export const RESCORE_LAST_KEY = 'rescore:last';
const chunkKey = (index: number) => `rescore:chunk:${index}`;

/**
 * Accounts per batch (one progress commit each). Each readwrite commit costs tens to hundreds of ms in Chromium
 * here, more while the database is busy, so batches are large: 100k accounts make 10 commits, and a worker killed
 * mid-run loses at most one batch (about a second of work).
 */
export const DEFAULT_BATCH_SIZE = 10_000;

/** Batches read ahead of the one being scored: the backend reads one while the page deserialises another. */
const READ_AHEAD = 2;

/** Tables whose changes can change a score. Rescoring's own writes (meta, snapshots, overrides) are not among them. */
export const SCORING_INPUT_TABLES = ['accounts', 'usage', 'tickets', 'nps', 'meetings', 'settings'] as const;

interface RescoreProgress {
  date: IsoDate;
  /** The score-relevant settings the run started with: a run is only resumed under the same ones. */
  settingsKey: string;
  startedAt: number;
  lastAccountId: string;
  done: number;
  chunks: number;
}

interface RescoreChunk {
  accountIds: string[];
  scores: number[];
}

export interface RescoreProgressEvent {
  done: number;
  total: number;
}

export interface RescoreOptions {
  batchSize?: number;
  onProgress?: (progress: RescoreProgressEvent) => void;
  /** Discard an interrupted run of today instead of resuming it (the data changed since it started). */
  restart?: boolean;
  /** Clock for the snapshot's computedAt; tests pin it. */
  now?: () => number;
}

export interface RescoreResult {
  date: IsoDate;
  accounts: number;
  /** Accounts with a score; the others have no data (unknown). */
  scored: number;
  unknown: number;
  /** Accounts an interrupted run had already done, picked up instead of scored again. */
  resumedFrom: number;
  batches: number;
  overridesDropped: number;
  overridesStamped: number;
  /** Milliseconds spent reading inputs, scoring, writing batches and the snapshot, and in all. */
  ms: { read: number; score: number; write: number; total: number };
}

function settingsKey(settings: Settings): string {
  const { weights, segmentWeights, bands, windowDays, usageExpectations, planLimits, indicators } = settings;
  return JSON.stringify([weights, segmentWeights, bands, windowDays, usageExpectations, planLimits, indicators]);
}

interface Batch {
  accounts: Account[];
  inputs: RollupInputs[];
}

/** A batch's id span: after `after` (from the start when null) up to and including `last` (to the end when null). */
interface Span {
  after: string | null;
  last: string | null;
}

/** The spans of batches of `size` accounts after `after`, cut from the account ids alone (a key-only read). */
async function planSpans(db: SightlineDatabase, after: string | null, size: number): Promise<{ spans: Span[]; accounts: number }> {
  const ids = (await inSpan(db.accounts, { after, last: null }).primaryKeys()) as string[];
  const spans: Span[] = [];
  for (let end = size; end - size < ids.length; end += size) {
    // The last span is open: accounts added after the ids were read are scored too if it is not read yet (else the
    // run that their change queues scores them).
    spans.push({ after: spans.at(-1)?.last ?? after, last: end < ids.length ? ids[end - 1]! : null });
  }
  return { spans, accounts: ids.length };
}

function inSpan<T, K, I>(table: Table<T, K, I>, span: Span) {
  return table.where(':id').between(span.after ?? Dexie.minKey, span.last ?? Dexie.maxKey, span.after === null, true);
}

/**
 * A span's accounts and rollups, read at once (both are keyed by account id, so the same span holds one rollup per
 * account). Overrides come from `overrides`, read for the whole run: reading them per batch would make each batch's
 * read wait for the previous batch's write, which includes overrides.
 */
async function readBatch(db: SightlineDatabase, span: Span, overrides: ReadonlyMap<string, Override>): Promise<Batch> {
  // Two implicit transactions, not one explicit: Dexie resolves an explicit transaction only once it completes,
  // and the backend completes it only after the reads queued ahead of that. A rollup that changes between the two
  // reads is as current as one read a moment earlier; a missing one is rebuilt below.
  const [accounts, rollups] = await Promise.all([inSpan(db.accounts, span).toArray(), inSpan(db.scoringRollups, span).toArray()]);
  const rollupBy = new Map<string, ScoringRollup>();
  for (const rollup of rollups) if (rollup.format === ROLLUP_FORMAT) rollupBy.set(rollup.accountId, rollup);
  const missing = accounts.filter((account) => !rollupBy.has(account.id)).map((account) => account.id);
  if (missing.length > 0) for (const rollup of await refreshRollups(db, missing)) rollupBy.set(rollup.accountId, rollup);
  const inputs = accounts.map((account) => ({ account, rollup: rollupBy.get(account.id)!, override: overrides.get(account.id) }));
  return { accounts, inputs };
}

async function discardProgress(db: SightlineDatabase): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const progress = (await db.meta.get(RESCORE_PROGRESS_KEY))?.value as RescoreProgress | undefined;
    if (!progress) return;
    await db.meta.bulkDelete([RESCORE_PROGRESS_KEY, ...Array.from({ length: progress.chunks }, (_, i) => chunkKey(i))]);
  });
}

/**
 * Scores every account as of `today` and writes today's snapshot. Resumes today's interrupted run when settings
 * are unchanged (unless `restart`). Throws for an invalid `today` or batch size, or invalid weights.
 */
export async function rescoreAll(
  db: SightlineDatabase,
  settings: Settings,
  today: IsoDate,
  options: RescoreOptions = {},
): Promise<RescoreResult> {
  if (!isIsoDate(today)) throw new RangeError(`today: "${String(today)}" is not a valid YYYY-MM-DD date`);
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize: ${batchSize} is not a positive whole number`);
  const now = options.now ?? Date.now;
  const started = performance.now();
  const key = settingsKey(settings);

  let progress = (await db.meta.get(RESCORE_PROGRESS_KEY))?.value as RescoreProgress | undefined;
  if (progress && (options.restart || progress.date !== today || progress.settingsKey !== key)) {
    await discardProgress(db);
    progress = undefined;
  }
  const resumedFrom = progress?.done ?? 0;
  let lastAccountId = progress?.lastAccountId ?? null;
  let done = resumedFrom;
  let chunks = progress?.chunks ?? 0;
  const startedAt = progress?.startedAt ?? now();
  const result: RescoreResult = {
    date: today, accounts: 0, scored: 0, unknown: 0, resumedFrom, batches: 0, overridesDropped: 0, overridesStamped: 0,
    ms: { read: 0, score: 0, write: 0, total: 0 },
  };
  // Spans are cut up front so that reads can run ahead: the backend reads the next batches while this one is
  // scored and written (they do not depend on what it writes: other accounts).
  const [{ spans, accounts: total }, overrideRows] = await Promise.all([
    planSpans(db, lastAccountId, batchSize),
    inSpan(db.overrides, { after: lastAccountId, last: null }).toArray(),
  ]);
  const overrides = new Map(overrideRows.map((o) => [o.accountId, o]));
  const reads = new Map<number, Promise<Batch>>();
  const readAhead = (index: number) => {
    const span = spans[index];
    if (span === undefined || reads.has(index)) return;
    const read = readBatch(db, span, overrides);
    // Marked handled: when this run stops early (a failed write), nobody waits for the reads ahead.
    read.catch(() => undefined);
    reads.set(index, read);
  };

  for (let index = 0; index < spans.length; index++) {
    for (let ahead = index; ahead <= index + READ_AHEAD; ahead++) readAhead(ahead);
    const t0 = performance.now();
    const batch = await reads.get(index)!;
    reads.delete(index);
    const t1 = performance.now();
    result.ms.read += t1 - t0;
    if (batch.accounts.length === 0) continue;

    const chunk: RescoreChunk = { accountIds: [], scores: [] };
    const drop: Override[] = [];
    const stamp: { seen: Override; band: Band }[] = [];
    for (const inputs of batch.inputs) {
      // The score alone: nothing here shows the explanation (the panel builds it for the account it shows).
      const health = scoreAccount(inputs, settings, today);
      chunk.accountIds.push(inputs.account.id);
      chunk.scores.push(health.computedScore ?? -1);
      if (health.override.state === 'lapsed') drop.push(health.override.override);
      else if (health.override.state === 'applied' && health.override.override.computedBandAtSet === undefined) {
        stamp.push({ seen: health.override.override, band: health.computedBand });
      }
    }
    const t2 = performance.now();
    result.ms.score += t2 - t1;

    lastAccountId = chunk.accountIds[chunk.accountIds.length - 1]!;
    done += chunk.accountIds.length;
    const next: RescoreProgress = { date: today, settingsKey: key, startedAt, lastAccountId, done, chunks: chunks + 1 };
    const written = await db.transaction('rw', [db.meta, db.overrides], async () => {
      await db.meta.bulkPut([
        { key: chunkKey(chunks), value: chunk },
        { key: RESCORE_PROGRESS_KEY, value: next },
      ]);
      // Overrides are checked again inside the write: a CSM may have locked or replaced one since the read.
      const seen = [...drop, ...stamp.map((s) => s.seen)];
      if (seen.length === 0) return { dropped: 0, stamped: 0 };
      const stored = await db.overrides.bulkGet(seen.map((o) => o.accountId));
      const unchanged = seen.map((o, i) => {
        const current = stored[i];
        return current !== undefined && current.setAt === o.setAt && current.locked === o.locked && current.computedBandAtSet === o.computedBandAtSet;
      });
      const toDrop = drop.filter((_, i) => unchanged[i]);
      const toStamp = stamp.filter((_, i) => unchanged[drop.length + i]).map((s) => ({ ...s.seen, computedBandAtSet: s.band }));
      await db.overrides.bulkDelete(toDrop.map((o) => o.accountId));
      await db.overrides.bulkPut(toStamp);
      return { dropped: toDrop.length, stamped: toStamp.length };
    });
    chunks++;
    result.ms.write += performance.now() - t2;
    result.overridesDropped += written.dropped;
    result.overridesStamped += written.stamped;
    result.batches++;
    options.onProgress?.({ done, total: Math.max(resumedFrom + total, done) });
  }

  const t3 = performance.now();
  const snapshot = await db.transaction('rw', [db.meta, db.snapshots], async () => {
    const keys = Array.from({ length: chunks }, (_, i) => chunkKey(i));
    const rows = await db.meta.bulkGet(keys);
    const accountIds: string[] = [];
    const scores: number[] = [];
    for (const row of rows) {
      const part = row?.value as RescoreChunk | undefined;
      if (!part) continue;
      for (const id of part.accountIds) accountIds.push(id);
      for (const score of part.scores) scores.push(score);
    }
    const record: HealthSnapshot = { date: today, computedAt: now(), accountIds, scores };
    await db.snapshots.put(record);
    await db.meta.bulkDelete([RESCORE_PROGRESS_KEY, ...keys]);
    return record;
  });
  result.accounts = snapshot.accountIds.length;
  for (const score of snapshot.scores) {
    if (score >= 0) result.scored++;
    else result.unknown++;
  }
  result.ms.write += performance.now() - t3;
  result.ms.total = performance.now() - started;
  await db.meta.put({ key: RESCORE_LAST_KEY, value: { ...result, startedAt, finishedAt: now() } });
  return result;
}

/** Whether a run is due: one was interrupted, or today has no snapshot yet. */
export async function rescoreDue(db: SightlineDatabase, today: IsoDate): Promise<boolean> {
  const [progress, snapshot] = await Promise.all([db.meta.get(RESCORE_PROGRESS_KEY), db.snapshots.get(today)]);
  return progress !== undefined || snapshot === undefined;
}

/** Whether a Dexie storage-mutation notice concerns a table that feeds scores, in this database. */
export function touchesScoringInputs(dbName: string, parts: ObservabilitySet): boolean {
  return touchesTables(parts, dbName, SCORING_INPUT_TABLES);
}
