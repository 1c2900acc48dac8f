/**
 * One account's computed scores over the last days, for the panel's sparkline. Each day's snapshot holds the whole
 * portfolio in one record (100k ids at scale) and IndexedDB cannot read part of a record, so the points are read
 * once, one snapshot at a time, and kept per account until the snapshots change: the panel's live query re-runs on
 * every tick or note and must not decode a month of portfolio snapshots each time. Any write to the snapshots table
 * (in this context or another: Dexie's storagemutated event crosses contexts) drops what was kept.
 */
import type { IsoDate } from '../schemas/common';
import type { ScorePoint } from '../schemas/panel';
import { scoreInSnapshot } from './account-inputs';
import type { SightlineDatabase } from './database';
import { onSnapshotWrites, type SnapshotsTouched } from './snapshot-writes';

/** Accounts whose history is kept (open panels; a handful in practice). */
const MAX_KEPT = 50;

const kept = new Map<string, { dates: string; points: ScorePoint[] }>();
/** Bumped on every drop, so a read that raced a write does not keep what it read. */
let generation = 0;

/** Drops what was kept for every database whose snapshots changed. */
function dropTouched(touched: SnapshotsTouched): void {
  for (const key of [...kept.keys()]) {
    if (touched(key.slice(0, key.indexOf('\u0000')))) {
      kept.delete(key);
      generation++;
    }
  }
}

/** The account's score in each snapshot dated from `from` up to, not including, `until`; oldest first. */
export async function scoreHistory(db: SightlineDatabase, accountId: string, from: IsoDate, until: IsoDate): Promise<ScorePoint[]> {
  onSnapshotWrites(dropTouched);
  // A key-only query: cheap, and it is what makes a live query re-run when a snapshot in the span appears.
  const dates = (await db.snapshots.where('date').between(from, until, true, false).primaryKeys()) as IsoDate[];
  const key = `${db.name}\u0000${accountId}`;
  const datesKey = dates.join(',');
  const known = kept.get(key);
  if (known?.dates === datesKey) return known.points;

  const before = generation;
  const points: ScorePoint[] = [];
  for (const date of dates) {
    const snapshot = await db.snapshots.get(date);
    if (snapshot) points.push({ date, score: scoreInSnapshot(snapshot, accountId) });
  }
  if (generation === before) {
    if (kept.size >= MAX_KEPT) kept.clear();
    kept.set(key, { dates: datesKey, points });
  }
  return points;
}
