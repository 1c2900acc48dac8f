/**
 * Issue 3's floor: the records rescoring reads — accounts, their scoring rollups (one per account) and overrides —
 * read with the plain API (one getAll per store, one transaction), and
 * a portfolio snapshot of the same size written — no scoring, no batching, no progress records. The snapshot goes
 * to a scratch `meta` key and is removed again, so the real snapshots are untouched.
 */
import { getDatabase } from '../../lib/db/database';
import type { RescoreFloorResult } from './api';
import { requestDone, transactionDone } from './raw-idb';

/** What lib/db/rescore.ts reads for every account. */
const INPUT_STORES = ['accounts', 'scoringRollups', 'overrides', 'settings'] as const;
const SCRATCH_KEY = 'bench:floor-snapshot';

export async function rescoreFloor(): Promise<RescoreFloorResult> {
  const db = getDatabase();
  await db.open();
  const idb = db.backendDB();
  const t0 = performance.now();
  const tx = idb.transaction([...INPUT_STORES], 'readonly');
  const results = await Promise.all(INPUT_STORES.map((store) => requestDone(tx.objectStore(store).getAll())));
  const t1 = performance.now();
  const accounts = results[0] as { id: string }[];
  const accountIds = accounts.map((a) => a.id);
  const scores = new Array<number>(accountIds.length).fill(-1);
  const write = idb.transaction('meta', 'readwrite');
  write.objectStore('meta').put({ key: SCRATCH_KEY, value: { date: '1970-01-01', computedAt: Date.now(), accountIds, scores } });
  await transactionDone(write);
  const t2 = performance.now();
  const cleanup = idb.transaction('meta', 'readwrite');
  cleanup.objectStore('meta').delete(SCRATCH_KEY);
  await transactionDone(cleanup);
  const read: Record<string, number> = {};
  INPUT_STORES.forEach((store, i) => (read[store] = results[i]!.length));
  return { read, readMs: t1 - t0, writeMs: t2 - t1, totalMs: t2 - t0 };
}
