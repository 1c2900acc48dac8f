/**
 * Stores the portfolio digest (lib/portfolio/digest.ts) as one `meta` record, rebuilt by the background after
 * every rescoring, and reads it back for the popup. Reading all records happens here, in the background, once.
 */
import type { ObservabilitySet } from 'dexie';
import { digestSteps, isPortfolioDigest, type PortfolioDigest } from '../portfolio/digest';
import type { IsoDate } from '../schemas/common';
import type { HealthSnapshot } from '../schemas/records';
import type { Settings } from '../schemas/settings';
import { trendWindow } from '../scoring/trend';
import type { SightlineDatabase } from './database';
import { readAllInPages } from './paged-read';
import { touchesTables } from './storage-notices';

export const PORTFOLIO_DIGEST_KEY = 'portfolio:digest';
/** The digest's build time and snapshot date, stored beside it: the popup checks its stored view without reading the digest. */
export const DIGEST_STAMP_KEY = 'portfolio:digest-stamp';

export interface DigestStamp {
  builtAt: number;
  snapshotDate: IsoDate | null;
}

/** Milliseconds of building between pauses. */
const WORK_BETWEEN_PAUSES_MS = 10;

/** Reads every record the digest needs in one read transaction and builds it (nothing is written). */
export async function computePortfolioDigest(db: SightlineDatabase, settings: Settings, today: IsoDate, builtAt: number): Promise<PortfolioDigest> {
  const snapshotIn = (daysAgo: number): Promise<HealthSnapshot | undefined> => {
    const { from, to } = trendWindow(today, daysAgo);
    return db.snapshots.where('date').between(from, to, true, true).last();
  };
  // One table after another, a page at a time: badge lookups get in between (lib/db/paged-read.ts).
  const [accounts, opportunities, nps, tickets, milestones, snapshot, snapshot7, snapshot30] = await db.transaction(
    'r',
    [db.accounts, db.opportunities, db.nps, db.tickets, db.milestones, db.snapshots],
    async () => [
      await readAllInPages(db.accounts),
      await readAllInPages(db.opportunities),
      await readAllInPages(db.nps),
      await readAllInPages(db.tickets),
      await readAllInPages(db.milestones),
      await db.snapshots.where('date').belowOrEqual(today).last(),
      await snapshotIn(7),
      await snapshotIn(30),
    ] as const,
  );
  const steps = digestSteps({ accounts, opportunities, nps, tickets, milestones, snapshot, snapshot7, snapshot30, targets: settings.targets, today, builtAt });
  let pausedAt = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    // A task boundary, so that messages that arrived meanwhile are handled first; only after some work, as nested
    // timers are held back at least 4 ms each.
    if (performance.now() - pausedAt < WORK_BETWEEN_PAUSES_MS) continue;
    await new Promise((resolve) => setTimeout(resolve, 0));
    pausedAt = performance.now();
  }
}

export async function refreshPortfolioDigest(db: SightlineDatabase, settings: Settings, today: IsoDate, builtAt: number): Promise<PortfolioDigest> {
  const digest = await computePortfolioDigest(db, settings, today, builtAt);
  const stamp: DigestStamp = { builtAt: digest.builtAt, snapshotDate: digest.snapshotDate };
  await db.meta.bulkPut([
    { key: PORTFOLIO_DIGEST_KEY, value: digest },
    { key: DIGEST_STAMP_KEY, value: stamp },
  ]);
  return digest;
}

/** The stored digest, or undefined when there is none (or one this code cannot read). */
export async function readPortfolioDigest(db: SightlineDatabase): Promise<PortfolioDigest | undefined> {
  const row = await db.meta.get(PORTFOLIO_DIGEST_KEY);
  return isPortfolioDigest(row?.value) ? row.value : undefined;
}

export async function readDigestStamp(db: SightlineDatabase): Promise<DigestStamp | undefined> {
  const value = (await db.meta.get(DIGEST_STAMP_KEY))?.value as Partial<DigestStamp> | undefined;
  return typeof value?.builtAt === 'number' ? { builtAt: value.builtAt, snapshotDate: value.snapshotDate ?? null } : undefined;
}

/** Tables the digest reads that rescoring does not watch: their changes must refresh the digest too. */
const DIGEST_ONLY_INPUT_TABLES = ['opportunities', 'milestones'] as const;

/** Whether a Dexie storage-mutation notice concerns a table only the digest reads, in this database. */
export function touchesDigestInputs(dbName: string, parts: ObservabilitySet): boolean {
  return touchesTables(parts, dbName, DIGEST_ONLY_INPUT_TABLES);
}
