/**
 * Rescoring: every account's health computed again, written as today's ONE portfolio snapshot record.
 *
 * Accounts are taken in id order, in batches. A batch reads its accounts and their scoring rollups (one record per
 * account holding its usage, tickets, NPS and meetings: lib/scoring/rollup.ts), both from the same id on — two reads
 * per batch and one record per account and table, instead of every input row; overrides (few) are read once for the
 * run. The next batches are read while one is scored and written. An account
 * whose rollup is missing or of an older format gets it rebuilt from its rows first (lib/db/scoring-rollups.ts), so
 * scores never depend on a write path having kept it current. Every ~2 s of work, the scores so far are committed to
 * `meta` with the progress (the last account id done) in one transaction; a service worker killed mid-run resumes
 * after that account on its next start. The snapshot is written from the committed chunks and the rest in one last
 * transaction. Rescoring twice on the same day replaces the day's snapshot (its key is the date).
 *
 * Snapshots hold computed scores (-1 = no score), not overrides: trends follow the data, and an override is
 * applied wherever a score is shown. Unlocked overrides whose computed band changed are deleted here (see
 * lib/scoring/override.ts); overrides without a recorded band get the current one.
 */
import Dexie, { type Table } from 'dexie';
import type { Band, IsoDate } from '../schemas/common';
import type { Account, HealthSnapshot, Override, ScoringRollup } from '../schemas/records';
import type { Settings } from '../schemas/settings';
import { type AccountScore, scoreAccount } from '../scoring/account-score';
import { isIsoDate } from '../scoring/dates';
import { ROLLUP_FORMAT, type RollupInputs } from '../scoring/rollup';
import type { SightlineDatabase } from './database';
import { refreshRollups } from './scoring-rollups';

export const RESCORE_PROGRESS_KEY = 'rescore:progress';
export const RESCORE_LAST_KEY = 'rescore:last';
const chunkKey = (index: number) => `rescore:chunk:${index}`;

/** Accounts read and scored at a time: bounds what is held in memory (a batch's rollups are ~10 MB). */
export const DEFAULT_BATCH_SIZE = 10_000;

/**
 * Work between progress commits. Each readwrite commit costs tens of ms in Chromium here, and up to ~0.5 s while
 * the database is busy (after a large import, say), so scores are committed with the progress only once this much
 * time has passed: a worker killed mid-run loses at most about this much work. A run shorter than this writes once,
 * at the end.
 */
export const DEFAULT_COMMIT_EVERY_MS = 2000;

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

/** What scores call for in overrides: lapsed ones deleted, those without a recorded band given the current one. */
export interface OverrideChanges {
  drop: Override[];
  stamp: { seen: Override; band: Band }[];
}

/** Scores not committed yet, and the override changes they call for. */
interface Uncommitted extends OverrideChanges {
  chunk: RescoreChunk;
}

const nothingYet = (): Uncommitted => ({ chunk: { accountIds: [], scores: [] }, drop: [], stamp: [] });

/** Adds what one account's score calls for in its override to `changes`. */
export function noteOverrideChange(health: AccountScore, changes: OverrideChanges): void {
  if (health.override.state === 'lapsed') changes.drop.push(health.override.override);
  else if (health.override.state === 'applied' && health.override.override.computedBandAtSet === undefined) {
    changes.stamp.push({ seen: health.override.override, band: health.computedBand });
  }
}

/**
 * Deletes lapsed overrides and records the band on those without one, inside the caller's transaction. Each is
 * checked again first: a CSM may have locked or replaced it since it was read.
 */
export async function writeOverrideChanges(db: SightlineDatabase, { drop, stamp }: OverrideChanges): Promise<{ dropped: number; stamped: number }> {
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
}

export interface RescoreProgressEvent {
  done: number;
  total: number;
}

