/** The popup's stored view (lib/portfolio/popup-view-cache.ts) in `meta`. */
import type { PortfolioDigest } from '../portfolio/digest';
import { buildPopupView } from '../portfolio/popup-view';
import { popupInputsKey, toStoredPopupView, type StoredPopupView } from '../portfolio/popup-view-cache';
import type { IsoDate } from '../schemas/common';
import type { PortfolioFilter } from '../schemas/portfolio';
import type { Settings } from '../schemas/settings';
import type { SightlineDatabase } from './database';

export const POPUP_VIEW_KEY = 'portfolio:popup-view';

export async function readStoredPopupView(db: SightlineDatabase): Promise<unknown> {
  return (await db.meta.get(POPUP_VIEW_KEY))?.value;
}

export async function storePopupView(db: SightlineDatabase, stored: StoredPopupView): Promise<void> {
  await db.meta.put({ key: POPUP_VIEW_KEY, value: stored });
}

/** Builds the popup's view of a digest just built, for the filter the popup remembers, and stores it. */
export async function storeViewOfDigest(
  db: SightlineDatabase,
  digest: PortfolioDigest,
  { filter, settings, today }: { filter: PortfolioFilter; settings: Settings; today: IsoDate },
): Promise<void> {
  const overrides = await db.overrides.toArray();
  const view = buildPopupView({ digest, overrides, settings, filter, today });
  await storePopupView(db, toStoredPopupView(view, { digestBuiltAt: digest.builtAt, today, filter, inputsKey: popupInputsKey(overrides, settings) }));
}
