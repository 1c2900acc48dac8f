/** The popup's stored views (lib/portfolio/popup-view-cache.ts) in `meta`. */
import type { ObservabilitySet } from 'dexie';
import type { PortfolioDigest } from '../portfolio/digest';
import { buildStoredPopupViews } from '../portfolio/popup-view-cache';
import type { IsoDate } from '../schemas/common';
import type { Settings } from '../schemas/settings';
import type { SightlineDatabase } from './database';
import { readPortfolioDigest } from './portfolio-digest';
import { touchesTables } from './storage-notices';

export const POPUP_VIEWS_KEY = 'portfolio:popup-views';

export async function readStoredPopupViews(db: SightlineDatabase): Promise<unknown> {
  return (await db.meta.get(POPUP_VIEWS_KEY))?.value;
}

/** Builds the popup's views of `digest` for every filter, with the overrides stored now, and stores them. */
export async function storePopupViews(db: SightlineDatabase, digest: PortfolioDigest, { settings, today }: { settings: Settings; today: IsoDate }): Promise<void> {
  const overrides = await db.overrides.toArray();
  await db.meta.put({ key: POPUP_VIEWS_KEY, value: buildStoredPopupViews({ digest, overrides, settings, today }) });
}

/** The same from the stored digest (after overrides changed); nothing when there is no digest yet. */
export async function refreshPopupViews(db: SightlineDatabase, { settings, today }: { settings: Settings; today: IsoDate }): Promise<void> {
  const digest = await readPortfolioDigest(db);
  if (digest) await storePopupViews(db, digest, { settings, today });
}

/** Whether a Dexie storage-mutation notice concerns the overrides, which every popup view reads, in this database. */
export function touchesOverrides(dbName: string, parts: ObservabilitySet): boolean {
  return touchesTables(parts, dbName, ['overrides']);
}