export interface RescoreOptions {
  batchSize?: number;
  /** Milliseconds of work between progress commits (0: after every batch). */
  commitEveryMs?: number;
  /** Called after each commit of progress, and after the snapshot's. */
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

/** The settings a run's scores depend on: a resumed run must have been started under the same ones. */
export function settingsKey(settings: Settings): string {
  const { weights, segmentWeights, bands, windowDays, usageExpectations, planLimits, indicators } = settings;
  return JSON.stringify([weights, segmentWeights, bands, windowDays, usageExpectations, planLimits, indicators]);
}

interface Batch {
  accounts: Account[];
  inputs: RollupInputs[];
}

/** A table's records after account id `id` (from the first when null), in key order. */
function after<T, K, I>(table: Table<T, K, I>, id: string | null) {
  return table.where(':id').above(id ?? Dexie.minKey);
}

/** A batch being read: its accounts come first, and tell where the next batch starts. */
interface PendingBatch {
  accounts: Promise<Account[]>;
  batch: Promise<Batch>;
}

/**
 * The next `size` accounts after `from` and their rollups, read at once: both are keyed by account id, so the
 * same number of rollups after the same id are the batch's rollups (one per account). Overrides come from
 * `overrides`, read once for the run: reading them per batch would make each batch's read wait for the previous
 * batch's write, which includes overrides.
 */
function readBatch(db: SightlineDatabase, from: string | null, size: number, overrides: Promise<ReadonlyMap<string, Override>>): PendingBatch {
  // Implicit transactions, not one explicit: Dexie resolves an explicit transaction only once it completes, and the
  // backend completes it only after the reads queued ahead of that. A rollup that changes between the two reads is
  // as current as one read a moment earlier; a missing one is rebuilt below.
  const accounts = after(db.accounts, from).limit(size).toArray();
  const rollups = after(db.scoringRollups, from).limit(size).toArray();
  const batch = (async (): Promise<Batch> => {
    const [rows, found] = await Promise.all([accounts, rollups]);
    if (rows.length === 0) return { accounts: rows, inputs: [] };
    const last = rows[rows.length - 1]!.id;
    const rollupBy = new Map<string, ScoringRollup>();
    const keep = (rollup: ScoringRollup) => {
      if (rollup.format === ROLLUP_FORMAT) rollupBy.set(rollup.accountId, rollup);
    };
    found.forEach(keep);
    // Rollups without an account took places in the read: read the rest of the batch's span.
    const lastFound = found.at(-1)?.accountId;
    if (found.length === size && lastFound !== undefined && lastFound < last) {
      (await db.scoringRollups.where(':id').between(lastFound, last, false, true).toArray()).forEach(keep);
    }
    const missing = rows.filter((account) => !rollupBy.has(account.id)).map((account) => account.id);
    if (missing.length > 0) (await refreshRollups(db, missing)).forEach(keep);
    const byAccount = await overrides;
    const inputs = rows.map((account) => ({ account, rollup: rollupBy.get(account.id)!, override: byAccount.get(account.id) }));
    return { accounts: rows, inputs };
  })();
  return { accounts: handled(accounts), batch: handled(batch) };
}

/** Marked handled: when a run stops early (a failed write), nobody waits for the reads ahead. */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
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
 * are unchanged (unless `restart`). Throws for an invalid `today`, batch size or commit interval, or invalid weights.
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
  const commitEveryMs = options.commitEveryMs ?? DEFAULT_COMMIT_EVERY_MS;
  if (!(commitEveryMs >= 0)) throw new RangeError(`commitEveryMs: ${commitEveryMs} is not a number of milliseconds`);
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
  const overrides = handled(
    after(db.overrides, lastAccountId)
      .toArray()
      .then((rows) => new Map(rows.map((o) => [o.accountId, o]))),
  );
  // Counting walks the store: only when someone wants the total.
  const counted = handled(options.onProgress ? db.accounts.count() : Promise.resolve(0));
  // Each batch is asked for as soon as the accounts of the one before are in (they tell where it starts), up to
  // READ_AHEAD batches ahead: the backend reads them while the page scores and writes this one, which does not
  // change them (other accounts). Reading goes on until a batch comes back empty, so accounts added meanwhile after
  // the last id are scored too.
  const pending = [readBatch(db, lastAccountId, batchSize, overrides)];
  const readAfter = (previous: PendingBatch): PendingBatch => {
    const next = handled(previous.accounts.then((rows) => (rows.length === 0 ? null : readBatch(db, rows[rows.length - 1]!.id, batchSize, overrides))));
    return {
      accounts: handled(next.then((read) => read?.accounts ?? [])),
      batch: handled(next.then((read) => read?.batch ?? { accounts: [], inputs: [] })),
    };
  };

