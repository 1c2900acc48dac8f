/**
 * One account's earlier scores (trend points) without reading whole portfolio snapshots on every lookup.
 *
 * A snapshot holds every account's score for a day in one record (rescoring writes one record, not one per account),
 * and IndexedDB cannot read part of a record. So the snapshot behind a trend point is found with a key-only query
 * (no record read), decoded once into an id → score map, and kept for later lookups: every badge and panel of the day
 * then costs no snapshot read at all. Any write to the snapshots table, in this context or another (Dexie's
 * storagemutated event crosses contexts), clears the kept maps of that database.
 */
import type { IsoDate } from '../schemas/common';
import type { ScorePoint } from '../scoring/inputs';
import { TREND_OFFSETS, trendWindow } from '../scoring/trend';
import type { SightlineDatabase } from './database';
import { onSnapshotWrites, type SnapshotsTouched } from './snapshot-writes';

/** Two trend points a day, plus yesterday's pair around midnight. */
const MAX_DAYS_KEPT = 4;
/** The extension has one database; tests open many. */
const MAX_DATABASES_KEPT = 8;

/** Per database name: the decoded snapshots by date. */
const kept = new Map<string, Map<IsoDate, ReadonlyMap<string, number>>>();
/** Bumped on every clear, so a read that raced a write does not keep what it read. */
let generation = 0;

/** Drops what was kept for every database whose snapshots changed. */
function dropTouched(touched: SnapshotsTouched): void {
  for (const dbName of kept.keys()) {
    if (touched(dbName)) {
      kept.delete(dbName);
      generation++;
    }
  }
}

/** The day's scores by account id (-1 = no score), read once and kept until the snapshots change. */
async function scoresOf(db: SightlineDatabase, date: IsoDate): Promise<ReadonlyMap<string, number> | undefined> {
  onSnapshotWrites(dropTouched);
  const known = kept.get(db.name)?.get(date);
  if (known) return known;
  const before = generation;
  const snapshot = await db.snapshots.get(date);
  if (!snapshot) return undefined;
  const scores = new Map<string, number>();
  snapshot.accountIds.forEach((id, i) => scores.set(id, snapshot.scores[i] ?? -1));
  if (generation === before) {
    let days = kept.get(db.name);
    if (!days) {
      if (kept.size >= MAX_DATABASES_KEPT) kept.clear();
      kept.set(db.name, (days = new Map()));
    }
    if (days.size >= MAX_DAYS_KEPT) days.clear();
    days.set(date, scores);
  }
  return scores;
}

/** The account's score in the newest snapshot of each trend window (see lib/scoring/trend.ts), windows read at once. */
export async function trendPoints(db: SightlineDatabase, accountId: string, today: IsoDate): Promise<ScorePoint[]> {
  const points = await Promise.all(
    TREND_OFFSETS.map(async (daysAgo): Promise<ScorePoint | null> => {
      const { from, to } = trendWindow(today, daysAgo);
      const date = await db.snapshots.where('date').between(from, to, true, true).lastKey();
      if (typeof date !== 'string') return null;
      const scores = await scoresOf(db, date);
      if (!scores) return null;
      const score = scores.get(accountId);
      return { date, score: score === undefined || score < 0 ? null : score };
    }),
  );
  return points.filter((point): point is ScorePoint => point !== null);
}
