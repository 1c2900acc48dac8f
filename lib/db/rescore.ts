/**
 * Rescoring: every account's health computed again, written as today's ONE portfolio snapshot record.
 *
 * Accounts are taken in id order, in batches. A batch reads its accounts, their scoring rollups (one record per
 * account holding its usage, tickets, NPS and meetings: lib/scoring/rollup.ts) and overrides with one range query
 * per table over the batch's id span (accounts are contiguous in id order, so the span holds exactly the batch's
 * records) — three reads per batch and one record per account and table, instead of every input row. An account
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
import type { ObservabilitySet } from 'dexie';
import type { Band, IsoDate } from '../schemas/common';
import type { Account, HealthSnapshot, Override, ScoringRollup } from '../schemas/records';
import type { Settings } from '../schemas/settings';
import { assessAccount } from '../scoring/account-health';
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

async function readBatch(db: SightlineDatabase, after: string | null, size: number): Promise<Batch> {
  const read = await db.transaction('r', [db.accounts, db.scoringRollups], async () => {
    const accounts = await (after === null ? db.accounts.orderBy('id') : db.accounts.where('id').above(after)).limit(size).toArray();
    if (accounts.length === 0) return { accounts, rollups: [] };
    const rollups = await db.scoringRollups.where('accountId').between(accounts[0]!.id, accounts[accounts.length - 1]!.id, true, true).toArray();
    return { accounts, rollups };
  });
  if (read.accounts.length === 0) return { accounts: [], inputs: [] };
  const first = read.accounts[0]!.id;
  const last = read.accounts[read.accounts.length - 1]!.id;
  // Apart from the large read, which so does not wait for the previous batch's write of overrides. They are
  // checked again when written.
  const overrides = db.overrides.where('accountId').between(first, last, true, true).toArray();
  const rollupBy = new Map<string, ScoringRollup>();
  for (const rollup of read.rollups) if (rollup.format === ROLLUP_FORMAT) rollupBy.set(rollup.accountId, rollup);
  const missing = read.accounts.filter((account) => !rollupBy.has(account.id)).map((account) => account.id);
  if (missing.length > 0) for (const rollup of await refreshRollups(db, missing)) rollupBy.set(rollup.accountId, rollup);
  const overrideBy = new Map<string, Override>((await overrides).map((o) => [o.accountId, o]));
  const inputs = read.accounts.map((account) => ({ account, rollup: rollupBy.get(account.id)!, override: overrideBy.get(account.id) }));
  return { accounts: read.accounts, inputs };
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
  // Counting walks the store: it overlaps the first read. Each next batch is read while this one is scored and
  // written (it does not depend on what they write: other accounts), so reading and deserialising overlap the rest.
  const counted = db.accounts.count();
  let reading = readBatch(db, lastAccountId, batchSize);
  const total = await counted;

  for (;;) {
    const t0 = performance.now();
    const batch = await reading;
    const t1 = performance.now();
    result.ms.read += t1 - t0;
    if (batch.accounts.length === 0) break;
    reading = readBatch(db, batch.accounts[batch.accounts.length - 1]!.id, batchSize);
    // Marked handled: when this run stops early (a failed write), nobody waits for the prefetch.
    reading.catch(() => undefined);

    const chunk: RescoreChunk = { accountIds: [], scores: [] };
    const drop: Override[] = [];
    const stamp: { seen: Override; band: Band }[] = [];
    for (const inputs of batch.inputs) {
      const health = assessAccount(inputs, settings, today);
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
    options.onProgress?.({ done, total: Math.max(total, done) });
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