  let open = nothingYet();
  let committedAt = performance.now();
  const timesSince = (writeStarted: number) => {
    const at = performance.now();
    return { ...result.ms, write: result.ms.write + at - writeStarted, total: at - started };
  };
  for (;;) {
    while (pending.length <= READ_AHEAD) pending.push(readAfter(pending[pending.length - 1]!));
    const t0 = performance.now();
    const batch = await pending.shift()!.batch;
    const t1 = performance.now();
    result.ms.read += t1 - t0;
    if (batch.accounts.length === 0) break;

    const { chunk } = open;
    for (const inputs of batch.inputs) {
      // The score alone: nothing here shows the explanation (the panel builds it for the account it shows).
      const health = scoreAccount(inputs, settings, today);
      chunk.accountIds.push(inputs.account.id);
      chunk.scores.push(health.computedScore ?? -1);
      noteOverrideChange(health, open);
    }
    const t2 = performance.now();
    result.ms.score += t2 - t1;
    result.batches++;
    lastAccountId = chunk.accountIds[chunk.accountIds.length - 1]!;
    done += batch.accounts.length;
    if (t2 - committedAt < commitEveryMs) continue;

    const next: RescoreProgress = { date: today, settingsKey: key, startedAt, lastAccountId, done, chunks: chunks + 1 };
    const committing = open;
    const written = await db.transaction('rw', [db.meta, db.overrides], async () => {
      await db.meta.bulkPut([
        { key: chunkKey(chunks), value: committing.chunk },
        { key: RESCORE_PROGRESS_KEY, value: next },
      ]);
      return writeOverrideChanges(db, committing);
    });
    chunks++;
    open = nothingYet();
    committedAt = performance.now();
    result.ms.write += committedAt - t2;
    result.overridesDropped += written.dropped;
    result.overridesStamped += written.stamped;
    options.onProgress?.({ done, total: Math.max(await counted, done) });
  }

  // One transaction for the rest: the scores not committed yet, their override changes, the snapshot, the progress
  // records' removal, and the record of this run (its times as of this write).
  const t3 = performance.now();
  const tail = open;
  await db.transaction('rw', [db.meta, db.snapshots, db.overrides], async () => {
    const keys = Array.from({ length: chunks }, (_, i) => chunkKey(i));
    const rows = await db.meta.bulkGet(keys);
    const accountIds: string[] = [];
    const scores: number[] = [];
    for (const part of [...rows.map((row) => row?.value as RescoreChunk | undefined), tail.chunk]) {
      if (!part) continue;
      for (const id of part.accountIds) accountIds.push(id);
      for (const score of part.scores) scores.push(score);
    }
    const record: HealthSnapshot = { date: today, computedAt: now(), accountIds, scores };
    await db.snapshots.put(record);
    const written = await writeOverrideChanges(db, tail);
    result.overridesDropped += written.dropped;
    result.overridesStamped += written.stamped;
    result.accounts = accountIds.length;
    for (const score of scores) {
      if (score >= 0) result.scored++;
      else result.unknown++;
    }
    const last: LastFullRun = { ...result, ms: timesSince(t3), startedAt, finishedAt: now(), settingsKey: key };
    await db.meta.bulkDelete([RESCORE_PROGRESS_KEY, ...keys]);
    await db.meta.put({ key: RESCORE_LAST_KEY, value: last });
  });
  result.ms = timesSince(t3);
  if (tail.chunk.accountIds.length > 0) options.onProgress?.({ done, total: Math.max(await counted, done) });
  return result;
}

/** What the last complete run records (`rescore:last`). */
export interface LastFullRun extends RescoreResult {
  startedAt: number;
  finishedAt: number;
  /** The settings its scores were computed with (settingsKey). */
  settingsKey: string;
}

/**
 * Whether today's snapshot is the work of a full run under `settings`: only such a snapshot may be patched account
 * by account. Settings saved while the service worker slept set off no rescoring (nobody received the notice).
 */
export async function snapshotIsCurrent(db: SightlineDatabase, settings: Settings, today: IsoDate): Promise<boolean> {
  const last = (await db.meta.get(RESCORE_LAST_KEY))?.value as Partial<LastFullRun> | undefined;
  return last?.date === today && last.settingsKey === settingsKey(settings);
}

/** Whether a run is due: one was interrupted, today has no snapshot yet, or it was computed under other settings. */
export async function rescoreDue(db: SightlineDatabase, settings: Settings, today: IsoDate): Promise<boolean> {
  const [progress, snapshot, current] = await Promise.all([
    db.meta.get(RESCORE_PROGRESS_KEY),
    db.snapshots.get(today),
    snapshotIsCurrent(db, settings, today),
  ]);
  return progress !== undefined || snapshot === undefined || !current;
}
